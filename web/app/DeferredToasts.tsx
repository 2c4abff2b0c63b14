import { useNotifications } from '@mantine/notifications';
import { lazy, Suspense, useEffect, useState } from 'react';

const ToastHost = lazy(() => import('./ToastHost.tsx'));

/**
 * Shows toasts (`notifications.show`, web/lib/feedback.ts) once there is one: their code and animations
 * (about 7 kB compressed) are not needed to open the finder or the board, and on slow 3G every 50 kB
 * is a second more before they work. A toast shown before the code arrives waits in the store, then shows.
 */
export function DeferredToasts() {
  const { notifications, queue } = useNotifications();
  const [needed, setNeeded] = useState(false);
  const hasToast = notifications.length + queue.length > 0;
  useEffect(() => {
    if (hasToast) setNeeded(true);
  }, [hasToast]);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <ToastHost />
    </Suspense>
  );
}
