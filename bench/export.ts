// Benchmark: streams synthetic aligned units through every exporter to a temp file; prints pairs/s and peak RSS per format.
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeExport } from '../server/formats/export/index.ts';
import type { ExportFormat, ExportUnit } from '../server/formats/export/types.ts';

const SIZES: Record<ExportFormat, number> = {
  tmx: 1_000_000,
  jsonl: 1_000_000,
  xliff: 200_000,
  tsv: 200_000,
  csv: 200_000,
  moses: 200_000,
};

const EN = [
  'The two sides reaffirmed that the Alliance remains the linchpin of peace and prosperity in the region.',
  'They agreed to strengthen combined exercises & training, including "Freedom Shield" <2025>.',
  'The delegations reviewed progress on conditions-based transition and agreed to meet again in Seoul.',
];
const KO = [
  '양측은 한미동맹이 역내 평화와 번영의 핵심축임을 재확인하였다.',
  '양측은 "자유의 방패" 연습 등 연합연습과 훈련을 강화하기로 합의하였다.',
  '양 대표단은 조건에 기초한 전환 진전 사항을 점검하고, 서울에서 다시 만나기로 하였다.',
];

async function* units(n: number): AsyncGenerator<ExportUnit> {
  for (let i = 0; i < n; i++) {
    const k = i % 3;
    yield {
      statementId: 1 + Math.floor(i / 40),
      title: `Joint Press Statement No. ${1 + Math.floor(i / 40)}`,
      date: '2025-06-26',
      beadId: i + 1,
      position: (i % 40) + 1,
      srcLang: 'en',
      tgtLang: 'ko',
      src: k === 2 ? `${EN[k]}\n${EN[0]}` : EN[k]!,
      tgt: KO[k]!,
      srcParagraphs: k === 2 ? [(i % 40) + 1, (i % 40) + 2] : [(i % 40) + 1],
      tgtParagraphs: [(i % 40) + 1],
      status: i % 5 === 0 ? 'confirmed' : 'auto',
      confidence: 0.5 + (i % 50) / 100,
      flags: i % 97 === 0 ? [{ category: 'number', severity: 'major', status: 'open', comment: 'check 1.5 trillion', author: 'lee' }] : [],
    };
  }
}

async function runOne(format: ExportFormat, n: number): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'twintext-bench-'));
  try {
    const t0 = performance.now();
    let bytes = 0;
    if (format === 'moses') {
      const src = createWriteStream(path.join(dir, 'out.en'));
      const tgt = createWriteStream(path.join(dir, 'out.ko'));
      await writeExport('moses', units(n), { src, tgt });
      await Promise.all([new Promise((r) => src.end(r)), new Promise((r) => tgt.end(r))]);
      bytes = statSync(path.join(dir, 'out.en')).size + statSync(path.join(dir, 'out.ko')).size;
    } else {
      const file = path.join(dir, `out.${format}`);
      const out = createWriteStream(file);
      await writeExport(format, units(n), out, { toolVersion: 'bench' });
      await new Promise((r) => out.end(r));
      bytes = statSync(file).size;
    }
    const s = (performance.now() - t0) / 1000;
    // maxRSS is in KiB.
    const rssMb = process.resourceUsage().maxRSS / 1024;
    console.log(JSON.stringify({ format, n, seconds: s, bytes, rssMb }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--one') {
    await runOne(args[1] as ExportFormat, Number(args[2]));
    return;
  }
  const scale = args[0] === '--quick' ? 0.05 : 1;
  const self = fileURLToPath(import.meta.url);
  console.log('Streaming export of synthetic units (one child process per format, so peak RSS is per format)\n');
  console.log('format       units      seconds   pairs/s      MB out   peak RSS MB');
  for (const format of Object.keys(SIZES) as ExportFormat[]) {
    const n = Math.round(SIZES[format] * scale);
    const child = spawnSync(process.execPath, [...process.execArgv, self, '--one', format, String(n)], { encoding: 'utf8' });
    const line = child.stdout.trim().split('\n').pop() ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      console.log(`${format.padEnd(8)} failed: ${child.stderr.slice(0, 300)}`);
      continue;
    }
    const r = JSON.parse(line) as { n: number; seconds: number; bytes: number; rssMb: number };
    console.log(
      `${format.padEnd(8)} ${String(r.n).padStart(9)}  ${r.seconds.toFixed(2).padStart(9)}  ${Math.round(r.n / r.seconds).toString().padStart(9)}  ${(r.bytes / 1e6).toFixed(1).padStart(9)}  ${r.rssMb.toFixed(0).padStart(11)}`,
    );
  }
}

await main();
