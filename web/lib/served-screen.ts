/**
 * The page may arrive with the finder's or the board's answer already in it, as plain HTML
 * (server/platform/first-screen-html.ts), readable and callable seconds before the app's code has
 * arrived on a slow link. The app then renders out of sight and takes the screen over only once its
 * own page is there (its heading, nothing still loading): the reader never sees the answer give way
 * to a spinner.
 */
import { SERVED_SCREEN_ATTRIBUTE } from '../../common/first-screen.ts';

const SERVED_SCREEN = `[${SERVED_SCREEN_ATTRIBUTE}]`;
/** Should the app never settle (an endless load), it still shows what it has after this long. */
const GIVE_UP_MS = 30_000;

const isSettled = (root: HTMLElement) =>
  root.querySelector('main h1') !== null && root.querySelector('[data-loading]') === null;

/** Calls `render` (which fills `root`), keeping a served screen in view until the app's page is ready. */
export function renderOverServedScreen(root: HTMLElement, render: () => void) {
  if (!root.querySelector(SERVED_SCREEN)) {
    render();
    return;
  }
  // React replaces whatever `root` holds: the served screen moves beside it and stays in view.
  const served = document.createElement('div');
  served.append(...root.childNodes);
  root.before(served);
  root.hidden = true;
  const handOver = () => {
    observer.disconnect();
    clearTimeout(timer);
    served.remove();
    root.hidden = false;
  };
  const observer = new MutationObserver(() => {
    if (isSettled(root)) handOver();
  });
  observer.observe(root, { childList: true, subtree: true });
  const timer = setTimeout(handOver, GIVE_UP_MS);
  render();
}
