// Scoring helpers for the alignment bench: the shared scorer as a subprocess, and an in-process twin for tuning.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { formatBeads } from '../server/core/align.ts';
import type { Bead } from '../server/core/types.ts';

export interface Scores { precision_strict: number; recall_strict: number; f1_strict: number; precision_lax: number; recall_lax: number; f1_lax: number }

/** Runs /work/shared/statements/score.mjs over GOLD/PRED pairs written to a temporary folder. */
export function scoreWithScorer(scorer: string, docs: { gold: Bead[]; pred: Bead[] }[]): Scores {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'twintext-bench-'));
  try {
    const args: string[] = [scorer];
    docs.forEach((d, k) => {
      const g = path.join(dir, `g${k}.tsv`), p = path.join(dir, `p${k}.tsv`);
      writeFileSync(g, formatBeads(d.gold));
      writeFileSync(p, formatBeads(d.pred));
      args.push(g, p);
    });
    args.push('--json');
    return JSON.parse(execFileSync(process.execPath, args, { maxBuffer: 1 << 26 }).toString()) as Scores;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const key = (b: Bead) => b.src.join(',') + '\t' + b.tgt.join(',');

/** Strict F1 with the scorer's definitions (precision over all predicted beads, recall over 1+:1+ gold beads). */
export function strictF1(docs: { gold: Bead[]; pred: Bead[] }[]): number {
  let tp = 0, np = 0, rtp = 0, ng = 0;
  for (const d of docs) {
    const g = new Set(d.gold.map(key));
    const p = new Set(d.pred.map(key));
    for (const b of d.pred) {
      np++;
      if (g.has(key(b))) tp++;
    }
    for (const b of d.gold) {
      if (!b.src.length || !b.tgt.length) continue;
      ng++;
      if (p.has(key(b))) rtp++;
    }
  }
  const P = np ? tp / np : 0, R = ng ? rtp / ng : 0;
  return P + R ? (2 * P * R) / (P + R) : 0;
}

/** Per predicted bead: its confidence and whether it equals a gold bead. */
export function beadOutcomes(docs: { gold: Bead[]; pred: Bead[] }[]): { conf: number; ok: boolean }[] {
  const out: { conf: number; ok: boolean }[] = [];
  for (const d of docs) {
    const g = new Set(d.gold.map(key));
    for (const b of d.pred) out.push({ conf: b.confidence, ok: g.has(key(b)) });
  }
  return out;
}
