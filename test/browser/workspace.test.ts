// Browser tests for the review workspace: alignment edits with undo/redo, text edits with history, findings, versions, flags panel, export.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { importStatement } from '../../server/ops/import.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import {
  apiAlignment,
  apiGet,
  open,
  screenshotPath,
  settleFonts,
  useFixture,
  withPage as withFixturePage,
  type ApiBead,
} from './harness.ts';

// Written for these tests: a short statement whose row 3 pairs two English paragraphs with one Korean one.
const EN = [
  'Joint Statement on the Ninth Alliance Coordination Meeting',
  'The delegations of the United States and the Republic of Korea met in Seoul on March 4, 2026.',
  'The two sides reviewed progress on combined exercises.',
  'They also discussed cost sharing for the period 2026 to 2030.',
  'The ROK delegation was led by the Deputy Minister for Policy.',
  'Both sides agreed to hold the tenth meeting in Washington.',
].join('\n');
const KO = [
  '제9차 동맹조정회의 공동성명',
  '미국과 대한민국 대표단은 2026년 3월 4일 서울에서 회의를 가졌다.',
  '양측은 연합연습의 진행 상황을 점검하고, 2026년부터 2030년까지의 방위비 분담 문제도 논의하였다.',
  '한국 측 대표단은 정책차관이 이끌었다.',
  '양측은 제10차 회의를 워싱턴에서 개최하기로 합의하였다.',
].join('\n');

type Shape = string[];
const shapeOf = (beads: ApiBead[]): Shape => beads.map((b) => `${b.src.map((p) => p.n).join(',')}|${b.tgt.map((p) => p.n).join(',')}`);

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Other Editor' }, body: JSON.stringify(body) });
}

interface ApiFinding {
  id: number;
  beadId: number;
  alignmentId: number;
  check: string;
  severity: string;
  status: string;
  message: string;
  spans: { src: { paragraphId: number; text: string }[]; tgt: { paragraphId: number; text: string }[] };
}

