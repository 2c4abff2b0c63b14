import { Group, Paper, Progress, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatTime } from '../../../lib/dates.ts';
import { organisationName } from '../../../lib/organisations.ts';
import type { Language } from '../../../lib/types.ts';
import type { AttendanceView } from '../api/forum-checkin.ts';

function Figure({ label, value }: { label: string; value: string | number }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={28} fw={700}>
        {value}
      </Text>
    </Paper>
  );
}

const share = (part: number, whole: number) => (whole === 0 ? 0 : Math.round((part / whole) * 100));

/** Who is in the room: checked in against confirmed places, by sector and by organisation. */
export function AttendancePanel({ attendance }: { attendance: AttendanceView }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language as Language;
  return (
    <Stack data-testid="attendance">
      <SimpleGrid cols={3} spacing="xs">
        <Figure label={t('forumCheckin.attendance.checkedIn')} value={attendance.checkedIn} />
        <Figure label={t('forumCheckin.attendance.registered')} value={attendance.registered} />
        <Figure label={t('forumCheckin.attendance.walkIns')} value={attendance.walkIns} />
      </SimpleGrid>
      <Progress
        value={share(attendance.checkedIn, attendance.registered)}
        size="lg"
        aria-label={t('forumCheckin.attendance.share', {
          percent: share(attendance.checkedIn, attendance.registered),
        })}
      />
      <Title order={2} fz="h4">
        {t('forumCheckin.attendance.bySector')}
      </Title>
      <Table>
        <Table.Tbody>
          {attendance.bySector.map((row) => (
            <Table.Tr key={row.sector ?? 'none'}>
              <Table.Td>
                {row.sector ? t(`sectors.${row.sector}`) : t('forumCheckin.attendance.noSector')}
              </Table.Td>
              <Table.Td ta="right">
                {t('forumCheckin.attendance.ofRegistered', {
                  checkedIn: row.checkedIn,
                  registered: row.registered,
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Title order={2} fz="h4">
        {t('forumCheckin.attendance.byOrganisation')}
      </Title>
      <Table>
        <Table.Tbody>
          {attendance.byOrganisation.map((row) => (
            <Table.Tr key={row.organisation?.id ?? `guest:${row.guestOrganisationName}`}>
              <Table.Td>
                {row.organisation
                  ? organisationName(row.organisation, language)
                  : (row.guestOrganisationName ?? t('forumCheckin.attendance.noOrganisation'))}
              </Table.Td>
              <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                {t('forumCheckin.attendance.ofRegistered', {
                  checkedIn: row.checkedIn,
                  registered: row.registered,
                })}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {attendance.recent.length > 0 && (
        <>
          <Title order={2} fz="h4">
            {t('forumCheckin.attendance.recent')}
          </Title>
          <Stack gap={4}>
            {attendance.recent.map((r) => (
              <Group key={r.registrationId} justify="space-between" wrap="nowrap">
                <Text size="sm" truncate>
                  {r.name}
                  <Text span c="dimmed" size="sm">
                    {' · '}
                    {r.organisation ? organisationName(r.organisation, language) : r.guestOrganisationName}
                  </Text>
                </Text>
                <Text size="sm" c="dimmed">
                  {formatTime(new Date(r.scannedAt).getTime(), language)}
                </Text>
              </Group>
            ))}
          </Stack>
        </>
      )}
    </Stack>
  );
}
