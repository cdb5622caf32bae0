/** Rows grouped by an entity key, each group in ascending game_date, answering "before this date" in O(log n). */
export class DatedIndex<R extends { readonly game_date: string }> {
  private readonly groups = new Map<string, R[]>();

  constructor(rows: readonly R[], keyOf: (row: R) => string) {
    for (const row of rows) {
      const key = keyOf(row);
      const group = this.groups.get(key);
      if (group) group.push(row);
      else this.groups.set(key, [row]);
    }
    for (const group of this.groups.values()) group.sort((a, b) => (a.game_date < b.game_date ? -1 : a.game_date > b.game_date ? 1 : 0));
  }

  keys(): IterableIterator<string> {
    return this.groups.keys();
  }

  /** Rows of `key` strictly before `date`, newest first, keeping those `keep` accepts, at most `limit`. */
  newestBefore(key: string, date: string, limit = Number.POSITIVE_INFINITY, keep: (row: R) => boolean = () => true): R[] {
    const group = this.groups.get(key);
    if (!group) return [];
    const out: R[] = [];
    for (let i = firstAtOrAfter(group, date) - 1; i >= 0 && out.length < limit; i--) {
      const row = group[i]!;
      if (keep(row)) out.push(row);
    }
    return out;
  }
}

function firstAtOrAfter<R extends { readonly game_date: string }>(group: readonly R[], date: string): number {
  let lo = 0;
  let hi = group.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (group[mid]!.game_date < date) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
