import { Anchor, Card, Group, SimpleGrid, Stack, Text, VisuallyHidden } from '@mantine/core';
import { IconMessage, IconUsersGroup } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import type { ProblemListItem } from '../api/problems.ts';
import { categoryLabel, provinceLabel } from '../labels.ts';
import { OverdueBadge, ReporterName, StateBadge, TypeBadge } from './shared.tsx';

/** Problems as a list of cards, two columns on wide screens: the board and the home page. */
export function ProblemCardList({ items, label }: { items: readonly ProblemListItem[]; label: string }) {
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2 }}
      component="ul"
      p={0}
      m={0}
      spacing="sm"
      style={{ listStyle: 'none' }}
      aria-label={label}
    >
      {items.map((problem) => (
        <ProblemCard key={problem.id} problem={problem} />
      ))}
    </SimpleGrid>
  );
}

/** One problem on the board; overdue ones stand out with a red edge and badge. */
export function ProblemCard({ problem }: { problem: ProblemListItem }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const provinces = problem.provinces.map((p) => provinceLabel(p, language));
  return (
    <Card
      component="li"
      withBorder
      padding="sm"
      className="directory-card"
      data-overdue={problem.overdue || undefined}
      style={problem.overdue ? { borderColor: 'var(--mantine-color-red-6)', borderLeftWidth: 5 } : undefined}
    >
      <Stack gap={6}>
        <Group gap={6}>
          <TypeBadge type={problem.type} />
          <StateBadge state={problem.state} />
          {problem.overdue && <OverdueBadge dueAt={problem.dueAt} />}
        </Group>
        <Anchor
          component={Link}
          to={`/problems/${problem.id}`}
          fw={600}
          c="inherit"
          className="stretched-link"
        >
          {problem.title}
        </Anchor>
        <Text size="sm" c="dimmed" lineClamp={2}>
          {problem.excerpt}
        </Text>
        <Text size="sm">
          {categoryLabel(problem.category, language)}
          {provinces.length > 0 &&
            ` · ${provinces.slice(0, 3).join(', ')}${provinces.length > 3 ? ` +${provinces.length - 3}` : ''}`}
        </Text>
        <Group gap="md" justify="space-between">
          <ReporterName problem={problem} />
          <Group gap="sm">
            <Group gap={4} wrap="nowrap">
              <IconUsersGroup size={16} aria-hidden />
              <Text size="sm">
                <VisuallyHidden>{t('problems.supportCount', { count: problem.supportCount })}</VisuallyHidden>
                <span aria-hidden>{problem.supportCount}</span>
              </Text>
            </Group>
            <Group gap={4} wrap="nowrap">
              <IconMessage size={16} aria-hidden />
              <Text size="sm">
                <VisuallyHidden>{t('problems.commentCount', { count: problem.commentCount })}</VisuallyHidden>
                <span aria-hidden>{problem.commentCount}</span>
              </Text>
            </Group>
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t('problems.raisedOn', { date: formatDateTime(problem.createdAt, language) })}
          {problem.dueAt &&
            !problem.overdue &&
            ` · ${t('problems.dueOn', { date: formatDateTime(problem.dueAt, language) })}`}
        </Text>
      </Stack>
    </Card>
  );
}
