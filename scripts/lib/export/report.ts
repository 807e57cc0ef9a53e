/** How the export reports what it made: sizes people read, and the zip's layout. */

/** "812 B", "14.2 KB", "1.31 MB" (powers of 1024). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(2)} MB`;
}

/** Files of a folder tree under one top folder, the way a zip should unpack: "site/index.html". */
export function underFolder<T>(files: ReadonlyMap<string, T>, folder: string): Record<string, T> {
  // fromEntries defines own keys: no file name reaches the object's prototype.
  return Object.fromEntries(
    [...files].sort((a, b) => a[0].localeCompare(b[0])).map(([path, value]) => [`${folder}/${path}`, value]),
  );
}
