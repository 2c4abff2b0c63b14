import '@mantine/dates/styles.css';
import { DatePickerInput, DatesProvider } from '@mantine/dates';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CALENDAR_FORMATS, FIRST_DAY_OF_WEEK, formatCalendarDate } from '../lib/calendar.ts';
import { useLanguage } from '../lib/i18n.ts';

interface DayPickerInputProps {
  label: string;
  /** The chosen calendar day as `YYYY-MM-DD`, or '' for none. */
  value: string;
  onChange: (value: string) => void;
  error?: string;
  description?: string;
  /** The first and last days that may be picked (`YYYY-MM-DD`). */
  minDate?: string;
  maxDate?: string;
}

/**
 * Picks one calendar day with a calendar that speaks the UI language; in Thai every year, in the input and in
 * the calendar, is in the Buddhist Era. A native `<input type=date>` would show mm/dd/yyyy and Gregorian years.
 */
export function DayPickerInput({
  label,
  value,
  onChange,
  error,
  description,
  minDate,
  maxDate,
}: DayPickerInputProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formats = CALENDAR_FORMATS[language];
  return (
    <DatesProvider settings={{ locale: language, firstDayOfWeek: FIRST_DAY_OF_WEEK[language] }}>
      <DatePickerInput
        label={label}
        placeholder={t('dates.pick')}
        value={value || null}
        onChange={(day) => onChange(day ?? '')}
        error={error}
        description={description}
        minDate={minDate}
        maxDate={maxDate}
        leftSection={<IconCalendar size={18} stroke={1.5} aria-hidden />}
        leftSectionPointerEvents="none"
        highlightToday
        clearable
        clearButtonProps={{ 'aria-label': t('dates.clear') }}
        valueFormat={formats.value}
        monthLabelFormat={formats.month}
        yearLabelFormat={formats.year}
        decadeLabelFormat={formats.year}
        yearsListFormat={formats.year}
        getDayAriaLabel={(day) => formatCalendarDate(day, formats.day, language)}
        ariaLabels={{
          monthLevelControl: t('dates.chooseMonth'),
          yearLevelControl: t('dates.chooseYear'),
          nextMonth: t('dates.nextMonth'),
          previousMonth: t('dates.previousMonth'),
          nextYear: t('dates.nextYear'),
          previousYear: t('dates.previousYear'),
          nextDecade: t('dates.nextDecade'),
          previousDecade: t('dates.previousDecade'),
        }}
      />
    </DatesProvider>
  );
}
