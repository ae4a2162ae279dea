// Difference-check benchmark: recall on planted discrepancies, listed discrepancies found, false findings per 100 beads.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAlignment, type Finding } from '../server/core/checks/index.ts';
import { parseGlossary } from '../server/core/glossary.ts';
import type { Bead } from '../server/core/types.ts';
import { CATEGORIES, CHECK_FOR, JA_CATEGORIES, plant, type Category, type Doc } from './plant.ts';
import { rng } from './synthetic.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const shared = path.resolve(repoRoot, '..', 'shared');
const glossary = parseGlossary(readFileSync(path.join(repoRoot, 'data', 'glossary.tsv'), 'utf8'));
const optsFor = (lang: 'ko' | 'ja') => ({ srcLang: 'en', tgtLang: lang, glossary });
const opts = optsFor('ko');
const SEED = 20250626;

interface Listed { category: string; en: number[]; ko: number[] }
interface StatementDoc extends Doc { listed: Listed[] }

const lines = (f: string) => readFileSync(f, 'utf8').split('\n').filter((l) => l.trim());
const idx = (s: string | undefined) => (s ? s.split(',').filter(Boolean).map((x) => Number(x) - 1) : []);

function loadStatements(): StatementDoc[] {
  const dir = path.join(shared, 'statements');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((d) => existsSync(path.join(dir, d, 'gold.tsv'))).sort().map((d) => {
    const beads: Bead[] = lines(path.join(dir, d, 'gold.tsv')).map((l) => {
      const [a, b] = l.split('\t');
      return { src: idx(a), tgt: idx(b), confidence: 1 };
    });
    const meta = JSON.parse(readFileSync(path.join(dir, d, 'meta.json'), 'utf8')) as { discrepancies?: { category: string; en: number[]; ko: number[] }[] };
    const listed = (meta.discrepancies ?? []).map((x) => ({ category: x.category, en: x.en.map((n) => n - 1), ko: x.ko.map((n) => n - 1) }));
    return { id: d, en: lines(path.join(dir, d, 'en.txt')), tgt: lines(path.join(dir, d, 'ko.txt')), beads, listed };
  });
}

/** Documents of consecutive news sentence pairs, 1–3 sentences a paragraph (fixed seed). */
function loadCorpusDocs(n: number, paras: number): Doc[] {
  const dir = path.join(shared, 'corpus', 'ko-en');
  if (!existsSync(dir)) return [];
  const en = readFileSync(path.join(dir, 'train.en'), 'utf8').split('\n');
  const ko = readFileSync(path.join(dir, 'train.ko'), 'utf8').split('\n');
  const meta = readFileSync(path.join(dir, 'train.meta.tsv'), 'utf8').split('\n').map((l) => l.split('\t'));
  const news = meta.map((m, i) => ({ i, src: m[0] ?? '' })).filter((x) => x.src.startsWith('kpc-news')).map((x) => x.i);
  const r = rng(SEED);
  const docs: Doc[] = [];
  let p = 0;
  for (let d = 0; d < n && p < news.length; d++) {
    const e: string[] = [], k: string[] = [], beads: Bead[] = [];
    for (let q = 0; q < paras && p < news.length; q++) {
      const take = 1 + Math.floor(r() * 3);
      const ids = news.slice(p, p + take);
      p += take;
      e.push(ids.map((i) => en[i]!).join(' '));
      k.push(ids.map((i) => ko[i]!).join(' '));
      beads.push({ src: [q], tgt: [q], confidence: 1 });
    }
    docs.push({ id: `news${String(d + 1).padStart(2, '0')}`, en: e, tgt: k, beads });
  }
  return docs;
}

/**
 * The English–Japanese statement pairs written for this benchmark (bench/checks-ja): one paragraph a
 * line on each side, aligned line by line, so every bead is a 1:1.
 */
