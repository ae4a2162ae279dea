// Synthetic bilingual documents with known gold beads, built from 1-1 sentence pairs (fixed seed).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Bead } from '../server/core/types.ts';

export interface SynthDoc { src: string[]; tgt: string[]; gold: Bead[] }
export interface Rates {
  merge: number; split: number; omit: number;
  /**
   * Moved sentences: on one side the last sentence of a paragraph opens the next one (or the next
   * one's first sentence closes it), which real statements show as a 2:2 bead (bench/heldout's notes).
   * Left out (0) by the three sets, which then draw the same numbers as before it existed.
   */
  move?: number;
}

/** Small deterministic PRNG (mulberry32), so every run builds the same documents. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function loadCorpus(sharedDir: string): { en: string[]; ko: string[] } | null {
  try {
    const en = readFileSync(path.join(sharedDir, 'corpus', 'ko-en', 'train.en'), 'utf8').split('\n').filter(Boolean);
    const ko = readFileSync(path.join(sharedDir, 'corpus', 'ko-en', 'train.ko'), 'utf8').split('\n').filter(Boolean);
    return en.length === ko.length ? { en, ko } : null;
  } catch {
    return null;
  }
}

interface Unit { src: string[][]; tgt: string[][] } // paragraphs as lists of sentences

/**
 * One document: `paras` paragraphs of 1–`maxSentences` consecutive sentence pairs, then
 * paragraph-level merges (2:1 or 1:2), splits of a multi-sentence paragraph, and omissions, on
 * either side. With `maxSentences` 1 the units are single sentences: the inside of a paragraph
 * bead, as the sentence aligner sees it.
 */
export function makeDoc(corpus: { en: string[]; ko: string[] }, paras: number, rates: Rates, rand: () => number, maxSentences = 4): SynthDoc {
  const N = corpus.en.length;
  let pos = Math.floor(rand() * N);
  const units: Unit[] = [];
  for (let p = 0; p < paras; p++) {
    const k = 1 + Math.floor(rand() * maxSentences);
    const s: string[] = [], t: string[] = [];
    for (let x = 0; x < k; x++) {
      s.push(corpus.en[pos % N]!);
      t.push(corpus.ko[pos % N]!);
      pos++;
    }
    units.push({ src: [s], tgt: [t] });
  }
  const out: Unit[] = [];
  for (let u = 0; u < units.length; u++) {
    const cur = units[u]!;
    const r = rand();
    const side: 'src' | 'tgt' = rand() < 0.5 ? 'src' : 'tgt';
    if (r < rates.merge && u + 1 < units.length) {
      // The two paragraphs stay separate on one side and become one on the other.
      const nxt = units[++u]!;
      const merged: Unit = { src: [...cur.src, ...nxt.src], tgt: [...cur.tgt, ...nxt.tgt] };
      merged[side] = [merged[side].flat()];
      out.push(merged);
    } else if (r < rates.merge + rates.split && cur[side][0]!.length >= 2) {
      const sents = cur[side][0]!;
      const cut = 1 + Math.floor(rand() * (sents.length - 1));
      cur[side] = [sents.slice(0, cut), sents.slice(cut)];
      out.push(cur);
    } else if (r < rates.merge + rates.split + rates.omit) {
      cur[side] = [];
      out.push(cur);
    } else if (r < rates.merge + rates.split + rates.omit + (rates.move ?? 0) && u + 1 < units.length && (cur[side][0]!.length >= 2 || units[u + 1]![side][0]!.length >= 2)) {
      const nxt = units[++u]!;
      const a = cur[side][0]!, b = nxt[side][0]!;
      // Both paragraphs keep at least one sentence; one sentence crosses the boundary.
      const forward = b.length < 2 || (a.length >= 2 && rand() < 0.5);
      const pair = forward ? [a.slice(0, -1), [a[a.length - 1]!, ...b]] : [[...a, b[0]!], b.slice(1)];
      const other = side === 'src' ? 'tgt' : 'src';
      const moved: Unit = { src: [], tgt: [] };
      moved[side] = pair;
      moved[other] = [cur[other][0]!, nxt[other][0]!];
      out.push(moved);
    } else out.push(cur);
  }
  const doc: SynthDoc = { src: [], tgt: [], gold: [] };
  for (const u of out) {
    const b: Bead = { src: [], tgt: [], confidence: 1 };
    for (const p of u.src) {
      b.src.push(doc.src.length);
      doc.src.push(p.join(' '));
    }
    for (const p of u.tgt) {
      b.tgt.push(doc.tgt.length);
      doc.tgt.push(p.join(' '));
    }
    doc.gold.push(b);
  }
  return doc;
}

export function makeSet(corpus: { en: string[]; ko: string[] }, count: number, minParas: number, maxParas: number, rates: Rates, seed: number, maxSentences = 4): SynthDoc[] {
  const rand = rng(seed);
  const docs: SynthDoc[] = [];
  for (let d = 0; d < count; d++) docs.push(makeDoc(corpus, minParas + Math.floor(rand() * (maxParas - minParas + 1)), rates, rand, maxSentences));
  return docs;
}
