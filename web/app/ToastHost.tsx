import '@mantine/notifications/styles.css';
import { Notifications } from '@mantine/notifications';

/** Mantine's toasts, with their animations: loaded by DeferredToasts with the first toast. */
export default function ToastHost() {
  return <Notifications position="top-center" />;
}
