// UI benchmark: the real server (its own process, on loopback, on a temporary SQLite file) and the
// real web UI in headless Chromium (the browser the tests use). For a 500-row and a 2,000-row
// statement, median and min over RUNS fresh page loads of: page ready from navigation start, JSON in
// hand → rows in the DOM (the app's `twintext:data`/`twintext:ready` marks), the forced style and layout
// of those rows, 100 `j` moves, and a filter switched on and off; plus the list page with 200 statements.
// Prints figures only: speed is measured here, never asserted by the tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openDb } from '../server/store/db.ts';
import { importStatement } from '../server/ops/import.ts';
import { ensureWebBuilt, launchBrowser, newPage, repoRoot, tempDb, type BrowserSession } from '../test/browser/harness.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SIZES = [500, 2000];
const LIST_STATEMENTS = 200;
/** Every 50th Korean item is left out, so the "Empty side" filter has rows to show. */
const omitted = (i: number) => i % 50 === 7;

/** A pre-split statement of `rows` items, written like test/browser/large.test.ts's (one line = one paragraph). */
function statementTexts(rows: number, seed: string): { en: string; ko: string } {
  const en: string[] = [];
  const ko: string[] = [];
  for (let i = 0; i < rows; i++) {
    const n = i + 1;
    const year = 2000 + (i % 26);
    en.push(`Item ${n}${seed}: the Parties agreed to hold consultation round ${n} on alliance issues in ${year}, including combined exercises and extended deterrence.`);
    if (!omitted(i)) ko.push(`${n}번 항목${seed}: 양측은 ${year}년에 연합연습과 확장억제를 포함한 동맹 현안에 관한 제${n}차 협의를 개최하기로 합의하였다.`);
  }
  return { en: en.join('\n'), ko: ko.join('\n') };
}

interface Prepared {
  big: Map<number, number>;
  importMs: number;
}

function prepare(dbPath: string): Prepared {
  const t0 = performance.now();
  const db = openDb(dbPath);
  try {
    const big = new Map<number, number>();
    for (const rows of SIZES) {
      big.set(rows, importStatement(db, { title: `Benchmark statement, ${rows} items`, date: '2026-05-01', texts: statementTexts(rows, ''), preSplit: true }, 'bench').statementId);
    }
    // The list page shows LIST_STATEMENTS statements in all: the big ones and small ones of 8 items.
    for (let k = big.size; k < LIST_STATEMENTS; k++) {
      const day = String((k % 28) + 1).padStart(2, '0');
      const month = String((k % 12) + 1).padStart(2, '0');
      importStatement(db, { title: `Joint press statement ${k + 1}`, date: `2025-${month}-${day}`, texts: statementTexts(8, ` (${k + 1})`), preSplit: true }, 'bench');
    }
    return { big, importMs: performance.now() - t0 };
  } finally {
    db.close();
  }
}

/** `twintext serve` in its own process, as deployed, so the page's requests do not queue behind this script. */
async function startServer(dbPath: string): Promise<{ url: string; proc: ChildProcess }> {
  const proc = spawn(process.execPath, [join(repoRoot, 'bin', 'twintext.js'), 'serve', '--port', '0', '--db', dbPath], {
    env: { ...process.env, TWINTEXT_QUIET: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  proc.stderr!.on('data', (c: Buffer) => (err += c.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    proc.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /at (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) resolve(m[1]!);
    });
    proc.once('exit', (code) => reject(new Error(`server exited with ${code}: ${err.slice(-2000)}`)));
  });
  return { url, proc };
}

/**
 * Installed before the app's script: when the app marks itself ready, force style and layout of what
 * it built and note the time (`twintext:laid-out`). A string, not a function: tsx would wrap a
 * function's inner helpers in __name(), which does not exist in the page.
 */
const LAYOUT_PROBE = `
new MutationObserver((_, obs) => {
  if (document.documentElement?.dataset.ready !== 'true') return;
  obs.disconnect();
  void document.body.offsetHeight;
  performance.mark('twintext:laid-out');
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });
`;

async function load(page: Page, url: string): Promise<void> {
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('html[data-ready="true"]', { timeout: 60_000 });
}

/** Milliseconds since navigation start at which each mark was set (-1: not set). */
async function marks(page: Page, names: string[]): Promise<number[]> {
  return page.evaluate((ns) => ns.map((n) => performance.getEntriesByName(n)[0]?.startTime ?? -1), names);
}

interface ReviewRun {
  ready: number;
  build: number;
  layout: number;
  moves: number;
  filterOn: number;
  filterOff: number;
  shown: number;
}

async function reviewRun(session: BrowserSession, url: string, id: number, rows: number): Promise<ReviewRun> {
  const { page, pageErrors, close } = await newPage(session, { baseUrl: url });
  try {
    await page.addInitScript(LAYOUT_PROBE);
    await load(page, `${url}/statements/${id}`);
    const [data, ready, laidOut] = await marks(page, ['twintext:data', 'twintext:ready', 'twintext:laid-out']);
    if (!(data! > 0 && ready! >= data! && laidOut! >= ready!)) throw new Error(`performance marks missing: data ${data}, ready ${ready}, laid out ${laidOut}`);
    const count = await page.locator('tr.bead').count();
    if (count !== rows) throw new Error(`${count} rows on the page, expected ${rows}`);
    // Each action's script, then the style and layout it caused, forced synchronously (paint is not included:
    // waiting for a frame would add up to 16.7 ms of frame-clock quantisation to every figure).
    const moves = await page.evaluate(() => {
      const t = performance.now();
      for (let i = 0; i < 100; i++) document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }));
      void document.body.offsetHeight;
      return performance.now() - t;
    });
    const at = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['index']);
    if (at !== '99') throw new Error(`100 j moves ended on row index ${at}, expected 99`);
    const filter = async (name: string) =>
      page.evaluate((f) => {
        const button = document.querySelector<HTMLButtonElement>(`button.filter[data-filter="${f}"]`);
        if (!button) throw new Error(`no ${f} filter button`);
        const t = performance.now();
        button.click();
        void document.body.offsetHeight;
        return { ms: performance.now() - t, shown: document.querySelectorAll('tr.bead:not([hidden])').length };
      }, name);
    const on = await filter('empty');
    if (on.shown === 0 || on.shown >= rows) throw new Error(`the Empty side filter shows ${on.shown} of ${rows} rows`);
    const off = await filter('all');
    if (off.shown !== rows) throw new Error(`back to All, ${off.shown} of ${rows} rows shown`);
    if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
    return { ready: ready!, build: ready! - data!, layout: laidOut! - ready!, moves, filterOn: on.ms, filterOff: off.ms, shown: on.shown };
  } finally {
    await close();
  }
}

