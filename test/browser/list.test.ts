// Browser tests for the statement list: seeded demo statements, links, progress, search, screenshot.
import { expect } from 'chai';
import { join } from 'node:path';
import { apiAlignment, apiGet, ensureWebBuilt, launchBrowser, newPage, open, repoRoot, settleFonts, startTestServer, tempDb, type ApiStatement, type TempDb, type TestServer, type BrowserSession } from './harness.ts';

describe('web: statement list', function () {
  this.timeout(30_000);
  let browser: BrowserSession;
  let server: TestServer;
  let db: TempDb;
  let statements: ApiStatement[];

  before(async () => {
    ensureWebBuilt();
    db = tempDb();
    [browser, server] = await Promise.all([launchBrowser(), startTestServer(db.dbPath)]);
    // Some review progress and an open flag, so the list (and its screenshot) shows real numbers.
    const firstId = (await apiGet<{ statements: ApiStatement[] }>(server.url, '/api/statements')).statements.map((s) => s.id).sort((a, b) => a - b)[0]!;
    const { beads } = await apiAlignment(server.url, firstId);
    const send = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Seed Reviewer' }, body: JSON.stringify(body) });
    for (const b of beads.slice(0, 5)) expect((await send(`/api/beads/${b.id}/confirm`, { version: b.version })).status).to.equal(200);
    expect((await send(`/api/beads/${beads[6]!.id}/flags`, { category: 'number', comment: 'Amounts differ.' })).status).to.equal(201);
    statements = (await apiGet<{ statements: ApiStatement[] }>(server.url, '/api/statements')).statements;
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    db?.remove();
  });

  it('lists the seeded demo statements with links, languages and progress', async () => {
    expect(statements.length).to.be.at.least(2);
    expect(statements.some((s) => s.confirmed === 5 && s.openFlags === 1)).to.equal(true);
    const { close, page, pageErrors } = await newPage(browser, { baseUrl: server.url });
    try {
      await open(page, `${server.url}/`);
      const rows = page.locator('table.statements tbody tr');
      expect(await rows.count()).to.equal(statements.length);
      for (const s of statements) {
        const link = page.getByRole('link', { name: s.title, exact: true });
        expect(await link.getAttribute('href')).to.equal(`/statements/${s.id}`);
        const row = page.locator('table.statements tbody tr', { has: link });
        expect(await row.locator('.lang-chip').allTextContents()).to.include.members(['EN', 'KO']);
        expect(await row.getByRole('progressbar').getAttribute('aria-valuemax')).to.equal(String(s.beads));
        expect((await row.locator('.progress-text').textContent())?.trim()).to.equal(`${s.confirmed}/${s.beads}`);
        expect((await row.locator('.col-flags').textContent())?.trim()).to.equal(s.openFlags > 0 ? `⚑ ${s.openFlags}` : '0');
      }
      await settleFonts(page);
      await page.screenshot({ path: join(repoRoot, 'docs', 'screenshot-list.png') });
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  });

  it('searches titles through the API and follows a title to its review page', async () => {
    const { close, page } = await newPage(browser, { baseUrl: server.url });
    try {
      await open(page, `${server.url}/`);
      const target = statements[statements.length - 1]!;
      // A distinctive word of the last title narrows the list to fewer statements.
      const word = target.title.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
      const expected = (await apiGet<{ statements: ApiStatement[] }>(server.url, `/api/statements?q=${encodeURIComponent(word)}`)).statements;
      expect(expected.length).to.be.at.least(1);
      await page.getByRole('searchbox', { name: 'Search statements' }).fill(word);
      await page.waitForFunction((n) => document.querySelectorAll('table.statements tbody tr a').length === n, expected.length);
      const titles = await page.locator('table.statements tbody tr a').allTextContents();
      expect(titles).to.deep.equal(expected.map((s) => s.title));
      expect(page.url()).to.contain(`q=${encodeURIComponent(word)}`);

      await page.getByRole('searchbox', { name: 'Search statements' }).fill('zzqx-no-such-text');
      await page.getByText('No statement matches').waitFor();

      await page.getByRole('searchbox', { name: 'Search statements' }).fill('');
      await page.waitForFunction((n) => document.querySelectorAll('table.statements tbody tr a').length === n, statements.length);
      await page.getByRole('link', { name: target.title, exact: true }).click();
      await page.waitForURL(`**/statements/${target.id}`);
      await page.waitForSelector('html[data-ready="true"]');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).to.equal(target.title);
    } finally {
      await close();
    }
  });
});
