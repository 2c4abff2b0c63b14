import { Group, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MinutesContent as Content } from '../../../../common/forum-minutes-api.ts';
import { Section } from '../../../components/Section.tsx';
import { inLanguage } from '../../../lib/bilingual.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { organisationName } from '../../../lib/organisations.ts';
import { ActionStatusBadge, useDayFormat } from './shared.tsx';

/** Attendance as check-in recorded it: totals by sector and the organisations that came. */
export function AttendanceSection({ attendance }: { attendance: Content['attendance'] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <Section id="attendance" title={t('forumMinutes.attendance.title', { count: attendance.total })}>
      <Group gap="md">
        {attendance.bySector.map((s) => (
          <Text key={s.sector} size="sm">
            {t(`sectors.${s.sector}`)}: <b>{s.count}</b>
          </Text>
        ))}
      </Group>
      <List size="sm">
        {attendance.organisations.map((o) => (
          <List.Item key={o.organisation.id}>
            {organisationName(o.organisation, language)} ({o.count})
          </List.Item>
        ))}
      </List>
    </Section>
  );
}

/** The minutes as a reader sees them (and as a finalised version froze them). */
export function MinutesContentView({ content }: { content: Content }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const day = useDayFormat();
  const text = (th: string | null, en: string | null) => inLanguage({ th, en }, language)?.text ?? '';
  const summary = text(content.summaryTh, content.summaryEn);
  return (
    <Stack>
      {summary && (
        <Section id="summary" title={t('forumMinutes.summary')}>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{summary}</Text>
        </Section>
      )}
      <Section id="topics" title={t('forumMinutes.topics')}>
        {content.items.map((item) => (
          <Stack key={item.id} gap={2}>
            <Text fw={600}>{text(item.titleTh, item.titleEn)}</Text>
            <Text size="sm" c="dimmed">
              {t(`forumMinutes.discussed.${String(item.discussed)}`)}
            </Text>
            {item.notes && (
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {item.notes}
              </Text>
            )}
          </Stack>
        ))}
      </Section>
      <Section id="decisions" title={t('forumMinutes.decisions')}>
        {content.decisions.length === 0 ? (
          <Text size="sm">{t('forumMinutes.noDecisions')}</Text>
        ) : (
          <List type="ordered">
            {content.decisions.map((d) => (
              <List.Item key={d.id}>{text(d.textTh, d.textEn)}</List.Item>
            ))}
          </List>
        )}
      </Section>
      <Section id="actions" title={t('forumMinutes.actionItems')}>
        {content.actions.length === 0 ? (
          <Text size="sm">{t('forumMinutes.noActions')}</Text>
        ) : (
          content.actions.map((a) => (
            <Stack key={a.id} gap={2} data-testid="minutes-action">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>{text(a.titleTh, a.titleEn)}</Text>
                <ActionStatusBadge status={a.status} />
              </Group>
              <Text size="sm">
                {organisationName(a.owner, language)}
                {(a.responsibleUser?.displayName ?? a.responsibleName) &&
                  ` · ${a.responsibleUser?.displayName ?? a.responsibleName}`}
              </Text>
              {a.dueOn && <Text size="sm">{t('forumMinutes.actions.due', { date: day(a.dueOn) })}</Text>}
            </Stack>
          ))
        )}
      </Section>
      <AttendanceSection attendance={content.attendance} />
    </Stack>
  );
}
