import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { isMissingRecord } from '../lib/errors.ts';
import { ErrorAlert } from './ErrorAlert.tsx';
import { FullPageLoader } from './FullPageLoader.tsx';
import { type BackToList, NotFoundPage } from './NotFoundPage.tsx';
import { PageHeader } from './PageHeader.tsx';

type LoadedQuery<T> = { isPending: boolean; error: unknown; data: T | undefined };

/** A page that shows one record: a loader while it comes, the page title and the error if it fails. */
export function QueryPage<T>({
  query,
  title,
  back,
  children,
}: {
  query: LoadedQuery<T>;
  title: string;
  /** The list to go back to when the record does not exist or is not the reader's to see. */
  back?: BackToList;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <FullPageLoader />;
  if (isMissingRecord(query.error)) return <NotFoundPage back={back} />;
  if (query.error || query.data === undefined) {
    return (
      <Stack>
        <PageHeader title={title} />
        <ErrorAlert error={query.error} />
      </Stack>
    );
  }
  return children(query.data);
}
