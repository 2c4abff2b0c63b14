/**
 * "ข้อมูลระบุตัวบุคคล (เข้ารหัส)" on a coordination request's page. The requesting organisation enters and
 * edits entries; the accepting unit records consent or an override and reads with a stated purpose; a
 * Centre admin opens a time-boxed break-glass window; everyone else who sees the request sees only that
 * named data exists. Photos of documents: VaultPhotos.tsx. Values are held in this component's state only, never in the query cache.
 */
import {
  Alert,
  Badge,
  Button,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  BREAK_GLASS_MINUTES,
  CONSENT_GIVERS,
  VAULT_ENTRY_KINDS,
  VAULT_LIMITS,
  type VaultEntryKind,
} from '../../../../common/coordination-vault-api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { Section } from '../../../components/Section.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import {
  useAddEntry,
  useBreakGlass,
  useCloseBreakGlass,
  useOverride,
  useRecordConsent,
  useRemoveEntry,
  useReveal,
  useUpdateEntry,
  useVault,
  type VaultContents,
  type VaultView,
} from './api.ts';
import { LegalHoldForm, LegalHoldNotice } from './LegalHold.tsx';
import { VaultPhotos } from './VaultPhotos.tsx';

export interface VaultSectionProps {
  requestId: string;
  /** The request's state, so the section refreshes when the request moves (e.g. accepted). */
  requestState?: string;
}

export function VaultSection({ requestId, requestState }: VaultSectionProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const vault = useVault(requestId, requestState);
  const [contents, setContents] = useState<VaultContents | null>(null);
  const v = vault.data;
  return (
    <Section id="vault" title={t('coordinationVault.title')} description={t('coordinationVault.intro')}>
      <ErrorAlert error={vault.error} onRetry={() => vault.refetch()} />
      {v && (
        <Stack gap="sm">
          <Group gap="xs">
            <IconLock size={18} aria-hidden />
            <Text size="sm">
              {v.entryCount === 0 && !v.purged
                ? t('coordinationVault.empty')
                : t('coordinationVault.count', { count: v.entryCount })}
            </Text>
            {v.kinds.map((k) => (
              <Badge key={k.kind} variant="light" color="gray">
                {t(`coordinationVault.kinds.${k.kind}`)} × {k.count}
              </Badge>
            ))}
          </Group>
          {v.legalHold && <LegalHoldNotice hold={v.legalHold} />}
          <Status vault={v} />
          {v.may.write && <EntryForm requestId={requestId} onSaved={() => setContents(null)} />}
          <VaultPhotos requestId={requestId} vault={v} />
          {v.may.recordConsent && !v.consent && !v.child && <ConsentForm requestId={requestId} />}
          {v.may.override && !v.consent && !v.override && !v.child && <OverrideForm requestId={requestId} />}
          {v.may.breakGlass && !v.breakGlass && v.refusal === 'VAULT_BREAK_GLASS_REQUIRED' && (
            <BreakGlassForm requestId={requestId} />
          )}
          {v.refusal && !v.purged && (
            <Text size="sm" c="dimmed">
              {t(`coordinationVault.refusal.${v.refusal}`)}
            </Text>
          )}
          {v.may.reveal &&
            (contents ? (
              <Revealed
                requestId={requestId}
                contents={contents}
                editable={v.may.write}
                onHide={() => setContents(null)}
              />
            ) : (
              <RevealForm requestId={requestId} onRevealed={setContents} />
            ))}
          {v.breakGlass && v.may.breakGlass && <CloseBreakGlass requestId={requestId} />}
          {v.may.legalHold && (!v.purged || v.legalHold) && (
            <LegalHoldForm requestId={requestId} held={Boolean(v.legalHold)} />
          )}
          {v.purgeDueAt && !v.legalHold && (
            <Text size="xs" c="dimmed">
              {t('coordinationVault.purgeDue', { at: formatDateTime(v.purgeDueAt, language) })}
            </Text>
          )}
        </Stack>
      )}
    </Section>
  );
}

