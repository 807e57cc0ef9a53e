/**
 * The dependency graph between errors. "A dependsOn B" means B must be fixed before A can
 * clear; the reverse ("fixing B also unblocks A") is always computed here, never written.
 */
export type Edges = ReadonlyMap<string, readonly string[]>;

/** For each id, the ids that depend on it, sorted. Every id of `edges` is a key. */
export function reverseEdges(edges: Edges): Map<string, string[]> {
  const reverse = new Map<string, string[]>([...edges.keys()].map((id) => [id, []]));
  for (const [id, deps] of edges) {
    for (const dep of deps) reverse.get(dep)?.push(id);
  }
  for (const list of reverse.values()) list.sort();
  return reverse;
}
