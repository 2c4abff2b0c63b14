import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Text-field state for small forms: values, per-field problems (as i18n keys) and props to spread on a
 * Mantine input. A field's problem clears as soon as the user edits it.
 */
export function useFields<T extends Record<string, string>>(initial: T) {
  const { t } = useTranslation();
  const [values, setValues] = useState<T>(initial);
  const [problems, setProblems] = useState<Partial<Record<keyof T, string>>>({});

  const set = (name: keyof T, value: string) => {
    setValues((current) => ({ ...current, [name]: value }));
    setProblems((current) => ({ ...current, [name]: undefined }));
  };

  const field = (name: keyof T) => ({
    value: values[name],
    onChange: (event: ChangeEvent<HTMLInputElement>) => set(name, event.currentTarget.value),
    error: problems[name] ? t(problems[name]) : undefined,
  });

  const reset = () => {
    setValues(initial);
    setProblems({});
  };

  return { values, set, field, setProblems, reset };
}
