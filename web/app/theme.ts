import { type CSSVariablesResolver, createTheme } from '@mantine/core';

const sarabun = 'Sarabun, "Noto Sans Thai", Tahoma, sans-serif';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on filled buttons above the 4.5:1 contrast WCAG asks for.
  primaryShade: { light: 8, dark: 8 },
  fontFamily: sarabun,
  headings: { fontFamily: sarabun, fontWeight: '600' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  focusRing: 'auto',
});

/** Mantine's default "dimmed" grey is below 4.5:1 on white; use the next darker grey. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
});
