import { Button, Group, Text } from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

/** Says that the form holds what the user typed before (kept on this device), with a way to start over. */
export function DraftRestoredNote({ onDiscard }: { onDiscard: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="nowrap" data-testid="draft-restored">
      <IconDeviceFloppy size={16} color="var(--mantine-color-blue-7)" aria-hidden style={{ flexShrink: 0 }} />
      <Text size="sm" c="blue.9">
        {t('drafts.restored')}
      </Text>
      <Button variant="subtle" size="compact-sm" onClick={onDiscard}>
        {t('drafts.discard')}
      </Button>
    </Group>
  );
}
