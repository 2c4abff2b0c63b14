import { createContext, type ReactElement, useContext } from 'react';

/** A section another feature adds to the settings page (e.g. notification preferences). */
export type SettingsSection = {
  key: string;
  element: ReactElement;
};

/** Filled by AppRoutes from every feature's `settingsSections`, so the account feature need not import them. */
export const SettingsSectionsContext = createContext<readonly SettingsSection[]>([]);

export function useSettingsSections() {
  return useContext(SettingsSectionsContext);
}
