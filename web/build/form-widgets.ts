/**
 * Form and data widgets that only pages past the first screens use: the finder, the board and the frame
 * need none. Their code gets a chunk of its own (vite.config.ts) and their Mantine stylesheets travel with
 * it, so the first screens load neither (about 25 kB compressed over a slow link).
 */
import type { Plugin } from 'vite';

export const FORM_WIDGET_COMPONENTS = [
  'NumberInput',
  'Checkbox',
  'MultiSelect',
  'Radio',
  'Accordion',
  'Tabs',
  'Table',
  'Textarea',
  'Switch',
  'Chip',
  'Progress',
  'Timeline',
  'Pill',
  'PillsInput',
  'List',
  'ThemeIcon',
  'NativeSelect',
] as const;

const SEP = '[\\\\/]';

const WIDGETS = FORM_WIDGET_COMPONENTS.join('|');

/**
 * The widgets' modules, their stylesheets and the libraries only they use. Not the small parts that
 * first-screen widgets import from them (Combobox's CheckIcon, Menu's RadioIcon, Accordion's chevron):
 * those would make the two chunks import each other.
 */
export const FORM_WIDGET_MODULES = new RegExp(
  `${SEP}node_modules${SEP}((react-number-format|react-textarea-autosize|use-composed-ref|use-latest|@mantine${SEP}core${SEP}esm${SEP}components${SEP}(${WIDGETS}))${SEP}(?!.*(CheckIcon|RadioIcon|AccordionChevron)\\.mjs$)|@mantine${SEP}core${SEP}styles${SEP}(${WIDGETS})\\w*\\.css$)`,
);

/** A widget's class names (`<Name>.module.mjs`), whose rules are `@mantine/core/styles/<Name>.css`. */
const WIDGET_CLASS_NAMES = new RegExp(
  `@mantine${SEP}core${SEP}esm${SEP}components${SEP}(?:${WIDGETS})${SEP}(?:.*${SEP})?(\\w+)\\.module\\.mjs$`,
);

/**
 * Makes each widget import its own stylesheet, so that Vite puts the rules in the CSS of the chunk that
 * holds the widget, loaded with it. web/app/global.css overrides them by specificity, not by order.
 */
export function formWidgetStyles(): Plugin {
  return {
    name: 'tipnet-form-widget-styles',
    transform(code, id) {
      const name = id.match(WIDGET_CLASS_NAMES)?.[1];
      return name ? `import '@mantine/core/styles/${name}.css';\n${code}` : undefined;
    },
  };
}
