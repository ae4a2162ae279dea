// Benchmark: page-chrome stripping on the real statement pages in ../shared/statements, paragraph precision/recall vs gold.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readStatementFile } from '../server/formats/read.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '..', 'shared');
const statementsDir = path.join(shared, 'statements');

type Splitter = (text: string, lang: string) => string[];

async function loadSplitter(): Promise<{ split: Splitter; name: string }> {
  try {
    const mod = (await import('../server/core/segment.ts')) as { splitParagraphs?: (t: string, l: string) => { text: string }[] };
    if (typeof mod.splitParagraphs === 'function') {
      const fn = mod.splitParagraphs;
      return { split: (t, l) => fn(t, l).map((p) => p.text), name: 'splitParagraphs' };
    }
  } catch {
    // segment.ts is another module's; without it, lines are paragraphs.
  }
  return { split: (t) => t.split('\n'), name: 'non-empty lines' };
}

const norm = (s: string): string => s.replace(/\s+/g, ' ').trim();

interface Row {
  file: string;
  gold: number;
  predicted: number;
  matched: number;
  ms: number;
}

function pct(n: number, d: number): string {
  return d === 0 ? '   -  ' : `${((100 * n) / d).toFixed(1).padStart(5)}%`;
}

async function main(): Promise<void> {
  if (!existsSync(statementsDir)) {
    console.log(`no ${statementsDir}: nothing to measure`);
    return;
  }
  const { split, name } = await loadSplitter();
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
      rows.push({ file: `${dir}/${f}`, gold: gold.length, predicted: predicted.length, matched, ms });
    }
  }

  console.log(`Paragraph extraction from raw page text (paragraphs by ${name}; exact match after whitespace normalisation)\n`);
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

  const seed = path.join(shared, 'seed', 'kidd23-en.page.txt');
  if (existsSync(seed)) {
    const { text } = await readStatementFile(seed);
    const paras = split(text, 'en').filter((s) => s.trim());
    console.log(`\nseed page ${path.relative(shared, seed)} (no gold): ${paras.length} paragraphs kept; first: "${(paras[0] ?? '').slice(0, 70)}"; last: "${(paras[paras.length - 1] ?? '').slice(0, 70)}…"`);
  }
}

await main();
