/**
 * Attributes a component passes on to its element. Astro writes an attribute given as `true`
 * through a spread as `x="true"`; written in place it is bare (`data-pagefind-ignore`), and
 * Pagefind reads the value. This keeps a bare attribute bare.
 */
export const passOn = (attrs: Record<string, unknown>): Record<string, unknown> =>
  Object.fromEntries(Object.entries(attrs).map(([name, value]) => [name, value === true ? '' : value]));
