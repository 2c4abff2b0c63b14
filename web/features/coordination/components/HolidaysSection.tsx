import { ActionIcon, Button, Group, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bangkokDay } from '../../../../common/working-day.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { anyTooLong, LimitedTextInput } from '../../../components/LimitedText.tsx';
import { Section } from '../../../components/Section.tsx';
import { SectionLoader } from '../../../components/SectionLoader.tsx';
import { formatPrintedDate } from '../../../lib/dates.ts';
import { sendWithFeedback } from '../../../lib/feedback.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { useAddHoliday, useHolidays, useRemoveHoliday } from '../api/sla.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const NAME_LIMIT = 200;

/** The Centre's public-holiday calendar, which business-hours SLA clocks skip; one year at a time. */
export function HolidaysSection() {
  const { t } = useTranslation();
  const language = useLanguage();
  const thisYear = Number(bangkokDay(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const holidays = useHolidays(year);
  const remove = useRemoveHoliday();
  const yearLabel = (y: number) => String(language === 'th' ? y + 543 : y);
  return (
    <Section
      id="coordination-holidays"
      title={t('coordinationSla.holidays.title')}
      description={t('coordinationSla.holidays.description')}
    >
      <SegmentedControl
        aria-label={t('coordinationSla.holidays.year')}
        value={String(year)}
        onChange={(v) => setYear(Number(v))}
        data={[thisYear, thisYear + 1].map((y) => ({ value: String(y), label: yearLabel(y) }))}
      />
      <ErrorAlert error={holidays.error} />
      {holidays.isPending && <SectionLoader />}
      {holidays.data && holidays.data.items.length === 0 && (
        <Text c="dimmed">{t('coordinationSla.holidays.empty')}</Text>
      )}
      <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {holidays.data?.items.map((h) => {
          const name = language === 'th' ? h.nameTh : h.nameEn;
          return (
            <Group component="li" key={h.day} justify="space-between" wrap="nowrap" gap="xs">
              <div>
                <Text size="sm" fw={600}>
                  {formatPrintedDate(`${h.day}T12:00:00+07:00`, language)}
                </Text>
                <Text size="sm">{name}</Text>
              </div>
              <ActionIcon
                variant="subtle"
                color="red"
                size="lg"
                aria-label={t('coordinationSla.holidays.remove', { name: `${name} ${h.day}` })}
                loading={remove.isPending && remove.variables === h.day}
                onClick={() =>
                  sendWithFeedback(remove, h.day, {
                    success: t('coordinationSla.holidays.removed'),
                    toastErrors: true,
                  })
                }
              >
                <IconTrash size={18} aria-hidden />
              </ActionIcon>
            </Group>
          );
        })}
      </Stack>
      <AddHolidayForm />
    </Section>
  );
}

function AddHolidayForm() {
  const { t } = useTranslation();
  const add = useAddHoliday();
  const empty = { day: '', nameTh: '', nameEn: '' };
  const [values, setValues] = useState(empty);
  const valid =
    DAY.test(values.day) &&
    values.nameTh.trim() !== '' &&
    values.nameEn.trim() !== '' &&
    !anyTooLong([
      [values.nameTh, NAME_LIMIT],
      [values.nameEn, NAME_LIMIT],
    ]);
  const field = (key: keyof typeof empty) => ({
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) =>
      setValues((v) => ({ ...v, [key]: e.currentTarget.value })),
  });
  return (
    <Stack
      gap="xs"
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (!valid) return;
        sendWithFeedback(add, values, {
          success: t('coordinationSla.holidays.added'),
          done: () => setValues(empty),
        });
      }}
    >
      <ErrorAlert error={add.error} />
      <TextInput type="date" label={t('coordinationSla.holidays.day')} required {...field('day')} />
      <LimitedTextInput
        label={t('coordinationSla.holidays.nameTh')}
        required
        limit={NAME_LIMIT}
        {...field('nameTh')}
      />
      <LimitedTextInput
        label={t('coordinationSla.holidays.nameEn')}
        required
        limit={NAME_LIMIT}
        {...field('nameEn')}
      />
      <Group>
        <Button type="submit" loading={add.isPending} disabled={!valid}>
          {t('coordinationSla.holidays.add')}
        </Button>
      </Group>
    </Stack>
  );
}
