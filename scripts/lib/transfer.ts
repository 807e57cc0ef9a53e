/**
 * What a visit costs on the wire, as a host with gzip would send it: every response body the
 * browser receives (pages, styles, scripts, fetches, the search worker's requests), gzipped at
 * zlib's default level 6 when its type is text, counted as it is otherwise (images, and
 * Pagefind's index files, which Pagefind already compresses). Shared by `npm run bench` and
 * the byte-budget tests (tests/e2e/budgets.spec.ts), so both count bytes the same way.
 */
import { gzipSync } from 'node:zlib';
import type { BrowserContext, Page, Response } from '@playwright/test';

/** Text types a server compresses. */
export const isCompressible = (contentType: string): boolean =>
  /^(text\/|application\/(javascript|json|xml|manifest\+json|wasm)|image\/svg\+xml)/i.test(contentType);

export const gzipBody = (body: Buffer): Buffer => gzipSync(body, { level: 6 });

export interface Transfer {
  /** Path and query on the site (or the full URL for another origin). */
  url: string;
  /** Playwright's resource type: document, stylesheet, script, fetch, image, other… */
  kind: string;
  contentType: string;
  status: number;
  /** Bytes of the body as stored. */
  bytes: number;
  /** Bytes on the wire with gzip (see above). */
  wire: number;
  /** True when it is JavaScript (by type or by what the browser loaded it as). */
  js: boolean;
  body: Buffer;
}

export interface Recorder {
  /** Every response so far, in order of arrival. */
  readonly transfers: Transfer[];
  /** Waits until the bodies of all responses so far have been read. */
  settle(): Promise<void>;
  stop(): void;
}

/** Records every response received by pages and workers of `context`. */
export function recordTransfers(context: BrowserContext, origin: string): Recorder {
  const transfers: Transfer[] = [];
  const pending = new Set<Promise<void>>();
  const onResponse = (response: Response) => {
    const job = (async () => {
      const request = response.request();
      const url = new URL(response.url());
      if (url.protocol === 'data:' || url.protocol === 'blob:') return;
      // A response still arriving as its page closes (a held request, the end of a test) has no
      // headers left to read: it was never part of what is measured.
      const headers = await response.allHeaders().catch(() => undefined);
      if (!headers) return;
      const contentType = headers['content-type'] ?? '';
      // Redirects and bodiless answers have no body to read.
      const body =
        response.status() >= 300 && response.status() < 400
          ? Buffer.alloc(0)
          : await response.body().catch(() => Buffer.alloc(0));
      const kind = request.resourceType();
      transfers.push({
        url: url.origin === origin ? `${url.pathname}${url.search}` : url.href,
        kind,
        contentType,
        status: response.status(),
        bytes: body.length,
        wire: isCompressible(contentType) ? gzipBody(body).length : body.length,
        js: kind === 'script' || /javascript/i.test(contentType),
        body,
      });
    })();
    pending.add(job);
    void job.finally(() => pending.delete(job));
  };
  context.on('response', onResponse);
  return {
    transfers,
    async settle() {
      while (pending.size) await Promise.all([...pending]);
    },
    stop: () => context.off('response', onResponse),
  };
}

/** Loads `path` and waits until the network has been quiet (nothing more comes by itself). */
export async function firstVisit(page: Page, path: string): Promise<void> {
  await page.goto(path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
}

export const sum = (list: Transfer[], key: 'bytes' | 'wire' = 'wire'): number => list.reduce((n, t) => n + t[key], 0);

/** Where search lives on the wire: Pagefind's files and the structured search data. */
export const isSearchData = (url: string): boolean => /^\/(pagefind\/|search-data(\.json|\/))/.test(url);

export const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
