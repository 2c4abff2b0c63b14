import { type ComponentType, type LazyExoticComponent, lazy, type ReactElement } from 'react';
import type { FeatureSection } from './feature-sections.ts';
import { loadAllTexts } from './i18n.ts';
import type { Role } from './types.ts';

/** One page of a feature and who may open it (every signed-in user when `roles` is absent). */
export type PageRoute =
  | { path: string; element: ReactElement; roles?: readonly Role[] }
  | { index: true; element: ReactElement; roles?: undefined };

/** What each `web/features/<f>/routes.tsx` exports; `web/routes/AppRoutes.tsx` composes them. */
export type FeatureRoutes = {
  /** Pages for people who are not signed in: sign-in, password reset, invitations. */
  public?: PageRoute[];
  /** Pages inside the app's layout, for signed-in users. */
  signedIn?: PageRoute[];
  /** Sections the settings page shows after its own, once the account may use everything. */
  settingsSections?: FeatureSection[];
  /** Sections the home page shows after the finder and the organisation card. */
  homeSections?: FeatureSection[];
};

const loaders = new WeakMap<object, () => Promise<unknown>>();

/**
 * A page whose code loads on first visit: most users never open most pages, and links are slow. Its
 * texts come with it, unless it is one of the first screens, whose texts ship with the app
 * (web/lib/i18n.ts; web/build/bundle-budget.test.ts checks that they need no others).
 */
export function lazyPage<P extends object>(
  load: () => Promise<ComponentType<P>>,
  { firstScreen = false } = {},
): LazyExoticComponent<ComponentType<P>> {
  let loading: Promise<ComponentType<P>> | undefined;
  const loadOnce = () => {
    loading ??= firstScreen ? load() : Promise.all([load(), loadAllTexts()]).then(([page]) => page);
    return loading;
  };
  const page = lazy(() => loadOnce().then((component) => ({ default: component })));
  loaders.set(page, loadOnce);
  return page;
}

/**
 * Starts fetching a lazy page's code now, e.g. while the session is still being checked, so that on a
 * link with seconds of latency the layout and the page arrive together instead of one after the other.
 */
export function preloadPage(element: ReactElement | undefined) {
  const load = element && loaders.get(element.type as object);
  load?.().catch(() => {
    // The page itself shows the error when it renders and loads again.
  });
}
