import { Group, Text, Title } from '@mantine/core';
import { type ReactNode, useEffect } from 'react';

interface PageHeaderProps {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
}

/** The page's single h1, mirrored in the browser tab so screen-reader users hear where they landed. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  useDocumentTitle(title);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" gap="sm">
      <div>
        <Title order={1} fz={{ base: 'h2', sm: 'h1' }}>
          {title}
        </Title>
        {description && <Text c="dimmed">{description}</Text>}
      </div>
      {actions}
    </Group>
  );
}

export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = `${title} · TIPNet`;
  }, [title]);
}
