// Browser test: a 500-row alignment renders in one pass and stays responsive to keyboard navigation.
import { expect } from 'chai';
import { importStatement } from '../../server/ops/import.ts';
import { newPage, open, useFixture } from './harness.ts';

const ROWS = 500;

/** A synthetic alignment served in place of the API response: the point is the UI's cost, not the aligner's. */
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

  it(`renders ${ROWS} rows quickly and moves between them without lag`, async () => {
    const { page, pageErrors, close } = await newPage(fx.browser, { baseUrl: fx.server.url });
    try {
      const body = JSON.stringify(bigStatement(424242));
      // Fonts are not what this test measures, and 500 rows of Hangul would pull in most subsets.
      await page.route('**/fonts/**', (route) => route.abort());
      await page.route('**/api/statements/424242/findings', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"ok":true,"findings":[]}' }));
      await page.route('**/api/statements/424242', (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
      let apiCalls = 0;
      page.on('request', (r) => {
        if (r.url().includes('/api/')) apiCalls++;
      });
      const t0 = Date.now();
      await open(page, `${fx.server.url}/statements/424242`);
      const renderMs = Date.now() - t0;
      expect(await page.locator('tr.bead').count()).to.equal(ROWS);
      const marks = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
        const [data = -1, ready = -1] = ['twintext:data', 'twintext:ready'].map((n) => Math.round(performance.getEntriesByName(n)[0]?.startTime ?? -1));
        return { dcl: Math.round(nav.domContentLoadedEventEnd), data, ready };
      });
      // From JSON in hand to 500 rows in the DOM; page load and font downloads are not the UI's cost.
      const buildMs = marks.ready - marks.data;
      expect(marks.data).to.be.above(0);
      expect(buildMs, `building ${ROWS} rows took ${buildMs} ms`).to.be.below(1000);
      // /api/me, the statement, /api/meta, the findings and the glossary (for name anchors): rows never fetch on their own.
      expect(apiCalls).to.equal(5);

      const navMs = await page.evaluate(async () => {
        // Inline on purpose: tsx wraps named helpers in __name(), which does not exist in the page.
        const start = performance.now();
        for (let i = 0; i < 100; i++) document.dispatchEvent(new KeyboardEvent('keydown', { key: 'j', bubbles: true, cancelable: true }));
        await new Promise<void>((r) => requestAnimationFrame(() => r()));
        return performance.now() - start;
      });
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset['index'])).to.equal('99');
      expect(navMs, `100 row moves took ${navMs.toFixed(0)} ms`).to.be.below(1000);

      await page.getByRole('button', { name: /^Empty side/ }).click();
      expect(await page.locator('tr.bead:not([hidden])').count()).to.equal(Array.from({ length: ROWS }, (_, i) => i).filter((i) => i % 97 === 3).length);
      expect(pageErrors).to.deep.equal([]);
      console.log(`      ${ROWS} rows: rows built in ${buildMs} ms, page ready in ${renderMs} ms, 100 j-moves in ${navMs.toFixed(0)} ms`);
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
