import { Alert, AspectRatio, Button, Stack } from '@mantine/core';
import { IconCamera, IconCameraOff } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** Pause between two decoding attempts: enough for a phone, light on its battery. */
const SCAN_EVERY_MS = 250;
/**
 * Frames are read at most this wide or high: a ticket held to the camera spans a good part of the frame,
 * and a phone's full-HD frame would take several times longer to decode for nothing.
 */
const LONGEST_SIDE = 800;

/**
 * The phone's back camera, decoding QR codes continuously with jsQR (loaded only when the camera starts).
 * Not ZXing: its finder-pattern search misses about one random ticket code in twenty however the code is
 * framed (50 of 1,000 here, where jsQR read all 1,000), which at the door means a queue behind a ticket
 * that never reads. Every code read is passed on; the caller ignores the one it just handled.
 */
export function QrScanner({ onCode }: { onCode: (text: string) => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const [on, setOn] = useState(true);
  const [failed, setFailed] = useState(false);
  const handler = useRef(onCode);
  handler.current = onCode;

  useEffect(() => {
    const element = video.current;
    if (!on || !element) return;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let cancelled = false;
    setFailed(false);
    void (async () => {
      try {
        const [{ default: jsQR }, camera] = await Promise.all([
          import('jsqr'),
          navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false }),
        ]);
        stream = camera;
        if (cancelled) return stopCamera(camera);
        element.srcObject = camera;
        await element.play();
        const canvas = document.createElement('canvas');
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        const scan = () => {
          if (cancelled) return;
          const frame = frameOf(element, canvas, context);
          const code =
            frame && jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
          if (code?.data) handler.current(code.data);
          timer = setTimeout(scan, SCAN_EVERY_MS);
        };
        scan();
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
      clearTimeout(timer);
      if (stream) stopCamera(stream);
      element.srcObject = null;
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

function stopCamera(stream: MediaStream) {
  for (const track of stream.getTracks()) track.stop();
}

/** The video's current frame, scaled down to LONGEST_SIDE, or null before the first frame has come. */
function frameOf(video: HTMLVideoElement, canvas: HTMLCanvasElement, context: CanvasRenderingContext2D) {
  if (video.readyState < video.HAVE_CURRENT_DATA || video.videoWidth === 0) return null;
  const scale = Math.min(1, LONGEST_SIDE / Math.max(video.videoWidth, video.videoHeight));
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  context.drawImage(video, 0, 0, canvas.width, canvas.height);
  return context.getImageData(0, 0, canvas.width, canvas.height);
}
