// Browser tests for the review page: side-by-side rows, confirm/flag/resolve persistence, reviewer gate, conflicts.
import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';
import { seedDemo } from '../../server/ops/seed.ts';
import { importStatement } from '../../server/ops/import.ts';
import { openDb } from '../../server/store/db.ts';
import { apiAlignment, apiGet, newPage, open, screenshotPath, settleFonts, REVIEWER, startTestServer, useFixture, type ApiStatement } from './harness.ts';

async function paragraphNumbers(cell: Locator): Promise<number[]> {
  return (await cell.locator('.para').evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset['n']))));
}

async function post(url: string, body: unknown, reviewer = 'Other Editor'): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Reviewer': reviewer }, body: JSON.stringify(body) });
}

describe('web: review page', function () {
  this.timeout(30_000);
  // The demo statements, as a new database gets them; the first one is reviewed.
  const fx = useFixture((conn) => ({ statementId: Math.min(...seedDemo(conn)) }));

  async function withPage(fn: (page: Page, errors: string[]) => Promise<void>, reviewer?: string | null): Promise<void> {
    const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url, reviewer });
    page.setDefaultTimeout(5000);
    try {
      await fn(page, pageErrors);
    } finally {
      await close();
    }
  }

  it('shows one row per bead, source left and target right, with paragraph numbers and marked empty sides', async () => {
    const { statements } = await apiGet<{ statements: ApiStatement[] }>(fx.server.url, '/api/statements');
    let emptyCells = 0;
    await withPage(async (page, errors) => {
      for (const s of statements) {
        const alignment = await apiAlignment(fx.server.url, s.id);
        await open(page, `${fx.server.url}/statements/${s.id}`);
        const headers = await page.locator('table.beads thead th').allTextContents();
        expect(headers[1]).to.contain('English');
        expect(headers[2]).to.contain('Korean');
        const rows = page.locator('tr.bead');
        expect(await rows.count()).to.equal(alignment.beads.length);
        for (let i = 0; i < alignment.beads.length; i++) {
          const bead = alignment.beads[i]!;
          const src = rows.nth(i).locator('td.src');
          const tgt = rows.nth(i).locator('td.tgt');
          expect(await src.getAttribute('lang')).to.equal('en');
          expect(await tgt.getAttribute('lang')).to.equal('ko');
          expect(await paragraphNumbers(src)).to.deep.equal(bead.src.map((p) => p.n));
          expect(await paragraphNumbers(tgt)).to.deep.equal(bead.tgt.map((p) => p.n));
          for (const [cell, paras] of [[src, bead.src], [tgt, bead.tgt]] as const) {
            if (paras.length > 0) continue;
            emptyCells++;
            expect((await cell.textContent())?.trim()).to.equal('— omitted —');
          }
          expect(await rows.nth(i).locator('.chip.conf').textContent()).to.equal(bead.confidence.toFixed(2));
          expect(await rows.nth(i).locator('.chip.shape').textContent()).to.equal(`${bead.src.length}:${bead.tgt.length}`);
        }
      }
      // Side by side means the two cells of a row share one box height.
      const boxes = await page.locator('tr.bead').nth(0).locator('td.src, td.tgt').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()));
      expect(boxes[0]!.top).to.equal(boxes[1]!.top);
      expect(boxes[0]!.height).to.equal(boxes[1]!.height);
      expect(boxes[0]!.right).to.be.at.most(boxes[1]!.left + 1);
      // Hangul must be set in the bundled Noto Sans KR, not a fallback with tofu boxes.
      const fontOk = await page.evaluate(async () => {
        await document.fonts.ready;
        return document.fonts.check('16px "Noto Sans KR"', '한미');
      });
      expect(fontOk).to.equal(true);
      expect(errors).to.deep.equal([]);
    });
    expect(emptyCells, 'the demo statements have a paragraph missing on one side').to.be.at.least(1);
  });

  it('shows a clear page for an unknown statement', async () => {
    await withPage(async (page, errors) => {
      await open(page, `${fx.server.url}/statements/987654`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).to.equal('Statement not found');
      expect(await page.getByRole('link', { name: /Back to all statements/ }).getAttribute('href')).to.equal('/');
      expect(errors).to.deep.equal([]);
    });
  });

  it('requires a reviewer name before any change and stores it in the cookie', async () => {
    const alignment = await apiAlignment(fx.server.url, fx.data.statementId);
    const target = alignment.beads[alignment.beads.length - 1]!;
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const row = page.locator('tr.bead').last();
      await row.getByRole('button', { name: 'Confirm' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor({ state: 'visible' });
      expect(await alert.textContent()).to.contain('Your name');
      expect(await page.evaluate(() => document.activeElement?.id)).to.equal('reviewer');
      await row.getByRole('button', { name: 'Flag' }).click();
      expect(await page.getByRole('dialog').count()).to.equal(0);
      await row.getByRole('button', { name: 'Flag' }).focus();
      await page.keyboard.press('Escape');
      expect(await alert.isVisible()).to.equal(false);
      expect((await apiAlignment(fx.server.url, fx.data.statementId)).beads.at(-1)!.status).to.equal(target.status);

      await page.getByRole('textbox', { name: 'Your name' }).fill('김지우');
      const cookies = await page.context().cookies();
      expect(cookies.find((c) => c.name === 'twintext_reviewer')?.value).to.equal(encodeURIComponent('김지우'));
      await row.getByRole('button', { name: 'Flag' }).click();
      const dialog = page.getByRole('dialog', { name: /Flag row/ });
      await dialog.getByLabel('Category').selectOption('style');
      await dialog.getByLabel('Comment').fill('Tone is more formal in Korean.');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await row.locator('.badges li').waitFor();
    }, null);
    const after = (await apiAlignment(fx.server.url, fx.data.statementId)).beads.at(-1)!;
    const flag = after.flags.find((f) => f.comment === 'Tone is more formal in Korean.') as { author?: string } | undefined;
    expect(flag?.author).to.equal('김지우');
  });

  it('confirms and unconfirms a row, and the state survives a reload', async () => {
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const confirm = page.locator('tr.bead').nth(0).getByRole('button', { name: 'Confirm' });
      expect(await confirm.getAttribute('aria-pressed')).to.equal('false');
      await confirm.click();
      await page.waitForSelector('tr.bead:nth-child(1) button.confirm[aria-pressed="true"]');
      expect((await apiAlignment(fx.server.url, fx.data.statementId)).beads[0]!.status).to.equal('confirmed');
      expect(await page.getByRole('progressbar', { name: 'Review progress' }).getAttribute('aria-valuenow')).to.equal('1');
      // Confirming is an undoable row operation like the alignment edits.
      expect(await page.getByRole('button', { name: 'Undo confirm' }).isEnabled()).to.equal(true);

      await page.reload();
      await page.waitForSelector('html[data-ready="true"]');
      const again = page.locator('tr.bead').nth(0).getByRole('button', { name: 'Confirm' });
      expect(await again.getAttribute('aria-pressed')).to.equal('true');
      expect(await page.locator('tr.bead').nth(0).locator('.status-label').textContent()).to.equal('confirmed');

      await again.click();
      await page.waitForSelector('tr.bead:nth-child(1) button.confirm[aria-pressed="false"]');
      expect((await apiAlignment(fx.server.url, fx.data.statementId)).beads[0]!.status).to.equal('auto');
      await again.click();
      await page.waitForSelector('tr.bead:nth-child(1) button.confirm[aria-pressed="true"]');
    });
  });

  it('corrects the title and date from the page head; Escape leaves them as they were; an empty title is refused', async () => {
    const made = await (await fetch(`${fx.server.url}/api/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': REVIEWER },
      body: JSON.stringify({ texts: { en: 'The envoys met in Hanoi.\n\nThey agreed to meet again.', ko: '특사들은 하노이에서 만났다.\n\n양측은 다시 만나기로 하였다.' }, title: 'Envoys meet' }),
    })).json() as { statement: { id: number } };
    const id = made.statement.id;
    await withPage(async (page, errors) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      await page.getByRole('button', { name: 'Edit title and date' }).click();
      const form = page.getByRole('form', { name: 'Title and date of the statement' });
      // Escape: nothing sent, the heading back, the focus on the button that opened the form.
      await form.getByLabel('Title').fill('Not this');
      await page.keyboard.press('Escape');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).to.equal('Envoys meet');
      expect(await page.evaluate(() => document.activeElement?.id)).to.equal('edit-info');
      await page.getByRole('button', { name: 'Edit title and date' }).click();
      await form.getByLabel('Title').fill('Special envoys meet in <b>Hanoi</b>');
      await form.getByLabel('Date (optional)').fill('2026-04-09');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name: 'Special envoys meet in <b>Hanoi</b>' }).waitFor();
      // Shown as text, never as markup, in the heading and the breadcrumbs alike.
      expect(await page.locator('h1 b').count()).to.equal(0);
      expect(await page.locator('.head-meta time').getAttribute('datetime')).to.equal('2026-04-09');
      expect(await page.locator('#crumbs [aria-current="page"]').textContent()).to.equal('Special envoys meet in <b>Hanoi</b>');
      expect(await page.title()).to.equal('Special envoys meet in <b>Hanoi</b> · twintext');
      const saved = (await apiGet<{ statement: { title: string; date: string | null } }>(fx.server.url, `/api/statements/${id}`)).statement;
      expect(saved).to.deep.include({ title: 'Special envoys meet in <b>Hanoi</b>', date: '2026-04-09' });
      // The server's refusal is shown, and the form stays for another try.
      await page.getByRole('button', { name: 'Edit title and date' }).click();
      await form.getByLabel('Title').fill('   ');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByText("a statement's title cannot be empty").waitFor();
      expect(await form.getByRole('button', { name: 'Save' }).isEnabled()).to.equal(true);
      expect((await apiGet<{ statement: { title: string } }>(fx.server.url, `/api/statements/${id}`)).statement.title).to.equal('Special envoys meet in <b>Hanoi</b>');
      // Another reviewer corrects the date while this page has the form open: saving the title keeps their date.
      const other = (body: unknown) => fetch(`${fx.server.url}/api/statements/${id}`, { method: 'PATCH', headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Lee Seoyeon' }, body: JSON.stringify(body) });
      expect((await other({ date: '2026-04-10' })).status).to.equal(200);
      await form.getByLabel('Title').fill('Special envoys meet in Hanoi');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('heading', { level: 1, name: 'Special envoys meet in Hanoi' }).waitFor();
      expect((await apiGet<{ statement: { title: string; date: string } }>(fx.server.url, `/api/statements/${id}`)).statement).to.deep.include({ title: 'Special envoys meet in Hanoi', date: '2026-04-10' });
      // And when they changed the title this page is changing: their title stays, shown, with the reason.
      await page.getByRole('button', { name: 'Edit title and date' }).click();
      expect((await other({ title: 'Envoys of both sides meet in Hanoi' })).status).to.equal(200);
      await form.getByLabel('Title').fill('Special envoys met in Hanoi');
      await form.getByRole('button', { name: 'Save' }).click();
      await page.getByText('was changed by someone else meanwhile').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).to.equal('Envoys of both sides meet in Hanoi');
      expect(await page.locator('.head-meta time').getAttribute('datetime')).to.equal('2026-04-10');
      expect(errors).to.deep.equal([]);
    });
  });

  it('after Resolve, keeps the focus on the flags: on the flag now in the resolved one\'s place', async () => {
    const made = await (await fetch(`${fx.server.url}/api/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': REVIEWER },
      body: JSON.stringify({ texts: { en: 'The envoys met in Hanoi.\n\nThey agreed to meet again.\n\nThey will report to their ministers.', ko: '특사들은 하노이에서 만났다.\n\n양측은 다시 만나기로 하였다.\n\n양측은 장관에게 보고할 것이다.' } }),
    })).json() as { statement: { id: number } };
    const beads = (await apiAlignment(fx.server.url, made.statement.id)).beads;
    for (const [i, comment] of [[0, 'first flag'], [2, 'second flag']] as const) {
      const r = await fetch(`${fx.server.url}/api/beads/${beads[i]!.id}/flags`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Reviewer': REVIEWER }, body: JSON.stringify({ category: 'style', comment }) });
      expect(r.status).to.equal(201);
    }
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${made.statement.id}`);
      const first = page.locator('.side-panel li.flag-item', { hasText: 'first flag' });
      await first.getByRole('button', { name: 'Resolve' }).click();
      await first.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => document.activeElement?.closest('li.flag-item')?.textContent ?? document.activeElement?.tagName)).to.contain('second flag');
    });
  });

  it('reloads the row and tells the user when someone else changed it (409)', async () => {
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const bead = (await apiAlignment(fx.server.url, fx.data.statementId)).beads[1]!;
      expect(bead.status).to.equal('auto');
      const res = await post(`${fx.server.url}/api/beads/${bead.id}/confirm`, { version: bead.version });
      expect(res.status).to.equal(200);
      // The page still holds the old version, so its confirm is stale.
      await page.locator('tr.bead').nth(1).getByRole('button', { name: 'Confirm' }).click();
      await page.getByRole('alert').getByText('changed by someone else').waitFor();
      await page.waitForSelector('tr.bead:nth-child(2) button.confirm[aria-pressed="true"]');
      expect((await apiAlignment(fx.server.url, fx.data.statementId)).beads[1]!.status).to.equal('confirmed');
    });
  });

  it('saves a flag that persists across a reload and a server restart, then resolves it', async () => {
    const comment = 'The Korean text says 1조 4,028억 원, not 1.5192 trillion.';
    const rowIndex = 2;
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const row = page.locator('tr.bead').nth(rowIndex);
      await row.getByRole('button', { name: 'Flag' }).click();
      const dialog = page.getByRole('dialog', { name: `Flag row ${rowIndex + 1}` });
      await dialog.getByLabel('Category').selectOption('number');
      await dialog.getByLabel('Severity').selectOption('critical');
      await dialog.getByLabel('Comment').fill(comment);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'hidden' });
      expect(await row.locator('.badges li').allTextContents()).to.deep.equal(['number']);
      expect(await page.locator('.side-panel .flag-comment').allTextContents()).to.include(comment);

      await page.reload();
      await page.waitForSelector('html[data-ready="true"]');
      expect(await page.locator('tr.bead').nth(rowIndex).locator('.badges li').allTextContents()).to.deep.equal(['number']);
    });

    // The fixture's after hook closes whichever server fx holds, so the restarted one is cleaned up too.
    await fx.server.close();
    fx.server = await startTestServer(fx.db.dbPath);

    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const row = page.locator('tr.bead').nth(rowIndex);
      expect(await row.locator('.badges li').allTextContents()).to.deep.equal(['number']);
      const item = page.locator('.side-panel li.flag-item', { hasText: comment });
      expect(await item.locator('.badge').textContent()).to.equal('critical');
      expect(await item.locator('.flag-by').textContent()).to.contain(REVIEWER);
      await item.getByRole('button', { name: 'Resolve' }).click();
      // The panel shows open flags by default, so the resolved one leaves the list.
      await page.locator('.side-panel li.flag-item', { hasText: comment }).waitFor({ state: 'detached' });
      expect(await row.locator('.badges li').count()).to.equal(0);
      const flag = (await apiAlignment(fx.server.url, fx.data.statementId)).beads[rowIndex]!.flags.find((f) => f.comment === comment);
      expect(flag?.status).to.equal('resolved');
      // The list's open-flag count reads the same data.
      const s = (await apiGet<{ statements: ApiStatement[] }>(fx.server.url, '/api/statements')).statements.find((x) => x.id === fx.data.statementId)!;
      const openCount = (await apiAlignment(fx.server.url, fx.data.statementId)).beads.flatMap((b) => b.flags).filter((f) => f.status === 'open').length;
      expect(s.openFlags).to.equal(openCount);
      expect(await page.locator('.side-panel h2 .count').textContent()).to.equal(`${openCount} open`);

      await page.reload();
      await page.waitForSelector('html[data-ready="true"]');
      await page.getByLabel('Status').selectOption('resolved');
      const closed = page.locator('.side-panel li.flag-item', { hasText: comment });
      expect(await closed.textContent()).to.contain('resolved');
      await closed.getByRole('button', { name: 'Reopen' }).click();
      await page.waitForFunction(() => document.querySelectorAll('tr.bead')[2]?.querySelectorAll('.badges li').length === 1);
      await page.getByLabel('Status').selectOption('open');
      await page.locator('.side-panel li.flag-item.status-open', { hasText: comment }).getByRole('button', { name: "Won't fix" }).click();
      await page.waitForFunction(() => document.querySelectorAll('tr.bead')[2]?.querySelectorAll('.badges li').length === 0);
      const wontfix = (await apiAlignment(fx.server.url, fx.data.statementId)).beads[rowIndex]!.flags.find((f) => f.comment === comment);
      expect(wontfix?.status).to.equal('wontfix');
    });
  });

  it("keeps the reviewer's text when someone else saved the paragraph meanwhile, and saving again replaces theirs knowingly", async () => {
    const beads = (await apiAlignment(fx.server.url, fx.data.statementId)).beads;
    const rowIndex = beads.findIndex((b, i) => i >= 3 && b.src.length > 0);
    const target = beads[rowIndex]!.src[0]!;
    const mine = `${target.text} (checked against the Korean release)`;
    const theirs = `${target.text} (their fix)`;
    const textNow = async () => (await apiAlignment(fx.server.url, fx.data.statementId)).beads[rowIndex]!.src[0]!.text;
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      await page.getByRole('button', { name: `Edit text of English ¶${target.n}` }).click({ force: true });
      const area = page.getByRole('textbox', { name: `Text of English ¶${target.n}` });
      await area.fill(mine);
      // Another reviewer saves the same paragraph first.
      const other = await fetch(`${fx.server.url}/api/paragraphs/${target.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Other Editor' },
        body: JSON.stringify({ content: theirs, base: target.text }),
      });
      expect(other.status).to.equal(200);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      const note = page.getByRole('note');
      await note.waitFor();
      expect(await note.locator('blockquote').textContent()).to.equal(theirs);
      expect(await note.textContent()).to.contain('Other Editor');
      expect(await page.getByRole('alert').textContent()).to.contain('changed by someone else');
      // Nothing was overwritten, and the reviewer's words are still in the editor.
      expect(await textNow()).to.equal(theirs);
      expect(await area.inputValue()).to.equal(mine);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('tr.bead').nth(rowIndex).locator('td.src .pt').getByText('checked against the Korean release').waitFor();
      expect(await textNow()).to.equal(mine);
    });
  });

  it('refuses a flag change made from a stale page and shows the flag as it now is', async () => {
    const rowIndex = 4;
    const bead = (await apiAlignment(fx.server.url, fx.data.statementId)).beads[rowIndex]!;
    const comment = 'Is 긴밀히 "closely" or "seamlessly"?';
    const created = (await (await post(`${fx.server.url}/api/beads/${bead.id}/flags`, { category: 'meaning', comment })).json()) as { flag: { id: number; version: number } };
    const status = async () => (await apiAlignment(fx.server.url, fx.data.statementId)).beads[rowIndex]!.flags.find((f) => f.id === created.flag.id)?.status;
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const item = page.locator('.side-panel li.flag-item', { hasText: comment });
      await item.waitFor();
      // Another reviewer resolves it after this page loaded; this page still shows it open.
      const other = await fetch(`${fx.server.url}/api/flags/${created.flag.id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Other Editor' },
        body: JSON.stringify({ status: 'resolved', version: created.flag.version }),
      });
      expect(other.status).to.equal(200);
      await item.getByRole('button', { name: "Won't fix" }).click();
      await page.getByRole('alert').getByText('changed by someone else').waitFor();
      expect(await status()).to.equal('resolved');
      // Reloaded: the flag is resolved now, so it has left the list of open flags.
      await item.waitFor({ state: 'detached' });
      expect(await page.evaluate(() => Boolean(document.activeElement?.closest('.side-panel'))), 'focus stays in the flags panel').to.equal(true);
    });
  });

  it('reloads with the conflict message when the row it acts on was merged away in another tab (404)', async () => {
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const before = (await apiAlignment(fx.server.url, fx.data.statementId)).beads;
      const gone = before[before.length - 1]!;
      // Another reviewer merges the last row into the one above it; this page still shows both.
      const other = await post(`${fx.server.url}/api/beads/${gone.id}/edit`, { op: 'merge', version: gone.version });
      expect(other.status).to.equal(200);
      for (let n = 0; n < before.length; n++) await page.keyboard.press('j');
      await page.keyboard.press('m');
      await page.getByRole('alert').getByText('changed by someone else').waitFor();
      await page.waitForFunction((n) => document.querySelectorAll('tr.bead').length === n, before.length - 1);
    });
  });

  it('keeps the table header and the row being reviewed below the sticky toolbar, whatever its height', async () => {
    await withPage(async (page) => {
      // At this width the toolbar wraps onto a second line of row tools.
      await page.setViewportSize({ width: 1280, height: 700 });
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      for (let n = 0; n < 9; n++) await page.keyboard.press('j');
      for (let n = 0; n < 3; n++) {
        await page.keyboard.press('k');
        // scrollIntoView may scroll smoothly: measure once the page has settled.
        await page.waitForTimeout(150);
        const m = await page.evaluate(() => ({
          toolbar: document.querySelector('.toolbar')!.getBoundingClientRect().bottom,
          head: document.querySelector('table.beads thead th')!.getBoundingClientRect(),
          row: document.activeElement!.closest('tr.bead')!.getBoundingClientRect().top,
          scrolled: window.scrollY,
        }));
        expect(m.scrolled, 'the page scrolled').to.be.above(0);
        expect(m.head.top, 'header below the toolbar').to.be.at.least(m.toolbar - 1);
        expect(m.row, 'row below the header').to.be.at.least(m.head.bottom - 1);
      }
    });
  });

  it('filters rows and takes the review screenshot', async () => {
    const alignment = await apiAlignment(fx.server.url, fx.data.statementId);
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const visible = async (): Promise<number> => page.locator('tr.bead:not([hidden])').count();
      await page.getByRole('button', { name: /^Empty side/ }).click();
      expect(await visible()).to.equal(alignment.beads.filter((b) => b.src.length === 0 || b.tgt.length === 0).length);
      await page.getByRole('button', { name: /^Unconfirmed/ }).click();
      expect(await visible()).to.equal(alignment.beads.filter((b) => b.status !== 'confirmed').length);
      await page.getByRole('button', { name: /^Low confidence/ }).click();
      expect(await visible()).to.equal(alignment.beads.filter((b) => b.confidence < 0.6).length);
      await page.getByRole('button', { name: /^Not 1:1/ }).click();
      expect(await visible()).to.equal(alignment.beads.filter((b) => b.src.length !== 1 || b.tgt.length !== 1).length);
      await page.getByRole('button', { name: /^Open flags/ }).click();
      expect(await visible()).to.equal(alignment.beads.filter((b) => b.flags.some((f) => f.status === 'open')).length);
      await page.getByRole('button', { name: /^All/ }).click();
      expect(await visible()).to.equal(alignment.beads.length);

      // An open critical flag in view makes the screenshot show badges and the panel at their busiest.
      const merged = alignment.beads.findIndex((b) => b.src.length + b.tgt.length > 2);
      const target = alignment.beads[merged >= 0 ? merged : 2]!;
      const res = await post(`${fx.server.url}/api/beads/${target.id}/flags`, { category: 'meaning', severity: 'critical', comment: 'Korean merges two English paragraphs; check nothing was dropped.' });
      expect(res.status).to.equal(201);
      await page.reload();
      await page.waitForSelector('html[data-ready="true"]');
      await page.mouse.move(0, 0);
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      await settleFonts(page);
      await page.screenshot({ path: screenshotPath('screenshot-review.png') });
    });
  });

  it('gives the focus back to the row when the split dialog is cancelled, and leaves it where the user moved it', async () => {
    const before = await apiAlignment(fx.server.url, fx.data.statementId);
    const row = before.beads.findIndex((b) => b.src.length > 0 && b.tgt.length > 0);
    expect(row).to.be.at.least(0);
    const focused = (page: Page) =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return { id: el?.id ?? '', tag: el?.tagName ?? '', row: Number((el?.closest('tr.bead') as HTMLElement | null)?.dataset['index'] ?? -1), label: el?.getAttribute('aria-label') ?? '' };
      });
    // The close event arrives a task after the dialog has closed; give it time to (wrongly) act.
    const settle = (page: Page) => page.evaluate(() => new Promise((r) => setTimeout(r, 50)));
    await withPage(async (page, errors) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      await page.locator('tr.bead').nth(row).focus();
      const dialog = page.getByRole('dialog', { name: `Split row ${row + 1}` });

      // Escape: back on the row the dialog was opened from.
      await page.keyboard.press('s');
      await dialog.waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      await settle(page);
      expect(await focused(page)).to.deep.include({ row, tag: 'TR' });

      // A fast e (into the row toolbar) between the close and its event keeps the focus in the toolbar.
      await page.keyboard.press('s');
      await dialog.waitFor();
      // (Closing and pressing e within one task makes the order certain.)
      const inToolbar = await page.evaluate(() => {
        document.querySelector<HTMLDialogElement>('dialog[open]')!.close();
        (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key: 'e', bubbles: true }));
        return document.activeElement?.closest('[role="toolbar"]') ? document.activeElement.getAttribute('aria-label') : null;
      });
      expect(inToolbar, 'e focused a toolbar button').to.be.a('string');
      await settle(page);
      expect((await focused(page)).label).to.equal(inToolbar);

      // The name was cleared elsewhere (another tab) while the dialog was open: Split sends the user
      // to the name field, and the close event must not take the focus back to the row.
      await page.locator('tr.bead').nth(row).focus();
      await page.keyboard.press('s');
      await dialog.waitFor();
      await page.evaluate(() => {
        document.cookie = 'twintext_reviewer=; path=/; max-age=0; SameSite=Lax';
      });
      await dialog.locator('input[name="split-src"][value="0"]').check();
      await dialog.locator('input[name="split-tgt"][value="1"]').check();
      await dialog.getByRole('button', { name: 'Split' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await settle(page);
      expect((await focused(page)).id).to.equal('reviewer');
      expect(await page.getByRole('alert').textContent()).to.contain('Your name');
      const after = await apiAlignment(fx.server.url, fx.data.statementId);
      expect(after.beads.length).to.equal(before.beads.length);
      expect(errors).to.deep.equal([]);
    });
  });

  it('offers a split that can be made on a 1:1 row, and says inside the dialog when the choice cannot', async () => {
    const before = await apiAlignment(fx.server.url, fx.data.statementId);
    const row = before.beads.findIndex((b) => b.src.length === 1 && b.tgt.length === 1 && b.status !== 'confirmed');
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      await page.locator('tr.bead').nth(row).focus();
      const dialog = page.getByRole('dialog', { name: `Split row ${row + 1}` });
      await page.keyboard.press('s');
      await dialog.waitFor();
      // Both "None": nothing would stay. The dialog says so, in front of its backdrop, and stays open.
      await dialog.locator('input[name="split-src"][value="0"]').check();
      await dialog.locator('input[name="split-tgt"][value="0"]').check();
      await dialog.getByRole('button', { name: 'Split' }).click();
      await dialog.getByRole('alert').getByText('Choose a split that leaves paragraphs in both rows.').waitFor();
      await dialog.getByRole('button', { name: 'Cancel' }).click();
      await dialog.waitFor({ state: 'hidden' });
      // The choice offered first is a real split: English stays, Korean moves to a new row.
      await page.keyboard.press('s');
      await dialog.waitFor();
      expect(await dialog.locator('input[name="split-src"]:checked').getAttribute('value')).to.equal('1');
      expect(await dialog.locator('input[name="split-tgt"]:checked').getAttribute('value')).to.equal('0');
      await page.keyboard.press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('tr.bead').length === n && !document.querySelector('[aria-busy]'), before.beads.length + 1);
      const split = (await apiAlignment(fx.server.url, fx.data.statementId)).beads;
      expect([split[row]!.src.length, split[row]!.tgt.length, split[row + 1]!.src.length, split[row + 1]!.tgt.length]).to.deep.equal([1, 0, 0, 1]);
      await page.keyboard.press('u');
      await page.waitForFunction((n) => document.querySelectorAll('tr.bead').length === n && !document.querySelector('[aria-busy]'), before.beads.length);
    });
  });

  it('says nothing would be exported when the only confirmed pair has a side without words (a lone bullet), instead of downloading an empty file', async () => {
    // Written for this test: between two ordinary paragraphs, a lone "-" in English and a lone "ㅇ" in Korean.
    const imported = await post(`${fx.server.url}/api/statements`, {
      title: 'Readout with a stray bullet',
      texts: {
        en: 'The two sides met in Seoul on March 3, 2026 and discussed the alliance.\n\n[…]\n\nThey agreed to meet again in Washington in 2027.',
        ko: '양측은 2026년 3월 3일 서울에서 만나 동맹에 대해 논의하였다.\n\nㅇ\n\n양측은 2027년 워싱턴에서 다시 만나기로 합의하였다.',
      },
    });
    expect(imported.status).to.equal(201);
    const id = ((await imported.json()) as { statement: { id: number } }).statement.id;
    // The aligner leaves the two marks unpaired; merged, they make the row "[…]" ↔ "ㅇ".
    let beads = (await apiAlignment(fx.server.url, id)).beads;
    const lone = beads.findIndex((b) => b.src.length === 1 && b.tgt.length === 0 && b.src[0]!.text === '[…]');
    expect(lone, 'the English mark is a row of its own').to.be.at.least(1);
    expect(beads[lone - 1]!.tgt.map((p) => p.text)).to.deep.equal(['ㅇ']);
    expect((await post(`${fx.server.url}/api/beads/${beads[lone]!.id}/edit`, { op: 'merge', version: beads[lone]!.version })).status).to.equal(200);
    beads = (await apiAlignment(fx.server.url, id)).beads;
    const row = beads.findIndex((b) => b.src.map((p) => p.text).join() === '[…]' && b.tgt.map((p) => p.text).join() === 'ㅇ');
    expect(row).to.be.at.least(0);
    await withPage(async (page, errors) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      // Only that row is confirmed.
      await page.locator('tr.bead').nth(row).getByRole('button', { name: 'Confirm' }).click();
      await page.waitForSelector(`tr.bead:nth-child(${row + 1}) button.confirm[aria-pressed="true"]`);
      const exp = page.getByRole('group', { name: 'Export' });
      expect(await exp.getByLabel('Confirmed only').isChecked()).to.equal(true);
      let downloads = 0;
      page.on('download', () => downloads++);
      await exp.getByRole('link', { name: 'Download TSV' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.textContent()).to.contain('No confirmed row has words on both sides');
      // The server agrees: that export is its header line alone.
      const href = await exp.getByRole('link', { name: 'Download TSV' }).getAttribute('href');
      expect((await (await fetch(`${fx.server.url}${href}`)).text()).trim().split('\n')).to.have.length(1);
      // Every row: the two worded pairs are there to download.
      await exp.getByLabel('Confirmed only').uncheck();
      const [download] = await Promise.all([page.waitForEvent('download'), exp.getByRole('link', { name: 'Download TSV' }).click()]);
      expect(download.suggestedFilename()).to.equal(`twintext-statement-${id}.tsv`);
      expect(downloads).to.equal(1);
      expect(errors).to.deep.equal([]);
    });
  });

  it('at phone width stacks the two sides of each row under their language names, with no sideways scrolling, and confirms', async () => {
    const alignment = await apiAlignment(fx.server.url, fx.data.statementId);
    await withPage(async (page, errors) => {
      await page.setViewportSize({ width: 400, height: 800 });
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const overflow = () => page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
      let m = await overflow();
      expect(m.scroll, 'page width').to.be.at.most(m.inner);
      const i = alignment.beads.findIndex((b) => b.src.length > 0 && b.tgt.length > 0 && b.status !== 'confirmed');
      const row = page.locator('tr.bead').nth(i);
      await row.scrollIntoViewIfNeeded();
      // No helper functions inside evaluate: tsx would name them with a __name the page does not have.
      const [src, tgt] = await page.evaluate(
        (k) =>
          ['td.src', 'td.tgt'].map((sel) => {
            const td = document.querySelectorAll('tr.bead')[k]!.querySelector<HTMLElement>(sel)!;
            const r = td.getBoundingClientRect();
            return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, label: getComputedStyle(td, '::before').content };
          }),
        i,
      );
      const box = { src: src!, tgt: tgt! };
      // English above Korean, each the full width of the row and named by its language.
      expect(box.src.bottom).to.be.at.most(box.tgt.top + 1);
      expect(box.src.right - box.src.left).to.be.above(300);
      expect(box.tgt.right).to.be.at.most(400);
      expect(box.src.label).to.equal('"English"');
      expect(box.tgt.label).to.equal('"Korean"');
      expect(await row.locator('td.src .pt').first().isVisible()).to.equal(true);
      expect(await row.locator('td.tgt .pt').first().isVisible()).to.equal(true);
      // The confirm button is there to tap (a click that something covered would fail) and it works.
      await row.getByRole('button', { name: 'Confirm' }).click();
      await page.waitForSelector(`tr.bead:nth-child(${i + 1}) button.confirm[aria-pressed="true"]`);
      const after = (await apiAlignment(fx.server.url, fx.data.statementId)).beads[i]!;
      expect(after.status).to.equal('confirmed');

      // The toolbar stays short: the row tools are folded into a menu that opens on request.
      const tools = page.getByRole('toolbar', { name: 'Alignment of the current row' });
      expect(await tools.getByRole('button', { name: 'Merge', exact: true }).isVisible()).to.equal(false);
      await tools.getByRole('button', { name: 'Row tools' }).click();
      expect(await tools.getByRole('button', { name: 'Row tools' }).getAttribute('aria-expanded')).to.equal('true');
      expect(await tools.getByRole('button', { name: 'Merge', exact: true }).isVisible()).to.equal(true);
      m = await overflow();
      expect(m.scroll, 'page width with the row tools open').to.be.at.most(m.inner);
      await tools.getByRole('button', { name: 'Row tools' }).click();

      await page.evaluate(() => window.scrollTo(0, 0));
      await page.mouse.move(0, 0);
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        document.getElementById('status')!.textContent = '';
      });
      await settleFonts(page);
      await page.screenshot({ path: screenshotPath('screenshot-phone.png') });
      // Back as it was for the other tests.
      await row.getByRole('button', { name: 'Confirm' }).click();
      await page.waitForSelector(`tr.bead:nth-child(${i + 1}) button.confirm[aria-pressed="false"]`);
      expect(errors).to.deep.equal([]);
    });
  });

  it('links the head to the pages the manifest named as the texts\' sources, and only to web pages', async () => {
    const conn = openDb(fx.db.dbPath);
    let id: number;
    try {
      id = importStatement(
        conn,
        {
          texts: { en: 'The fisheries officials met in Mokpo.\n\nThey agreed to share catch data.', ko: '양국 수산 당국자들은 목포에서 만났다.\n\n양측은 어획 정보를 공유하기로 하였다.' },
          sources: {
            en: { name: 'en.html', format: 'html', encoding: 'utf-8', url: 'https://embassy.example/fisheries?id=4&x="y"' },
            // A manifest cell anyone may have typed into: never a link that runs script.
            ko: { name: 'ko.txt', format: 'txt', encoding: 'euc-kr', url: 'javascript:alert(1)' },
          },
        },
        'cli:mina',
      ).statementId;
    } finally {
      conn.close();
    }
    await withPage(async (page, errors) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      const links = page.locator('.page-head .sources a');
      expect(await links.allTextContents()).to.deep.equal(['EN page ↗']);
      expect(await links.first().getAttribute('href')).to.equal('https://embassy.example/fisheries?id=4&x="y"');
      expect(await links.first().getAttribute('rel')).to.equal('noopener noreferrer');
      // The demo statements came with no addresses: no links, nothing empty.
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      expect(await page.locator('.page-head .sources').count()).to.equal(0);
      expect(errors).to.deep.equal([]);
    });
  });
});
