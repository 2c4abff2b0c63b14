import { Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ErrorAlert } from './ErrorAlert.tsx';
import { FullPageLoader } from './FullPageLoader.tsx';
import { PageHeader } from './PageHeader.tsx';

type LoadedQuery<T> = { isPending: boolean; error: unknown; data: T | undefined };

/** A page that shows one record: a loader while it comes, the page title and the error if it fails. */
export function QueryPage<T>({
  query,
  title,
  children,
}: {
  query: LoadedQuery<T>;
  title: string;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <FullPageLoader />;
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
