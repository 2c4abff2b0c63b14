import { Badge, Button, Group, Select, Stack, Text } from '@mantine/core';
import { IconChartBar, IconFlag, IconPlus } from '@tabler/icons-react';
import { lazy, Suspense, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FilteredList, useSearchText } from '../../../components/FilteredList.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { LoadMoreButton } from '../../../components/LoadMoreButton.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { SectionLoader } from '../../../components/SectionLoader.tsx';
import { useSignedInMe } from '../../../lib/session.ts';
import {
  activeFilterCount,
  filtersFromSearch,
  type ProblemFilterState,
  type ProblemView,
  SORTS,
  searchFromFilters,
} from '../api/filters.ts';
import { COMMENT_REPORTS_PAGE_SIZE, useCommentReports, useProblemList } from '../api/problems.ts';
import { ProblemCardList } from './ProblemCard.tsx';

/**
 * The filters' checkboxes and multi-selects (the form-widgets chunk, 22 kB) load when they are shown: on a
 * phone, behind the filter button, so the board's first visit over a slow link does without them.
 */
const ProblemFilters = lazy(() =>
  import('./ProblemFilters.tsx').then((m) => ({ default: m.ProblemFilters })),
);

/** The board: views, search, filters and sort, all in the URL; the list follows as they change. */
export function ProblemsBoardPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => filtersFromSearch(searchParams), [searchParams]);
  const setFilters = (next: ProblemFilterState) =>
    setSearchParams(searchFromFilters(next), { replace: true });

  const [text, setText] = useSearchText(filters.q, (q) => setFilters({ ...filters, q }), 300);

  const list = useProblemList(filters);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const active = activeFilterCount(filters);
  const isAdmin = me.user.role === 'admin';
  const views: ProblemView[] = isAdmin ? ['all', 'mine', 'assigned', 'triage'] : ['all', 'mine', 'assigned'];
  const panel = (
    <Suspense fallback={<SectionLoader />}>
      <ProblemFilters filters={filters} onChange={setFilters} />
    </Suspense>
  );

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
            {isAdmin && <ModerationLink />}
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
      <FilteredList
        search={{
          label: t('problems.search'),
          value: text,
          onChange: setText,
          busy: list.isFetching && !list.isFetchingNextPage,
        }}
        filters={{
          title: t('problems.filters.title'),
          panel,
          active: active > 0,
          buttonLabel: active
            ? t('problems.filters.buttonActive', { count: active })
            : t('problems.filters.button'),
          showLabel: t('problems.filters.show'),
        }}
        between={
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
            onChange={(value) =>
              setFilters({ ...filters, sort: (value ?? '') as ProblemFilterState['sort'] })
            }
            allowDeselect={false}
            maw={{ base: '100%', sm: 320 }}
            comboboxProps={{ withinPortal: true }}
          />
        }
      >
        <Stack gap="sm">
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
          {list.isPending ? (
            <FullPageLoader />
          ) : items.length === 0 ? (
            // After a failed load "nothing matches" would be false: the error above says what happened.
            list.error ? null : (
              <Text role="status">{t('problems.empty')}</Text>
            )
          ) : (
            <ProblemCardList items={items} label={t('problems.results')} />
          )}
          <LoadMoreButton {...list} />
        </Stack>
      </FilteredList>
    </Stack>
  );
}

/** The Centre's way to its moderation queue, with how many reports wait (one page of it, shared with the queue). */
function ModerationLink() {
  const { t } = useTranslation();
  const reports = useCommentReports(true);
  const first = reports.data?.pages[0];
  const waiting = first
    ? first.nextCursor
      ? `${COMMENT_REPORTS_PAGE_SIZE}+`
      : String(first.items.length)
    : null;
  return (
    <Button
      component={Link}
      to="/problems/moderation"
      variant="default"
      leftSection={<IconFlag size={18} aria-hidden />}
      rightSection={
        waiting && waiting !== '0' ? (
          <Badge color="red" size="sm" circle={waiting.length < 2} aria-hidden>
            {waiting}
          </Badge>
        ) : undefined
      }
      aria-label={
        waiting && waiting !== '0'
          ? t('problems.moderation.linkWaiting', { count: waiting })
          : t('problems.moderation.link')
      }
    >
      {t('problems.moderation.link')}
    </Button>
  );
}
