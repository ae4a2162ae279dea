// Browser tests at phone width (390 × 800) on a long statement: the row tools menu keeps its row in view, and the flags panel below 500 rows is one tap away.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { apiAlignment, newPage, open, useFixture, type TestPage } from './harness.ts';

const ROWS = 500;

// Written for these tests: one numbered item per line; every 50th Korean item leaves out its year and
// round, so the checks have suggestions to show scattered through the statement.
const EN = Array.from({ length: ROWS }, (_, i) => `Item ${i + 1}: the Parties agreed to hold consultation round ${i + 1} on alliance issues in ${2000 + (i % 26)}.`);
const KO = Array.from({ length: ROWS }, (_, i) =>
  i % 50 === 10 ? `${i + 1}번 항목: 양측은 동맹 현안에 관한 협의를 개최하기로 합의하였다.` : `${i + 1}번 항목: 양측은 ${2000 + (i % 26)}년에 동맹 현안에 관한 제${i + 1}차 협의를 개최하기로 합의하였다.`,
);

async function post(url: string, body: unknown): Promise<Response> {
  return fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Park Minseo' }, body: JSON.stringify(body) });
}

/** Page-space rectangles (no helper functions inside evaluate: tsx would name them with a __name the page lacks). */
async function layout(page: Page, rowIndex: number) {
  return page.evaluate((k) => {
    const row = document.querySelectorAll('tr.bead')[k]!.getBoundingClientRect();
    const bar = document.querySelector('.toolbar')!.getBoundingClientRect();
    return { rowTop: row.top, rowBottom: row.bottom, barBottom: bar.bottom, height: window.innerHeight, scrollWidth: document.documentElement.scrollWidth, width: window.innerWidth };
  }, rowIndex);
}

