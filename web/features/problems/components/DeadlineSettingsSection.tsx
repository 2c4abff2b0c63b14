import { Accordion, Badge, Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEADLINE_SETTING_MAX_DAYS } from '../../../../common/problems-api.ts';
import { WORKING_DAY_END } from '../../../../common/working-day.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { SectionLoader } from '../../../components/SectionLoader.tsx';
import { useLanguage } from '../../../lib/i18n.ts';
import {
  type DeadlineDays,
  type DeadlineSetting,
  useDeadlineSettings,
  useSetDeadlineSetting,
} from '../api/deadlines.ts';
import { categoryLabel } from '../labels.ts';

const FIELDS = ['firstAnswerDays', 'updateIntervalDays', 'escalationDays'] as const;
type Field = (typeof FIELDS)[number];

/** The Centre's settings: each category's deadlines, one category open at a time (a phone shows nine). */
export function DeadlineSettingsSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const settings = useDeadlineSettings();
  return (
    <Section
      id="deadline-settings"
      title={t('problems.deadlineSettings.title')}
      description={t('problems.deadlineSettings.description', { time: WORKING_DAY_END })}
    >
      <ErrorAlert error={settings.error} />
      {settings.isPending && <SectionLoader />}
      {settings.data && (
        <Accordion variant="separated" chevronPosition="right">
          {settings.data.items.map((setting) => (
            <Accordion.Item key={setting.category} value={setting.category}>
              <Accordion.Control>
                <Stack gap={2}>
                  <Group gap="xs" wrap="nowrap">
                    <Text fw={600} size="sm">
                      {categoryLabel(setting.category, language)}
                    </Text>
                    {setting.custom && (
                      <Badge size="xs" variant="light">
                        {t('problems.deadlineSettings.custom')}
                      </Badge>
                    )}
                  </Group>
                  <Text size="xs" c="dimmed">
                    {t('problems.deadlineSettings.summary', {
                      first: setting.firstAnswerDays,
                      update: setting.updateIntervalDays,
                      escalation: setting.escalationDays,
                    })}
                  </Text>
                </Stack>
              </Accordion.Control>
              <Accordion.Panel>
                <CategoryDeadlinesForm setting={setting} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Section>
  );
}

function CategoryDeadlinesForm({ setting }: { setting: DeadlineSetting }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const save = useSetDeadlineSetting();
  const [values, setValues] = useState<Record<Field, number | string>>({
    firstAnswerDays: setting.firstAnswerDays,
    updateIntervalDays: setting.updateIntervalDays,
    escalationDays: setting.escalationDays,
  });
  const invalid = (field: Field) => {
    const v = values[field];
    return typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > DEADLINE_SETTING_MAX_DAYS;
  };
  const anyInvalid = FIELDS.some(invalid);
  const submit = () => {
    if (anyInvalid) return;
    save.mutate(
      { category: setting.category, ...(values as DeadlineDays) },
      {
        onSuccess: () =>
          notifications.show({
            color: 'teal',
            message: t('problems.deadlineSettings.saved', {
              category: categoryLabel(setting.category, language),
            }),
          }),
      },
    );
  };
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
        {FIELDS.map((field) => (
          <NumberInput
            key={field}
            label={t(`problems.deadlineSettings.${field}`)}
            value={values[field]}
            onChange={(value) => setValues((current) => ({ ...current, [field]: value }))}
            min={1}
            max={DEADLINE_SETTING_MAX_DAYS}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            inputMode="numeric"
            error={
              invalid(field)
                ? t('problems.deadlineSettings.daysRange', { max: DEADLINE_SETTING_MAX_DAYS })
                : undefined
            }
          />
        ))}
      </SimpleGrid>
      <ErrorAlert error={save.error} />
      <Group justify="flex-end">
        <Button onClick={submit} loading={save.isPending} disabled={anyInvalid}>
          {t('problems.deadlineSettings.save')}
        </Button>
      </Group>
    </Stack>
  );
}
