/**
 * How tightly a sentence's matches sit together: 1 when the k matched concepts are k adjacent terms,
 * falling as they spread, 0 with fewer than two. `hits[p]` is the concept found at term position p, or -1.
 */
export function proximity(hits: readonly number[]): number {
  const kinds = new Set(hits.filter((h) => h >= 0)).size;
  if (kinds < 2) return 0;
  const count = new Map<number, number>();
  let covered = 0;
  let best = Infinity;
  let left = 0;
  for (let right = 0; right < hits.length; right++) {
    const h = hits[right]!;
    if (h < 0) continue;
    count.set(h, (count.get(h) ?? 0) + 1);
    if (count.get(h) === 1) covered++;
    while (covered === kinds) {
      best = Math.min(best, right - left + 1);
      const l = hits[left++]!;
      if (l >= 0) {
        count.set(l, count.get(l)! - 1);
        if (count.get(l) === 0) covered--;
      }
    }
  }
  return (kinds - 1) / (best - 1);
}
