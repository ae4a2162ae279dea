// Browser tests on imported statements: markup in text is shown literally and never runs; trilateral pairs switch.
import { expect } from 'chai';
import { importStatement } from '../../server/ops/import.ts';
import { apiAlignment, newPage, open, useFixture } from './harness.ts';

const TITLE = 'Statement on <script>alert(1)</script> and <b>bold</b> markup';
const EN = [
  'The Parties reviewed the draft text <script>alert(1)</script> line by line.',
  'Both delegations agreed that <b>markup</b> and <img src=x onerror=alert(2)> must never be rendered.',
].join('\n\n');
const KO = [
  '양측은 초안 <script>alert(1)</script> 문안을 한 줄씩 검토하였다.',
  '양 대표단은 <b>markup</b> 및 <img src=x onerror=alert(2)> 가 표시되어서는 안 된다는 데 동의하였다.',
].join('\n\n');

const TRI = {
  en: [
    'The Foreign Ministers of Japan, the Republic of Korea, and the United States met in Tokyo on April 8, 2026.',
    'The Ministers condemned the recent ballistic missile launches and called for full implementation of sanctions.',
    'They agreed to hold the next trilateral meeting in Seoul.',
  ].join('\n\n'),
  ko: [
    '한미일 외교장관은 2026년 4월 8일 도쿄에서 회담을 가졌다.',
    '장관들은 최근의 탄도미사일 발사를 규탄하고 제재의 완전한 이행을 촉구하였다.',
    '장관들은 차기 3자 회의를 서울에서 개최하기로 합의하였다.',
  ].join('\n\n'),
  ja: [
    '日米韓外相は2026年4月8日、東京で会談した。',
    '外相らは最近の弾道ミサイル発射を非難し、制裁の完全な履行を求めた。',
    '外相らは次回の三か国会合をソウルで開催することで一致した。',
  ].join('\n\n'),
};

describe('web: imported statements', function () {
  this.timeout(30_000);
  const fx = useFixture((conn) => ({
    statementId: importStatement(conn, { title: TITLE, date: '2026-03-01', texts: { en: EN, ko: KO } }, 'test').statementId,
    trilateralId: importStatement(conn, { title: 'Trilateral Foreign Ministers Statement', date: '2026-04-08', texts: TRI }, 'test').statementId,
  }));

  it('shows <script> and <b> literally on the list and the review page, and runs nothing', async () => {
    const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url });
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    try {
      await open(page, `${fx.server.url}/`);
      expect(await page.getByRole('link', { name: TITLE, exact: true }).count()).to.equal(1);
      expect(await page.locator('#app script, #app b, #app img').count()).to.equal(0);

      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).to.equal(TITLE);
      const alignment = await apiAlignment(fx.server.url, fx.data.statementId);
      const shownSrc = await page.locator('td.src .pt').allTextContents();
      const shownTgt = await page.locator('td.tgt .pt').allTextContents();
      expect(shownSrc).to.deep.equal(alignment.beads.flatMap((b) => b.src.map((p) => p.text)));
      expect(shownTgt).to.deep.equal(alignment.beads.flatMap((b) => b.tgt.map((p) => p.text)));
      expect(shownSrc.join(' ')).to.contain('<script>alert(1)</script>');
      expect(shownTgt.join(' ')).to.contain('<b>markup</b>');
      expect(await page.locator('#app script, #app b, #app img').count()).to.equal(0);

      // A flag comment is user text too.
      await page.locator('tr.bead').first().getByRole('button', { name: 'Flag' }).click();
      const dialog = page.getByRole('dialog', { name: /Flag row/ });
      await dialog.getByLabel('Category').selectOption('style');
      await dialog.getByLabel('Comment').fill('<img src=x onerror=alert(3)> check <b>this</b>');
      await dialog.getByRole('button', { name: 'Save' }).click();
      await page.locator('.side-panel .flag-comment').getByText('<img src=x onerror=alert(3)> check <b>this</b>').waitFor();
      expect(await page.locator('.side-panel img, .side-panel b').count()).to.equal(0);

      await page.waitForTimeout(100);
      expect(dialogs).to.deep.equal([]);
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  });

  it('switches the language pair of a trilateral statement (EN–KO / EN–JA)', async () => {
    const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url });
    try {
      await open(page, `${fx.server.url}/statements/${fx.data.trilateralId}`);
      const pairs = page.getByRole('navigation', { name: 'Language pair' });
      expect(await pairs.getByRole('link').allTextContents()).to.have.members(['EN–KO', 'EN–JA']);
      const first = await page.locator('td.tgt').first().getAttribute('lang');
      const other = first === 'ko' ? 'JA' : 'KO';
      await pairs.getByRole('link', { name: `EN–${other}` }).click();
      await page.waitForURL(`**/statements/${fx.data.trilateralId}?lang=${other.toLowerCase()}`);
      await page.waitForSelector('html[data-ready="true"]');
      expect(await page.locator('td.tgt').first().getAttribute('lang')).to.equal(other.toLowerCase());
      expect(await page.locator('table.beads thead th').nth(2).textContent()).to.contain(other === 'JA' ? 'Japanese' : 'Korean');
      expect(await pairs.getByRole('link', { name: `EN–${other}` }).getAttribute('aria-current')).to.equal('page');
      const texts = (await page.locator('td.tgt .pt').allTextContents()).join('\n');
      expect(texts).to.contain(other === 'JA' ? '日米韓外相' : '한미일 외교장관');
      // Every glyph of the target column comes from a font that has it: the bundled web font, or a
      // system font of the language's stack. (A machine without Japanese fonts, like the test one,
      // used to draw kana as empty boxes from the last-resort font.)
      await page.evaluate(() => document.fonts.ready);
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: 0 });
      const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: 'td.tgt .pt' });
      const used = new Set<string>();
      for (const nodeId of nodeIds.slice(0, 6)) {
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        for (const f of fonts) used.add(`${f.familyName}${f.isCustomFont ? ' (web font)' : ''}`);
      }
      expect([...used].filter((f) => !f.endsWith('(web font)') && !/Noto Sans (CJK )?(JP|KR)|Hiragino|Yu Gothic|Meiryo|Malgun|Apple SD Gothic|Nanum|Source Han/i.test(f))).to.deep.equal([]);
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  });
});
