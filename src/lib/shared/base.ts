/**
 * The path the site is served under, from SITE_URL (astro.config.mjs sets Astro's `base` to its
 * path): "/" for https://help.example.com, "/docs/" for https://help.example.com/docs/.
 * Code names pages by their site path (`paths` in src/lib/shared/urls.ts, "/categories/x/"); `withBase`
 * turns one into the address a link or fetch uses there (`urls`). Outside Vite (plain Node scripts) there is no base:
 * "/".
 */
export const BASE: string = import.meta.env?.BASE_URL ?? '/';

/** The public address a build is for when SITE_URL is not set. */
export const DEFAULT_SITE_URL = 'https://help.example.com';

/**
 * The public address a build is for, from the SITE_URL setting: unset or blank (an empty Docker
 * build argument) is DEFAULT_SITE_URL; anything but an absolute http(s) address stops the build
 * with an error that says what to write.
 */
export function siteUrlFrom(setting: string | undefined): string {
  const value = setting?.trim();
  if (!value) return DEFAULT_SITE_URL;
  const url = URL.parse(value);
  if (!url || !/^https?:$/.test(url.protocol))
    throw new Error(
      `SITE_URL must be an absolute http(s) address, such as https://example.com/docs/; it is "${value}"`,
    );
  return value;
}

/**
 * The base path of a site URL: its path ending in one "/" ("/docs/" for
 * https://help.example.com/docs, "/" for a bare origin). The one place it is worked out: the
 * build's config, the printed book, the export (from the build's canonical links) and the
 * Docker image (scripts/docker-layout.ts) all ask here.
 */
export const basePathOf = (siteUrl: string | URL): string => new URL(siteUrl).pathname.replace(/\/*$/, '/');

/** The address of a site path ("/categories/x/#top") under the base ("/docs/categories/x/#top"). */
export function withBase(path: string, base: string = BASE): string {
  if (!path.startsWith('/') || path.startsWith('//')) return path;
  return base === '/' ? path : base.replace(/\/$/, '') + path;
}

/** The site path of an address under the base (the reverse of `withBase`), or undefined outside it. */
export function withoutBase(address: string, base: string = BASE): string | undefined {
  if (base === '/') return address;
  const prefix = base.replace(/\/$/, '');
  if (address === prefix) return '/';
  return address.startsWith(`${prefix}/`) ? address.slice(prefix.length) : undefined;
}
