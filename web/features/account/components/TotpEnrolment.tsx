import { Button, Code, Group, Image, List, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import type { TotpSetupView } from '../../../lib/types.ts';
import { useFields } from '../../../lib/useFields.ts';
import { checkSixDigitCode } from '../../../lib/validation.ts';
import { useConfirmTotp, useStartTotpSetup } from '../api/account.ts';

export function TotpEnrolment({ onEnrolled }: { onEnrolled: (recoveryCodes: string[]) => void }) {
  const { t } = useTranslation();
  const setup = useStartTotpSetup();

  if (!setup.data) {
    return (
      <Stack gap="sm">
        <ErrorAlert error={setup.error} />
        <Group>
          <Button loading={setup.isPending} onClick={() => setup.mutate()}>
            {t('totp.start')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return <ConfirmEnrolment secret={setup.data} onEnrolled={onEnrolled} onCancel={() => setup.reset()} />;
}

interface ConfirmEnrolmentProps {
  secret: TotpSetupView;
  onEnrolled: (recoveryCodes: string[]) => void;
  onCancel: () => void;
}

function ConfirmEnrolment({ secret, onEnrolled, onCancel }: ConfirmEnrolmentProps) {
  const { t } = useTranslation();
  const confirm = useConfirmTotp();
  const form = useFields({ code: '' });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problem = checkSixDigitCode(form.values.code);
    if (problem) return form.setProblems({ code: problem });
    confirm.mutate(form.values.code.trim(), { onSuccess: (result) => onEnrolled(result.recoveryCodes) });
  };

  return (
    <Stack gap="md">
      <List type="ordered" spacing="xs">
        <List.Item>{t('totp.stepInstall')}</List.Item>
        <List.Item>{t('totp.stepScan')}</List.Item>
        <List.Item>{t('totp.stepCode')}</List.Item>
      </List>
      <Image
        src={`data:image/svg+xml;utf8,${encodeURIComponent(secret.qrSvg)}`}
        alt={t('totp.qrAlt')}
        w={200}
        h={200}
        bg="white"
      />
      <div>
        <Text size="sm">{t('totp.manualEntry')}</Text>
        <Code block style={{ overflowWrap: 'anywhere' }}>
          {secret.secret}
        </Code>
      </div>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <ErrorAlert error={confirm.error} />
          <TextInput
            label={t('totp.code')}
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            {...form.field('code')}
          />
          <Group>
            <Button type="submit" loading={confirm.isPending}>
              {t('totp.confirm')}
            </Button>
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
