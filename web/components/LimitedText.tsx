/**
 * Text fields with a length limit that never cut what was typed or pasted (a browser `maxLength` cuts a
 * pasted Thai title mid-syllable, silently). A counter appears near the limit; past it the field says by
 * how much and the form refuses to send (`tooLong`), so the writer chooses what to cut.
 */
import { Textarea, type TextareaProps, TextInput, type TextInputProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** The counter shows from this share of the limit on. */
const COUNTER_FROM = 0.8;

export const tooLong = (value: string, limit: number) => value.length > limit;

/** Whether any of these `[value, limit]` pairs is over its limit: a form with one must not be sent. */
export const anyTooLong = (fields: readonly (readonly [string, number])[]) =>
  fields.some(([value, limit]) => tooLong(value, limit));

function useLimitHints(value: string, limit: number, description: ReactNode, error: ReactNode) {
  const { t } = useTranslation();
  const length = value.length;
  const counter =
    length >= limit * COUNTER_FROM ? (
      <span data-length-counter aria-live="polite">
        {t('common.lengthCounter', { count: length, limit })}
      </span>
    ) : null;
  return {
    description:
      description && counter ? (
        <>
          {description}
          <br />
          {counter}
        </>
      ) : (
        (description ?? counter)
      ),
    error: error || (length > limit ? t('common.tooLong', { count: length - limit, limit }) : undefined),
  };
}

type Limited<P> = Omit<P, 'maxLength' | 'value'> & { value: string; limit: number };

export function LimitedTextInput({ limit, value, description, error, ...props }: Limited<TextInputProps>) {
  return <TextInput value={value} {...props} {...useLimitHints(value, limit, description, error)} />;
}

export function LimitedTextarea({ limit, value, description, error, ...props }: Limited<TextareaProps>) {
  return <Textarea value={value} {...props} {...useLimitHints(value, limit, description, error)} />;
}
