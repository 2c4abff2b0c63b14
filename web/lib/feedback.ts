/**
 * The same feedback for every change a user makes: a toast saying what happened, errors in words they can
 * act on, the form reset or closed after success, and one submission at a time. Every mutation in the web
 * app goes through here rather than calling the notifications API itself.
 */
import { notifications } from '@mantine/notifications';
import type { UseMutationResult } from '@tanstack/react-query';
import i18next from 'i18next';
import { errorMessage } from './errors.ts';

export const feedback = {
  /** What just happened, in a sentence ("Assigned to Department of Fisheries"). */
  success(message: string) {
    notifications.show({ color: 'teal', message, role: 'status', withBorder: true, autoClose: 6000 });
  },
  /** For failures the form cannot show beside itself (a button in a list, a menu item). */
  failure(error: unknown) {
    notifications.show({
      color: 'red',
      message: errorMessage(error, i18next.t),
      withBorder: true,
      autoClose: 10_000,
    });
  },
};

type Options<TData> = {
  /** The toast after success. */
  success: string | ((data: TData) => string);
  /** Resets or closes the form, after success only: on failure what was typed stays. */
  done?: (data: TData) => void;
  /** Forms that show `mutation.error` beside themselves (ErrorAlert) leave this off; others get a toast. */
  toastErrors?: boolean;
};

/**
 * Sends a mutation with the shared feedback. A second press while the first is on its way does nothing
 * (the button shows `loading={mutation.isPending}`, which also disables it).
 */
export function sendWithFeedback<TData, TVariables>(
  mutation: UseMutationResult<TData, unknown, TVariables>,
  variables: TVariables,
  { success, done, toastErrors = false }: Options<TData>,
) {
  if (mutation.isPending) return;
  // The promise rather than mutate()'s callbacks: those are dropped when the form unmounts first, as the
  // Centre's actions do when the new state leaves this viewer nothing more to do.
  mutation.mutateAsync(variables).then(
    (data) => {
      feedback.success(typeof success === 'function' ? success(data) : success);
      done?.(data);
    },
    (error: unknown) => {
      if (toastErrors) feedback.failure(error);
    },
  );
}
