import { Alert, Button, Group, List, Modal, Stack, Text } from '@mantine/core';
import { IconShieldExclamation } from '@tabler/icons-react';
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkPrivacy, type PrivacyFinding } from '../../common/privacy-check.ts';
import { PRIVACY_FINDING_KINDS } from '../../common/problems-taxonomy.ts';
import { isApiError } from '../lib/api.ts';
import { useLanguage } from '../lib/i18n.ts';
import type { Language } from '../lib/types.ts';

/**
 * The privacy check of free text (ID card, passport and phone numbers), shared by every form that sends
 * free text: problems, comments, coordination requests. `fieldLabel` names a field in the finding list;
 * by default the problem form's field labels.
 */
export type PrivacyFields = { acknowledgePrivacyWarnings?: boolean; privacyCheckId?: string };
type FieldLabel = (field: string) => string;
type Texts = Record<string, string | null | undefined>;

const findingLabel = (kind: string, language: Language) =>
  PRIVACY_FINDING_KINDS.find((k) => k.code === kind)?.[language] ?? kind;
type Pending = { findings: PrivacyFinding[]; privacyCheckId: string; texts: Texts; retry: () => void };

/** What was found, where, and the text itself so the writer sees what to remove. */
function FindingList({
  findings,
  texts,
  fieldLabel,
}: {
  findings: PrivacyFinding[];
  texts: Texts;
  fieldLabel?: FieldLabel;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <List size="sm" spacing={4}>
      {findings.map((f) => (
        <List.Item key={`${f.field}-${f.start}`}>
          {t('problems.privacy.finding', {
            kind: findingLabel(f.kind, language),
            field: fieldLabel
              ? fieldLabel(f.field)
              : t(`problems.fields.${f.field}`, { defaultValue: f.field }),
          })}{' '}
          <Text span ff="monospace" fw={600} style={{ whiteSpace: 'nowrap' }}>
            {texts[f.field]?.slice(f.start, f.end)}
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

/** While typing: the same check the server runs, so the writer can remove personal data before sending. */
export function PrivacyLiveHint({ texts, fieldLabel }: { texts: Texts; fieldLabel?: FieldLabel }) {
  const { t } = useTranslation();
  const deferred = useDeferredValue(texts);
  const findings = useMemo(() => checkPrivacy(deferred), [deferred]);
  if (findings.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconShieldExclamation aria-hidden />}
      title={t('problems.privacy.liveTitle')}
      // The light yellow title colour is too faint on its tint for small text.
      styles={{ title: { color: 'var(--mantine-color-orange-9)' } }}
    >
      <Stack gap={4}>
        <Text size="sm">{t('problems.privacy.liveBody')}</Text>
        <FindingList findings={findings} texts={deferred} fieldLabel={fieldLabel} />
      </Stack>
    </Alert>
  );
}

/**
 * Sends a write; when the server answers 422 PRIVACY_WARNING, asks the writer to remove what was found or to
 * submit anyway. Either choice is recorded by the server: "anyway" sends the acknowledgement, a corrected
 * resend carries the warning's id so it is marked as removed.
 */
export function usePrivacyGuard(fieldLabel?: FieldLabel) {
  const { t } = useTranslation();
  const [pending, setPending] = useState<Pending | null>(null);
  const [sending, setSending] = useState(false);
  const warningId = useRef<string | undefined>(undefined);

  async function run(send: (privacy: PrivacyFields) => Promise<unknown>, texts: Texts, onDone?: () => void) {
    const attempt = async (privacy: PrivacyFields) => {
      try {
        await send(privacy);
        warningId.current = undefined;
        setPending(null);
        onDone?.();
      } catch (error) {
        const details =
          isApiError(error, 422) && error.code === 'PRIVACY_WARNING' ? error.details : undefined;
        if (!details) throw error;
        const { findings, privacyCheckId } = details as {
          findings: PrivacyFinding[];
          privacyCheckId: string;
        };
        warningId.current = privacyCheckId;
        setPending({
          findings,
          privacyCheckId,
          texts,
          retry: () => {
            setSending(true);
            attempt({ acknowledgePrivacyWarnings: true, privacyCheckId })
              // Other refusals show through the mutation's own error.
              .catch(() => setPending(null))
              .finally(() => setSending(false));
          },
        });
      }
    };
    await attempt(warningId.current ? { privacyCheckId: warningId.current } : {});
  }

  const dialog = (
    <Modal
      opened={pending !== null}
      onClose={() => setPending(null)}
      title={t('problems.privacy.title')}
      size="lg"
      fullScreen={false}
    >
      {pending && (
        <Stack>
          <Alert color="orange" variant="light" icon={<IconShieldExclamation aria-hidden />} role="alert">
            {t('problems.privacy.body')}
          </Alert>
          <FindingList findings={pending.findings} texts={pending.texts} fieldLabel={fieldLabel} />
          <Text size="sm" c="dimmed">
            {t('problems.privacy.recorded')}
          </Text>
          <Group justify="flex-end" gap="xs">
            <Button onClick={() => setPending(null)} data-autofocus>
              {t('problems.privacy.remove')}
            </Button>
            <Button variant="outline" color="orange" loading={sending} onClick={pending.retry}>
              {t('problems.privacy.submitAnyway')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
  return { run, dialog };
}

/** The privacy warning has its own dialog; every other error is shown as usual. */
export const withoutPrivacyWarning = (error: unknown) =>
  isApiError(error) && error.code === 'PRIVACY_WARNING' ? null : error;
