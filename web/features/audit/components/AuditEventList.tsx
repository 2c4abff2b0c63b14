import { Card, Code, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DateTime } from '../../../components/DateTime.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { AuditEventView } from '../../../lib/types.ts';
import { type AuditNames, actionLabel, entityTypeLabel } from '../labels.ts';
import { ChangesList } from './ChangesList.tsx';

export function AuditEventTable({ events, names }: { events: AuditEventView[]; names: AuditNames }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={900} visibleFrom="md">
      <Table striped verticalSpacing="sm" styles={{ td: { verticalAlign: 'top' } }}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('audit.when')}</Table.Th>
            <Table.Th scope="col">{t('audit.actor')}</Table.Th>
            <Table.Th scope="col">{t('audit.action')}</Table.Th>
            <Table.Th scope="col">{t('audit.entity')}</Table.Th>
            <Table.Th scope="col">{t('audit.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <Table.Tr key={event.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <DateTime value={event.at} />
              </Table.Td>
              <Table.Td>
                <Actor event={event} />
              </Table.Td>
              <Table.Td>
                <Action action={event.action} />
              </Table.Td>
              <Table.Td>
                <Entity event={event} names={names} />
              </Table.Td>
              <Table.Td>
                <ChangesList changes={event.changes} entityType={event.entityType} names={names} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** On phones each event is a card: a five-column table does not fit in 360 px. */
export function AuditEventCards({ events, names }: { events: AuditEventView[]; names: AuditNames }) {
  const { t } = useTranslation();
  return (
    <Stack hiddenFrom="md" gap="sm" component="ul" p={0} m={0} style={{ listStyle: 'none' }}>
      {events.map((event) => (
        <Card component="li" key={event.id} withBorder padding="sm">
          <Stack gap={6}>
            <Action action={event.action} />
            <Text size="sm">
              <DateTime value={event.at} />
            </Text>
            <Actor event={event} />
            <Entity event={event} names={names} labelled />
            {Object.keys(event.changes).length > 0 && (
              <div>
                <Text size="sm" fw={600}>
                  {t('audit.changes')}
                </Text>
                <ChangesList changes={event.changes} entityType={event.entityType} names={names} />
              </div>
            )}
          </Stack>
        </Card>
      ))}
    </Stack>
  );
}

function Actor({ event }: { event: AuditEventView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  if (!event.actor) return <Text size="sm">{t('audit.system')}</Text>;
  return (
    <div>
      <Text size="sm" fw={600}>
        {event.actor.displayName}
      </Text>
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {event.actor.email}
        {event.actorOrganisation && ` · ${organisationName(event.actorOrganisation, language)}`}
      </Text>
      {event.ip && (
        <Text size="xs" c="dimmed">
          {t('sessions.ip')} {event.ip}
        </Text>
      )}
    </div>
  );
}

/** The action in words, with its code underneath for admins who search exports and logs by it. */
function Action({ action }: { action: string }) {
  const { t } = useTranslation();
  const label = actionLabel(t, action);
  return (
    <Stack gap={2} align="flex-start">
      {label !== action && (
        <Text size="sm" fw={600}>
          {label}
        </Text>
      )}
      <Code fz="xs">{action}</Code>
    </Stack>
  );
}

/** `labelled` on cards, which have no column header to say what this line is. */
function Entity({
  event,
  names,
  labelled = false,
}: {
  event: AuditEventView;
  names: AuditNames;
  labelled?: boolean;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const name = event.entityId ? names[event.entityId]?.[language] : undefined;
  // A bare id (a session, an invitation) means nothing to a reader; it stays in the tooltip for searching.
  return (
    <Text size="sm" style={{ overflowWrap: 'anywhere' }} title={event.entityId ?? undefined}>
      {labelled && (
        <Text span size="sm" c="dimmed">
          {t('audit.entity')}:{' '}
        </Text>
      )}
      {entityTypeLabel(t, event.entityType)}
      {name && (
        <Text span size="sm" fw={600}>
          {' '}
          {name}
        </Text>
      )}
    </Text>
  );
}
