/**
 * Single-link grouping that scales with the corpus: items are compared only when they share a block
 * key, identical items are merged before any comparison, and keys that by themselves make two items
 * one group are joined without comparing at all. With good keys the work is linear in the items
 * (plus the square of the distinct items that share a key), where comparing every pair is quadratic.
 */

export interface Blocking<T> {
  /**
   * Items with the same signature are one group before any comparison; `null` keeps an item apart.
   * Use only when `same` is true for any two items with that signature.
   */
  signature?(item: T): string | null;
  /** Keys that alone put two items in one group (the same sentence, the same ordinal). */
  link?(item: T): Iterable<string>;
  /** Keys an item is filed under. Two items can be compared only when one queries a key the other is filed under. */
  index(item: T): Iterable<string>;
  /** Keys an item looks up (default: its index keys). */
  query?(item: T): Iterable<string>;
}

/** Groups `items` by single link over `same`, comparing only items that share a block key. Groups keep first-seen order. */
export function groupByBlocks<T>(items: readonly T[], same: (a: T, b: T) => boolean, blocking: Blocking<T>): T[][] {
  const parent = items.map((_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while (parent[r] !== r) r = parent[r] as number;
    // Path compression keeps later finds short.
    let x = i;
    while (parent[x] !== r) {
      const next = parent[x] as number;
      parent[x] = r;
      x = next;
    }
    return r;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) return;
    // The smaller index is the root, so groups come out in the order of their first item.
    if (ra < rb) parent[rb] = ra;
    else parent[ra] = rb;
  };

  const reps: number[] = [];
  const bySignature = new Map<string, number>();
  const linked = new Map<string, number>();
  items.forEach((item, i) => {
    const sig = blocking.signature?.(item) ?? null;
    const seen = sig === null ? undefined : bySignature.get(sig);
    if (seen !== undefined) union(seen, i);
    else {
      if (sig !== null) bySignature.set(sig, i);
      reps.push(i);
    }
    for (const key of blocking.link?.(item) ?? []) {
      const first = linked.get(key);
      if (first === undefined) linked.set(key, i);
      else union(first, i);
    }
  });

  const filed = new Map<string, number[]>();
  for (const i of reps) {
    for (const key of new Set(blocking.index(items[i] as T))) {
      const list = filed.get(key);
      if (list) list.push(i);
      else filed.set(key, [i]);
    }
  }
  for (const i of reps) {
    const item = items[i] as T;
    const compared = new Set<number>();
    for (const key of new Set(blocking.query ? blocking.query(item) : blocking.index(item))) {
      for (const j of filed.get(key) ?? []) {
        if (j === i || compared.has(j)) continue;
        compared.add(j);
        if (find(i) === find(j)) continue;
        if (same(item, items[j] as T)) union(i, j);
      }
    }
  }

  const groups = new Map<number, T[]>();
  items.forEach((item, i) => {
    const r = find(i);
    const list = groups.get(r);
    if (list) list.push(item);
    else groups.set(r, [item]);
  });
  return [...groups.values()];
}

/** Appends `value` to the list under `key` (in place: no copy of the list). */
export function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
