import { Alert, Button, CopyButton, Group, List, Paper, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Shown exactly once, right after enrolment; the server keeps only hashes of these codes. */
export function RecoveryCodes({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Alert color="orange" title={t('totp.recoveryTitle')} role="status">
        {t('totp.recoveryBody')}
      </Alert>
      <Paper withBorder p="md">
        <List listStyleType="none" ff="monospace" fz="md" spacing={4} style={{ columns: 2 }}>
          {codes.map((code) => (
            <List.Item key={code}>{code}</List.Item>
          ))}
        </List>
      </Paper>
      <Group>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? t('common.copied') : t('totp.copyCodes')}
            </Button>
          )}
        </CopyButton>
        <Button onClick={onDone}>{t('totp.savedCodes')}</Button>
      </Group>
    </Stack>
  );
}