function Status({ vault: v }: { vault: VaultView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const lines: string[] = [];
  if (v.purged)
    lines.push(
      t('coordinationVault.purged', {
        count: v.purged.entryCount,
        at: formatDateTime(v.purged.at, language),
      }),
    );
  if (v.purged?.photoCount) lines.push(t('coordinationVault.photos.purged', { count: v.purged.photoCount }));
  if (v.child) lines.push(t('coordinationVault.child'));
  if (v.consent)
    lines.push(
      t('coordinationVault.consentGiven', {
        by: t(`coordinationVault.givers.${v.consent.givenBy}`),
        at: formatDateTime(v.consent.givenAt, language),
        purpose: v.consent.purpose,
      }),
    );
  if (v.override) lines.push(t('coordinationVault.overrideGiven', { reason: v.override.reason }));
  if (v.breakGlass)
    lines.push(
      t('coordinationVault.breakGlassOpen', { at: formatDateTime(v.breakGlass.expiresAt, language) }),
    );
  if (lines.length === 0) return null;
  return (
    <Stack gap={4}>
      {lines.map((line) => (
        <Text key={line} size="sm">
          {line}
        </Text>
      ))}
    </Stack>
  );
}

function useKindOptions() {
  const { t } = useTranslation();
  return VAULT_ENTRY_KINDS.map((kind) => ({ value: kind, label: t(`coordinationVault.kinds.${kind}`) }));
}

function EntryForm({ requestId, onSaved }: { requestId: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const add = useAddEntry(requestId);
  const [kind, setKind] = useState<VaultEntryKind>('name');
  const [value, setValue] = useState('');
  const kinds = useKindOptions();
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(
          { kind, value },
          {
            onSuccess: () => {
              setValue('');
              onSaved();
            },
          },
        );
      }}
    >
      <Stack gap="xs">
        <Select
          label={t('coordinationVault.kind')}
          data={kinds}
          value={kind}
          onChange={(k) => k && setKind(k as VaultEntryKind)}
          allowDeselect={false}
        />
        <TextInput
          label={t('coordinationVault.value')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          maxLength={VAULT_LIMITS.value}
          autoComplete="off"
          required
        />
        <ErrorAlert error={add.error} />
        <Button
          type="submit"
          loading={add.isPending}
          disabled={!value.trim()}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('coordinationVault.add')}
        </Button>
      </Stack>
    </form>
  );
}

function RevealForm({
  requestId,
  onRevealed,
}: {
  requestId: string;
  onRevealed: (c: VaultContents) => void;
}) {
  const { t } = useTranslation();
  const reveal = useReveal(requestId);
  const [purpose, setPurpose] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        reveal.mutate(purpose, { onSuccess: onRevealed });
      }}
    >
      <Stack gap="xs">
        <TextInput
          label={t('coordinationVault.purpose')}
          description={t('coordinationVault.purposeHint')}
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value)}
          maxLength={VAULT_LIMITS.purpose}
          required
        />
        <ErrorAlert error={reveal.error} />
        <Button
          type="submit"
          variant="light"
          loading={reveal.isPending}
          disabled={purpose.trim().length < 3}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('coordinationVault.reveal')}
        </Button>
      </Stack>
    </form>
  );
}

