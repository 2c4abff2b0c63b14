import { SegmentedControl, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { SectionLoader } from '../../../components/SectionLoader.tsx';
import { feedback } from '../../../lib/feedback.ts';
import { type NotificationPreferences, usePreferences, useSavePreferences } from '../api/notifications.ts';

const KINDS = ['myProblems', 'assignedToMyOrganisation', 'followed', 'mentions'] as const;

/** When to be emailed, per kind of event; each choice is saved as soon as it is made. */
export function NotificationPreferencesSection() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const save = useSavePreferences();
  const frequencies = [
    { value: 'immediately', label: t('notificationPreferences.immediately') },
    { value: 'daily', label: t('notificationPreferences.daily') },
    { value: 'off', label: t('notificationPreferences.off') },
  ];

  const change = (kind: (typeof KINDS)[number], value: string) => {
    if (!prefs.data) return;
    save.mutate({ ...prefs.data, [kind]: value } as NotificationPreferences, {
      onSuccess: () => feedback.success(t('notificationPreferences.saved')),
    });
  };

  return (
    <Section
      id="notifications"
      title={t('notificationPreferences.title')}
      description={t('notificationPreferences.description')}
    >
      <ErrorAlert error={prefs.error ?? save.error} />
      {prefs.isPending && <SectionLoader />}
      {prefs.data && (
        <Stack gap="md">
          {KINDS.map((kind) => (
            <Stack key={kind} gap={4} role="group" aria-labelledby={`pref-${kind}`}>
              <Text fw={600} id={`pref-${kind}`}>
                {t(`notificationPreferences.kinds.${kind}`)}
              </Text>
              <SegmentedControl
                fullWidth
                value={prefs.data[kind]}
                onChange={(value) => change(kind, value)}
                disabled={save.isPending}
                data={frequencies}
              />
            </Stack>
          ))}
        </Stack>
      )}
    </Section>
  );
}
