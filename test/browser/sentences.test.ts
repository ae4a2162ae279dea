// Browser tests: the Sentences panel (Shift+S) pairs the current row's sentences as the sentence-level
// export does, follows the current row, and the export bar's "By sentence" downloads those pairs.
import { expect } from 'chai';
import { importStatement } from '../../server/ops/import.ts';
import { RATIO_DOC } from '../fixtures/ratio-doc.ts';
import { open, useFixture, withPage } from './harness.ts';

describe('web: the sentences of a row', function () {
  this.timeout(60_000);
  const fx = useFixture((conn) => ({
    statementId: importStatement(conn, { title: 'Training centre review', preSplit: true, texts: { en: RATIO_DOC.en.join('\n'), ko: RATIO_DOC.ko.join('\n') } }, 'setup').statementId,
  }));

  it('shows the current row\'s sentences paired, the one the Korean adds on its own, and follows the row', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const rows = await page.locator('tr.bead').count();
      for (let i = 0; i < rows; i++) await page.keyboard.press('j');
      await page.keyboard.press('Shift+S');
      expect(await page.getByRole('tab', { name: 'Sentences', exact: true }).getAttribute('aria-selected')).to.equal('true');
      const section = page.getByRole('region', { name: `Sentences of row ${rows}` });
      await section.waitFor();
      expect(await section.locator('.sentences-summary').textContent()).to.equal(`Row ${rows}: 3 English and 4 Korean sentences, in 3 pairs; 1 Korean sentence without an English counterpart.`);
      const pairs = section.locator('li.sentence-pair');
      expect(await pairs.count()).to.equal(4);
      expect((await pairs.nth(1).locator('.sentence-side').allTextContents()).map((t) => t.trim())).to.deep.equal([
        'The second session looked at the budget for the joint training centre this year.',
        '둘째 회의는 올해 공동 훈련센터 예산을 살펴보았다.',
      ]);
      // The sentence the Korean adds: no English beside it, said in words.
      const added = pairs.nth(2);
      expect(await added.getAttribute('class')).to.contain('unpaired');
      expect(await added.locator('.sentence-side[lang="en"]').textContent()).to.equal('— no English sentence for this Korean one —');
      expect(await added.locator('.sentence-side[lang="ko"]').textContent()).to.contain('합동참모본부');
      // Moving up a row shows that row's sentences (one a side).
      await page.keyboard.press('k');
      await page.getByRole('region', { name: `Sentences of row ${rows - 1}` }).waitFor();
      expect(await page.locator('li.sentence-pair').count()).to.equal(1);
    }, 15_000);
  });

  it('describes a row with one side only as its sentences without a counterpart, with no confidence to show', async () => {
    const made = await (await fetch(`${fx.server.url}/api/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Kim Jiwoo' },
      body: JSON.stringify({
        texts: {
          en: 'The two sides met in Busan on May 3.\nThey reviewed the training programme for the year.\nThey agreed to meet again in the autumn.',
          ko: '양측은 5월 3일 부산에서 만났다.\n양측은 올해 훈련 계획을 검토하였다.\n국방부는 이번 회의가 매우 유익하였다고 평가하였다. 국방부는 후속 조치를 신속히 추진할 것이다.\n양측은 가을에 다시 만나기로 합의하였다.',
        },
      }),
    })).json() as { statement: { id: number } };
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${made.statement.id}`);
      const row = await page.locator('tr.bead').evaluateAll((trs) => trs.findIndex((tr) => tr.querySelector('td.src .pt') === null));
      expect(row).to.be.at.least(0);
      for (let i = 0; i <= row; i++) await page.keyboard.press('j');
      await page.keyboard.press('Shift+S');
      const section = page.getByRole('region', { name: `Sentences of row ${row + 1}` });
      await section.waitFor();
      expect(await section.locator('.sentences-summary').textContent()).to.equal(`Row ${row + 1}: 0 English and 2 Korean sentences: 2 Korean sentences without an English counterpart.`);
      expect(await section.locator('.chip.conf').count()).to.equal(0);
    }, 15_000);
  });

  it('follows a text fix of the row, and at a narrow width takes the focus to the panel it scrolls to', async () => {
    await withPage(fx, async (page) => {
      await page.setViewportSize({ width: 900, height: 700 });
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      await page.keyboard.press('j');
      await page.keyboard.press('Shift+S');
      const tab = page.locator('.panel-tabs').getByRole('tab', { name: 'Sentences', exact: true });
      // Below 1100 px the panel sits under the rows: it comes into view and takes the focus.
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['tab'])).to.equal('sentences');
      const box = await page.locator('#review-side').boundingBox();
      expect(box!.y).to.be.lessThan(700);
      await page.getByRole('region', { name: 'Sentences of row 1' }).waitFor();
      expect(await tab.getAttribute('aria-selected')).to.equal('true');
      // A fix of the row's English text shows in the panel.
      await page.getByRole('button', { name: 'Back to row 1', exact: true }).click();
      await page.getByRole('button', { name: 'Edit text of English ¶1' }).click({ force: true });
      await page.getByRole('textbox', { name: 'Text of English ¶1' }).fill('The two sides met in Busan to review the work of the past year together.');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('.sentence-side[lang="en"]', { hasText: 'Busan' }).waitFor();
    }, 15_000);
  });

  it('downloads sentence pairs when "By sentence" is ticked', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      await page.getByLabel('Confirmed only').uncheck();
      await page.getByLabel('By sentence').check();
      const href = await page.getByRole('link', { name: 'Download TSV' }).getAttribute('href');
      expect(href).to.contain('level=sentence');
      const tsv = await (await fetch(new URL(href!, fx.server.url))).text();
      const lines = tsv.trimEnd().split('\n').slice(1);
      expect(lines.some((l) => l.includes('The second session looked at the budget') && l.includes('둘째 회의는 올해 공동 훈련센터 예산을 살펴보았다.'))).to.equal(true);
      expect(lines.some((l) => l.includes('합동참모본부'))).to.equal(false);
      await page.getByLabel('By sentence').uncheck();
      expect(await page.getByRole('link', { name: 'Download TSV' }).getAttribute('href')).to.not.contain('level=sentence');
    }, 15_000);
  });

  it('a text fix of a trilateral statement\'s English, made on the EN–KO page, is undone there by Undo', async () => {
    const res = await fetch(new URL('/api/statements', fx.server.url), {
      method: 'POST',
      headers: { 'X-Reviewer': 'setup', 'Content-Type': 'application/json' },
      body: JSON.stringify({
        title: 'Trilateral coast guard meeting',
        texts: {
          en: 'The three coast guards met in Busan.\n\nThey agreed to hold a joint search and rescue drill.\n\nThe next meeting will be held in Manila.',
          ko: '3국 해양경찰은 부산에서 만났다.\n\n3국은 합동 수색구조 훈련을 실시하기로 합의하였다.\n\n다음 회의는 마닐라에서 열린다.',
          ja: '3か国の海上保安機関は釜山で会合した。\n\n3か国は合同捜索救助訓練の実施で合意した。\n\n次回会合はマニラで開催される。',
        },
      }),
    });
    expect(res.status).to.equal(201);
    const id = ((await res.json()) as { statement: { id: number } }).statement.id;
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${id}?lang=ko`);
      await page.getByRole('button', { name: 'Edit text of English ¶3' }).click({ force: true });
      await page.getByRole('textbox', { name: 'Text of English ¶3' }).fill('The next meeting will be held in Manila, the Philippines.');
      await page.getByRole('button', { name: 'Save', exact: true }).click();
      await page.locator('tr.bead').nth(2).locator('td.src .pt').getByText('Philippines').waitFor();
      await page.locator('.para-editor').waitFor({ state: 'detached' }).catch(() => undefined);
      // This page's Undo names the text edit (it went on this page's history, not the EN–JA page's).
      await page.getByRole('button', { name: 'Undo text edit' }).click();
      await page.locator('tr.bead').nth(2).locator('td.src .pt').getByText('Manila.').waitFor();
      expect(await page.locator('tr.bead').nth(2).locator('td.src .pt').textContent()).to.equal('The next meeting will be held in Manila.');
    }, 15_000);
  });
});
