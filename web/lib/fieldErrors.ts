/**
 * A 400 from the server names the fields it refused (`body.email`, `body.contacts.0.value`); forms show
 * each problem on its field. Problems are i18n keys: the server's own messages are English only.
 */
import { type RefObject, useEffect, useRef } from 'react';
import { isApiError } from './api.ts';

/** Field path inside the body (`email`, `contacts.0.value`) → i18n key of the problem. */
export type FieldProblems = Record<string, string>;

type Detail = { field?: unknown; message?: unknown };

export function serverFieldProblems(error: unknown): FieldProblems {
  if (!isApiError(error, 400) || !Array.isArray(error.details)) return {};
  const problems: FieldProblems = {};
  for (const detail of error.details as Detail[]) {
    if (typeof detail?.field !== 'string' || !detail.field.startsWith('body.')) continue;
    const path = detail.field.slice('body.'.length);
    problems[path] ??= problemKey(path, error.code, typeof detail.message === 'string' ? detail.message : '');
  }
  return problems;
}

function problemKey(path: string, code: string, message: string): string {
  // Refusals with a code of their own (INVALID_PARENT, INVALID_USER…) are explained by that code.
  if (code !== 'VALIDATION_FAILED') return `errors.${code}`;
  if (/^Too small: expected string to have >=1 characters/.test(message)) return 'validation.required';
  if (/^Too big/.test(message)) return 'validation.tooLong';
  if (/^Too small/.test(message)) return 'validation.tooShort';
  if (message.startsWith('Not a phone number')) return 'validation.phone';
  if (message.startsWith('Not a LINE id')) return 'validation.lineId';
  if (message.startsWith('Not an email')) return 'validation.email';
  if (message.startsWith('Not a web address')) return 'directory.edit.badWebsite';
  const name = path.split('.').at(-1);
  if (name === 'email') return 'validation.email';
  if (name === 'website') return 'directory.edit.badWebsite';
  return 'validation.invalid';
}

/** The problem of the first field whose path starts with `prefix` (`phones` matches `phones.0.value`). */
export function problemUnder(problems: FieldProblems, prefix: string): string | undefined {
  const path = Object.keys(problems).find((key) => key === prefix || key.startsWith(`${prefix}.`));
  return path ? problems[path] : undefined;
}

/**
 * After a refused submit, moves focus (and the screen) to the first field showing a problem. Call the
 * returned function when setting the problems; focus moves once they are on screen, not while typing.
 */
export function useFocusFirstProblem(form: RefObject<HTMLElement | null>) {
  const pending = useRef(false);
  useEffect(() => {
    if (!pending.current) return;
    pending.current = false;
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  });
  return () => {
    pending.current = true;
  };
}
