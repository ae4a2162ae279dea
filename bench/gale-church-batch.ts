// Gale–Church as a whole process, for the process-against-process comparison in bench/align.ts:
// `node gale-church-batch.mjs MANIFEST OUT_DIR S2` reads and writes what
// `twintext align --pre-split --batch MANIFEST OUT_DIR` does (bench/align.ts bundles this file first,
// as the build bundles the CLI, so neither process compiles TypeScript when it starts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { formatBeads } from '../server/core/align.ts';
import { preSplitLines } from '../server/core/segment.ts';
import { galeChurch } from './gale-church.ts';

const [manifest, outDir, s2] = process.argv.slice(2);
if (!manifest || !outDir || !s2) throw new Error('usage: gale-church-batch MANIFEST OUT_DIR S2');
const base = dirname(resolve(manifest));
const lines = readFileSync(manifest, 'utf8').split('\n').filter((l) => l.trim() !== '');
mkdirSync(outDir, { recursive: true });
lines.forEach((line, i) => {
  const [en, ko] = line.split('\t');
  const src = preSplitLines(readFileSync(resolve(base, en!), 'utf8'));
  const tgt = preSplitLines(readFileSync(resolve(base, ko!), 'utf8'));
  writeFileSync(join(outDir, `${String(i).padStart(4, '0')}.tsv`), formatBeads(galeChurch(src, tgt, { s2: Number(s2) })));
});
