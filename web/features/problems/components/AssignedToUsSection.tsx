import { Anchor, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { filtersFromSearch } from '../api/filters.ts';
import { problemListQuery } from '../api/problems.ts';
import { ProblemCardList } from './ProblemCard.tsx';

/** The board's view of what the organisation must answer, nearest deadline (so the overdue) first. */
const ASSIGNED = 'view=assigned&sort=nearest_deadline&state=assigned&state=in_progress';
const SHOWN = 5;

/** On the home page of members and org admins: their organisation's open work, without the bell. */
export function AssignedToUsSection() {
  const { t } = useTranslation();
  const list = useInfiniteQuery(problemListQuery(filtersFromSearch(new URLSearchParams(ASSIGNED))));
  const items = (list.data?.pages[0]?.items ?? []).slice(0, SHOWN);
  return (
    <section aria-labelledby="assigned-to-us-heading">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} fz="h3" id="assigned-to-us-heading">
          {t('problems.home.title')}
        </Title>
        <Anchor component={Link} to={`/problems?${ASSIGNED}`} size="sm">
          {t('problems.home.all')}
        </Anchor>
      </Group>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('problems.home.description')}
        </Text>
        <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        {list.isPending ? (
          <Loader size="sm" />
        ) : items.length === 0 ? (
          list.error ? null : (
            <Text role="status">{t('problems.home.none')}</Text>
          )
        ) : (
          <ProblemCardList items={items} label={t('problems.home.title')} />
        )}
      </Stack>
    </section>
  );
}
