import { createContext, type ReactElement, useContext } from 'react';
import type { Role } from './types.ts';

/** A section one feature adds to a page of another (notification preferences in settings, …). */
export type FeatureSection = {
  key: string;
  element: ReactElement;
  /** Who sees it (everyone signed in when absent). */
  roles?: readonly Role[];
};

/** The pages that take other features' sections. */
export type FeatureSections = {
  settings: readonly FeatureSection[];
  home: readonly FeatureSection[];
};

/** Filled by AppRoutes from every feature's routes.tsx, so pages need not import other features. */
export const FeatureSectionsContext = createContext<FeatureSections>({ settings: [], home: [] });

export function useFeatureSections(page: keyof FeatureSections, role: Role) {
  return useContext(FeatureSectionsContext)[page].filter((s) => !s.roles || s.roles.includes(role));
}
