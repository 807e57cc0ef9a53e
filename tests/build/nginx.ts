/**
 * nginx serving a build with the configuration the build wrote (dist/_nginx.conf), as the
 * Dockerfile's image does: for the tests that check what a real host sends (hosting, embed).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import assert from 'node:assert/strict';

/** Debian installs nginx in /usr/sbin, which is not on every user's PATH. */
export const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';

/** Why nginx cannot run here, or undefined when it can. */
export function nginxMissing(): string | undefined {
  return spawnSync(NGINX, ['-v'], { encoding: 'utf8' }).error
    ? 'nginx is not installed (Debian: apt-get install nginx; .ci/run installs it): the nginx configuration was not served'
    : undefined;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export interface Nginx {
  origin: string;
  /** A request that waits for nginx to listen, and follows no redirect. */
  get: (path: string, init?: RequestInit) => Promise<Response>;
  stop: () => void;
}

/** Starts nginx on `dist` with its own configuration, its files under `dir`, on a free port (or `port`). */
export async function startNginx(dist: string, dir: string, port?: number): Promise<Nginx> {
  const listen = port ?? (await freePort());
  const run = join(dir, `nginx-${listen}`);
  mkdirSync(join(run, 'tmp'), { recursive: true });
  const site = readFileSync(join(dist, '_nginx.conf'), 'utf8')
    .replace(/^ {2}root .*;$/m, `  root ${dist};`)
    .replace(/^ {2}listen .*;$/m, `  listen 127.0.0.1:${listen};`);
  writeFileSync(join(run, 'site.conf'), site);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((k) => `${k}_temp_path ${join(run, 'tmp')};`)
    .join(' ');
  writeFileSync(
    join(run, 'nginx.conf'),
    // As the official image's nginx.conf: the server block is included in http {}.
    `${process.getuid?.() === 0 ? 'user root;\n' : ''}daemon off;\nworker_processes 1;\npid ${join(run, 'nginx.pid')};\nerror_log ${join(run, 'error.log')};\nevents {}\nhttp {\n  include /etc/nginx/mime.types;\n  default_type application/octet-stream;\n  access_log off;\n  ${temp}\n  include ${join(run, 'site.conf')};\n}\n`,
  );
  const check = spawnSync(NGINX, ['-t', '-c', join(run, 'nginx.conf'), '-p', run, '-e', join(run, 'error.log')], {
    encoding: 'utf8',
  });
  assert.equal(check.status, 0, check.stderr);
  const server = spawn(NGINX, ['-c', join(run, 'nginx.conf'), '-p', run, '-e', join(run, 'error.log')], {
    stdio: 'ignore',
  });
  const origin = `http://127.0.0.1:${listen}`;
  const get = async (path: string, init: RequestInit = {}) => {
    for (let i = 0; ; i++) {
      try {
        return await fetch(`${origin}${path}`, { redirect: 'manual', ...init });
      } catch (error) {
        if (i > 50) throw error;
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  };
  await get('/');
  return { origin, get, stop: () => server.kill() };
}