async function listRun(session: BrowserSession, url: string): Promise<number> {
  const { page, pageErrors, close } = await newPage(session, { baseUrl: url });
  try {
    await load(page, `${url}/`);
    const [ready] = await marks(page, ['twintext:ready']);
    const count = await page.locator('table.statements tbody tr').count();
    if (count !== LIST_STATEMENTS) throw new Error(`${count} statements listed, expected ${LIST_STATEMENTS}`);
    if (pageErrors.length) throw new Error(`page errors: ${pageErrors.join('; ')}`);
    return ready!;
  } finally {
    await close();
  }
}

const median = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (xs: number[]) => `${Math.round(median(xs))} (${Math.round(Math.min(...xs))})`;

async function main(): Promise<void> {
  ensureWebBuilt();
  const tmp = tempDb();
  const children = new Set<ChildProcess>();
  process.once('exit', () => {
    for (const c of children) c.kill('SIGKILL');
    tmp.remove();
  });
  const { big, importMs } = prepare(tmp.dbPath);
  const server = await startServer(tmp.dbPath);
  children.add(server.proc);
  const session = await launchBrowser();
  try {
    const cpu = cpus();
    console.log(`Machine: ${cpu[0]?.model ?? 'unknown CPU'}, ${cpu.length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; Chromium ${session.browser.version()} (headless)`);
    console.log(`Database: ${LIST_STATEMENTS} statements imported in ${(importMs / 1000).toFixed(1)} s (not part of the figures). Each figure: median (min) in ms over ${RUNS} page loads, after one untimed load of each page.`);

    const results = new Map<number, ReviewRun[]>();
    for (const rows of SIZES) {
      const id = big.get(rows)!;
      await reviewRun(session, server.url, id, rows);
      const runs: ReviewRun[] = [];
      for (let r = 0; r < RUNS; r++) runs.push(await reviewRun(session, server.url, id, rows));
      results.set(rows, runs);
    }
    await listRun(session, server.url);
    const list: number[] = [];
    for (let r = 0; r < RUNS; r++) list.push(await listRun(session, server.url));

    console.log('\nReview page (`/statements/:id`):\n');
    console.log('| rows | page ready from navigation start | JSON in hand → rows in the DOM | style + layout of the rows | 100 `j` moves | filter "Empty side" on | filter back to "All" |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const [rows, runs] of results) {
      const col = (k: keyof ReviewRun) => fmt(runs.map((x) => x[k]));
      console.log(`| ${rows.toLocaleString('en-US')} | ${col('ready')} | ${col('build')} | ${col('layout')} | ${col('moves')} | ${col('filterOn')} (${runs[0]!.shown} rows shown) | ${col('filterOff')} |`);
    }
    console.log('\nList page (`/`):\n');
    console.log('| statements | page ready from navigation start |');
    console.log('| --- | --- |');
    console.log(`| ${LIST_STATEMENTS} | ${fmt(list)} |`);
    console.log(
      '\nPage ready: the app\'s `twintext:ready` mark (data fetched, rows built), fonts loading as for a user. Moves and filters: the script and the style and layout it causes, forced synchronously; painting is not included.',
    );
  } finally {
    await session.close();
    server.proc.kill('SIGTERM');
    await new Promise((r) => server.proc.once('exit', r));
    children.delete(server.proc);
  }
}

await main();
