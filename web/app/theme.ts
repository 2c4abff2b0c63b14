import { type CSSVariablesResolver, createTheme, Drawer, Modal, Notification } from '@mantine/core';

const sarabun = 'Sarabun, "Noto Sans Thai", Tahoma, sans-serif';

/** Built per language: Mantine's icon-only close buttons need a translated accessible name. */
export function buildTheme(closeLabel: string) {
  const closeButtonProps = { 'aria-label': closeLabel };
  // A dialog's <header> would otherwise count as a second page banner for screen readers.
  const attributes = { header: { role: 'none' } };
  return createTheme({
    primaryColor: 'blue',
    // Shade 8 keeps white text on filled buttons above the 4.5:1 contrast WCAG asks for.
    primaryShade: { light: 8, dark: 8 },
    fontFamily: sarabun,
    headings: { fontFamily: sarabun, fontWeight: '600' },
    defaultRadius: 'md',
    cursorType: 'pointer',
    focusRing: 'auto',
    components: {
      Modal: Modal.extend({ defaultProps: { attributes, closeButtonProps } }),
      Drawer: Drawer.extend({ defaultProps: { attributes, closeButtonProps } }),
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
    },
  });
}

/**
 * Contrast fixes for WCAG AA (4.5:1) on Mantine's light defaults: darker "dimmed" grey and error red, and
 * lighter tints behind "light" badges and alerts so their shade-9 text stays readable.
 */
export const cssVariablesResolver: CSSVariablesResolver = (resolvedTheme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    ...Object.fromEntries(
      Object.keys(resolvedTheme.colors).map((color) => [
        `--mantine-color-${color}-light`,
        `var(--mantine-color-${color}-0)`,
      ]),
    ),
  },
  dark: {},
});
