// Load benchmark: 50 concurrent connections against the real server on loopback, mixing reads of a
// 200-bead statement with flag writes. Bounded in time and count; prints req/s, latency percentiles,
// errors and the CPU used by the server and by each load-generator process.
import autocannon from 'autocannon';
import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';

/** What the parent asks one load-generator process to do. */
interface ClientJob {
  url: string;
  connections: number;
  seconds: number;
  /** The count bound: the run stops at this many responses even if time is left. */
  maxRequests: number;
  kind: 'read' | 'write';
  /** The Accept-Encoding header of reads ('' for none). */
  acceptEncoding: string;
  /** Requests per second per connection (open loop); absent = as fast as the server answers (closed loop). */
  connectionRate?: number;
  statementId: number;
  beadIds: number[];
}

interface ClientReport {
  requests: number;
  reqPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  non2xx: number;
  /** CPU seconds this load-generator process used during its run, and the run's wall time. */
  cpuSeconds: number;
  kernelSeconds: number;
  wallSeconds: number;
}

// Each group of connections runs in its own process, so one load generator saturating its thread
// cannot pass its own queueing off as server latency (autocannon is single-threaded per process).
if (process.argv[2] === 'client') {
  process.once('message', (job: ClientJob) => {
    process.once('message', async () => {
      const headers: Record<string, string> = { 'content-type': 'application/json', 'x-reviewer': 'bench' };
      if (job.kind === 'read' && job.acceptEncoding) headers['accept-encoding'] = job.acceptEncoding;
      let k = 0;
      const requests: autocannon.Request[] =
        job.kind === 'read'
          ? [{ method: 'GET', path: `/api/statements/${job.statementId}` }]
          : [
              {
                method: 'POST',
                setupRequest: (req: autocannon.Request) => ({
                  ...req,
                  path: `/api/beads/${job.beadIds[k++ % job.beadIds.length]}/flags`,
                  body: JSON.stringify({ category: 'style', comment: `load ${k}` }),
                }),
              },
            ];
      const cpu0 = process.cpuUsage();
      const t0 = performance.now();
      const r = await autocannon({
        url: job.url,
        connections: job.connections,
        duration: job.seconds,
        maxOverallRequests: job.maxRequests,
        ...(job.connectionRate ? { connectionRate: job.connectionRate } : {}),
        headers,
        requests,
        // autocannon 8 decodes every response body into a string (`body += chunk`) even when nothing
        // reads it: for the ~90-800 kB review view that decoding and its garbage took ~75 % of the load
        // generator's CPU (profiled), so the generator, not the server, set the latencies. Status codes,
        // byte counts and timings are still taken from the HTTP parser.
        setupClient: (client: autocannon.Client) => {
          (client as unknown as { pipelinedRequests: { addBody(data: unknown): void } }).pipelinedRequests.addBody = () => {};
        },
      });
      const cpu = process.cpuUsage(cpu0);
      const report: ClientReport = {
        requests: r.requests.total,
        reqPerSec: r.requests.total / r.duration,
        p50: r.latency.p50,
        p90: r.latency.p90,
        p99: r.latency.p99,
        max: r.latency.max,
        errors: r.errors + r.timeouts,
        non2xx: r.non2xx,
        cpuSeconds: (cpu.user + cpu.system) / 1e6,
        kernelSeconds: cpu.system / 1e6,
        wallSeconds: (performance.now() - t0) / 1000,
      };
      process.send!(report, () => process.exit(0));
    });
    process.send!('ready');
  });
} else {
  await main();
}

/** CPU seconds used so far by the whole machine (all cores, Linux /proc; null elsewhere). */
function machineCpuSeconds(): number | null {
  try {
    const [user, nice, system, , , irq, softirq, steal] = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return (user! + nice! + system! + irq! + softirq! + steal!) / 100;
  } catch {
    return null;
  }
}

/** CPU seconds used so far by a process, in all and in the kernel (Linux /proc; null elsewhere). */
function processCpuSeconds(pid: number): { total: number; kernel: number } | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
    // After the command name: utime and stime are fields 12 and 13 (0-based), in clock ticks (100 per second on Linux).
    const [user, kernel] = [Number(fields[11]) / 100, Number(fields[12]) / 100];
    return { total: user + kernel, kernel };
  } catch {
    return null;
  }
}

