// Browser tests: a review page loaded before a new version was imported, and a trilateral page's export.
import { expect } from 'chai';
import { importStatement } from '../../server/ops/import.ts';
import type { Page } from 'playwright-core';
import { apiAlignment, open, useFixture, withPage } from './harness.ts';

const EN = 'The two ministers met in Seoul.\n\nThey agreed to expand maritime cooperation.\n\nThe next meeting will be held in Tokyo.';
const KO = '양국 장관은 서울에서 만났다.\n\n양측은 해양 협력을 확대하기로 합의하였다.\n\n다음 회의는 도쿄에서 열린다.';
const JA = '両大臣はソウルで会談した。\n\n双方は海洋協力を拡大することで一致した。\n\n次回会合は東京で開催される。';

/** Holds back the answers to alignment edits for 400 ms, so a key pressed next certainly arrives while one is saved. */
async function holdBackEdits(page: Page): Promise<void> {
  await page.route('**/api/beads/*/edit', async (route) => {
    await new Promise((r) => setTimeout(r, 400));
    await route.continue();
  });
}

describe('web: stale pages and language pairs', function () {
  this.timeout(60_000);
  const fx = useFixture((conn) => ({
    ports: importStatement(conn, { title: 'Port talks', texts: { en: 'The sides met in Busan.\n\nThey agreed on port security.\n\nThey will share data.\n\nThe next meeting is in Tokyo.', ko: '양측은 부산에서 만났다.\n\n양측은 항만 보안에 합의하였다.\n\n양측은 자료를 공유한다.\n\n다음 회의는 도쿄에서 열린다.' } }, 'setup').statementId,
    bilateral: importStatement(conn, { title: 'Maritime talks', texts: { en: EN, ko: KO } }, 'setup').statementId,
    flagged: importStatement(conn, { title: 'Flagged page', texts: { en: EN.replace('Seoul', 'Gwangju'), ko: KO.replace('서울', '광주') } }, 'setup').statementId,
    drafts: importStatement(conn, { title: 'Drafts page', texts: { en: EN.replace('Seoul', 'Daegu'), ko: KO.replace('서울', '대구') } }, 'setup').statementId,
    waiting: importStatement(conn, { title: 'Waiting page', texts: { en: EN.replace('Seoul', 'Incheon'), ko: KO.replace('서울', '인천') } }, 'setup').statementId,
    busy: importStatement(conn, { title: 'Busy page', texts: { en: EN.replace('Seoul', 'Busan'), ko: KO.replace('서울', '부산') } }, 'setup').statementId,
    trilateral: importStatement(conn, { title: 'Trilateral maritime talks', texts: { en: EN + '\n\nThe three sides thanked the hosts.', ko: KO + '\n\n3국은 주최 측에 감사하였다.', ja: JA + '\n\n三か国は主催者に感謝した。' } }, 'setup').statementId,
  }));

  it('reloads the page when a row to confirm belongs to a version replaced meanwhile, and then confirms the new row', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.bilateral}`);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      // Someone imports a new Korean version while the page is open.
      const res = await fetch(new URL(`/api/statements/${fx.data.bilateral}/versions`, fx.server.url), {
        method: 'POST',
        headers: { 'X-Reviewer': 'editor', 'Content-Type': 'application/json' },
        body: JSON.stringify({ texts: { ko: KO.replace('해양 협력을', '해양 안보 협력을') } }),
      });
      expect(res.status).to.equal(201);
      await page.keyboard.press('c');
      await page.getByRole('alert').getByText('This statement changed since you opened it').waitFor();
      // The page now shows the new version's rows: the changed text, and a row that can be confirmed.
      await page.locator('tr.bead').nth(1).locator('td.tgt').getByText('해양 안보 협력을').waitFor();
      await page.locator('tr.bead').nth(1).locator('button.confirm').click();
      await page.locator('tr.bead').nth(1).locator('button.confirm[aria-pressed="true"]').waitFor();
    }, 15_000);
  });

  it('reloads every row when the rows were rebuilt elsewhere (a merge undone in another tab), so none goes missing', async () => {
    const api = (path: string, body: unknown) => fetch(new URL(path, fx.server.url), { method: 'POST', headers: { 'X-Reviewer': 'editor', 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    const id = fx.data.ports;
    const view = async () => (await (await fetch(new URL(`/api/statements/${id}`, fx.server.url))).json()) as { alignment: { id: number; beads: { id: number; version: number }[] } };
    const before = await view();
    // Rows 2 and 3 merged: the page opens on three rows.
    expect((await api(`/api/beads/${before.alignment.beads[2]!.id}/edit`, { op: 'merge', version: before.alignment.beads[2]!.version })).status).to.equal(200);
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      expect(await page.locator('tr.bead').count()).to.equal(3);
      // Another tab undoes the merge: four rows again on the server.
      expect((await api(`/api/alignments/${before.alignment.id}/undo`, {})).status).to.equal(200);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('c');
      await page.getByRole('alert').getByText('This statement changed since you opened it').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('tr.bead').length === 4);
    }, 15_000);
  });

  it('says a new version was imported, not that someone else changed the text, when a text fix meets a replaced version', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.bilateral}`);
      const res = await fetch(new URL(`/api/statements/${fx.data.bilateral}/versions`, fx.server.url), {
        method: 'POST',
        headers: { 'X-Reviewer': 'editor', 'Content-Type': 'application/json' },
        body: JSON.stringify({ texts: { ko: (await (await fetch(new URL(`/api/statements/${fx.data.bilateral}`, fx.server.url))).json() as { alignment: { beads: { tgt: { text: string }[] }[] } }).alignment.beads.map((b) => b.tgt.map((p) => p.text).join('\n\n')).join('\n\n').replace('도쿄에서', '도쿄에서 내년에') } }),
      });
      expect(res.status).to.equal(201);
      await page.getByRole('button', { name: 'Edit text of Korean ¶1' }).click({ force: true });
      await page.getByRole('textbox', { name: 'Text of Korean ¶1' }).fill('양국 장관은 서울에서 회담하였다.');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.getByRole('alert').getByText('This statement changed since you opened it').waitFor();
      expect(await page.getByRole('alert').textContent()).to.contain('양국 장관은 서울에서 회담하였다.');
    }, 15_000);
  });

  it('Undo refuses, and says so, when another reviewer changed the page after the change it would undo', async () => {
    const id = fx.data.ports;
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      await page.keyboard.press('j');
      await page.keyboard.press('c');
      await page.getByRole('button', { name: 'Undo confirm' }).waitFor();
      // Another reviewer fixes a Korean text after that, from their own page.
      const p = (await apiAlignment(fx.server.url, id)).beads.at(-1)!.tgt[0]!;
      const res = await fetch(new URL(`/api/paragraphs/${p.id}`, fx.server.url), {
        method: 'PATCH',
        headers: { 'X-Reviewer': 'other', 'Content-Type': 'application/json' },
        body: JSON.stringify({ content: p.text + ' (수정)', base: p.text }),
      });
      expect(res.status).to.equal(200);
      await page.keyboard.press('u');
      await page.getByRole('alert').getByText('the latest change on this page is now "text edit" by other').waitFor();
      // Their fix stands, and the page shows it.
      expect((await apiAlignment(fx.server.url, id)).beads.at(-1)!.tgt[0]!.text).to.equal(p.text + ' (수정)');
      await page.locator('tr.bead').last().locator('td.tgt').getByText('(수정)').waitFor();
    }, 15_000);
  });

  it('a key pressed while a merge is being saved waits, instead of acting on a row the merge removes', async () => {
    const id = fx.data.busy;
    await withPage(fx, async (page) => {
      // The merge's answer is held back, so the next key certainly arrives while it is saved.
      await holdBackEdits(page);
      await open(page, `${fx.server.url}/statements/${id}`);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('m');
      await page.keyboard.press('c');
      await page.getByRole('status').getByText('Wait a moment: the last change is still being saved.').waitFor();
      // The toolbar's Split… opens no dialog for a row that is about to be rebuilt either.
      await page.getByRole('toolbar', { name: 'Alignment of the current row' }).getByRole('button', { name: 'Split' }).click({ force: true }).catch(() => undefined);
      expect(await page.locator('dialog[open]').count()).to.equal(0);
      await page.waitForFunction(() => document.querySelectorAll('tr.bead').length === 2 && !document.querySelector('[aria-busy]'));
      expect(await page.getByRole('alert').allTextContents()).to.deep.equal([]);
      // Nothing was confirmed: the c was not sent for the row the merge took away.
      expect((await apiAlignment(fx.server.url, id)).beads.map((b) => b.status)).to.deep.equal(['auto', 'auto']);
    }, 15_000);
  });

  it('a merge or an undo asked for while a confirmation is on its way waits for it, instead of failing as someone else\'s change', async () => {
    const id = fx.data.waiting;
    await withPage(fx, async (page) => {
      await holdBackEdits(page);
      await open(page, `${fx.server.url}/statements/${id}`);
      await page.keyboard.press('j');
      await page.keyboard.press('c');
      await page.keyboard.press('j');
      await page.keyboard.press('m');
      await page.getByRole('status').getByText('Wait a moment: the last change is still being saved.').waitFor();
      await page.keyboard.press('u');
      await page.locator('tr.bead').first().locator('button.confirm[aria-pressed="true"]').waitFor();
      expect(await page.getByRole('alert').allTextContents()).to.deep.equal([]);
      // Once it has landed, the merge goes through.
      await page.keyboard.press('m');
      await page.waitForFunction(() => document.querySelectorAll('tr.bead').length === 2 && !document.querySelector('[aria-busy]'));
      expect(await page.getByRole('alert').allTextContents()).to.deep.equal([]);
    }, 15_000);
  });

  it('keeps an open text editor and its unsaved text when the rows are rebuilt under it (an undo of another row)', async () => {
    const id = fx.data.drafts;
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      await page.locator('tr.bead').nth(2).locator('button.confirm').click();
      await page.locator('tr.bead').nth(2).locator('button.confirm[aria-pressed="true"]').waitFor();
      await page.locator('tr.bead').first().locator('td.tgt .pt').dblclick();
      const editor = page.locator('tr.bead').first().locator('form.para-editor textarea');
      await editor.fill('양국 장관은 서울에서 만나 회담하였다. (수정 중)');
      await page.getByRole('button', { name: 'Undo confirm' }).click();
      await page.locator('tr.bead').nth(2).locator('button.confirm[aria-pressed="false"]').waitFor();
      // The rows were rebuilt; the editor is open again with the reviewer's text, not lost.
      expect(await page.locator('tr.bead').first().locator('form.para-editor textarea').inputValue()).to.equal('양국 장관은 서울에서 만나 회담하였다. (수정 중)');
      // And it still saves.
      await page.locator('tr.bead').first().locator('form.para-editor').getByRole('button', { name: 'Save' }).click();
      await page.locator('tr.bead').first().locator('td.tgt .pt').getByText('(수정 중)').waitFor();
      expect(await page.locator('form.para-editor').count()).to.equal(0);
    }, 15_000);
  });

  it('offers a flag refused because its row was merged away again, comment and all, in the next flag form', async () => {
    const id = fx.data.flagged;
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${id}`);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await page.keyboard.press('f');
      const dialog = page.getByRole('dialog', { name: 'Flag row 2' });
      await dialog.waitFor();
      await dialog.getByLabel('Category').selectOption('terminology');
      await dialog.getByLabel('Comment').fill('해양 협력 should be maritime cooperation throughout');
      // Another reviewer merges row 2 into row 1 meanwhile.
      const row2 = (await apiAlignment(fx.server.url, id)).beads[1]!;
      const res = await fetch(new URL(`/api/beads/${row2.id}/edit`, fx.server.url), { method: 'POST', headers: { 'X-Reviewer': 'other', 'Content-Type': 'application/json' }, body: JSON.stringify({ op: 'merge', version: row2.version }) });
      expect(res.status).to.equal(200);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('alert').getByText('its comment is kept for the next flag you open').waitFor();
      await page.waitForFunction(() => document.querySelectorAll('tr.bead').length === 2 && !document.querySelector('[aria-busy]'));
      await page.locator('tr.bead').first().focus();
      await page.keyboard.press('f');
      const again = page.getByRole('dialog', { name: 'Flag row 1' });
      await again.waitFor();
      expect(await again.getByLabel('Comment').inputValue()).to.equal('해양 협력 should be maritime cooperation throughout');
      expect(await again.getByLabel('Category').inputValue()).to.equal('terminology');
    }, 15_000);
  });

  it('exports the page\'s own language pair from a trilateral statement\'s English–Japanese page', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.trilateral}?lang=ja`);
      await page.getByLabel('Confirmed only').uncheck();
      const href = (await page.getByRole('link', { name: 'Download TSV' }).getAttribute('href'))!;
      expect(href).to.contain('pair=en-ja');
      const rows = (await (await fetch(new URL(href, fx.server.url))).text()).trimEnd().split('\n').slice(1);
      expect(rows).to.have.length(4);
      expect(rows.every((r) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(r) && !/[가-힣]/.test(r))).to.equal(true);
    }, 15_000);
  });
});
