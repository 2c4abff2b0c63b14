import {
  type CSSVariablesResolver,
  createTheme,
  DEFAULT_THEME,
  type MantineColorsTuple,
} from '@mantine/core';

const sarabun = 'Sarabun, "Noto Sans Thai", Tahoma, sans-serif';

interface ThemeLabels {
  closeLabel: string;
  passwordVisibilityLabel: string;
}

/** Built per language: Mantine's icon-only buttons need a translated accessible name. */
export function buildTheme({ closeLabel, passwordVisibilityLabel }: ThemeLabels) {
  const closeButtonProps = { 'aria-label': closeLabel };
  // A dialog's <header> would otherwise count as a second page banner for screen readers.
  const attributes = { header: { role: 'none' } };
  return createTheme({
    primaryColor: 'blue',
    // Shade 8 keeps white text on filled buttons above the 4.5:1 contrast WCAG asks for.
    primaryShade: { light: 8, dark: 8 },
    // Mantine's darkest orange is 3.9:1 on its own tint; warnings need a slightly deeper one.
    colors: {
      orange: [...DEFAULT_THEME.colors.orange.slice(0, 9), '#b03a0a'] as unknown as MantineColorsTuple,
    },
    fontFamily: sarabun,
    headings: { fontFamily: sarabun, fontWeight: '600' },
    defaultRadius: 'md',
    cursorType: 'pointer',
    focusRing: 'auto',
    // Plain objects, not `Modal.extend(…)`: importing the components here would put the dialogs and
    // their positioning library on the sign-in page, which shows neither.
    components: {
      Modal: { defaultProps: { attributes, closeButtonProps } },
      Drawer: { defaultProps: { attributes, closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
      PasswordInput: {
        defaultProps: { visibilityToggleButtonProps: { 'aria-label': passwordVisibilityLabel } },
      },
    },
  });
}

/**
 * Contrast fixes for WCAG AA (4.5:1) on Mantine's light defaults: darker "dimmed" and placeholder grey, error red and
 * outline text, and lighter tints behind "light" badges and alerts so their shade-9 text stays readable.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // Placeholders carry meaning here ("ทั้งหมด" in filters, examples in the audit log) but gray-5 is 2:1.
    // 4.7:1, yet still lighter than dimmed text, so an example does not pass for a value typed in.
    '--mantine-color-placeholder': '#6c757d',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      Object.keys(resolvedTheme.colors).flatMap((color) => [
        [`--mantine-color-${color}-light`, `var(--mantine-color-${color}-0)`],
        [`--mantine-color-${color}-light-hover`, `var(--mantine-color-${color}-1)`],
        [`--mantine-color-${color}-outline`, `var(--mantine-color-${color}-9)`],
      ]),
    ),
  },
  dark: {},
});
