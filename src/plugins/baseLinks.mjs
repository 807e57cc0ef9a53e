// @ts-check
/**
 * A rehype plugin: root-relative links that authors write in an error's body
 * ("[…](/categories/invoice/)") get the site's base path ("/docs/categories/…") when the
 * site is served under one (SITE_URL with a path, astro.config.mjs). Nothing changes at "/".
 */
/** @param {{ base: string }} options */
export function baseLinks({ base }) {
  const prefix = base.replace(/\/$/, '');
  /** @param {any} node */
  const visit = (node) => {
    const href = node.type === 'element' ? node.properties?.href : undefined;
    if (typeof href === 'string' && href.startsWith('/') && !href.startsWith('//'))
      node.properties.href = prefix + href;
    for (const child of node.children ?? []) visit(child);
  };
  return prefix ? visit : () => {};
}
