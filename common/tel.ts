/** A `tel:` link that dials `number` as written (digits and a leading +; spaces and dashes dropped). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}
