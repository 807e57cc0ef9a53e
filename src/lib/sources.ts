/**
 * How a QuickBooks message's public source is named on a page: the site and enough of the
 * path to tell two sources apart ("github.com/intuit/QuickBooks-V3-DotNET-SDK/issues/12"),
 * without the scheme, "www." or a query string.
 */
export function sourceLabel(source: string): string {
  const url = new URL(source);
  const path = decodeURIComponent(url.pathname).replace(/\/+$/, '');
  const label = `${url.hostname.replace(/^www\./, '')}${path}`;
  return label.length > 80 ? `${label.slice(0, 79)}…` : label;
}