function Revealed({
  requestId,
  contents,
  editable,
  onHide,
}: {
  requestId: string;
  contents: VaultContents;
  editable: boolean;
  onHide: () => void;
}) {
  const { t } = useTranslation();
  const update = useUpdateEntry(requestId);
  const remove = useRemoveEntry(requestId);
  const [editing, setEditing] = useState<{ id: string; value: string } | null>(null);
  return (
    <Stack gap="xs">
      <Alert variant="light" color={contents.basis === 'break_glass' ? 'red' : 'blue'}>
        {t(`coordinationVault.revealedAs.${contents.basis}`)}
      </Alert>
      <Table striped>
        <Table.Tbody>
          {contents.entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Th scope="row" w="40%">
                {t(`coordinationVault.kinds.${entry.kind}`)}
              </Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>
                {editing?.id === entry.id ? (
                  <form
                    onSubmit={(e) => {
                      e.preventDefault();
                      update.mutate(
                        { id: entry.id, kind: entry.kind, value: editing.value },
                        { onSuccess: onHide },
                      );
                    }}
                  >
                    <Stack gap={4}>
                      <TextInput
                        aria-label={t(`coordinationVault.kinds.${entry.kind}`)}
                        value={editing.value}
                        onChange={(e) => setEditing({ id: entry.id, value: e.currentTarget.value })}
                        maxLength={VAULT_LIMITS.value}
                        autoComplete="off"
                      />
                      <Group gap={4}>
                        <Button type="submit" size="xs" loading={update.isPending}>
                          {t('coordinationVault.save')}
                        </Button>
                        <Button size="xs" variant="subtle" onClick={() => setEditing(null)}>
                          {t('coordinationVault.cancel')}
                        </Button>
                      </Group>
                    </Stack>
                  </form>
                ) : (
                  <Stack gap={4}>
                    <Text size="sm">{entry.value}</Text>
                    {editable && (
                      <Group gap={4}>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          onClick={() => setEditing({ id: entry.id, value: entry.value })}
                        >
                          {t('coordinationVault.edit')}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          loading={remove.isPending && remove.variables === entry.id}
                          onClick={() => remove.mutate(entry.id, { onSuccess: onHide })}
                        >
                          {t('coordinationVault.remove')}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <ErrorAlert error={update.error ?? remove.error} />
      <Button variant="subtle" size="xs" onClick={onHide} style={{ alignSelf: 'flex-start' }}>
        {t('coordinationVault.hide')}
      </Button>
    </Stack>
  );
}

/** Local date-time for the input, in Bangkok's offset (the network's time zone). */
const nowLocal = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 16);

function ConsentForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const record = useRecordConsent(requestId);
  const [givenBy, setGivenBy] = useState<(typeof CONSENT_GIVERS)[number]>('person');
  const [givenAt, setGivenAt] = useState(nowLocal);
  const [purpose, setPurpose] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate({ givenBy, givenAt: `${givenAt}:00+07:00`, purpose });
      }}
    >
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('coordinationVault.consentTitle')}
        </Text>
        <Select
          label={t('coordinationVault.consentBy')}
          data={CONSENT_GIVERS.map((g) => ({ value: g, label: t(`coordinationVault.givers.${g}`) }))}
          value={givenBy}
          onChange={(g) => g && setGivenBy(g as typeof givenBy)}
          allowDeselect={false}
        />
        <TextInput
          type="datetime-local"
          label={t('coordinationVault.consentAt')}
          value={givenAt}
          onChange={(e) => setGivenAt(e.currentTarget.value)}
          required
        />
        <TextInput
          label={t('coordinationVault.consentPurpose')}
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value)}
          maxLength={VAULT_LIMITS.purpose}
          required
        />
        <ErrorAlert error={record.error} />
        <Button
          type="submit"
          loading={record.isPending}
          disabled={purpose.trim().length < 3}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('coordinationVault.recordConsent')}
        </Button>
      </Stack>
    </form>
  );
}

function OverrideForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const override = useOverride(requestId);
  const [reason, setReason] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        override.mutate(reason);
      }}
    >
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('coordinationVault.overrideTitle')}
        </Text>
        <Textarea
          label={t('coordinationVault.overrideReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={VAULT_LIMITS.reason}
          autosize
          minRows={2}
        />
        <ErrorAlert error={override.error} />
        <Button
          type="submit"
          color="orange"
          variant="light"
          loading={override.isPending}
          disabled={reason.trim().length < 10}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('coordinationVault.recordOverride')}
        </Button>
      </Stack>
    </form>
  );
}

function BreakGlassForm({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const start = useBreakGlass(requestId);
  const [reason, setReason] = useState('');
  const [minutes, setMinutes] = useState<number>(BREAK_GLASS_MINUTES.default);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        start.mutate({ reason, minutes });
      }}
    >
      <Stack gap="xs">
        <Text fw={600} size="sm">
          {t('coordinationVault.breakGlassTitle')}
        </Text>
        <Textarea
          label={t('coordinationVault.breakGlassReason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          maxLength={VAULT_LIMITS.reason}
          autosize
          minRows={2}
        />
        <NumberInput
          label={t('coordinationVault.breakGlassMinutes')}
          value={minutes}
          onChange={(n) => setMinutes(typeof n === 'number' ? n : BREAK_GLASS_MINUTES.default)}
          min={BREAK_GLASS_MINUTES.min}
          max={BREAK_GLASS_MINUTES.max}
          w={140}
        />
        <ErrorAlert error={start.error} />
        <Button
          type="submit"
          color="red"
          variant="light"
          loading={start.isPending}
          disabled={reason.trim().length < 10}
          style={{ alignSelf: 'flex-start' }}
        >
          {t('coordinationVault.breakGlassStart')}
        </Button>
      </Stack>
    </form>
  );
}

function CloseBreakGlass({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const close = useCloseBreakGlass(requestId);
  return (
    <Stack gap="xs">
      <ErrorAlert error={close.error} />
      <Button
        color="red"
        variant="subtle"
        size="xs"
        loading={close.isPending}
        onClick={() => close.mutate(undefined)}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('coordinationVault.breakGlassClose')}
      </Button>
    </Stack>
  );
}
