// Browser test: a 500-row alignment renders without a request per row, and keyboard navigation reaches its rows (speed: `npm run bench:ui`).
import { expect } from 'chai';
import { importStatement } from '../../server/ops/import.ts';
import { newPage, open, useFixture } from './harness.ts';

const ROWS = 500;

/** A synthetic alignment served in place of the API response: the point is the UI, not the aligner. */
function bigStatement(id: number): unknown {
  const beads = [];
  let en = 0;
  let ko = 0;
  for (let i = 0; i < ROWS; i++) {
    const srcCount = i % 50 === 7 ? 2 : i % 97 === 3 ? 1 : 1;
    const tgtCount = i % 97 === 3 ? 0 : 1;
    const src = Array.from({ length: srcCount }, () => {
      en++;
      return { id: 100_000 + en, n: en, text: `Paragraph ${en}: the two sides reaffirmed their commitment to close coordination on alliance issues, including combined exercises and extended deterrence.` };
    });
    const tgt = Array.from({ length: tgtCount }, () => {
      ko++;
      return { id: 200_000 + ko, n: ko, text: `${ko}번 문단: 양측은 연합연습과 확장억제를 포함한 동맹 현안에 대해 긴밀히 공조해 나가기로 하였다.` };
    });
    beads.push({ id: i + 1, position: i + 1, version: 1, status: i % 3 === 0 ? 'confirmed' : 'auto', confidence: ((i * 37) % 100) / 100, src, tgt, flags: [] });
  }
  const confirmed = beads.filter((b) => b.status === 'confirmed').length;
  return {
    ok: true,
    statement: { id, title: 'Large synthetic statement', date: '2026-05-01', languages: ['en', 'ko'], beads: ROWS, confirmed, openFlags: 0, createdAt: '2026-05-01T00:00:00Z' },
    alignment: { id, srcLang: 'en', tgtLang: 'ko', beads },
  };
}

describe('web: large alignment', function () {
  this.timeout(30_000);
  // A real 500-row statement through the real import (pre-split: one line = one paragraph).
  const fx = useFixture((conn) => {
    const en = Array.from({ length: ROWS }, (_, i) => `Item ${i + 1}: the Parties agreed to hold consultation round ${i + 1} on alliance issues in ${2000 + (i % 26)}.`).join('\n');
    const ko = Array.from({ length: ROWS }, (_, i) => `${i + 1}번 항목: 양측은 ${2000 + (i % 26)}년에 동맹 현안에 관한 제${i + 1}차 협의를 개최하기로 합의하였다.`).join('\n');
    return { importedId: importStatement(conn, { title: 'Large imported statement', texts: { en, ko }, preSplit: true }, 'test').statementId };
  });

  it(`renders ${ROWS} rows without a request per row and moves 100 rows down by keyboard`, async () => {
    const { page, pageErrors, close } = await newPage(fx.browser, { baseUrl: fx.server.url });
    try {
      const body = JSON.stringify(bigStatement(424242));
      // Fonts play no part in this test, and 500 rows of Hangul would pull in most subsets.
      await page.route('**/fonts/**', (route) => route.abort());
      await page.route('**/api/statements/424242/findings', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true,"findings":[]}' }));
      await page.route('**/api/statements/424242', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
      let apiCalls = 0;
      page.on('request', (r) => {
        if (r.url().includes('/api/')) apiCalls++;
      });
      await open(page, `${fx.server.url}/statements/424242`);
      expect(await page.locator('tr.bead').count()).to.equal(ROWS);
      // The performance marks `npm run bench:ui` reads (JSON in hand → rows in the DOM) are set, in that order.
      const marks = await page.evaluate(() => ['twintext:data', 'twintext:ready'].map((n) => performance.getEntriesByName(n).length));
      expect(marks).to.deep.equal([1, 1]);
      expect(await page.evaluate(() => performance.getEntriesByName('twintext:ready')[0]!.startTime >= performance.getEntriesByName('twintext:data')[0]!.startTime)).to.equal(true);
      // /api/me, the statement, /api/meta, the findings and the glossary (for name anchors): rows never fetch on their own.
      expect(apiCalls).to.equal(5);

      // Speed is measured by `npm run bench:ui`, not asserted here.
      await page.evaluate(async () => {
        // Inline on purpose: tsx wraps named helpers in __name(), which does not exist in the page.
        for (let i = 0; i < 100; i++) document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }));
        await new Promise<void>((r) => requestAnimationFrame(() => r()));
      });
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['index'])).to.equal('99');
      expect(apiCalls, 'moving between rows fetches nothing').to.equal(5);

      await page.getByRole('button', { name: /^Empty side/ }).click();
      expect(await page.locator('tr.bead:not([hidden])').count()).to.equal(Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 97 === 3).length);
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  });

  it(`renders an imported ${ROWS}-row statement with anchors and moves through it by keyboard`, async () => {
    const { page, pageErrors, close } = await newPage(fx.browser, { baseUrl: fx.server.url });
    try {
      await page.route('**/fonts/**', (route) => route.abort());
      await open(page, `${fx.server.url}/statements/${fx.data.importedId}`);
      expect(await page.locator('tr.bead').count()).to.equal(ROWS);
      // Each row shares its numbers and year on both sides, so they are marked as matched.
      expect(await page.locator('tr.bead').nth(10).locator('td.src .anc-ok').count()).to.be.at.least(2);
      for (let i = 0; i < 10; i++) await page.keyboard.press('j');
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['index'])).to.equal('9');
      expect(await page.getByRole('toolbar', { name: 'Alignment of the current row' }).textContent()).to.contain('Row 10');
      await page.keyboard.press('End');
      await page.locator('tr.bead').last().scrollIntoViewIfNeeded();
      expect(await page.locator('tr.bead').last().locator('th').textContent()).to.equal(String(ROWS));
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  });
});
