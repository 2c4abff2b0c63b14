import {
  Button,
  Drawer,
  Grid,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue, useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconChartBar, IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { useSignedInMe } from '../../../lib/session.ts';
import {
  activeFilterCount,
  filtersFromSearch,
  type ProblemFilterState,
  type ProblemView,
  SORTS,
  searchFromFilters,
} from '../api/filters.ts';
import { useProblemList } from '../api/problems.ts';
import { ProblemCard } from './ProblemCard.tsx';
import { ProblemFilters } from './ProblemFilters.tsx';

/** The board: views, search, filters and sort, all in the URL; the list follows as they change. */
export function ProblemsBoardPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const setFilters = (next: ProblemFilterState) =>
    setSearchParams(searchFromFilters(next), { replace: true });

  const [text, setText] = useState(filters.q);
  const [debouncedText] = useDebouncedValue(text, 300);
  const latest = useRef(filters);
  latest.current = filters;
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a new debounced text should search
  useEffect(() => {
    if (debouncedText.trim() !== latest.current.q.trim()) setFilters({ ...latest.current, q: debouncedText });
  }, [debouncedText]);

  const list = useProblemList(filters);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const isDesktop = useMediaQuery('(min-width: 62em)');
  const [drawerOpened, drawer] = useDisclosure(false);
  const active = activeFilterCount(filters);
  const isAdmin = me.user.role === 'admin';
  const views: ProblemView[] = isAdmin ? ['all', 'mine', 'assigned', 'triage'] : ['all', 'mine', 'assigned'];
  const panel = <ProblemFilters filters={filters} onChange={setFilters} />;

  return (
    <Stack gap="md">
      <PageHeader
        title={t('problems.title')}
        description={t('problems.description')}
        actions={
          <Group gap="xs">
            {me.user.role !== 'observer' && (
              <Button component={Link} to="/problems/new" leftSection={<IconPlus size={18} aria-hidden />}>
                {t('problems.raise.button')}
              </Button>
            )}
            <Button
              component={Link}
              to="/problems/accountability"
              variant="default"
              leftSection={<IconChartBar size={18} aria-hidden />}
            >
              {t('problems.accountability.link')}
            </Button>
          </Group>
        }
      />
      <nav aria-label={t('problems.views.label')}>
        <Group gap={6}>
          {views.map((view) => (
            <Button
              key={view}
              size="compact-sm"
              radius="xl"
              variant={filters.view === view ? 'filled' : 'default'}
              aria-current={filters.view === view ? 'page' : undefined}
              onClick={() => setFilters({ ...filters, view })}
            >
              {t(`problems.views.${view}`)}
            </Button>
          ))}
        </Group>
      </nav>
      {filters.view === 'triage' && (
        <Text size="sm" c="dimmed">
          {t('problems.views.triageHint')}
        </Text>
      )}
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('problems.search')}
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={list.isFetching && !list.isFetchingNextPage ? <Loader size="xs" /> : null}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          style={{ flex: 1 }}
          autoComplete="off"
        />
        {!isDesktop && (
          <Button
            variant={active ? 'filled' : 'default'}
            leftSection={<IconAdjustmentsHorizontal size={18} aria-hidden />}
            onClick={drawer.open}
            aria-haspopup="dialog"
          >
            {active ? t('problems.filters.buttonActive', { count: active }) : t('problems.filters.button')}
          </Button>
        )}
      </Group>
      <Select
        label={t('problems.sort.label')}
        data={[
          ...(filters.q.trim()
            ? [{ value: '', label: t('problems.sort.relevance') }]
            : [{ value: '', label: t('problems.sort.newest') }]),
          ...SORTS.filter((s) => s !== 'newest' || filters.q.trim()).map((s) => ({
            value: s,
            label: t(`problems.sort.${s}`),
          })),
        ]}
        value={filters.sort}
        onChange={(value) => setFilters({ ...filters, sort: (value ?? '') as ProblemFilterState['sort'] })}
        allowDeselect={false}
        maw={{ base: '100%', sm: 320 }}
        comboboxProps={{ withinPortal: true }}
      />
      <Grid gap="lg">
        {isDesktop && (
          <Grid.Col span={{ base: 12, md: 4, lg: 3 }}>
            <aside aria-label={t('problems.filters.title')}>{panel}</aside>
          </Grid.Col>
        )}
        <Grid.Col span={{ base: 12, md: isDesktop ? 8 : 12, lg: isDesktop ? 9 : 12 }}>
          <Stack gap="sm">
            <ErrorAlert error={list.error} />
            {list.isPending ? (
              <FullPageLoader />
            ) : items.length === 0 ? (
              <Text role="status">{t('problems.empty')}</Text>
            ) : (
              <SimpleGrid
                cols={{ base: 1, sm: 2 }}
                component="ul"
                p={0}
                m={0}
                spacing="sm"
                style={{ listStyle: 'none' }}
                aria-label={t('problems.results')}
              >
                {items.map((problem) => (
                  <ProblemCard key={problem.id} problem={problem} />
                ))}
              </SimpleGrid>
            )}
            <LoadMoreButton {...list} />
          </Stack>
        </Grid.Col>
      </Grid>
      <Drawer
        opened={drawerOpened && !isDesktop}
        onClose={drawer.close}
        title={t('problems.filters.title')}
        position="right"
        size="100%"
      >
        <Stack>
          {panel}
          <Button onClick={drawer.close}>{t('problems.filters.show')}</Button>
        </Stack>
      </Drawer>
    </Stack>
  );
}
