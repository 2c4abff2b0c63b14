/**
 * A filter choice's label with how many organisations it would give. A broad search counts only its first
 * matches (`capped`), so its counts are lower bounds, marked with a plus; a choice none of those matches
 * may still match further on, and "(0+)" says nothing, so it shows no count.
 */
export function facetLabel(label: string, count: number | undefined, capped: boolean): string {
  if (count === undefined || (capped && count === 0)) return label;
  return `${label} (${count}${capped ? '+' : ''})`;
}
