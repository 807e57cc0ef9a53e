/**
 * Bundles a browser entry of src/client into one file at build, for the scripts other sites
 * load from the help center (the <qbo-sync-help> component and its recogniser): esbuild, minified,
 * no legal comments, the same bytes on every build. Build-time only (Node).
 */
import { build } from 'esbuild';
import { join } from 'node:path';

export async function bundleClient(entry: string, format: 'iife' | 'esm'): Promise<string> {
  const result = await build({
    entryPoints: [join(process.cwd(), 'src', 'client', entry)],
    bundle: true,
    format,
    platform: 'browser',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}
