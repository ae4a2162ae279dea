// Benchmark: page-chrome stripping on the real statement pages in ../shared/statements, paragraph precision/recall vs gold.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStatementFile } from '../server/formats/read.ts';
import { greedyWrap } from '../test/greedy-wrap.ts';
import { splitParagraphs } from '../server/core/segment.ts';
import type { Lang } from '../server/core/types.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '..', 'shared');
const statementsDir = path.join(shared, 'statements');

/** Paragraphs as `twintext split` prints them: a line break kept inside a paragraph reads as a space. */
const split = (text: string, lang: Lang): string[] => splitParagraphs(text, lang).map((p) => p.text.replace(/\s*\n\s*/g, ' '));

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface Row {
  file: string;
  gold: number;
  predicted: number;
  matched: number;
  ms: number;
}

/** How many of `gold` the `predicted` paragraphs hold, each gold paragraph counted once per occurrence. */
function matchCount(gold: string[], predicted: string[]): number {
  const pool = new Map<string, number>();
  for (const g of gold) pool.set(g, (pool.get(g) ?? 0) + 1);
  let matched = 0;
  for (const p of predicted) {
    const left = pool.get(p) ?? 0;
    if (left > 0) {
      matched++;
      pool.set(p, left - 1);
    }
  }
  return matched;
}

const WRAP_WIDTHS = [60, 72, 80, 100];

function pct(n: number, d: number): string {
  return d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

async function main(): Promise<void> {
  if (!existsSync(statementsDir)) {
    console.log(`no ${statementsDir}: nothing to measure`);
    return;
  }
  const rows: Row[] = [];
  for (const dir of readdirSync(statementsDir).sort()) {
    const full = path.join(statementsDir, dir);
    if (!statSync(full).isDirectory()) continue;
    for (const f of readdirSync(full).filter((f) => f.endsWith('.raw.txt')).sort()) {
      const lang = f.replace('.raw.txt', '');
      const goldFile = path.join(full, `${lang}.txt`);
      if (!existsSync(goldFile)) continue;
      const t0 = performance.now();
      const { text } = await readStatementFile(path.join(full, f));
      const ms = performance.now() - t0;
      const predicted = split(text, lang).map(norm).filter(Boolean);
      const gold = readFileSync(goldFile, 'utf8').split('\n').map(norm).filter(Boolean);
      // Multiset match: a paragraph counts once per occurrence.
      const matched = matchCount(gold, predicted);
      rows.push({ file: `${dir}/${f}`, gold: gold.length, predicted: predicted.length, matched, ms });
    }
  }

  console.log(`Paragraph extraction from raw page text (paragraphs by splitParagraphs; exact match after whitespace normalisation)\n`);
  const w = Math.max(...rows.map((r) => r.file.length), 4);
  console.log(`${'file'.padEnd(w)}  gold  pred  match  precision  recall     ms`);
  for (const r of rows) {
    console.log(
      `${r.file.padEnd(w)}  ${String(r.gold).padStart(4)}  ${String(r.predicted).padStart(4)}  ${String(r.matched).padStart(5)}    ${pct(r.matched, r.predicted)}  ${pct(r.matched, r.gold)}  ${r.ms.toFixed(1).padStart(5)}`,
    );
  }
  const g = rows.reduce((s, r) => s + r.gold, 0);
  const p = rows.reduce((s, r) => s + r.predicted, 0);
  const m = rows.reduce((s, r) => s + r.matched, 0);
  const exact = rows.filter((r) => r.matched === r.gold && r.matched === r.predicted).length;
  console.log(`${'pooled'.padEnd(w)}  ${String(g).padStart(4)}  ${String(p).padStart(4)}  ${String(m).padStart(5)}    ${pct(m, p)}  ${pct(m, g)}`);
  console.log(`\nfiles reproduced exactly: ${exact}/${rows.length}`);

  // Hard-wrapped text with no blank lines (copied from a PDF or an e-mail): each paragraph file
  // wrapped at several widths, its lines joined by single newlines, split again.
  console.log(`\nParagraphs found again in the paragraph files wrapped greedily without blank lines (display columns, Hangul 2)\n`);
  const byLang = new Map<string, { file: string; paras: string[] }[]>();
  for (const dir of readdirSync(statementsDir).sort()) {
    const full = path.join(statementsDir, dir);
    if (!statSync(full).isDirectory()) continue;
    for (const f of readdirSync(full).filter((f) => /^[a-z]{2}\.txt$/.test(f)).sort()) {
      const lang = f.slice(0, 2);
      const paras = readFileSync(path.join(full, f), 'utf8').split('\n').map(norm).filter(Boolean);
      byLang.set(lang, [...(byLang.get(lang) ?? []), { file: `${dir}/${f}`, paras }]);
    }
  }
  const verbose = process.env.BENCH_WRAP_MISSES === '1';
  let wrapMatched = 0;
  let wrapTotal = 0;
  console.log(`lang  ${WRAP_WIDTHS.map((w) => `width ${w}`.padStart(11)).join('')}        all`);
  for (const [lang, files] of [...byLang].sort()) {
    const cells: string[] = [];
    let lm = 0;
    let lt = 0;
    for (const width of WRAP_WIDTHS) {
      let m = 0;
      let t = 0;
      for (const { file, paras } of files) {
        const got = split(paras.flatMap((p) => greedyWrap(p, width)).join('\n'), lang).map(norm).filter(Boolean);
        const k = matchCount(paras, got);
        m += k;
        t += paras.length;
        if (verbose && k < paras.length) console.log(`  ${file} at ${width}: ${k}/${paras.length} (${got.length} found)`);
      }
      cells.push(`${m}/${t}`.padStart(11));
      lm += m;
      lt += t;
    }
    console.log(`${lang.padEnd(4)}  ${cells.join('')}${`${lm}/${lt}`.padStart(11)}`);
    wrapMatched += lm;
    wrapTotal += lt;
  }
  console.log(`wrapped paragraphs found exactly: ${wrapMatched}/${wrapTotal}${verbose ? '' : ' (BENCH_WRAP_MISSES=1 lists the files with misses)'}`);

  const seed = path.join(shared, 'seed', 'kidd23-en.page.txt');
  if (existsSync(seed)) {
    const { text } = await readStatementFile(seed);
    const paras = split(text, 'en').filter((s) => s.trim());
    console.log(`\nseed page ${path.relative(shared, seed)} (no gold): ${paras.length} paragraphs kept; first: "${(paras[0] ?? '').slice(0, 70)}"; last: "${(paras[paras.length - 1] ?? '').slice(0, 70)}…"`);
  }
}

await main();
