// Gale–Church (1993) length-based reference aligner, used as the baseline in bench/align.ts.
import type { Bead } from '../server/core/types.ts';

// Standard priors of the paper: 1-1 .89, 1-0/0-1 .0099, 2-1/1-2 .089, 2-2 .011.
const SHAPES: [number, number, number][] = [
  [1, 1, 0.89], [1, 0, 0.0099 / 2], [0, 1, 0.0099 / 2], [2, 1, 0.089 / 2], [1, 2, 0.089 / 2], [2, 2, 0.011],
];

function normCdf(z: number): number {
  // Abramowitz–Stegun 26.2.17.
  const t = 1 / (1 + 0.2316419 * Math.abs(z));
  const d = 0.3989422804014327 * Math.exp(-z * z / 2);
  const p = d * t * (0.31938153 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
  return z > 0 ? 1 - p : p;
}

/** Mean ratio c and variance s² of the length model, estimated from 1-1 length pairs. */
export function estimateParams(pairs: [number, number][]): { c: number; s2: number } {
  let ss = 0, st = 0;
  for (const [a, b] of pairs) {
    ss += a;
    st += b;
  }
  const c = st / ss;
  let v = 0;
  for (const [a, b] of pairs) v += (b - c * a) ** 2 / Math.max(1, a);
  return { c, s2: v / pairs.length };
}

function matchCost(l1: number, l2: number, c: number, s2: number): number {
  if (l1 === 0 && l2 === 0) return 0;
  const mean = (l1 + l2 / c) / 2;
  const z = (c * l1 - l2) / Math.sqrt(s2 * mean);
  const pd = 2 * (1 - normCdf(Math.abs(z)));
  return -Math.log(Math.max(pd, 1e-300));
}

/** Aligns by character length only; a diagonal band keeps long documents tractable. */
export function galeChurch(src: string[], tgt: string[], params: { c?: number; s2: number }, band = 200): Bead[] {
  const n = src.length, m = tgt.length;
  // One side empty: everything on the other is left out (the band below would not reach the end).
  if (n === 0 || m === 0) return [...src.map((_, k) => ({ src: [k], tgt: [], confidence: 1 })), ...tgt.map((_, k) => ({ src: [], tgt: [k], confidence: 1 }))];
  const ls = src.map((s) => s.length), lt = tgt.map((s) => s.length);
  const c = params.c ?? (lt.reduce((a, b) => a + b, 0) / Math.max(1, ls.reduce((a, b) => a + b, 0)));
  const W = m + 1;
  const inBand = (i: number, j: number) => Math.abs(j - (i * m) / Math.max(1, n)) <= band;
  const cost = new Map<number, number>();
  const back = new Map<number, number>();
  cost.set(0, 0);
  for (let i = 0; i <= n; i++) {
    for (let j = 0; j <= m; j++) {
      if ((i === 0 && j === 0) || !inBand(i, j)) continue;
      let best = Infinity, bt = -1;
      for (let t = 0; t < SHAPES.length; t++) {
        const [a, b, p] = SHAPES[t]!;
        if (i < a || j < b) continue;
        const prev = cost.get((i - a) * W + (j - b));
        if (prev === undefined) continue;
        let l1 = 0, l2 = 0;
        for (let x = i - a; x < i; x++) l1 += ls[x]!;
        for (let y = j - b; y < j; y++) l2 += lt[y]!;
        const v = prev - Math.log(p) + matchCost(l1, l2, c, params.s2);
        if (v < best) {
          best = v;
          bt = t;
        }
      }
      if (bt >= 0) {
        cost.set(i * W + j, best);
        back.set(i * W + j, bt);
      }
    }
  }
  const beads: Bead[] = [];
  let i = n, j = m;
  while (i > 0 || j > 0) {
    const t = back.get(i * W + j)!;
    const [a, b] = SHAPES[t]!;
    const s: number[] = [], g: number[] = [];
    for (let x = i - a; x < i; x++) s.push(x);
    for (let y = j - b; y < j; y++) g.push(y);
    beads.push({ src: s, tgt: g, confidence: 1 });
    i -= a;
    j -= b;
  }
  return beads.reverse();
}
