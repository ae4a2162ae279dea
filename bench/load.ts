// Load benchmark: 50 concurrent clients against the real server on loopback, mixing reads of a
// 200-bead statement with flag writes. Bounded in time; prints req/s, latency percentiles and errors.
import autocannon from 'autocannon';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../server/store/db.ts';
import { importStatement } from '../server/ops/import.ts';
import { getStatementView } from '../server/ops/review.ts';
import { spawn } from 'node:child_process';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'twintext-load-'));
const dbPath = join(dir, 'load.db');

// A 200-paragraph statement written from a template (pre-split: one paragraph per line).
const en: string[] = [];
const ko: string[] = [];
for (let i = 1; i <= 200; i++) {
  en.push(`The two sides reviewed item ${i} of the combined work plan and agreed to report on it by ${1 + (i % 12)}/${1 + (i % 28)}/2026.`);
  ko.push(`양측은 연합 작업계획 제${i}항을 검토하고, 2026년 ${1 + (i % 12)}월 ${1 + (i % 28)}일까지 그 결과를 보고하기로 합의하였다.`);
}
const db = openDb(dbPath);
const { statementId } = importStatement(db, { title: 'Load test statement', texts: { en: en.join('\n'), ko: ko.join('\n') }, preSplit: true }, 'bench', { runChecks: false });
const beadIds = getStatementView(db, statementId).alignment!.beads.map((b) => b.id);
db.close();

// The server runs in its own process (as in production), so the load generator does not share its thread.
const child = spawn(process.execPath, [join(import.meta.dirname, '..', 'bin', 'twintext.js'), 'serve', '--port', '0', '--db', dbPath], {
  stdio: ['ignore', 'pipe', 'inherit'],
  env: { ...process.env, TWINTEXT_QUIET: '1' },
});
const url = await new Promise<string>((resolve, reject) => {
  let out = '';
  child.stdout!.on('data', (c: Buffer) => {
    out += c.toString();
    const m = /at (http:\/\/\S+?)\/?\s/.exec(out);
    if (m) resolve(m[1]!);
  });
  child.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
});

async function run(title: string, requests: autocannon.Request[]) {
  const result = await autocannon({ url, connections: 50, duration: seconds, requests, headers: { 'content-type': 'application/json', 'x-reviewer': 'bench' } });
  return { title, result };
}

const reads = await run('reads of a 200-bead statement', [{ method: 'GET', path: `/api/statements/${statementId}` }]);
let k = 0;
// Mixed: 40 readers and 10 flag writers at the same time, measured separately so read latency under writes shows.
const [mixedReads, mixedWrites] = await Promise.all([
  autocannon({ url, connections: 40, duration: seconds, requests: [{ method: 'GET', path: `/api/statements/${statementId}` }] }),
  autocannon({
    url,
    connections: 10,
    duration: seconds,
    headers: { 'content-type': 'application/json', 'x-reviewer': 'bench' },
    requests: [
      {
        method: 'POST',
        setupRequest: (req: autocannon.Request) => ({ ...req, path: `/api/beads/${beadIds[k++ % beadIds.length]}/flags`, body: JSON.stringify({ category: 'style', comment: `load ${k}` }) }),
      },
    ],
  }),
]);
const mixed = [
  { title: 'mixed: reads (40 connections)', result: mixedReads },
  { title: 'mixed: flag writes (10 connections)', result: mixedWrites },
];
child.kill('SIGTERM');
await new Promise((r) => child.once('exit', r));
rmSync(dir, { recursive: true, force: true });

console.log(`\nLoad on loopback: 50 connections in all, ${seconds} s per run, ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}\n`);
console.log('| run | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | non-2xx |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const { title, result: r } of [reads, ...mixed]) {
  console.log(`| ${title} | ${r.requests.total} | ${Math.round(r.requests.average)} | ${r.latency.p50} | ${r.latency.p90} | ${r.latency.p99} | ${r.latency.max} | ${r.errors + r.timeouts} | ${r.non2xx} |`);
}
