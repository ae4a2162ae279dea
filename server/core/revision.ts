// How a new version of a text relates to the old one, paragraph by paragraph: which paragraphs are
// the same, and which new paragraph is an old one revised (a word changed, a sentence added). Pure.
import { diffArrays } from 'diff';

export interface Revision {
  /** Old index → new index of the identical paragraph (a monotone matching). */
  same: Map<number, number>;
  /**
   * Old index → new index of the paragraph that revises it: in a stretch the new version replaced,
   * the pairs most alike in their characters (see likeness), in order, each at least half alike.
   */
  revised: Map<number, number>;
}

/** Half the character bigrams in common (Dice coefficient): the same paragraph revised, not another one. */
export const REVISED_LIKENESS = 0.5;

function bigrams(s: string): Map<string, number> {
  const t = s.toLowerCase().replace(/\s+/g, '');
  const out = new Map<string, number>();
  for (let i = 0; i + 1 < t.length; i++) {
    const g = t.slice(i, i + 2);
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** Dice coefficient of two texts' character bigrams, in [0, 1]: script-neutral (Korean particles, Japanese without spaces). */
export function likeness(a: string, b: string): number {
  const x = bigrams(a), y = bigrams(b);
  let both = 0, total = 0;
  for (const n of x.values()) total += n;
  for (const n of y.values()) total += n;
  for (const [g, n] of x) both += Math.min(n, y.get(g) ?? 0);
  return total === 0 ? (a === b ? 1 : 0) : (2 * both) / total;
}

/**
 * Pairs the paragraphs of a replaced stretch (old `removed`, new `added`) in order, maximising the
 * summed likeness of the pairs, each at least REVISED_LIKENESS: a paragraph left out or written anew
 * has no pair. Returns [old, new] index pairs within the stretch.
 */
function pairStretch(removed: string[], added: string[]): [number, number][] {
  const n = removed.length, m = added.length;
  const sim = removed.map((r) => added.map((a) => likeness(r, a)));
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const s = sim[i]![j]!;
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, s >= REVISED_LIKENESS ? s + best[i + 1]![j + 1]! : 0);
    }
  }
  const pairs: [number, number][] = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    const s = sim[i]![j]!;
    if (s >= REVISED_LIKENESS && best[i]![j] === s + best[i + 1]![j + 1]!) pairs.push([i++, j++]);
    else if (best[i]![j] === best[i + 1]![j]) i++;
    else j++;
  }
  return pairs;
}

/**
 * The identical and the revised paragraphs of two versions, compared by `oldKeys` and `newKeys`
 * (normalised texts): identical ones by a diff, revised ones inside each stretch the diff replaced.
 */
export function compareVersions(oldKeys: readonly string[], newKeys: readonly string[]): Revision {
  const same = new Map<number, number>();
  const revised = new Map<number, number>();
  let i = 0, j = 0;
  let removed: number[] = [], added: number[] = [];
  const settle = () => {
    for (const [a, b] of pairStretch(removed.map((k) => oldKeys[k]!), added.map((k) => newKeys[k]!))) revised.set(removed[a]!, added[b]!);
    removed = [];
    added = [];
  };
  for (const part of diffArrays([...oldKeys], [...newKeys])) {
    const n = part.count ?? part.value.length;
    if (part.added) for (let k = 0; k < n; k++) added.push(j++);
    else if (part.removed) for (let k = 0; k < n; k++) removed.push(i++);
    else {
      settle();
      for (let k = 0; k < n; k++) same.set(i++, j++);
    }
  }
  settle();
  return { same, revised };
}