function loadJapanese(): Doc[] {
  const dir = path.join(repoRoot, 'bench', 'checks-ja');
  return readdirSync(dir).filter((d) => existsSync(path.join(dir, d, 'ja.txt'))).sort().map((d) => {
    const en = lines(path.join(dir, d, 'en.txt')), ja = lines(path.join(dir, d, 'ja.txt'));
    if (en.length !== ja.length) throw new Error(`bench/checks-ja/${d}: ${en.length} English lines against ${ja.length} Japanese`);
    return { id: d, en, tgt: ja, beads: en.map((_, i) => ({ src: [i], tgt: [i], confidence: 1 })) };
  });
}

const serious = (f: Finding) => f.severity !== 'info';
const touches = (f: Finding, en: number[], tgt: number[]) => f.src.some((i) => en.includes(i)) || f.tgt.some((i) => tgt.includes(i));
const sig = (f: Finding) => `${f.check}|${f.key}|${f.src.join(',')}|${f.tgt.join(',')}`;

function pad(s: string | number, w: number): string {
  const t = String(s);
  return t.length >= w ? t : t + ' '.repeat(w - t.length);
}
function table(head: string[], rows: (string | number)[][]): void {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i] ?? '').length)));
  console.log('| ' + head.map((h, i) => pad(h, w[i]!)).join(' | ') + ' |');
  console.log('| ' + w.map((x) => '-'.repeat(x)).join(' | ') + ' |');
  for (const r of rows) console.log('| ' + r.map((c, i) => pad(c, w[i]!)).join(' | ') + ' |');
  console.log('');
}

function recall(name: string, docs: Doc[], copies: number, lang: 'ko' | 'ja' = 'ko'): void {
  const categories = lang === 'ja' ? JA_CATEGORIES : CATEGORIES;
  const opts = optsFor(lang);
  const stats = new Map<Category, { n: number; hit: number; any: number }>(categories.map((c) => [c, { n: 0, hit: 0, any: 0 }]));
  const missed: string[] = [];
  const r = rng(SEED + 1);
  // Negation flips and added sentences, planted since, draw from streams of their own so the other
  // categories keep theirs.
  const rNeg = rng(SEED + 2);
  const rAdd = rng(SEED + 3);
  for (const doc of docs) {
    const base = new Set(checkAlignment(doc.en, doc.tgt, doc.beads, opts).map(sig));
    for (const cat of categories) {
      const seen = new Set<string>();
      for (let c = 0; c < copies; c++) {
        const p = plant(doc, cat, cat === 'negation' ? rNeg : cat === 'added' ? rAdd : r, glossary, lang);
        if (!p || seen.has(p.note + p.tgt.join() + p.en.join())) continue;
        seen.add(p.note + p.tgt.join() + p.en.join());
        const after = checkAlignment(p.doc.en, p.doc.tgt, p.doc.beads, opts);
        const fs = after.filter((f) => CHECK_FOR[cat].includes(f.check) && touches(f, p.en, p.tgt) && !base.has(sig(f)));
        const st = stats.get(cat)!;
        st.n++;
        if (fs.some(serious)) st.hit++;
        else {
          missed.push(`${doc.id} ${cat}: ${p.note} (en ${p.en.map((x) => x + 1)} / ${lang} ${p.tgt.map((x) => x + 1)})`);
          if (process.argv.includes('--debug')) {
            for (const f of after.filter((x) => touches(x, p.en, p.tgt))) missed.push(`      ${f.severity} ${f.check}: ${f.message}`);
          }
        }
        if (fs.length) st.any++;
      }
    }
  }
  console.log(`### Planted discrepancies: ${name} (${docs.length} documents, seed ${SEED})\n`);
  table(['category', 'check', 'planted', 'found (error/warning)', 'recall', 'found at any severity'],
    categories.map((c) => {
      const s = stats.get(c)!;
      return [c, CHECK_FOR[c].join('/'), s.n, s.hit, s.n ? (s.hit / s.n).toFixed(2) : '-', s.any];
    }));
  if (process.argv.includes('--missed')) for (const m of missed) console.log('  missed: ' + m);
}