describe('web: review workspace', function () {
  this.timeout(30_000);
  const fx = useFixture((conn) => ({
    demoId: Math.min(...seedDemo(conn)),
    sid: importStatement(conn, { title: 'Ninth Alliance Coordination Meeting', date: '2026-03-04', texts: { en: EN, ko: KO }, preSplit: true }, 'test').statementId,
  }));

  const withPage = (fn: (page: Page, errors: string[]) => Promise<void>): Promise<void> => withFixturePage(fx, fn);

  const shape = async (id = fx.data.sid): Promise<Shape> => shapeOf((await apiAlignment(fx.server.url, id)).beads);
  const rows = (page: Page, n: number) => page.waitForFunction((k) => document.querySelectorAll('tr.bead').length === k, n);
  const tool = (page: Page, name: string) => page.getByRole('toolbar', { name: 'Alignment of the current row' }).getByRole('button', { name, exact: true });
  /** Click a row tool and wait until the edit is saved and the rows rebuilt (#app loses aria-busy). */
  async function apply(page: Page, name: string): Promise<void> {
    await tool(page, name).click();
    await page.waitForSelector('#app:not([aria-busy])');
  }
  async function focusRow(page: Page, i: number): Promise<void> {
    await page.locator('tr.bead').nth(i).locator('th.col-pos').click();
    await page.getByRole('toolbar', { name: 'Alignment of the current row' }).getByText(`Row ${i + 1}`, { exact: true }).waitFor();
  }
  async function waitShape(expected: Shape): Promise<void> {
    for (let t = 0; t < 50; t++) {
      if (JSON.stringify(await shape()) === JSON.stringify(expected)) return;
      await new Promise((r) => setTimeout(r, 40));
    }
    expect(await shape()).to.deep.equal(expected);
  }

  it('splits a row at the chosen paragraphs, merges, moves each side up and down, and inserts empty cells', async () => {
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.sid}`);
      const start = await shape();
      const two = start.findIndex((s) => s.split('|')[0]!.includes(','));
      expect(two, `a 2:1 row in ${start.join(' ')}`).to.be.at.least(0);
      const [srcNs, tgtNs] = start[two]!.split('|') as [string, string];
      const [p1, p2] = srcNs.split(',');

      // Split: keep the first English paragraph and the Korean one; the second English one gets its own row.
      await focusRow(page, two);
      await tool(page, 'Split').click();
      const dialog = page.getByRole('dialog', { name: `Split row ${two + 1}` });
      await dialog.getByRole('group', { name: /English paragraphs/ }).getByRole('radio', { name: new RegExp(`^Up to ¶${p1} `) }).check();
      expect(await dialog.getByRole('group', { name: /Korean paragraphs/ }).getByRole('radio', { checked: true }).count()).to.equal(1);
      await dialog.getByRole('button', { name: 'Split' }).click();
      await rows(page, start.length + 1);
      const split = [...start.slice(0, two), `${p1}|${tgtNs}`, `${p2}|`, ...start.slice(two + 1)];
      expect(await shape()).to.deep.equal(split);
      expect((await page.locator('tr.bead').nth(two + 1).locator('td.tgt').textContent())?.trim()).to.equal('— omitted —');

      // Merge the new row back into the one above.
      await focusRow(page, two + 1);
      await apply(page, 'Merge');
      await rows(page, start.length);
      expect(await shape()).to.deep.equal(start);

      // Move down (Korean) on the first row: its Korean paragraph joins row 2.
      await focusRow(page, 0);
      await apply(page, 'Move KO down (Korean)');
      const down = await shape();
      expect(down[0]).to.equal(`${start[0]!.split('|')[0]}|`);
      expect(down[1]!.split('|')[1]!.split(',')[0]).to.equal(start[0]!.split('|')[1]);
      // Move up (Korean) on row 2 takes it back.
      await focusRow(page, 1);
      await apply(page, 'Move KO up (Korean)');
      await waitShape(start);

      // Move up / down (English) on the same pair of rows.
      await focusRow(page, 1);
      await apply(page, 'Move EN up (English)');
      const up = await shape();
      expect(up[0]!.split('|')[0]).to.equal(`${start[0]!.split('|')[0]},${start[1]!.split('|')[0]}`);
      await focusRow(page, 0);
      await apply(page, 'Move EN down (English)');
      await waitShape(start);

      // Insert empty cell (Korean) on row 1: the Korean text moves to its own row below.
      await focusRow(page, 0);
      await apply(page, 'Insert empty KO cell (Korean)');
      await rows(page, start.length + 1);
      const [en0, ko0] = start[0]!.split('|') as [string, string];
      expect((await shape()).slice(0, 2)).to.deep.equal([`${en0}|`, `|${ko0}`]);
      expect(await page.getByRole('button', { name: 'Undo insert empty cell' }).isEnabled()).to.equal(true);
      await page.getByRole('button', { name: 'Undo insert empty cell' }).click();
      await rows(page, start.length);
      expect(await shape()).to.deep.equal(start);
    });
  });

  it('confirms all rows above, re-aligns the unconfirmed rest, and undoes/redoes across a reload', async () => {
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.sid}`);
      const start = await shape();
      await focusRow(page, 1);
      await apply(page, 'Confirm all above');
      await page.waitForSelector('tr.bead:nth-child(2) button.confirm[aria-pressed="true"]');
      const after = (await apiAlignment(fx.server.url, fx.data.sid)).beads.map((b) => b.status);
      expect(after.slice(0, 2)).to.deep.equal(['confirmed', 'confirmed']);
      expect(after.slice(2).every((s) => s === 'auto')).to.equal(true);
      expect(await page.getByRole('progressbar', { name: 'Review progress' }).getAttribute('aria-valuenow')).to.equal('2');
      // Re-align is for unconfirmed rows only.
      expect(await tool(page, 'Re-align').isDisabled()).to.equal(true);

      await focusRow(page, start.length - 1);
      await apply(page, 'Re-align');
      await page.getByRole('button', { name: 'Undo re-align' }).waitFor();
      expect((await shape()).slice(0, 2)).to.deep.equal(start.slice(0, 2));

      // History is on the server: after a reload, undo still knows what it would revert.
      await page.reload();
      await page.waitForSelector('html[data-ready="true"]');
      const undo = page.getByRole('button', { name: 'Undo re-align' });
      expect(await undo.isEnabled()).to.equal(true);
      expect(await undo.getAttribute('title')).to.contain('Ctrl+Z');
      await undo.click();
      await page.getByRole('button', { name: 'Undo confirm all above' }).waitFor();
      await page.getByRole('button', { name: 'Undo confirm all above' }).click();
      await page.waitForSelector('tr.bead:nth-child(1) button.confirm[aria-pressed="false"]');
      expect((await apiAlignment(fx.server.url, fx.data.sid)).beads.every((b) => b.status === 'auto')).to.equal(true);
      await page.getByRole('button', { name: 'Redo confirm all above' }).click();
      await page.waitForSelector('tr.bead:nth-child(2) button.confirm[aria-pressed="true"]');
      expect((await apiAlignment(fx.server.url, fx.data.sid)).beads.slice(0, 2).every((b) => b.status === 'confirmed')).to.equal(true);
      await page.getByRole('button', { name: 'Undo confirm all above' }).click();
      await page.waitForSelector('tr.bead:nth-child(2) button.confirm[aria-pressed="false"]');
      expect(await shape()).to.deep.equal(start);
    });
  });

  it('reloads politely when an edit hits a row someone else changed (409)', async () => {
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.sid}`);
      const bead = (await apiAlignment(fx.server.url, fx.data.sid)).beads[1]!;
      expect((await post(`${fx.server.url}/api/beads/${bead.id}/confirm`, { version: bead.version })).status).to.equal(200);
      await focusRow(page, 1);
      await apply(page, 'Merge');
      await page.getByRole('alert').getByText('This row was changed by someone else; reloaded.').waitFor();
      await page.waitForSelector('tr.bead:nth-child(2) button.confirm[aria-pressed="true"]');
      const fresh = (await apiAlignment(fx.server.url, fx.data.sid)).beads[1]!;
      expect((await post(`${fx.server.url}/api/beads/${fresh.id}/unconfirm`, { version: fresh.version })).status).to.equal(200);
    });
  });

  it('edits a paragraph inline, shows the word diff in its history, keeps markup literal, and undoes the edit', async () => {
    const edited = 'The delegations of the United States and the <b>Republic</b> of Korea met in Busan on March 4, 2026. <script>alert(1)</script>';
    await withPage(async (page) => {
      const dialogs: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await open(page, `${fx.server.url}/statements/${fx.data.sid}`);
      // The screenshot below shows every suggestion (ticking this re-renders the rows, so first).
      await page.getByLabel('Info suggestions').check();
      const before = (await apiAlignment(fx.server.url, fx.data.sid)).beads[1]!.src[0]!;
      await page.getByRole('button', { name: `Edit text of English ¶${before.n}` }).click({ force: true });
      const area = page.getByRole('textbox', { name: `Text of English ¶${before.n}` });
      expect(await area.inputValue()).to.equal(before.text);
      await area.fill(edited);
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('tr.bead').nth(1).locator('td.src .pt').getByText('Busan').waitFor();
      expect(await page.locator('tr.bead').nth(1).locator('td.src .pt').first().textContent()).to.equal(edited);
      expect((await apiAlignment(fx.server.url, fx.data.sid)).beads[1]!.src[0]!.text).to.equal(edited);

      // Double-click opens the editor too; History shows the change word by word.
      await page.locator('tr.bead').nth(1).locator('td.src .pt').first().dblclick();
      await page.getByRole('button', { name: 'History' }).click();
      const history = page.locator('.para-history');
      await history.locator('ins').first().waitFor();
      expect(await history.locator('del').allTextContents()).to.include('Seoul');
      const inserted = (await history.locator('ins').allTextContents()).join(' ');
      expect(inserted).to.contain('Busan');
      expect(inserted).to.contain('<script>alert(1)</script>');
      expect(await page.locator('#app script, #app b').count()).to.equal(0);
      // The screenshot shows the edit next to the checks' suggestions, without the transient toast.
      await page.locator('.panel-tabs').getByRole('tab', { name: 'Suggestions' }).click();
      await page.locator('.finding-list').waitFor();
      await page.evaluate(() => {
        document.getElementById('status')!.textContent = '';
      });
      await page.mouse.move(0, 0);
      await settleFonts(page);
      await page.screenshot({ path: screenshotPath('screenshot-edit.png') });
      await area.press('Escape');
      await page.locator('.para-editor').waitFor({ state: 'detached' });

      await page.getByRole('button', { name: 'Undo text edit' }).click();
      await page.locator('tr.bead').nth(1).locator('td.src .pt').getByText('Seoul').waitFor();
      expect((await apiAlignment(fx.server.url, fx.data.sid)).beads[1]!.src[0]!.text).to.equal(before.text);
      expect(dialogs).to.deep.equal([]);
    });
  });

  it('shows suggestions on their rows with highlighted spans, accepts one as a flag, dismisses one, and runs the checks', async () => {
    const all = (await apiGet<{ findings: ApiFinding[] }>(fx.server.url, `/api/statements/${fx.data.demoId}/findings`)).findings.filter((f) => f.status === 'suggested');
    const alignment = await apiAlignment(fx.server.url, fx.data.demoId);
    const beadIds = alignment.beads.map((b) => b.id);
    const mine = all.filter((f) => beadIds.includes(f.beadId));
    expect(mine.length, 'the demo statement has suggestions').to.be.at.least(2);
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.demoId}`);
      // Every suggestion, the informational ones included (they are hidden until asked for).
      await page.getByLabel('Info suggestions').check();
      const withSpan = mine.find((f) => f.spans.src.length + f.spans.tgt.length > 0)!;
      const row = page.locator('tr.bead').nth(beadIds.indexOf(withSpan.beadId));
      expect(await row.getByRole('button', { name: `Suggestion (${withSpan.severity}): ${withSpan.message}` }).count()).to.equal(1);
      const spanText = [...withSpan.spans.src, ...withSpan.spans.tgt][0]!.text;
      expect(await row.locator(`mark.finding[data-finding-id="${withSpan.id}"]`).first().textContent()).to.equal(spanText);
      // Suggestions look different from human flags.
      expect(await row.locator('.badges').count()).to.equal(0);

      await page.getByRole('button', { name: /^Suggestions \d/ }).click();
      const rowsWith = new Set(mine.map((f) => f.beadId)).size;
      expect(await page.locator('tr.bead:not([hidden])').count()).to.equal(rowsWith);
      await page.getByRole('button', { name: /^All \d/ }).click();

      await page.locator('.panel-tabs').getByRole('tab', { name: 'Suggestions' }).click();
      const items = page.locator('.finding-list li.finding-item');
      expect(await items.count()).to.equal(mine.length);
      const first = items.first();
      const acceptedId = Number(await first.getAttribute('data-finding-id'));
      const accepted = mine.find((f) => f.id === acceptedId)!;
      await first.getByRole('button', { name: 'Accept' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.finding-list li.finding-item').length === n, mine.length - 1);
      const acceptedRow = page.locator('tr.bead').nth(beadIds.indexOf(accepted.beadId));
      await acceptedRow.locator('.badges li').first().waitFor();

      const dismissedId = Number(await items.first().getAttribute('data-finding-id'));
      await items.first().getByRole('button', { name: 'Dismiss' }).click();
      await page.waitForFunction((n) => document.querySelectorAll('.finding-list li.finding-item').length === n, mine.length - 2);

      await page.getByRole('button', { name: 'Run checks' }).click();
      await page.getByRole('status').getByText(/Checks done/).waitFor();
      // The panel is rebuilt; the keyboard focus is back on its button, not lost to the page.
      expect(await page.evaluate(() => document.activeElement?.textContent)).to.equal('Run checks');
      const ids = await items.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset['findingId'])));
      expect(ids).to.not.include(dismissedId);
      expect(ids).to.not.include(acceptedId);
      const after = (await apiGet<{ findings: ApiFinding[] }>(fx.server.url, `/api/statements/${fx.data.demoId}/findings`)).findings;
      expect(after.find((f) => f.id === acceptedId)?.status).to.equal('accepted');
      expect(after.find((f) => f.id === dismissedId)?.status).to.equal('dismissed');
      const flags = (await apiAlignment(fx.server.url, fx.data.demoId)).beads.flatMap((b) => b.flags);
      expect(flags.length).to.be.at.least(1);
    });
  });

  it('hides informational suggestions by default, shows them on request, and remembers the choice after a reload', async () => {
    const beadIds = (await apiAlignment(fx.server.url, fx.data.demoId)).beads.map((b) => b.id);
    const mine = (await apiGet<{ findings: ApiFinding[] }>(fx.server.url, `/api/statements/${fx.data.demoId}/findings`)).findings.filter(
      (f) => f.status === 'suggested' && beadIds.includes(f.beadId),
    );
    const info = mine.filter((f) => f.severity === 'info').length;
    const rest = mine.length - info;
    expect(info, 'the demo statement has informational suggestions').to.be.at.least(1);
    expect(rest, 'and others').to.be.at.least(1);
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.demoId}`);
      // As a reviewer who never chose (the headless browser may share storage between the tests' pages).
      await page.evaluate(() => localStorage.removeItem('twintext:show-info'));
      await page.reload();
      await page.waitForSelector('html[data-ready="true"]');
      const toggle = page.getByLabel('Info suggestions');
      expect(await toggle.isChecked()).to.equal(false);
      expect(await page.locator('tr.bead .suggestion.sev-info').count()).to.equal(0);
      expect(await page.locator('tr.bead .suggestion').count()).to.equal(rest);
      const rowsWithRest = new Set(mine.filter((f) => f.severity !== 'info').map((f) => f.beadId)).size;
      expect(await page.getByRole('button', { name: /^Suggestions \d/ }).locator('.count').textContent()).to.equal(String(rowsWithRest));
      expect(await page.getByRole('link', { name: 'Report' }).getAttribute('href')).to.not.contain('info=1');
      await toggle.check();
      expect(await page.locator('tr.bead .suggestion.sev-info').count()).to.equal(info);
      // The report then holds what the page shows.
      expect(await page.getByRole('link', { name: 'Report' }).getAttribute('href')).to.contain('&info=1');
      await page.reload();
      await page.waitForSelector('html[data-ready="true"]');
      expect(await page.getByLabel('Info suggestions').isChecked()).to.equal(true);
      expect(await page.locator('tr.bead .suggestion.sev-info').count()).to.equal(info);
      await page.getByLabel('Info suggestions').uncheck();
      expect(await page.locator('tr.bead .suggestion.sev-info').count()).to.equal(0);
    });
  });

  it('uploads a new Korean version, shows the word diff, and marks changed paragraphs until their row is confirmed', async () => {
    const current = (await apiAlignment(fx.server.url, fx.data.sid)).beads.flatMap((b) => b.tgt).sort((a, b) => a.n - b.n);
    const changedText = current.map((p) => (p.n === 4 ? '한국 측 대표단은 <b>국방정책실장</b>이 이끌었다.' : p.text)).join('\n\n');
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.sid}`);
      await page.locator('.panel-tabs').getByRole('tab', { name: 'Versions' }).click();
      await page.getByLabel('Language').selectOption('ko');
      await page.getByLabel('Paste text').fill(changedText);
      await page.getByRole('button', { name: 'Upload version' }).click();
      const diff = page.getByRole('dialog', { name: /Changes in Korean: version 1 → 2/ });
      await diff.waitFor();
      expect((await diff.locator('del').allTextContents()).join('')).to.contain('차관');
      const ins = (await diff.locator('ins').allTextContents()).join('');
      expect(ins).to.contain('<b>');
      expect(ins).to.contain('</b>');
      expect(await diff.locator('b').count()).to.equal(0);
      await diff.getByRole('button', { name: 'Close' }).click();

      const versions = page.locator('.versions');
      await versions.getByText('v2 (current)').waitFor();
      const changed = page.locator('tr.bead', { has: page.locator('.para.changed') });
      expect(await changed.count()).to.equal(1);
      expect(await changed.locator('.para.changed .pt').textContent()).to.equal('한국 측 대표단은 <b>국방정책실장</b>이 이끌었다.');
      await changed.getByRole('button', { name: 'Confirm' }).click();
      await page.waitForFunction(() => document.querySelectorAll('.para.changed').length === 0);
      await versions.getByRole('button', { name: 'Show changes (KO)' }).click();
      await diff.waitFor();
      await diff.getByRole('button', { name: 'Close' }).click();

      // A file works too (read in the browser, sent as base64): version 3 replaces the last paragraph.
      const v3 = changedText.replace(/[^\n]+$/, '양측은 제10차 회의를 서울에서 개최하기로 합의하였다.');
      await page.getByLabel('Paste text').fill('');
      await page.getByLabel('or a file').setInputFiles({ name: 'statement.ko.v3.txt', mimeType: 'text/plain', buffer: Buffer.from(v3, 'utf8') });
      await page.getByRole('button', { name: 'Upload version' }).click();
      const diff3 = page.getByRole('dialog', { name: /Changes in Korean: version 2 → 3/ });
      await diff3.waitFor();
      expect((await diff3.locator('ins').allTextContents()).join('')).to.contain('서울');
      await versions.getByText('statement.ko.v3.txt').waitFor();
    });
  });

  it('filters flags by status, category and author and shows each flag’s thread and status history', async () => {
    const beads = (await apiAlignment(fx.server.url, fx.data.sid)).beads;
    const send = (path: string, body: unknown, who: string, method = 'POST') =>
      fetch(`${fx.server.url}${path}`, { method, headers: { 'Content-Type': 'application/json', 'X-Reviewer': who }, body: JSON.stringify(body) });
    const a = (await (await send(`/api/beads/${beads[0]!.id}/flags`, { category: 'terminology', comment: 'Use 공동성명 consistently.' }, 'Park Minseo')).json()) as { flag: { id: number; version: number } };
    await send(`/api/beads/${beads[2]!.id}/flags`, { category: 'number', comment: 'Years differ <b>?</b>' }, 'Alex Morgan');
    expect((await send(`/api/flags/${a.flag.id}`, { status: 'resolved', version: a.flag.version }, 'Alex Morgan', 'PATCH')).status).to.equal(200);
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.sid}`);
      const items = page.locator('.side-panel li.flag-item');
      await page.getByLabel('Status').selectOption('');
      expect(await items.count()).to.be.at.least(2);
      await page.getByLabel('Author').selectOption('Alex Morgan');
      expect(await items.allTextContents()).to.satisfy((t: string[]) => t.every((x) => x.includes('Alex Morgan')));
      await page.getByLabel('Author').selectOption('');
      await page.getByLabel('Category').selectOption('terminology');
      expect(await items.count()).to.equal(1);
      const item = items.first();
      expect(await item.textContent()).to.contain('resolved');
      await item.locator('summary').click();
      await item.getByText(/Open → Resolved/).waitFor();
      expect(await item.locator('.status-history').textContent()).to.contain('Alex Morgan');
      await item.getByRole('textbox', { name: 'Reply to this flag' }).fill('Agreed <i>fixed</i>.');
      await item.getByRole('button', { name: 'Add comment' }).click();
      await page.locator('.side-panel .comment-body').getByText('Agreed <i>fixed</i>.').waitFor();
      expect(await page.locator('.side-panel i, .side-panel b').count()).to.equal(0);
      // Still on this flag's thread (the panel was rebuilt), not on the page body.
      expect(await page.evaluate(() => document.activeElement?.closest('li.flag-item')?.textContent ?? '')).to.contain('Agreed <i>fixed</i>.');
    });
  });

  it('offers exports of this statement (confirmed only or all, without open flags) and the HTML report', async () => {
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.sid}`);
      const exp = page.getByRole('group', { name: 'Export' });
      for (const f of ['TMX', 'XLIFF', 'TSV', 'CSV', 'JSONL']) {
        expect(await exp.getByRole('link', { name: `Download ${f}` }).getAttribute('href')).to.equal(`/api/export?format=${f.toLowerCase()}&status=confirmed&statement=${fx.data.sid}&pair=en-ko`);
      }
      await exp.getByLabel('Confirmed only').uncheck();
      const tsv = await exp.getByRole('link', { name: 'Download TSV' }).getAttribute('href');
      expect(tsv).to.equal(`/api/export?format=tsv&status=all&statement=${fx.data.sid}&pair=en-ko`);
      const res = await fetch(`${fx.server.url}${tsv}`);
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-disposition')).to.equal(`attachment; filename="twintext-statement-${fx.data.sid}.tsv"`);
      expect(await res.text()).to.contain('서울');
      await exp.getByLabel('No open flags').check();
      const unflagged = await exp.getByRole('link', { name: 'Download TSV' }).getAttribute('href');
      expect(unflagged).to.equal(`/api/export?format=tsv&status=all&statement=${fx.data.sid}&exclude_open_flags=1&pair=en-ko`);
      // One JSON line per pair: the filter leaves out exactly the pairs with an open flag.
      const flagged = (await apiAlignment(fx.server.url, fx.data.sid)).beads.filter((b) => b.src.length && b.tgt.length && b.flags.some((f) => f.status === 'open')).length;
      expect(flagged, 'the statement has flagged pairs by now').to.be.at.least(1);
      const pairs = async (url: string) => (await (await fetch(`${fx.server.url}${url.replace('format=tsv', 'format=jsonl')}`)).text()).trim().split('\n').length;
      expect(await pairs(unflagged!)).to.equal((await pairs(tsv!)) - flagged);
      const report = await exp.getByRole('link', { name: 'Report' }).getAttribute('href');
      expect(report).to.equal(`/api/report?format=html&statement=${fx.data.sid}`);
      expect((await fetch(`${fx.server.url}${report}`)).status).to.equal(200);
    });
  });

  it('says so instead of downloading an empty file when nothing is confirmed and only confirmed rows are asked for', async () => {
    const imported = await fetch(`${fx.server.url}/api/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Park Minseo' },
      body: JSON.stringify({ title: 'Unreviewed readout', texts: { en: 'The two sides met in Seoul.\n\nThey agreed to meet again in May.', ko: '양측은 서울에서 만났다.\n\n양측은 5월에 다시 만나기로 했다.' } }),
    });
    const id = ((await imported.json()) as { statement: { id: number } }).statement.id;
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      const exp = page.getByRole('group', { name: 'Export' });
      let downloads = 0;
      page.on('download', () => downloads++);
      await exp.getByRole('link', { name: 'Download TMX' }).click();
      expect(await page.getByRole('alert').textContent()).to.contain('No row of this statement is confirmed yet');
      await exp.getByLabel('Confirmed only').uncheck();
      const [download] = await Promise.all([page.waitForEvent('download'), exp.getByRole('link', { name: 'Download TMX' }).click()]);
      expect(download.suggestedFilename()).to.equal(`twintext-statement-${id}.tmx`);
      expect(downloads).to.equal(1);
    });
  });

  it('keeps the focus on the row an Undo or Redo button changed, and Escape closes the Versions panel back to its tab', async () => {
    const imported = await fetch(`${fx.server.url}/api/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Park Minseo' },
      body: JSON.stringify({
        title: 'Readout of the logistics working group',
        texts: {
          en: 'The working group met in Pyeongtaek on May 12.\n\nIt reviewed fuel storage at the southern depots.\n\nIt also discussed rail transport of equipment.\n\nThe next meeting will be held in August.',
          ko: '실무단은 5월 12일 평택에서 회의를 가졌다.\n\n실무단은 남부 저장소의 유류 저장 현황을 점검하였다.\n\n실무단은 장비의 철도 수송 문제도 논의하였다.\n\n다음 회의는 8월에 개최된다.',
        },
      }),
    });
    const id = ((await imported.json()) as { statement: { id: number } }).statement.id;
    const focused = (page: Page) =>
      page.evaluate(() => {
        const a = document.activeElement;
        return { row: Number((a?.closest('tr.bead') as HTMLElement | null)?.dataset['index'] ?? -1), tag: a?.tagName ?? '', tab: (a as HTMLElement | null)?.dataset?.['tab'] ?? '' };
      });
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      expect(await page.locator('tr.bead').count()).to.equal(4);
      await focusRow(page, 2);
      await apply(page, 'Merge');
      await rows(page, 3);
      // Clicking Undo disables it (nothing left to undo): the focus used to fall to the page body.
      await page.getByRole('button', { name: 'Undo merge' }).click();
      await rows(page, 4);
      await page.waitForSelector('#app:not([aria-busy])');
      expect(await focused(page)).to.include({ row: 1, tag: 'TR' });
      await page.getByRole('button', { name: 'Redo merge' }).click();
      await rows(page, 3);
      await page.waitForSelector('#app:not([aria-busy])');
      expect(await focused(page)).to.include({ row: 1, tag: 'TR' });
      await page.getByRole('status').getByText('Redid merge. Row 2.').waitFor();
      // Keyboard users on the button get the same: Enter on Undo, then on Redo.
      await page.getByRole('button', { name: 'Undo merge' }).focus();
      await page.keyboard.press('Enter');
      await rows(page, 4);
      await page.waitForSelector('#app:not([aria-busy])');
      expect(await focused(page)).to.include({ row: 1, tag: 'TR' });
      await page.getByRole('button', { name: 'Redo merge' }).focus();
      await page.keyboard.press('Enter');
      await rows(page, 3);
      await page.waitForSelector('#app:not([aria-busy])');
      expect(await focused(page)).to.include({ row: 1, tag: 'TR' });
      await page.keyboard.press('u');
      await rows(page, 4);

      // Versions: opened from its tab, Escape closes it (back to Flags) and the focus returns to the tab.
      const tabs = page.locator('.panel-tabs');
      await tabs.getByRole('tab', { name: 'Versions' }).click();
      expect(await focused(page)).to.include({ tab: 'versions' });
      const text = page.getByLabel('Paste text');
      await text.fill('실무단은 5월 12일 평택에서 회의를 가졌다.');
      await page.keyboard.press('Escape');
      expect(await tabs.getByRole('tab', { name: 'Versions' }).getAttribute('aria-selected')).to.equal('false');
      expect(await tabs.getByRole('tab', { name: 'Flags' }).getAttribute('aria-selected')).to.equal('true');
      expect(await page.locator('#version-text').count()).to.equal(0);
      expect(await focused(page)).to.include({ tab: 'versions' });
      // Opened again by keyboard, the pasted text is still there; Escape from a plain control closes it too.
      await page.keyboard.press('Enter');
      expect(await page.getByLabel('Paste text').inputValue()).to.equal('실무단은 5월 12일 평택에서 회의를 가졌다.');
      await page.getByLabel('Language').focus();
      await page.keyboard.press('Escape');
      expect(await page.locator('.versions').count()).to.equal(0);
      expect(await focused(page)).to.include({ tab: 'versions' });
    });
  });

  it('puts the focus on the row whose text an Undo or Redo restored, and names it', async () => {
    const imported = await fetch(`${fx.server.url}/api/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Park Minseo' },
      body: JSON.stringify({
        title: 'Readout of the city visit',
        texts: {
          en: 'The delegations met in Daegu.\n\nThey discussed the new hospital.\n\nThey toured the district court.\n\nThey visited a primary school.\n\nThey thanked the mayor.',
          ko: '대표단은 대구에서 만났다.\n\n대표단은 새 병원에 대해 논의하였다.\n\n대표단은 지방법원을 둘러보았다.\n\n대표단은 학교를 방문하였다.\n\n대표단은 시장에게 감사하였다.',
        },
      }),
    });
    const id = ((await imported.json()) as { statement: { id: number } }).statement.id;
    const para = (await apiAlignment(fx.server.url, id)).beads[3]!.tgt[0]!;
    const fixed = await fetch(`${fx.server.url}/api/paragraphs/${para.id}`, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Other Editor' },
      body: JSON.stringify({ content: '대표단은 초등학교를 방문하였다.', base: para.text }),
    });
    expect(fixed.status).to.equal(200);
    const focusedRow = (page: Page) => page.evaluate(() => Number((document.activeElement?.closest('tr.bead') as HTMLElement | null)?.dataset['index'] ?? -1));
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      await focusRow(page, 0);
      // The text edit of row 4 is undone from row 1: the keyboard follows it there.
      await page.keyboard.press('u');
      await page.locator('tr.bead').nth(3).locator('td.tgt').getByText('대표단은 학교를 방문하였다.').waitFor();
      await page.waitForSelector('#app:not([aria-busy])');
      expect(await focusedRow(page)).to.equal(3);
      await page.getByRole('status').getByText('Row 4.').waitFor();
      await focusRow(page, 1);
      await page.getByRole('button', { name: 'Redo text edit' }).click();
      await page.locator('tr.bead').nth(3).locator('td.tgt').getByText('대표단은 초등학교를 방문하였다.').waitFor();
      await page.waitForSelector('#app:not([aria-busy])');
      expect(await focusedRow(page)).to.equal(3);
    });
  });

  it('keeps the language chosen for a draft version when the Versions panel is closed and opened again', async () => {
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.sid}`);
      const tabs = page.locator('.panel-tabs');
      await tabs.getByRole('tab', { name: 'Versions' }).click();
      // An English correction, pasted with English chosen (the panel opens on Korean, the target).
      expect(await page.getByLabel('Language').inputValue()).to.equal('ko');
      await page.getByLabel('Language').selectOption('en');
      await page.getByLabel('Paste text').fill('The delegations of the United States and the Republic of Korea met in Seoul on March 5, 2026.');
      await page.keyboard.press('Escape');
      expect(await page.locator('#version-text').count()).to.equal(0);
      // Reopened (Enter on its tab): the text comes back with its language, not with Korean beside it.
      await page.keyboard.press('Enter');
      expect(await page.getByLabel('Paste text').inputValue()).to.contain('March 5, 2026');
      expect(await page.getByLabel('Language').inputValue()).to.equal('en');
      // Through another tab as well.
      await tabs.getByRole('tab', { name: 'Suggestions' }).click();
      await tabs.getByRole('tab', { name: 'Versions' }).click();
      expect(await page.getByLabel('Language').inputValue()).to.equal('en');
    });
  });

  it('adds a Japanese version to an English–Korean statement from the Versions panel and opens its pair', async () => {
    const imported = await fetch(`${fx.server.url}/api/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Park Minseo' },
      body: JSON.stringify({ title: 'Trilateral readout', texts: { en: 'The three sides met in Tokyo.\n\nThey agreed to expand trilateral exercises.', ko: '3국은 도쿄에서 만났다.\n\n3국은 3자 훈련을 확대하기로 합의하였다.' } }),
    });
    const id = ((await imported.json()) as { statement: { id: number } }).statement.id;
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      await page.locator('.panel-tabs').getByRole('tab', { name: 'Versions' }).click();
      await page.getByLabel('Language').selectOption({ label: 'Japanese (add)' });
      await page.getByLabel('Paste text').fill('三者は東京で会合した。\n\n三者は三者間訓練を拡大することで一致した。');
      await page.getByRole('button', { name: 'Upload version' }).click();
      // Its pair opens, with the language switcher listing both pairs.
      await page.waitForURL(/lang=ja/);
      await page.locator('tr.bead .pt', { hasText: '三者は東京で会合した。' }).waitFor();
      const pairs = page.getByRole('navigation', { name: 'Language pair' });
      expect(await pairs.getByRole('link', { name: 'EN–JA' }).getAttribute('aria-current')).to.equal('page');
      await pairs.getByRole('link', { name: 'EN–KO' }).click();
      await page.locator('tr.bead .pt', { hasText: '3국은 도쿄에서 만났다.' }).waitFor();
    });
  });

  it('when someone added the language meanwhile, says so and shows the statement as it now is, the pasted text kept', async () => {
    const imported = await fetch(`${fx.server.url}/api/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Park Minseo' },
      body: JSON.stringify({ title: 'Trilateral readout, second', texts: { en: 'The three sides met in Osaka.\n\nThey agreed to meet again.', ko: '3국은 오사카에서 만났다.\n\n3국은 다시 만나기로 하였다.' } }),
    });
    const id = ((await imported.json()) as { statement: { id: number } }).statement.id;
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      await page.locator('.panel-tabs').getByRole('tab', { name: 'Versions' }).click();
      await page.getByLabel('Language').selectOption({ label: 'Japanese (add)' });
      const mine = '三者は大阪で会合した。\n\n三者は再び会合することで一致した。';
      await page.getByLabel('Paste text').fill(mine);
      // Another reviewer adds the Japanese first.
      expect((await post(`${fx.server.url}/api/statements/${id}/versions`, { texts: { ja: '三か国は大阪で会合した。\n\n三か国は再び会うことで一致した。' } })).status).to.equal(201);
      await page.getByRole('button', { name: 'Upload version' }).click();
      await page.getByRole('alert').getByText('has a ja text already').waitFor();
      // The page now knows the statement has Japanese: the panel offers it as a language to update, the text kept.
      const options = await page.getByLabel('Language').locator('option').allTextContents();
      expect(options).to.include('Japanese');
      expect(options).to.not.include('Japanese (add)');
      expect(await page.getByLabel('Paste text').inputValue()).to.equal(mine);
    });
  });

  it('says so instead of downloading a header-only file when no confirmed row is free of open flags', async () => {
    const imported = await fetch(`${fx.server.url}/api/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Park Minseo' },
      body: JSON.stringify({ title: 'Flagged readout', texts: { en: 'The two sides met in Daegu.\n\nThey agreed to expand joint training.', ko: '양측은 대구에서 만났다.\n\n양측은 연합훈련을 확대하기로 합의하였다.' } }),
    });
    const id = ((await imported.json()) as { statement: { id: number } }).statement.id;
    const [first] = (await apiAlignment(fx.server.url, id)).beads;
    expect((await post(`${fx.server.url}/api/beads/${first!.id}/confirm`, { version: first!.version })).status).to.equal(200);
    expect((await post(`${fx.server.url}/api/beads/${first!.id}/flags`, { category: 'name', comment: 'Check the city name.' })).status).to.equal(201);
    await withPage(async (page) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      const exp = page.getByRole('group', { name: 'Export' });
      let downloads = 0;
      page.on('download', () => downloads++);
      await exp.getByLabel('No open flags').check();
      await exp.getByRole('link', { name: 'Download TSV' }).click();
      expect(await page.getByRole('alert').textContent()).to.contain('Every confirmed row still has an open flag');
      // The server agrees: that export is the header line alone.
      const href = await exp.getByRole('link', { name: 'Download TSV' }).getAttribute('href');
      expect((await (await fetch(`${fx.server.url}${href}`)).text()).trim().split('\n')).to.have.length(1);
      // Without "Confirmed only" the unflagged second row is there to export.
      await exp.getByLabel('Confirmed only').uncheck();
      const [download] = await Promise.all([page.waitForEvent('download'), exp.getByRole('link', { name: 'Download TSV' }).click()]);
      expect(download.suggestedFilename()).to.equal(`twintext-statement-${id}.tsv`);
      expect(await page.getByRole('alert').isVisible()).to.equal(false);
      // Confirmed only again, no flag filter: the confirmed (flagged) row is exported.
      await exp.getByLabel('Confirmed only').check();
      await exp.getByLabel('No open flags').uncheck();
      await Promise.all([page.waitForEvent('download'), exp.getByRole('link', { name: 'Download TSV' }).click()]);
      expect(downloads).to.equal(2);
    });
  });
});

