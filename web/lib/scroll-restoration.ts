import { useEffect, useLayoutEffect } from 'react';
import { useLocation, useNavigationType } from 'react-router';

/** Where each visited history entry was scrolled to, by its location key, for this tab's lifetime. */
const positions = new Map<string, number>();
/** The entry on screen; set before a navigation scrolls, so a late scroll event is not filed under the old one. */
let shownKey = '';
/** Content may still be arriving when the user goes back; keep trying to reach the old position this long. */
const RESTORE_FOR_MS = 1_500;

function rememberPosition() {
  positions.set(shownKey, window.scrollY);
}

/**
 * A new page opens at its top (links used to open 1,300–2,200 px down, where the last page was left);
 * going back returns to where that page was left. Links to a `#section` are left to the page.
 */
export function useScrollRestoration() {
  const location = useLocation();
  const navigationType = useNavigationType();

  useEffect(() => {
    window.history.scrollRestoration = 'manual';
    window.addEventListener('scroll', rememberPosition, { passive: true });
    return () => window.removeEventListener('scroll', rememberPosition);
  }, []);

  useLayoutEffect(() => {
    shownKey = location.key;
    if (location.hash) return;
    const target = navigationType === 'POP' ? (positions.get(location.key) ?? 0) : 0;
    window.scrollTo(0, target);
    if (target === 0) return;
    const until = performance.now() + RESTORE_FOR_MS;
    let frame = requestAnimationFrame(function retry() {
      if (Math.abs(window.scrollY - target) < 2 || performance.now() > until) return;
      window.scrollTo(0, target);
      frame = requestAnimationFrame(retry);
    });
    // Once the user scrolls or types themselves, their position wins.
    const giveWay = () => cancelAnimationFrame(frame);
    const events = ['wheel', 'touchstart', 'keydown'] as const;
    for (const event of events) window.addEventListener(event, giveWay, { once: true, passive: true });
    return () => {
      cancelAnimationFrame(frame);
      for (const event of events) window.removeEventListener(event, giveWay);
    };
  }, [location.key, location.hash, navigationType]);
}
