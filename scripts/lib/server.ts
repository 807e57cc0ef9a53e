/**
 * A small static server for the benchmark and the build tests: serves a built site as a production host would,
 * with gzip for text types (Astro's preview server sends everything uncompressed, so it would
 * overstate page weight and upset Lighthouse). Pagefind's index, fragments and WebAssembly are
 * already gzip-compressed by Pagefind and go out as they are.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { isCompressible, gzipBody } from './transfer.ts';
import { contentTypeOf } from './contentTypes.ts';

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 at a free port. */
export async function serveStatic(root: string): Promise<StaticServer> {
  const cache = new Map<string, { body: Buffer; gzip: Buffer | undefined; type: string }>();

  async function load(file: string) {
    let hit = cache.get(file);
    if (!hit) {
      const body = await readFile(file);
      const type = contentTypeOf(file);
      hit = { body, type, gzip: isCompressible(type) ? gzipBody(body) : undefined };
      cache.set(file, hit);
    }
    return hit;
  }

  async function resolve(pathname: string): Promise<string | undefined> {
    const rel = normalize(decodeURIComponent(pathname)).replace(/^([/\\])+/, '');
    if (rel.startsWith('..')) return undefined;
    const file = join(root, rel);
    if (!file.startsWith(root + sep) && file !== root) return undefined;
    const info = await stat(file).catch(() => undefined);
    if (info?.isFile()) return file;
    if (info?.isDirectory() && pathname.endsWith('/')) {
      const index = join(file, 'index.html');
      if (await stat(index).catch(() => undefined)) return index;
    }
    return undefined;
  }

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      const file = await resolve(url.pathname);
      const status = file ? 200 : 404;
      const notFound = join(root, '404.html');
      const found = file ?? ((await stat(notFound).catch(() => undefined)) ? notFound : undefined);
      if (!found) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
        return;
      }
      const { body, gzip, type } = await load(found);
      const gzipOk = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const sent = gzip && gzipOk ? gzip : body;
      res.writeHead(status, {
        'content-type': type,
        'content-length': sent.length,
        'cache-control': url.pathname.startsWith('/_astro/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        ...(sent === gzip ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      });
      res.end(req.method === 'HEAD' ? undefined : sent);
    })().catch((e: unknown) => {
      res.writeHead(500).end(String(e));
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the bench server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
