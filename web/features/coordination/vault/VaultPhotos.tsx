/**
 * Photos of documents in a request's vault. The requesting organisation adds them from the phone's camera
 * (or its files) while the request is open; whoever may read the vault taps one to see it, with a stated
 * purpose, and each look is audited on the server. There are no automatic thumbnails on purpose: a
 * thumbnail is the image, and every showing of it must be a deliberate, recorded reading. The image is
 * held as a data: URL in this component's state only (the CSP allows data: images, not blob:), and
 * dropped when hidden or when leaving the page; it is never in the query cache.
 */
import { Button, Group, Image, Stack, Text, TextInput } from '@mantine/core';
import { IconCamera, IconPhoto } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  VAULT_LIMITS,
  VAULT_PHOTO_LIMITS,
  VAULT_PHOTO_TYPES,
} from '../../../../common/coordination-vault-api.ts';
import { ErrorAlert } from '../../../components/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/dates.ts';
import { useLanguage } from '../../../lib/i18n.ts';
import { asDataUrl, useAddPhoto, useViewPhoto, type VaultView } from './api.ts';

const MB = 1024 * 1024;
const typeLabel = (type: string) => type.replace('image/', '').toUpperCase();
const sizeLabel = (bytes: number) =>
  bytes >= MB ? `${(bytes / MB).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

export function VaultPhotos({ requestId, vault: v }: { requestId: string; vault: VaultView }) {
  const { t } = useTranslation();
  if (v.photos.length === 0 && !v.may.addPhoto) return null;
  return (
    <Stack gap="xs">
      <Text fw={600} size="sm">
        {t('coordinationVault.photos.title', { count: v.photos.length })}
      </Text>
      {v.photos.length > 0 && <PhotoList requestId={requestId} vault={v} />}
      {v.may.addPhoto && <AddPhoto requestId={requestId} />}
    </Stack>
  );
}

function AddPhoto({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const add = useAddPhoto(requestId);
  const input = useRef<HTMLInputElement>(null);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Stack gap={4}>
      <Button
        component="label"
        variant="light"
        leftSection={<IconCamera size={18} aria-hidden />}
        loading={add.isPending}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('coordinationVault.photos.add')}
        <input
          ref={input}
          type="file"
          accept={VAULT_PHOTO_TYPES.join(',')}
          capture="environment"
          style={{ position: 'absolute', width: 1, height: 1, opacity: 0, overflow: 'hidden' }}
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            setProblem(null);
            add.reset();
            if (!file) return;
            // The server checks the bytes; this only saves a long upload that would be refused.
            if (file.size === 0) return setProblem(t('errors.PHOTO_EMPTY'));
            if (file.size > VAULT_PHOTO_LIMITS.bytes) return setProblem(t('errors.PHOTO_TOO_LARGE'));
            add.mutate(file);
          }}
        />
      </Button>
      <Text size="xs" c="dimmed">
        {t('coordinationVault.photos.hint', {
          max: VAULT_PHOTO_LIMITS.bytes / MB,
          count: VAULT_PHOTO_LIMITS.perRequest,
        })}
      </Text>
      {problem && (
        <Text size="sm" c="red" role="alert">
          {problem}
        </Text>
      )}
      <ErrorAlert error={add.error} />
    </Stack>
  );
}

function PhotoList({ requestId, vault: v }: { requestId: string; vault: VaultView }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const view = useViewPhoto(requestId);
  const [purpose, setPurpose] = useState('');
  const [shown, setShown] = useState<{ id: string; url: string } | null>(null);
  const canView = v.may.reveal;
  return (
    <Stack gap="xs">
      {canView && (
        <TextInput
          label={t('coordinationVault.photos.purpose')}
          description={t('coordinationVault.photos.purposeHint')}
          value={purpose}
          onChange={(e) => setPurpose(e.currentTarget.value)}
          maxLength={VAULT_LIMITS.purpose}
        />
      )}
      {v.photos.map((p, i) => (
        <Stack key={p.id} gap={4}>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <IconPhoto size={18} aria-hidden />
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {t('coordinationVault.photos.item', {
                  n: i + 1,
                  type: typeLabel(p.type),
                  size: sizeLabel(p.bytes),
                  at: formatDateTime(p.createdAt, language),
                })}
              </Text>
            </Group>
            {canView &&
              (shown?.id === p.id ? (
                <Button size="compact-sm" variant="subtle" onClick={() => setShown(null)}>
                  {t('coordinationVault.hide')}
                </Button>
              ) : (
                <Button
                  size="compact-sm"
                  variant="light"
                  disabled={purpose.trim().length < 3}
                  loading={view.isPending && view.variables?.photoId === p.id}
                  aria-label={t('coordinationVault.photos.viewNumber', { n: i + 1 })}
                  onClick={() =>
                    view.mutate(
                      { photoId: p.id, purpose },
                      { onSuccess: async (blob) => setShown({ id: p.id, url: await asDataUrl(blob) }) },
                    )
                  }
                >
                  {t('coordinationVault.photos.view')}
                </Button>
              ))}
          </Group>
          {shown?.id === p.id && (
            <Image
              src={shown.url}
              alt={t('coordinationVault.photos.alt', { n: i + 1 })}
              radius="sm"
              fit="contain"
              mah="70vh"
              w="100%"
            />
          )}
        </Stack>
      ))}
      {canView && purpose.trim().length < 3 && (
        <Text size="xs" c="dimmed">
          {t('coordinationVault.photos.purposeFirst')}
        </Text>
      )}
      <ErrorAlert error={view.error} />
    </Stack>
  );
}
