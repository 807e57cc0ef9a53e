/**
 * The one channel from the content loaders (src/loaders/) to the pages: each loader reports the
 * problems it found in its collection here (src/loaders/checked.ts), and the catalog
 * (src/lib/build/catalog.ts) asks for them before any page is made. The build stops in the
 * loader itself; under astro dev the server goes on, the pages throw these problems, and the
 * browser shows them in its error overlay.
 *
 * Why the store is the process's: Astro runs the loaders and the pages in separate module graphs
 * (the content layer's and the server's), so a plain module variable would be two variables.
 * The key is registered (Symbol.for) so that both copies of this module find the same Map.
 */
import type { Problem } from './validate.ts';

const KEY = Symbol.for('qbo-sync-help:content-problems');
type Registry = typeof globalThis & { [KEY]?: Map<string, Problem[]> };
const registry = (): Map<string, Problem[]> => ((globalThis as Registry)[KEY] ??= new Map());

/** The problems a collection's loader found this time (none clears what it found before). */
export function reportContentProblems(collection: string, problems: Problem[]): void {
  registry().set(collection, problems);
}

/** Every collection's problems, as last reported. */
export const contentProblems = (): Problem[] => [...registry().values()].flat();
