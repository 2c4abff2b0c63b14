import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../../../components/PageHeader.tsx';

export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  useDocumentTitle(title);
  return (
    <Paper withBorder shadow="xs" p={{ base: 'md', xs: 'xl' }} radius="md">
      <Stack gap="md">
        <div>
          <Title order={1} fz="h2">
            {title}
          </Title>
          {intro && <Text c="dimmed">{intro}</Text>}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
