import SearchableMap from 'minisearch/SearchableMap';
import { UNPACED, type Pacer } from '../pace.js';

type Tree<T> = Map<string, T | Tree<T>>;

/**
 * A SearchableMap (MiniSearch's radix tree) of terms sorted by code unit, built in one pass instead of
 * one insertion per term: an insertion scans the edges of every node on its path, which made the tree
 * a good part of a cached start. Produces the same tree as inserting each term (same edges, same
 * leaves; only the order of a node's edges may differ, and nothing here depends on it).
 */
export async function radixTreeOf<T>(
  sortedTerms: readonly string[],
  valueOf: (k: number) => T,
  pace: Pacer = UNPACED,
): Promise<SearchableMap<T>> {
  const root: Tree<T> = new Map();
  // The path to the last term's leaf: each node with the length of the prefix it stands for.
  const path: Array<{ node: Tree<T>; depth: number }> = [{ node: root, depth: 0 }];
  let prev = '';
  for (let k = 0; k < sortedTerms.length; k++) {
    const term = sortedTerms[k]!;
    if (k > 0 && !(prev < term)) throw new Error('radixTreeOf: terms must be sorted and distinct');
    let common = 0;
    const max = Math.min(prev.length, term.length);
    while (common < max && prev.charCodeAt(common) === term.charCodeAt(common)) common++;
    let below: { node: Tree<T>; depth: number } | undefined;
    while (path[path.length - 1]!.depth > common) below = path.pop();
    const top = path[path.length - 1]!;
    if (top.depth < common && below) {
      // The new term leaves the last one's path in the middle of an edge: split the edge there.
      const middle: Tree<T> = new Map([[prev.slice(common, below.depth), below.node]]);
      top.node.delete(prev.slice(top.depth, below.depth));
      top.node.set(prev.slice(top.depth, common), middle);
      path.push({ node: middle, depth: common });
    }
    if (term.length === common) {
      // Only the empty term (sorted first) ends where a node starts.
      path[path.length - 1]!.node.set('', valueOf(k));
      prev = term;
      continue;
    }
    const leaf: Tree<T> = new Map([['', valueOf(k)]]);
    path[path.length - 1]!.node.set(term.slice(common), leaf);
    path.push({ node: leaf, depth: term.length });
    prev = term;
    if (pace.due()) await pace.pause();
  }
  return new SearchableMap<T>(root as never);
}