function falseFindings(name: string, docs: (Doc & { listed?: Listed[] })[], lang: 'ko' | 'ja' = 'ko'): void {
  const opts = optsFor(lang);
  let beads = 0, ms = 0;
  const byCheck = new Map<string, number>();
  const rows: string[] = [];
  for (const d of docs) {
    const t0 = performance.now();
    const fs = checkAlignment(d.en, d.tgt, d.beads, opts);
    ms += performance.now() - t0;
    beads += d.beads.length;
    for (const f of fs.filter(serious)) {
      if ((d.listed ?? []).some((l) => touches(f, l.en, l.ko))) continue;
      byCheck.set(f.check, (byCheck.get(f.check) ?? 0) + 1);
      rows.push(`${d.id} [${f.severity} ${f.check}] ${f.message}`);
    }
  }
  const total = [...byCheck.values()].reduce((a, b) => a + b, 0);
  console.log(`### False findings on unmodified pairs: ${name}\n`);
  table(['documents', 'beads', 'error/warning findings off listed discrepancies', 'per 100 beads', 'by check', 'ms per document'],
    [[docs.length, beads, total, (100 * total / Math.max(1, beads)).toFixed(2),
      [...byCheck.entries()].map(([c, n]) => `${c} ${n}`).join(', ') || '-', (ms / Math.max(1, docs.length)).toFixed(1)]]);
  if (process.argv.includes("--verbose")) for (const r of rows) console.log('  ' + r);
}

function listedFound(docs: StatementDoc[]): void {
  const checkOf: Record<string, string> = {
    acronym: 'acronyms', omission: 'omission', addition: 'addition', number: 'numbers', date: 'dates', name: 'names',
    terminology: 'terminology', modality: 'modality',
  };
  const rows: (string | number)[][] = [];
  let n = 0, hit = 0;
  for (const d of docs) {
    if (!d.listed.length) continue;
    const fs = checkAlignment(d.en, d.tgt, d.beads, opts).filter(serious);
    for (const l of d.listed) {
      const ok = fs.some((f) => f.check === (checkOf[l.category] ?? l.category) && touches(f, l.en, l.ko));
      n++;
      if (ok) hit++;
      rows.push([d.id, l.category, `en ${l.en.map((x) => x + 1).join(',')} / ko ${l.ko.map((x) => x + 1).join(',') || '-'}`, ok ? 'found' : 'missed']);
    }
  }
  console.log('### Discrepancies listed in meta.json\n');
  table(['pair', 'category', 'lines', 'result'], rows);
  console.log(`listed discrepancies found: ${hit}/${n} (${n ? (hit / n).toFixed(2) : '-'})\n`);
}

console.log('# Difference checks: planted discrepancies, listed discrepancies, false findings\n');
console.log('A planted discrepancy counts as found when an error/warning finding of the listed check, absent from the');
console.log('unmodified pair, touches the planted paragraph. Options: --missed (list misses), --debug (findings on missed');
console.log('paragraphs), --verbose (false findings).\n');
const statements = loadStatements();
const news = loadCorpusDocs(40, 8);
if (!statements.length && !news.length) console.log(`no shared data under ${shared}: English–Korean sets skipped\n`);
else {
  recall('statements', statements, 8);
  recall('news documents from corpus/ko-en', news, 1);
  listedFound(statements);
  falseFindings('statements', statements);
  falseFindings('news documents (loose translations)', news);
}
// English–Japanese: the pairs in bench/checks-ja, planted on the Japanese side.
const japanese = loadJapanese();
recall('English–Japanese statements from bench/checks-ja', japanese, 8, 'ja');
falseFindings('English–Japanese statements', japanese, 'ja');
