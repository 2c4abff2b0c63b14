import { Alert, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconCloudUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { discardQueued, failureOf } from '../../../lib/send-queue.ts';
import { useSignedInMe } from '../../../lib/session.ts';
import type { Language } from '../../../lib/types.ts';
import { useQueuedSends } from '../../../lib/useSendQueue.ts';
import { useRefreshAttendance } from '../api/forum-checkin.ts';
import { SCAN_KIND, type ScanBody, type ScanOutcome, submitScan, ticketCodeOf } from '../scan-queue.ts';
import { QrScanner } from './QrScanner.tsx';
import { refusalText, ScanResultCard } from './ScanResultCard.tsx';

/** The camera, the answer to the last scan, a typed-in fallback, and what waits on this phone. */
export function ScanPanel({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation();
  const me = useSignedInMe();
  const refreshAttendance = useRefreshAttendance(eventId);
  const [outcome, setOutcome] = useState<ScanOutcome | null>(null);
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  /** The code last handled: the camera keeps reading it while it is in view. */
  const last = useRef<string | null>(null);
  const queued = useQueuedSends(me.user.id, SCAN_KIND);
  const waiting = queued.filter((item) => !item.failed);
  const failed = queued.filter((item) => item.failed);

  async function handle(text: string, fromCamera: boolean) {
    const code = ticketCodeOf(text);
    if (busy || (fromCamera && code === last.current)) return;
    last.current = code;
    setBusy(true);
    try {
      const result = await submitScan(me.user.id, eventId, code);
      setOutcome(result);
      if (result.kind === 'checked_in') void refreshAttendance();
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack>
      <QrScanner onCode={(text) => void handle(text, true)} />
      {outcome && <ScanResultCard outcome={outcome} />}
      <form
        onSubmit={(event) => {
          event.preventDefault();
          if (!typed.trim()) return;
          void handle(typed, false).then(() => setTyped(''));
        }}
      >
        <Group align="flex-end" gap="xs" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={t('forumCheckin.scan.manualLabel')}
            description={t('forumCheckin.scan.manualHint')}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            autoCapitalize="off"
            spellCheck={false}
          />
          <Button type="submit" loading={busy}>
            {t('forumCheckin.scan.check')}
          </Button>
        </Group>
      </form>
      {waiting.length > 0 && (
        <Alert
          color="blue"
          variant="light"
          icon={<IconCloudUpload aria-hidden />}
          data-testid="checkin-waiting"
        >
          {t('forumCheckin.scan.waiting', { count: waiting.length })}
        </Alert>
      )}
      {failed.map((item) => (
        <Alert key={item.key} color="red" variant="light" title={(item.body as ScanBody).ticketCode}>
          <Text size="sm">{refusalText(failureOf(item)!, t, i18n.language as Language)}</Text>
          <Button size="xs" variant="subtle" mt={4} onClick={() => discardQueued(me.user.id, item.key)}>
            {t('forumCheckin.scan.dismiss')}
          </Button>
        </Alert>
      ))}
    </Stack>
  );
}
