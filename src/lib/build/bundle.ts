/**
 * Bundles a browser entry of src/client into one file: esbuild, minified, no legal comments, the
 * same bytes every time. At build, the scripts other sites load from the help center (the
 * <qbo-sync-help> component and its recogniser); in the export, the offline copy's search. Node only.
 */
import { build } from 'esbuild';
import { join } from 'node:path';

/** `entry` under src/client/ of `root` (the project: the build and the export run there). */
export async function bundleClient(entry: string, format: 'iife' | 'esm', root = process.cwd()): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src', 'client', entry)],
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