interface Group {
  title: string;
  kind: ClientJob['kind'];
  connections: number;
  connectionRate?: number;
}

async function main(): Promise<void> {
  const { openDb } = await import('../server/store/db.ts');
  const { importStatement } = await import('../server/ops/import.ts');
  const { getStatementView } = await import('../server/ops/review.ts');
  const seconds = Number(process.env.BENCH_SECONDS ?? 10);
  const maxRequests = Number(process.env.BENCH_MAX_REQUESTS ?? 200_000);
  // The steady write load: 10 connections each sending a flag write every 1/12 s, the rate the
  // non-stop writers reached before the write path was made cheaper (about 120 writes/s in all).
  const writeRate = Number(process.env.BENCH_WRITE_RATE ?? 12);
  // Readers ask for compressed responses as browsers do (the review view comes gzipped from its cache);
  // BENCH_ACCEPT_ENCODING= (empty) reads the plain JSON instead.
  const acceptEncoding = process.env.BENCH_ACCEPT_ENCODING ?? 'gzip, deflate, br, zstd';
  const dir = mkdtempSync(join(tmpdir(), 'twintext-load-'));
  const dbPath = join(dir, 'load.db');

  // One fresh 200-paragraph statement per run (flag writes make a statement's view grow), written
  // from a template, pre-split one paragraph per line; the copy number keeps their content hashes apart.
  const db = openDb(dbPath);
  const statements = [0, 1, 2, 3].map((copy) => {
    const en: string[] = [];
    const ko: string[] = [];
    for (let i = 1; i <= 200; i++) {
      en.push(`The two sides reviewed item ${i} of the combined work plan and agreed to report on it by ${1 + (i % 12)}/${1 + (i % 28)}/2026.`);
      ko.push(`양측은 연합 작업계획 제${i}항을 검토하고, 2026년 ${1 + (i % 12)}월 ${1 + (i % 28)}일까지 그 결과를 보고하기로 합의하였다.`);
    }
    en[0] += ` (${copy})`;
    ko[0] += ` (${copy})`;
    const { statementId } = importStatement(db, { title: `Load test statement ${copy}`, texts: { en: en.join('\n'), ko: ko.join('\n') }, preSplit: true }, 'bench', { runChecks: false });
    return { statementId, beadIds: getStatementView(db, statementId).alignment!.beads.map((b) => b.id) };
  });
  db.close();

  // The server runs in its own process (as in production), so the load generators do not share its thread.
  // BENCH_SERVER_NODE_ARGS passes flags to the server's Node, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const clientArgs = (process.env.BENCH_CLIENT_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  // BENCH_SERVER_ROOT serves from another checkout (same database), to compare two versions of the server.
  const root = process.env.BENCH_SERVER_ROOT ?? join(import.meta.dirname, '..');
  // As deployed, the server logs every request (one JSON line on stderr), here into a file; BENCH_QUIET=1 turns that off.
  const quiet = process.env.BENCH_QUIET === '1';
  const logPath = join(dir, 'server.log');
  const logFd = openSync(logPath, 'w');
  // BENCH_PIN=1 pins the server (all its threads) to CPU 0 and the load generators to CPU 1, so that a
  // generator woken by a response cannot preempt the server on its CPU (Linux taskset).
  const pin = process.env.BENCH_PIN === '1';
  const pinTo = (pid: number, cpu: number) => {
    const r = spawnSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`taskset failed (BENCH_PIN needs Linux taskset): ${r.stderr || r.error}`);
  };
  const server = spawn(pin ? 'taskset' : process.execPath, [...(pin ? ['-c', '0', process.execPath] : []), ...nodeArgs, join(root, 'bin', 'twintext.js'), 'serve', '--port', '0', '--db', dbPath], {
    stdio: ['ignore', 'pipe', logFd],
    env: { ...process.env, ...(quiet ? { TWINTEXT_QUIET: '1' } : {}) },
  });
  closeSync(logFd);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /at (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) resolve(m[1]!);
    });
    server.once('exit', (code) => reject(new Error(`server exited with ${code}: ${readFileSync(logPath, 'utf8').slice(-2000)}`)));
  });
  const children = new Set<ChildProcess>([server]);
  // A failed run must not leave the server or a load generator running behind the benchmark.
  process.once('exit', () => {
    for (const c of children) c.kill('SIGKILL');
  });
  // The time bound of the whole benchmark, whatever happens to a run.
  const deadline = setTimeout(() => {
    console.error('load benchmark: time limit exceeded, stopping');
    for (const c of children) c.kill('SIGKILL');
    process.exit(1);
  }, (4 * seconds + 60) * 1000);

  const viewSize = async (statementId: number) => {
    const res = await fetch(`${url}/api/statements/${statementId}`, { headers: { 'accept-encoding': acceptEncoding } });
    // The length sent (fetch decodes the body), and the JSON's own.
    const sent = Number(res.headers.get('content-length'));
    const text = await res.text();
    const beads = (JSON.parse(text) as { alignment: { beads: { flags: unknown[] }[] } }).alignment.beads;
    const plain = Buffer.byteLength(text);
    return `${Math.round(plain / 1000)} kB${sent !== plain ? ` (${Math.round(sent / 1000)} kB ${res.headers.get('content-encoding')})` : ''}, ${beads.reduce((n, b) => n + b.flags.length, 0)} flags`;
  };

  /** Runs the groups of connections at the same time on one statement, each group in its own load-generator process. */
  async function run(title: string, copy: number, groups: Group[], runSeconds = seconds) {
    const { statementId, beadIds } = statements[copy]!;
    const procs = groups.map(() => fork(import.meta.filename, ['client'], { stdio: 'inherit', execArgv: [...process.execArgv, ...clientArgs] }));
    for (const p of procs) children.add(p);
    if (pin) for (const p of procs) pinTo(p.pid!, 1);
    const replies = procs.map(
      (p) =>
        new Promise<ClientReport>((resolve, reject) => {
          p.once('exit', (code) => reject(new Error(`load generator exited with ${code}`)));
          p.on('message', (m) => m !== 'ready' && resolve(m as ClientReport));
        }),
    );
    await Promise.all(
      procs.map((p, i) => {
        const ready = new Promise<void>((resolve) => p.once('message', () => resolve()));
        const g = groups[i]!;
        p.send({ url, connections: g.connections, connectionRate: g.connectionRate, seconds: runSeconds, maxRequests, kind: g.kind, acceptEncoding, statementId, beadIds } satisfies ClientJob);
        return ready;
      }),
    );
    const sizeBefore = await viewSize(statementId);
    const cpu0 = { server: processCpuSeconds(server.pid!), machine: machineCpuSeconds() };
    const t0 = performance.now();
    for (const p of procs) p.send('go');
    const reports = await Promise.all(replies);
    const wall = (performance.now() - t0) / 1000;
    const cpu1 = { server: processCpuSeconds(server.pid!), machine: machineCpuSeconds() };
    for (const p of procs) children.delete(p);
    // CPU readings are null where /proc is not available.
    const delta = (a: number | null | undefined, b: number | null | undefined) => (a == null || b == null ? null : b - a);
    const serverCpu = delta(cpu0.server?.total, cpu1.server?.total);
    const serverKernelCpu = delta(cpu0.server?.kernel, cpu1.server?.kernel);
    const machineCpu = delta(cpu0.machine, cpu1.machine);
    const generatorsCpu = reports.reduce((s, r) => s + r.cpuSeconds, 0);
    return {
      title,
      rows: groups.map((g, i) => ({ title: g.title, ...reports[i]! })),
      wall,
      serverCpu,
      serverKernelCpu,
      // Whatever else ran on the machine meanwhile (another benchmark would distort the figures).
      otherCpu: machineCpu === null || serverCpu === null ? null : Math.max(0, machineCpu - serverCpu - generatorsCpu),
      view: `${sizeBefore} before, ${await viewSize(statementId)} after`,
    };
  }

  // BENCH_READER_PROCS spreads the reading connections over that many load-generator processes (one row each).
  const readerProcs = Number(process.env.BENCH_READER_PROCS ?? 1);
  const readers = (n: number): Group[] =>
    Array.from({ length: readerProcs }, (_, i) => ({
      title: readerProcs === 1 ? `reads (${n} connections)` : `reads (${n / readerProcs} of ${n} connections, generator ${i + 1})`,
      kind: 'read' as const,
      connections: n / readerProcs,
    }));
  const writers = (rate?: number): Group => ({
    title: rate ? `flag writes (10 connections, ${rate}/s each)` : 'flag writes (10 connections, non-stop)',
    kind: 'write',
    connections: 10,
    connectionRate: rate,
  });
  // Untimed warm-up of both paths, so the first timed run does not measure the JIT compiling the server.
  await run('warm-up', 0, [...readers(10), writers(writeRate)], 2);
  // BENCH_RUNS picks some of the runs (e.g. "steady" while profiling one load); all three by default.
  const only = (process.env.BENCH_RUNS ?? 'reads,steady,nonstop').split(',');
  const runs = [];
  if (only.includes('reads')) runs.push(await run('reads alone', 1, readers(50)));
  if (only.includes('steady')) runs.push(await run('mixed, steady writes', 2, [...readers(40), writers(writeRate)]));
  if (only.includes('nonstop')) runs.push(await run('mixed, non-stop writes', 3, [...readers(40), writers()]));

  clearTimeout(deadline);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  children.delete(server);
  rmSync(dir, { recursive: true, force: true });

  const pct = (cpuSeconds: number | null, wall: number) => (cpuSeconds === null ? 'n/a' : `${Math.round((cpuSeconds / wall) * 100)} %`);
  console.log(`\nLoad on loopback: 50 connections in all per run, each run at most ${seconds} s and ${maxRequests.toLocaleString('en')} responses per load generator`);
  console.log(`Machine: ${cpus().length} cores (${cpus()[0]?.model ?? 'unknown CPU'}) shared by the server and the load generators${pin ? ' (BENCH_PIN: server on CPU 0, generators on CPU 1)' : ''}, Node ${process.version}`);
  console.log(`Server: \`twintext serve\` in its own process, ${quiet ? 'request log off (BENCH_QUIET=1)' : 'logging each request to a file as deployed'}. Load generators: autocannon, one process per group of connections.`);
  console.log(`Each run reads and writes its own fresh 200-bead statement; reads send ${acceptEncoding ? `Accept-Encoding: ${acceptEncoding}` : 'no Accept-Encoding'}. CPU: 100 % = one core busy for the whole run.\n`);
  console.log('| run | connections | requests | req/s | p50 ms | p90 ms | p99 ms | max ms | errors | non-2xx | its generator CPU |');
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of runs)
    for (const row of r.rows)
      console.log(
        `| ${r.title} | ${row.title} | ${row.requests} | ${Math.round(row.reqPerSec)} | ${row.p50} | ${row.p90} | ${row.p99} | ${row.max} | ${row.errors} | ${row.non2xx} | ${pct(row.cpuSeconds, row.wallSeconds)} (kernel ${pct(row.kernelSeconds, row.wallSeconds)}) |`,
      );
  console.log('\n| run | server CPU | server CPU per request | other processes CPU | review view (response size) |');
  console.log('| --- | --- | --- | --- | --- |');
  for (const r of runs) {
    const requests = r.rows.reduce((n, row) => n + row.requests, 0);
    const perRequest = r.serverCpu === null ? 'n/a' : `${Math.round((r.serverCpu / requests) * 1e6)} µs`;
    console.log(`| ${r.title} | ${pct(r.serverCpu, r.wall)} (kernel ${pct(r.serverKernelCpu, r.wall)}) | ${perRequest} | ${pct(r.otherCpu, r.wall)} | ${r.view} |`);
  }
  const disturbed = runs.filter((r) => r.otherCpu !== null && r.otherCpu / r.wall > 0.1);
  if (disturbed.length)
    console.log(`\nDisturbed: other processes used more than 10 % of a core during ${disturbed.map((r) => r.title).join(', ')}; those figures understate the server.`);
}
