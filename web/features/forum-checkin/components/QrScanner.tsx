import { Alert, AspectRatio, Button, Stack } from '@mantine/core';
import { IconCamera, IconCameraOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Pause between two decoding attempts: enough for a phone, light on its battery. */
const SCAN_EVERY_MS = 250;

/**
 * The phone's back camera, decoding QR codes continuously (`@zxing/browser`, loaded only when the camera
 * starts). Every code read is passed on; the caller ignores the one it just handled.
 */
export function QrScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(true);
  const [failed, setFailed] = useState(false);
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    if (!on || !video.current) return;
    let stop: (() => void) | null = null;
    let cancelled = false;
    setFailed(false);
    void (async () => {
      try {
        const { BrowserQRCodeReader } = await import('@zxing/browser');
        const reader = new BrowserQRCodeReader(undefined, { delayBetweenScanAttempts: SCAN_EVERY_MS });
        const controls = await reader.decodeFromConstraints(
          { video: { facingMode: 'environment' } },
          video.current!,
          (result) => {
            if (result) handler.current(result.getText());
          },
        );
        if (cancelled) controls.stop();
        else stop = () => controls.stop();
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [on]);

  return (
    <Stack gap="xs">
      {on && (
        <AspectRatio ratio={4 / 3} bg="dark.8" style={{ borderRadius: 8, overflow: 'hidden' }}>
          <video
            ref={video}
            muted
            playsInline
            aria-label={t('forumCheckin.scan.cameraLabel')}
            data-testid="checkin-camera"
          />
        </AspectRatio>
      )}
      {failed && (
        <Alert color="yellow" variant="light" icon={<IconCameraOff aria-hidden />}>
          {t('forumCheckin.scan.cameraFailed')}
        </Alert>
      )}
      <Button
        variant="default"
        leftSection={on ? <IconCameraOff size={18} aria-hidden /> : <IconCamera size={18} aria-hidden />}
        onClick={() => setOn((v) => !v)}
      >
        {on ? t('forumCheckin.scan.stopCamera') : t('forumCheckin.scan.startCamera')}
      </Button>
    </Stack>
  );
}
