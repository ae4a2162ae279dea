// Browser-test harness: launches headless Chromium (playwright-core) and the real twintext server on a temp database.
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { openDb, type Db } from '../../server/store/db.ts';
import { tempDir } from '../helpers.ts';
import { startServer } from '../../server/http/server.ts';

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const BASE_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface BrowserSession {
  browser: Browser;
  /** One context per test file: with --single-process, closing a context takes the browser down with it. */
  context: BrowserContext;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<BrowserSession> {
  let executablePath = '/usr/bin/chromium';
  let extra: string[] = [];
  if (!existsSync(executablePath)) {
    const sparticuz = (await import('@sparticuz/chromium')).default;
    executablePath = await sparticuz.executablePath();
    // Its own --headless='shell' would fight ours; the rest (incl. --single-process, ~7x faster new pages) is kept.
    extra = sparticuz.args.filter((a) => !a.startsWith('--headless'));
  }
  const browser = await chromium.launch({ executablePath, args: [...new Set([...extra, ...BASE_ARGS])], headless: true });
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  return { browser, context, close: () => browser.close() };
}

/**
 * The server serves dist/web; rebuild when any web/ source is newer than the bundle so a plain
 * `npx mocha` never tests a stale UI.
 */
export function ensureWebBuilt(): void {
  const bundle = join(repoRoot, 'dist', 'web', 'app.js');
  const built = existsSync(bundle) ? statSync(bundle).mtimeMs : 0;
  const webDir = join(repoRoot, 'web');
  const newest = Math.max(...readdirSync(webDir).map((f) => statSync(join(webDir, f)).mtimeMs));
  const copies = ['index.html', 'style.css'].every((f) => existsSync(join(repoRoot, 'dist', 'web', f)));
  if (newest > built || !copies) execFileSync(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
}

export interface TempDb {
  dir: string;
  dbPath: string;
  remove(): void;
}

export function tempDb(): TempDb {
  const { dir, cleanup } = tempDir('twintext-browser-');
  return { dir, dbPath: join(dir, 'twintext.db'), remove: cleanup };
}

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(dbPath: string, opts: { accounts?: boolean } = {}): Promise<TestServer> {
  const s = await startServer({ dbPath, port: 0, log: () => {}, ...(opts.accounts ? { accounts: true } : {}) });
  // Callers build URLs as `${url}/path`; the server reports a trailing slash.
  return { url: s.url.replace(/\/$/, ''), close: () => s.close() };
}

export interface Fixture<T> {
  browser: BrowserSession;
  server: TestServer;
  db: TempDb;
  /** What `prepare` returned (ids of the statements it imported). */
  data: T;
}

/**
 * Registers the before/after hooks every browser suite needs: a temporary database prepared by
 * `prepare` (through the real ops), the real server on it, and a browser. Use inside `describe`.
 */
export function useFixture<T>(prepare: (conn: Db) => T, opts: { accounts?: boolean } = {}): Fixture<T> {
  const fx = {} as Fixture<T>;
  before(async () => {
    ensureWebBuilt();
    fx.db = tempDb();
    const conn = openDb(fx.db.dbPath);
    try {
      fx.data = prepare(conn);
    } finally {
      conn.close();
    }
    [fx.browser, fx.server] = await Promise.all([launchBrowser(), startTestServer(fx.db.dbPath, opts)]);
  });
  after(async () => {
    await fx.browser?.close();
    await fx.server?.close();
    fx.db?.remove();
  });
  return fx;
}

export const REVIEWER = 'Kim Jiwoo';

export interface TestPage {
  page: Page;
  pageErrors: string[];
  close(): Promise<void>;
}

/** A fresh page with only the given reviewer cookie (none when `reviewer` is null), so tests do not leak state. */
export async function newPage(session: BrowserSession, opts: { baseUrl: string; reviewer?: string | null }): Promise<TestPage> {
  const { context } = session;
  await context.clearCookies();
  const reviewer = opts.reviewer === undefined ? REVIEWER : opts.reviewer;
  if (reviewer) {
    await context.addCookies([{ name: 'twintext_reviewer', value: encodeURIComponent(reviewer), url: opts.baseUrl }]);
  }
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  return { page, pageErrors, close: () => page.close() };
}

/**
 * Runs `fn` on a fresh page of the fixture's server, checks that the page threw nothing, and closes it.
 * A wait that fails names its locator after `timeout` ms instead of running into mocha's time limit.
 */
export async function withPage(fx: Fixture<unknown>, fn: (page: Page, errors: string[]) => Promise<void>, timeout = 5000): Promise<void> {
  const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url });
  page.setDefaultTimeout(timeout);
  try {
    await fn(page, pageErrors);
    expect(pageErrors).to.deep.equal([]);
  } finally {
    await close();
  }
}

/**
 * Before a screenshot: load every Noto Sans KR subset the page's text needs, then force one relayout —
 * headless Chromium sometimes keeps painting tofu for text shaped before its unicode-range subset arrived.
 */
export async function settleFonts(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const text = document.body.innerText;
    await Promise.all([document.fonts.load('400 16px "Noto Sans KR"', text), document.fonts.load('700 16px "Noto Sans KR"', text)]);
    await document.fonts.ready;
    document.body.style.display = 'none';
    void document.body.offsetHeight;
    document.body.style.display = '';
    await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
  });
}

let shots: ReturnType<typeof tempDir> | undefined;

/**
 * Where a test saves its screenshot: docs/NAME with `npm run screenshots` (TWINTEXT_SCREENSHOTS=1),
 * so the README's pictures are refreshed on purpose; otherwise a temporary folder, so that a test
 * run does not change tracked files.
 */
export function screenshotPath(name: string): string {
  if (process.env.TWINTEXT_SCREENSHOTS) return join(repoRoot, 'docs', name);
  if (!shots) {
    shots = tempDir('twintext-shots-');
    process.once('exit', shots.cleanup);
  }
  return join(shots.dir, name);
}

/** Navigate and wait for the app's first render (it sets html[data-ready]). */
export async function open(page: Page, url: string): Promise<void> {
  // Not waiting for `load`: that waits for every Noto Sans KR subset, which only screenshots need (settleFonts).
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.waitForSelector('html[data-ready="true"]', { timeout: 10_000 });
}

export interface ApiStatement {
  id: number;
  title: string;
  languages: string[];
  beads: number;
  confirmed: number;
  openFlags: number;
}

export async function apiGet<T>(baseUrl: string, path: string): Promise<T> {
  const res = await fetch(`${baseUrl}${path}`);
  if (!res.ok) throw new Error(`GET ${path} → ${res.status}`);
  return (await res.json()) as T;
}

export interface ApiBead {
  id: number;
  version: number;
  status: string;
  confidence: number;
  src: { id: number; n: number; text: string }[];
  tgt: { id: number; n: number; text: string }[];
  flags: { id: number; status: string; category: string; comment: string }[];
}

export async function apiAlignment(baseUrl: string, id: number): Promise<{ srcLang: string; tgtLang: string; beads: ApiBead[] }> {
  const data = await apiGet<{ alignment: { srcLang: string; tgtLang: string; beads: (ApiBead & { position: number })[] } }>(baseUrl, `/api/statements/${id}`);
  return { ...data.alignment, beads: data.alignment.beads.slice().sort((a, b) => a.position - b.position) };
}