/** Two frames: what the page does after a click (a second look once the layout has settled) is done. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}

describe('web: phone width', function () {
  this.timeout(60_000);
  const fx = useFixture(() => ({}));
  let statementId = 0;

  before(async () => {
    // Through the API, as a reviewer's import would come (blank lines between paragraphs).
    const res = await post(`${fx.server.url}/api/statements`, { title: 'Five hundred consultation items', date: '2026-05-01', texts: { en: EN.join('\n\n'), ko: KO.join('\n\n') } });
    expect(res.status).to.equal(201);
    const body = (await res.json()) as { statement: { id: number; beads: number; findings: number } };
    expect(body.statement.beads).to.equal(ROWS);
    expect(body.statement.findings, 'the checks found the missing years and rounds').to.be.at.least(10);
    statementId = body.statement.id;
  });

  async function withPhone(fn: (page: Page, errors: string[]) => Promise<void>): Promise<void> {
    const tp: TestPage = await newPage(fx.browser, { baseUrl: fx.server.url });
    tp.page.setDefaultTimeout(10_000);
    try {
      await tp.page.setViewportSize({ width: 390, height: 800 });
      // Fonts are not what these tests look at, and 500 rows of Hangul would pull in most subsets.
      await tp.page.route('**/fonts/**', (route) => route.abort());
      await fn(tp.page, tp.pageErrors);
    } finally {
      await tp.close();
    }
  }

  it('keeps the row the tools act on in view below the toolbar when the row tools menu opens, and acts on that row', async () => {
    const i = 249;
    await withPhone(async (page, errors) => {
      await open(page, `${fx.server.url}/statements/${statementId}`);
      const row = page.locator('tr.bead').nth(i);
      await row.scrollIntoViewIfNeeded();
      // Tapping a card makes it the current row.
      await row.locator('th.col-pos').click();
      const tools = page.getByRole('toolbar', { name: 'Alignment of the current row' });
      expect(await tools.locator('.row-tools-label').textContent()).to.equal(`Row ${i + 1}`);
      // The reviewer has the row right under the sticky toolbar, where the open menu used to cover it.
      await page.evaluate((k) => {
        const r = document.querySelectorAll('tr.bead')[k]!.getBoundingClientRect();
        window.scrollBy(0, r.top - document.querySelector('.toolbar')!.getBoundingClientRect().bottom - 4);
      }, i);
      await settle(page);
      const before = await layout(page, i);
      expect(before.barBottom, 'the toolbar is stuck to the top').to.be.below(200);
      expect(before.rowTop).to.be.at.least(before.barBottom);

      // Escape closes the menu and returns to its toggle, as menus do; it opens again.
      await tools.getByRole('button', { name: 'Row tools' }).click();
      await tools.getByRole('button', { name: 'Merge', exact: true }).focus();
      await page.keyboard.press('Escape');
      expect(await tools.getByRole('button', { name: 'Row tools' }).getAttribute('aria-expanded')).to.equal('false');
      expect(await page.evaluate(() => document.activeElement?.textContent)).to.equal('Row tools');
      await tools.getByRole('button', { name: 'Row tools' }).click();
      await settle(page);
      expect(await tools.getByRole('button', { name: 'Merge', exact: true }).isVisible()).to.equal(true);
      const after = await layout(page, i);
      expect(after.barBottom, 'the open menu makes the toolbar taller').to.be.above(before.barBottom);
      expect(after.rowTop, 'row top below the toolbar and its menu').to.be.at.least(after.barBottom);
      expect(after.rowBottom, 'row bottom in the window').to.be.at.most(after.height);
      // What is drawn at the row's number is the row itself, not the toolbar.
      const hit = await page.evaluate((k) => {
        const th = document.querySelectorAll('tr.bead')[k]!.querySelector('th')!.getBoundingClientRect();
        return (document.elementFromPoint(th.left + th.width / 2, th.top + th.height / 2)?.closest('tr.bead') as HTMLElement | null)?.dataset['index'];
      }, i);
      expect(hit).to.equal(String(i));
      expect(after.scrollWidth, 'page width').to.be.at.most(after.width);

      // A menu action works on that row: every row up to it is confirmed, the next one is not.
      await tools.getByRole('button', { name: 'Confirm all above' }).click();
      await page.waitForSelector(`tr.bead:nth-child(${i + 1}).status-confirmed`);
      await page.waitForFunction(() => !document.querySelector('#app[aria-busy]'));
      const beads = (await apiAlignment(fx.server.url, statementId)).beads;
      expect(beads.slice(0, i + 1).every((b) => b.status === 'confirmed')).to.equal(true);
      expect(beads[i + 1]!.status).to.equal('auto');
      await settle(page);
      const done = await layout(page, i);
      expect(done.rowTop, 'still in view after the change').to.be.at.least(done.barBottom);
      expect(done.rowBottom).to.be.at.most(done.height);
      expect(errors).to.deep.equal([]);
    });
  });

  it(`leads from the toolbar to the flags panel below ${ROWS} rows, by keyboard, and back to the row`, async () => {
    const beads = (await apiAlignment(fx.server.url, statementId)).beads;
    const flagged = beads[120]!;
    expect((await post(`${fx.server.url}/api/beads/${flagged.id}/flags`, { category: 'number', comment: 'Check the round number.' })).status).to.equal(201);
    const { findings } = (await (await fetch(`${fx.server.url}/api/statements/${statementId}/findings`)).json()) as { findings: Array<{ status: string; severity: string }> };
    const suggestions = findings.filter((f) => f.status === 'suggested' && f.severity !== 'info').length;
    await withPhone(async (page, errors) => {
      await open(page, `${fx.server.url}/statements/${statementId}`);
      const i = 40;
      await page.locator('tr.bead').nth(i).scrollIntoViewIfNeeded();
      await page.locator('tr.bead').nth(i).locator('th.col-pos').click();

      // In the sticky toolbar, named for what it leads to.
      const jump = page.locator('.toolbar').getByRole('button', { name: `Flags (${suggestions + 1}): 1 open flag and ${suggestions} suggestions, in the panel below the rows` });
      expect(await jump.isVisible()).to.equal(true);
      expect(await jump.textContent()).to.equal(`⚑ Flags (${suggestions + 1})`);
      await jump.focus();
      await page.keyboard.press('Enter');
      // The panel is in the window, below the toolbar, on the Flags tab, which has the focus.
      await page.waitForFunction(() => {
        const side = document.querySelector('.side')!.getBoundingClientRect();
        return side.top >= document.querySelector('.toolbar')!.getBoundingClientRect().bottom - 1 && side.bottom <= window.innerHeight + 1;
      });
      const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, selected: document.activeElement?.getAttribute('aria-selected') }));
      expect(focused).to.deep.equal({ text: 'Flags', selected: 'true' });
      expect(await page.locator('.side-panel').getByText('Check the round number.').isVisible()).to.equal(true);
      const wide = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, width: window.innerWidth, panel: document.querySelector('.side-panel')!.scrollWidth - document.querySelector('.side-panel')!.clientWidth }));
      expect(wide.page, 'nothing scrolls sideways').to.be.at.most(wide.width);
      expect(wide.panel, 'the panel does not scroll sideways').to.be.at.most(0);

      // The suggestions are a tab away; then back to the row being reviewed, by keyboard too.
      await page.locator('.side').getByRole('tab', { name: 'Suggestions', exact: true }).click();
      expect(await page.locator('.side-panel li.finding-item').count()).to.equal(suggestions);
      const back = page.locator('.side').getByRole('button', { name: `Back to row ${i + 1}`, exact: true });
      await back.focus();
      await page.keyboard.press('Enter');
      await settle(page);
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['index'])).to.equal(String(i));
      const m = await layout(page, i);
      expect(m.rowTop).to.be.at.least(m.barBottom);
      expect(m.rowTop).to.be.below(m.height);
      expect(errors).to.deep.equal([]);
    });
  });
});
