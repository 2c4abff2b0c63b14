import { Anchor, Badge, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowsExchange, IconCircleCheck, IconEdit } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DateTime } from '../../../components/DateTime.tsx';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { FullPageLoader } from '../../../components/FullPageLoader.tsx';
import { OrganisationFilter } from '../../../components/OrganisationFilter.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { Section } from '../../../components/Section.tsx';
import { feedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import { type Labels, useLabels, useMarkOrganisation } from '../api/directory.ts';
import { type HandoverTask, type ReviewTask, useTasks } from '../api/tasks.ts';
import { HandoverDialog } from './HandoverDialog.tsx';
import { PositionText, personName } from './shared.tsx';

/**
 * What an org admin has to do for their organisation's entry (admins: for every organisation): hand over
 * the focal-point roles of people who left, and confirm entries not reviewed for 180 days.
 */
export function TasksPage() {
  const { t } = useTranslation();
  const me = useSignedInMe();
  const isAdmin = me.user.role === 'admin';
  // The organisation filter is in the link, so a filtered list can be shared or reloaded.
  const [searchParams, setSearchParams] = useSearchParams();
  const organisationId = isAdmin ? searchParams.get('organisation') : null;
  const tasks = useTasks(organisationId);
  const language = useLanguage();
  const labels = useLabels(language);

  const setOrganisation = (id: string | null) =>
    setSearchParams(id ? { organisation: id } : {}, { replace: true });

  return (
    <Stack gap="md">
      <PageHeader
        title={t('directory.tasks.title')}
        description={isAdmin ? t('directory.tasks.descriptionAdmin') : t('directory.tasks.description')}
      />
      {isAdmin && (
        <OrganisationFilter
          value={organisationId}
          onChange={setOrganisation}
          label={t('directory.tasks.organisation')}
          placeholder={t('directory.tasks.allOrganisations')}
          nothingFoundMessage={t('common.nothingFound')}
        />
      )}
      <ErrorAlert error={tasks.error} />
      {tasks.isPending ? (
        <FullPageLoader />
      ) : (
        tasks.data && (
          <>
            <Text role="status" size="sm" c="dimmed">
              {tasks.data.counts.total === 0
                ? t('directory.tasks.noneAtAll')
                : t('directory.tasks.summary', {
                    roles: tasks.data.counts.vacantRoles,
                    reviews: tasks.data.counts.reviews,
                  })}
            </Text>
            <Section
              id="tasks-handovers"
              title={t('directory.tasks.handoversTitle')}
              description={t('directory.tasks.handoversHint')}
            >
              <TaskList
                shown={tasks.data.handovers.length}
                total={tasks.data.counts.handovers}
                empty={t('directory.tasks.noHandovers')}
                label={t('directory.tasks.handoversTitle')}
              >
                {tasks.data.handovers.map((task) => (
                  <HandoverItem key={task.person.id} task={task} labels={labels} showOrganisation={isAdmin} />
                ))}
              </TaskList>
            </Section>
            <Section
              id="tasks-reviews"
              title={t('directory.tasks.reviewsTitle')}
              description={t('directory.tasks.reviewsHint')}
            >
              <TaskList
                shown={tasks.data.reviews.length}
                total={tasks.data.counts.reviews}
                empty={t('directory.tasks.noReviews')}
                label={t('directory.tasks.reviewsTitle')}
              >
                {tasks.data.reviews.map((task) => (
                  <ReviewItem key={task.organisation.id} task={task} />
                ))}
              </TaskList>
            </Section>
          </>
        )
      )}
    </Stack>
  );
}

function TaskList({
  shown,
  total,
  empty,
  label,
  children,
}: {
  shown: number;
  total: number;
  empty: string;
  label: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  if (total === 0)
    return (
      <Group gap={6}>
        <IconCircleCheck size={20} color="var(--mantine-color-teal-7)" aria-hidden />
        <Text>{empty}</Text>
      </Group>
    );
  return (
    <Stack gap="sm">
      <Stack gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
        {children}
      </Stack>
      {shown < total && (
        <Text size="sm" c="dimmed">
          {t('directory.tasks.more', { shown, total })}
        </Text>
      )}
    </Stack>
  );
}

const itemStyle = {
  border: '1px solid var(--mantine-color-gray-3)',
  borderRadius: 'var(--mantine-radius-md)',
} as const;

function HandoverItem({
  task,
  labels,
  showOrganisation,
}: {
  task: HandoverTask;
  labels: Labels;
  showOrganisation: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const [opened, setOpened] = useState(false);
  return (
    <Box component="li" p="sm" style={itemStyle}>
      <Stack gap={6}>
        <div>
          <Anchor component={Link} to={`/people/${task.person.id}`} fw={600}>
            {personName(task.person, language)}
          </Anchor>
          {(task.person.position || task.person.positionEn) && (
            <Text size="sm" c="dimmed">
              <PositionText person={task.person} />
            </Text>
          )}
          {showOrganisation && (
            <Text size="sm">
              <OrganisationLink organisation={task.organisation} />
            </Text>
          )}
        </div>
        <Text size="sm">{t('directory.tasks.leftHolding')}</Text>
        <Group gap={6}>
          {task.topics.map((role) => (
            <Badge key={role.topic} color="red" variant="light" styles={WRAPPING_BADGE}>
              {labels.of(role.topic)}
            </Badge>
          ))}
        </Group>
        <Button
          leftSection={<IconArrowsExchange size={18} aria-hidden />}
          onClick={() => setOpened(true)}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('directory.tasks.handOver')}
        </Button>
      </Stack>
      <HandoverDialog
        person={task.person}
        organisationId={task.organisation.id}
        opened={opened}
        onClose={() => setOpened(false)}
      />
    </Box>
  );
}

function ReviewItem({ task }: { task: ReviewTask }) {
  const { t } = useTranslation();
  const mark = useMarkOrganisation(task.organisation.id);
  return (
    <Box component="li" p="sm" style={itemStyle}>
      <Stack gap={6}>
        <Text fw={600}>
          <OrganisationLink organisation={task.organisation} />
        </Text>
        <Text size="sm" c="dimmed">
          {t('directory.org.lastReviewed')}{' '}
          {task.lastReviewedAt ? <DateTime value={task.lastReviewedAt} /> : t('directory.org.never')}
        </Text>
        <ErrorAlert error={mark.error} />
        <Group gap="xs">
          <Button
            leftSection={<IconCircleCheck size={18} aria-hidden />}
            loading={mark.isPending}
            onClick={() =>
              mark.mutate('review', {
                onSuccess: () => feedback.success(t('directory.org.reviewedDone')),
              })
            }
          >
            {t('directory.org.markReviewed')}
          </Button>
          <Button
            variant="default"
            component={Link}
            to={`/organisations/${task.organisation.id}/edit`}
            leftSection={<IconEdit size={18} aria-hidden />}
          >
            {t('directory.org.edit')}
          </Button>
        </Group>
      </Stack>
    </Box>
  );
}

function OrganisationLink({ organisation }: { organisation: HandoverTask['organisation'] }) {
  const language = useLanguage();
  return (
    <Anchor component={Link} to={`/organisations/${organisation.id}`} inherit>
      {organisationName(organisation, language)}
    </Anchor>
  );
}

/** Thai topic names are long; on a phone they wrap instead of being cut off. */
const WRAPPING_BADGE = {
  root: { height: 'auto', maxWidth: '100%', textTransform: 'none', paddingBlock: 2 },
  label: { whiteSpace: 'normal', overflow: 'visible' },
} as const;
