// Browser tests for the statement list: seeded demo statements, links, progress, search, screenshot.
import { readFileSync } from 'node:fs';
import { expect } from 'chai';
import { addFlag, getStatementView, setBeadConfirmed } from '../../server/ops/review.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { apiAlignment, apiGet, newPage, open, screenshotPath, settleFonts, useFixture, withPage, type ApiStatement, type TestPage } from './harness.ts';

describe('web: statement list', function () {
  this.timeout(30_000);
  // The demo statements with some review progress and an open flag, so the list (and its screenshot) shows real numbers.
  const fx = useFixture((conn) => {
    const beads = getStatementView(conn, Math.min(...seedDemo(conn))).alignment!.beads;
    for (const b of beads.slice(0, 5)) setBeadConfirmed(conn, b.id, true, b.version, 'Seed Reviewer');
    addFlag(conn, beads[6]!.id, { category: 'number', comment: 'Amounts differ.' }, 'Seed Reviewer');
  });
  let statements: ApiStatement[];
  /** Runs `fn` on a fresh page (5 s per step), then checks the page raised no error. */
  const onPage = (fn: (page: TestPage['page']) => Promise<void>): Promise<void> => withPage(fx, fn);
  /** The list page with its import form open. */
  const openImportForm = async (page: TestPage['page']) => {
    await open(page, `${fx.server.url}/`);
    await page.getByRole('button', { name: '+ Import statement' }).click();
    return page.getByRole('form', { name: 'Import statement' });
  };

  before(async () => {
    statements = (await apiGet<{ statements: ApiStatement[] }>(fx.server.url, '/api/statements')).statements;
  });

  it('lists the seeded demo statements with links, languages and progress', async () => {
    expect(statements.length).to.be.at.least(2);
    expect(statements.filter((s) => s.languages.includes('ja')), 'the trilateral demo statement').to.have.length(1);
    expect(statements.some((s) => s.confirmed === 5 && s.openFlags === 1)).to.equal(true);
    const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url });
    try {
      await open(page, `${fx.server.url}/`);
      const rows = page.locator('table.statements tbody tr');
      expect(await rows.count()).to.equal(statements.length);
      for (const s of statements) {
        const link = page.getByRole('link', { name: s.title, exact: true });
        expect(await link.getAttribute('href')).to.equal(`/statements/${s.id}`);
        const row = page.locator('table.statements tbody tr', { has: link });
        // Every language of the statement: EN KO, and JA for the trilateral one.
        expect(await row.locator('.lang-chip').allTextContents()).to.deep.equal(s.languages.map((l) => l.toUpperCase()));
        expect(await row.getByRole('progressbar').getAttribute('aria-valuemax')).to.equal(String(s.beads));
        expect((await row.locator('.progress-text').textContent())?.trim()).to.equal(`${s.confirmed}/${s.beads}`);
        expect((await row.locator('.col-flags').textContent())?.trim()).to.equal(s.openFlags > 0 ? `⚑ ${s.openFlags}` : '0');
        const findings = (s as ApiStatement & { findings?: number }).findings ?? 0;
        expect((await row.locator('.col-findings').textContent())?.trim()).to.equal(findings > 0 ? `◇ ${findings}` : '0');
      }
      await settleFonts(page);
      await page.screenshot({ path: screenshotPath('screenshot-list.png') });
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  });

  it('searches titles through the API and follows a title to its review page', async () => {
    const { close, page } = await newPage(fx.browser, { baseUrl: fx.server.url });
    try {
      await open(page, `${fx.server.url}/`);
      const target = statements[statements.length - 1]!;
      // A distinctive word of the last title narrows the list to fewer statements.
      const word = target.title.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
      const expected = (await apiGet<{ statements: ApiStatement[] }>(fx.server.url, `/api/statements?q=${encodeURIComponent(word)}`)).statements;
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

  it('exports the confirmed pairs of every statement, or of a search\'s matches, and their flag report, in one download each', async () => {
    await onPage(async (page) => {
      const current = (await apiGet<{ statements: ApiStatement[] }>(fx.server.url, '/api/statements')).statements;
      await open(page, `${fx.server.url}/`);
      const bar = page.getByRole('group', { name: 'Export the statements listed' });
      // The whole corpus: the same file as the API's export of every statement.
      const [all] = await Promise.all([page.waitForEvent('download'), bar.getByRole('link', { name: 'Download TSV of the statements listed' }).click()]);
      expect(all.suggestedFilename()).to.equal('twintext.tsv');
      const whole = await (await fetch(`${fx.server.url}/api/export?format=tsv&status=confirmed`)).text();
      expect(readFileSync((await all.path())!, 'utf8')).to.equal(whole);
      expect(whole.trim().split('\n').length, 'the seeded confirmed rows are there').to.be.greaterThan(1);
      // Every statement without naming one: the links stay short however many there are.
      const hrefs = () => bar.getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
      expect(await hrefs(), 'four formats and the report').to.have.length(5);
      for (const href of await hrefs()) expect(href).not.to.match(/[?&](statement|q)=/);

      // A search lists statements none of whose rows is confirmed: said, rather than an empty file.
      const unconfirmed = current.find((s) => s.confirmed === 0)!;
      await page.getByRole('searchbox', { name: 'Search statements' }).fill(unconfirmed.title);
      await page.waitForFunction(() => document.querySelectorAll('table.statements tbody tr a').length === 1);
      await bar.getByRole('link', { name: 'Download TMX of the statements listed' }).click();
      expect(await page.getByRole('alert').textContent()).to.contain('No row of the statements listed is confirmed yet');
      // Every row of the statement matched, and only of it.
      await bar.getByLabel('Confirmed only').uncheck();
      const [matched] = await Promise.all([page.waitForEvent('download'), bar.getByRole('link', { name: 'Download TSV of the statements listed' }).click()]);
      const ids = readFileSync((await matched.path())!, 'utf8').trim().split('\n').slice(1).map((l) => Number(l.split('\t')[4]));
      expect(ids.length).to.be.greaterThan(0);
      expect([...new Set(ids)]).to.deep.equal([unconfirmed.id]);
      // The links carry the search, which the server resolves as the list did, not the ids it matched
      // (a search matching thousands of statements made URLs the server refused).
      const q = `q=${encodeURIComponent(unconfirmed.title)}`;
      expect(await bar.getByRole('link', { name: 'Report' }).getAttribute('href')).to.equal(`/api/report?format=html&${q}`);
      expect(await bar.getByRole('link', { name: 'Download TSV of the statements listed' }).getAttribute('href')).to.equal(`/api/export?format=tsv&status=all&${q}`);
      for (const href of await hrefs()) {
        expect(href).to.include(`&${q}`);
        expect(href).not.to.include('statement=');
      }
    });
  });

  it('imports an uploaded HTML page and a Korean text file, shows API errors in the alert region, and opens the new statement', async () => {
    const html = Buffer.from(
      '<!doctype html><html><head><title>Press release</title><script>alert(1)</script></head><body><h1>Joint Statement on Maritime Security Cooperation</h1>' +
        '<p>The Republic of Korea and the United States held maritime security talks in Busan on June 3, 2026.</p>' +
        '<p>The two sides agreed to expand combined patrols and to share <b>information</b> on illicit transfers.</p></body></html>',
      'utf8',
    );
    const ko = Buffer.from(
      ['해양안보 협력에 관한 공동성명', '대한민국과 미국은 2026년 6월 3일 부산에서 해양안보 회담을 개최하였다.', '양측은 연합 순찰을 확대하고 불법 환적에 관한 정보를 공유하기로 합의하였다.'].join('\n\n'),
      'utf8',
    );
    await onPage(async (page) => {
      const form = await openImportForm(page);
      // An unsupported file: the server's message is shown in the form's alert region.
      await form.getByLabel('English file').setInputFiles({ name: 'statement.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n') });
      await form.getByLabel('Korean file').setInputFiles({ name: 'statement.ko.txt', mimeType: 'text/plain', buffer: ko });
      await form.getByRole('button', { name: 'Import' }).click();
      await form.getByRole('alert').getByText('.pdf files are not supported').waitFor();

      await form.getByLabel('English file').setInputFiles({ name: 'statement.en.html', mimeType: 'text/html', buffer: html });
      await form.getByLabel('Title (optional)').fill('Maritime Security Cooperation');
      await form.getByLabel('Date (optional)').fill('2026-06-03');
      await form.getByRole('button', { name: 'Import' }).click();
      await page.waitForURL(/\/statements\/\d+$/);
      await page.waitForSelector('html[data-ready="true"]');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).to.equal('Maritime Security Cooperation');
      expect(await page.locator('tr.bead').count()).to.be.at.least(2);
      const src = (await page.locator('td.src .pt').allTextContents()).join(' ');
      expect(src).to.contain('combined patrols');
      expect(src).to.not.contain('alert(1)');
      expect((await page.locator('td.tgt .pt').allTextContents()).join(' ')).to.contain('부산에서');

      // Pasting works the same way.
      await open(page, `${fx.server.url}/`);
      await page.getByRole('button', { name: '+ Import statement' }).click();
      await form.getByLabel('English text').fill('The Ministers met in Seoul.\n\nThey agreed to meet again in <b>2027</b>.');
      await form.getByLabel('Korean text').fill('장관들은 서울에서 만났다.\n\n양측은 2027년에 다시 만나기로 합의하였다.');
      await form.getByRole('button', { name: 'Import' }).click();
      await page.waitForURL(/\/statements\/\d+$/);
      await page.waitForSelector('html[data-ready="true"]');
      expect(await page.locator('td.src .pt').allTextContents()).to.include('They agreed to meet again in <b>2027</b>.');
      expect(await page.locator('#app b').count()).to.equal(0);
      const existing = page.url();

      // The same texts again, under another title: the form says which statement holds them.
      await open(page, `${fx.server.url}/`);
      await page.getByRole('button', { name: '+ Import statement' }).click();
      await form.getByLabel('Title (optional)').fill('Some other title');
      await form.getByLabel('English text').fill('The Ministers met in Seoul.\n\nThey agreed to meet again in <b>2027</b>.');
      await form.getByLabel('Korean text').fill('장관들은 서울에서 만났다.\n\n양측은 2027년에 다시 만나기로 합의하였다.');
      await form.getByRole('button', { name: 'Import' }).click();
      const notice = form.getByRole('status');
      await notice.getByText('These texts are already imported as').waitFor();
      expect(await notice.textContent()).to.match(/already imported as The Ministers met in Seoul\. \(statement \d+\); nothing new was stored, and its title was kept\./);
      expect(new URL(await notice.getByRole('link').getAttribute('href') ?? '', fx.server.url).href).to.equal(existing);
      expect(page.url()).to.equal(`${fx.server.url}/`);
    });
  });

  it('lists terms rendered differently across statements and links to the rows where they appear', async () => {
    const post = async (title: string, date: string, en: string, ko: string) => {
      const res = await fetch(`${fx.server.url}/api/statements`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Seed Reviewer' },
        body: JSON.stringify({ title, date, texts: { en, ko } }),
      });
      expect(res.status).to.equal(201);
      return ((await res.json()) as { statement: ApiStatement }).statement.id;
    };
    const first = await post('Readiness talks <i>one</i>', '2026-05-08', 'Readiness talks\n\nThe Joint Chiefs of Staff briefed both delegations on readiness.', '대비태세 회의\n\n합동참모본부가 양측 대표단에 대비태세를 보고하였다.');
    const second = await post('Exercise talks', '2026-05-06', 'Exercise talks\n\nThe Joint Chiefs of Staff presented the combined exercise plan.', '연습 회의\n\n합참이 연합연습 계획을 설명하였다.');
    const { beads } = await apiAlignment(fx.server.url, second);
    const target = beads.find((b) => b.tgt.some((p) => p.text.includes('합참')))!;
    await onPage(async (page) => {
      await open(page, `${fx.server.url}/`);
      const panel = page.getByRole('region', { name: 'Consistency across statements' });
      await panel.getByRole('button', { name: 'Check consistency' }).click();
      const item = panel.locator('.consistency-item', { hasText: 'Joint Chiefs of Staff' });
      await item.waitFor();
      expect(await item.locator('.consistency-message').textContent()).to.match(/"합동참모본부" in statement \d+ .*"합참" in statement \d+/);
      const links = item.getByRole('link');
      expect(await links.allTextContents()).to.deep.equal(['Readiness talks <i>one</i> (2026-05-08), row 2', 'Exercise talks (2026-05-06), row 2']);
      expect(await links.nth(0).getAttribute('href')).to.match(new RegExp(`^/statements/${first}#bead-\\d+$`));
      expect(await panel.locator('i').count()).to.equal(0);
      await links.nth(1).click();
      await page.waitForURL(`${fx.server.url}/statements/${second}#bead-${target.id}`);
      await page.waitForSelector('html[data-ready="true"]');
      await page.locator(`tr.bead.current[data-bead-id="${target.id}"]`).waitFor();
    });
  });

  it('adds, edits, searches and deletes glossary terms at /#glossary, with markup kept literal', async () => {
    const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url });
    page.setDefaultTimeout(5000);
    page.on('dialog', (d) => void d.accept());
    try {
      await open(page, `${fx.server.url}/`);
      await page.getByRole('link', { name: 'Glossary' }).click();
      await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
      const before = (await apiGet<{ terms: unknown[] }>(fx.server.url, '/api/glossary')).terms.length;
      await page.getByText(`${before} of ${before} terms`).waitFor();

      await page.getByLabel('English terms').fill('Alliance Trial Coordination Cell | ATCC');
      await page.getByLabel('Korean terms').fill('동맹시험조정반');
      await page.getByLabel('Japanese terms').fill('同盟試験調整班');
      await page.getByLabel('Note').fill('Use <i>ATCC</i> after the first <b>mention</b>');
      await page.getByRole('button', { name: 'Add term' }).click();
      await page.getByText(`${before + 1} of ${before + 1} terms`).waitFor();
      const stored = (await apiGet<{ terms: { id: number; note: string; terms: Record<string, string[]> }[] }>(fx.server.url, '/api/glossary')).terms.find((t) => t.terms['ko']?.includes('동맹시험조정반'));
      expect(stored?.terms['en']).to.deep.equal(['Alliance Trial Coordination Cell', 'ATCC']);
      expect(stored?.terms['ja']).to.deep.equal(['同盟試験調整班']);
      // A column for each language of the glossary, Japanese included.
      expect(await page.locator('table.glossary thead th').allTextContents()).to.deep.equal(['English', 'Korean', 'Japanese', 'Note', 'Author', 'Actions']);

      // A doubled or no-break space in the search is one space.
      await page.getByRole('searchbox', { name: 'Search glossary' }).fill('trial  coordination\u00a0cell');
      await page.getByText(`1 of ${before + 1} terms`).waitFor();
      await page.getByRole('searchbox', { name: 'Search glossary' }).fill('시험조정');
      await page.getByText(`1 of ${before + 1} terms`).waitFor();
      const row = page.locator('table.glossary tbody tr');
      expect(await row.locator('td').first().textContent()).to.equal('Alliance Trial Coordination Cell | ATCC');
      expect(await row.locator('td').nth(2).textContent()).to.equal('同盟試験調整班');
      expect(await row.locator('td').nth(3).textContent()).to.equal(stored!.note);
      expect(stored!.note).to.contain('<i>');
      expect(await page.locator('#app b, #app i').count()).to.equal(0);

      await row.getByRole('button', { name: /^Edit/ }).click();
      await page.getByLabel('Korean terms').fill('동맹시험조정반 | ATCC');
      await page.getByRole('button', { name: 'Save term' }).click();
      await row.locator('td').nth(1).getByText('동맹시험조정반 | ATCC').waitFor();

      await row.getByRole('button', { name: /^Delete/ }).click();
      await page.getByText(`0 of ${before} terms`).waitFor();
      expect((await apiGet<{ terms: unknown[] }>(fx.server.url, '/api/glossary')).terms.length).to.equal(before);
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  });

  it('marks the searched text in the titles it matched, and says when only the text of a statement matched', async () => {
    await onPage(async (page) => {
      const word = statements[0]!.title.split(/\s+/).sort((a, b) => b.length - a.length)[0]!;
      // Typed in another case: the search is case-insensitive, and so is the highlight.
      const typed = word.toUpperCase() === word ? word.toLowerCase() : word.toUpperCase();
      await open(page, `${fx.server.url}/?q=${encodeURIComponent(typed)}`);
      const marks = page.locator('table.statements tbody td.col-title a mark');
      await marks.first().waitFor();
      expect(await marks.first().textContent()).to.equal(word);
      // The link's name is still the whole title.
      await page.getByRole('link', { name: statements[0]!.title, exact: true }).waitFor();

      // A Korean word of a paragraph, not of any title: the row says where the match is.
      const body = (await apiAlignment(fx.server.url, statements[0]!.id)).beads.flatMap((b) => b.tgt.map((p) => p.text)).join(' ');
      const koWord = body.split(/\s+/).find((w) => /^[가-힣]{4,}$/.test(w) && !statements.some((s) => s.title.includes(w)))!;
      expect(koWord, 'a Korean word of the text').to.be.a('string');
      await page.getByRole('searchbox', { name: 'Search statements' }).fill(koWord);
      await page.getByText(`“${koWord}” is in the text`).first().waitFor();
      expect(await marks.count()).to.equal(0);
      // Data stays text: a query with markup is shown and marked literally.
      await page.getByRole('searchbox', { name: 'Search statements' }).fill('<b>x</b>');
      await page.getByText('No statement matches “<b>x</b>”.').waitFor();
      expect(await page.locator('#app b').count()).to.equal(0);
    });
  });

  it('imports a trilateral statement (English, Korean, Japanese) from the form and reviews each pair', async () => {
    const en = [
      'Trilateral Statement on Maritime Domain Awareness',
      'Japan, the Republic of Korea and the United States held a trilateral meeting in Tokyo on April 8, 2026.',
      'The three sides agreed to share real-time data on vessels of concern.',
    ].join('\n\n');
    const ko = ['해양영역인식에 관한 3국 공동성명', '일본, 대한민국, 미국은 2026년 4월 8일 도쿄에서 3국 회의를 개최하였다.', '3국은 우려 선박에 관한 실시간 정보를 공유하기로 합의하였다.'].join('\n\n');
    const ja = ['海洋状況把握に関する日米韓共同声明', '日本、大韓民国及び米国は、2026年4月8日に東京で日米韓会合を開催した。', '三か国は、懸念船舶に関するリアルタイムの情報を共有することで一致した。'].join('\n\n');
    await onPage(async (page) => {
      const form = await openImportForm(page);
      await form.getByLabel('English text').fill(en);
      await form.getByLabel('Korean text').fill(ko);
      // A third version can be added and taken away again; the keyboard goes back to the add button.
      await form.getByRole('button', { name: '+ Add a third language' }).click();
      await form.getByRole('button', { name: 'Remove the third language' }).click();
      expect(await form.getByRole('combobox', { name: 'Third language' }).count()).to.equal(0);
      expect(await page.evaluate(() => document.activeElement?.textContent)).to.equal('+ Add a third language');
      await form.getByRole('button', { name: '+ Add a third language' }).click();
      // The new version takes the language no other one uses, and the keyboard is on its choice.
      const third = form.getByRole('combobox', { name: 'Third language' });
      expect(await third.inputValue()).to.equal('ja');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).to.equal('Third language');
      expect(await form.getByRole('button', { name: '+ Add a third language' }).isVisible()).to.equal(false);
      await form.getByLabel('Japanese file').setInputFiles({ name: 'statement.ja.txt', mimeType: 'text/plain', buffer: Buffer.from(ja, 'utf8') });
      await form.getByRole('button', { name: 'Import' }).click();
      await page.waitForURL(/\/statements\/\d+$/);
      await page.waitForSelector('html[data-ready="true"]');
      const id = Number(/\/statements\/(\d+)$/.exec(page.url())![1]);
      const summary = (await apiGet<{ statement: { languages: string[] } }>(fx.server.url, `/api/statements/${id}`)).statement;
      expect(summary.languages).to.deep.equal(['en', 'ko', 'ja']);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).to.equal('Trilateral Statement on Maritime Domain Awareness');
      expect((await page.locator('td.tgt .pt').allTextContents()).join(' ')).to.contain('도쿄에서');
      const pairs = page.getByRole('navigation', { name: 'Language pair' });
      await pairs.getByRole('link', { name: 'EN–JA' }).click();
      await page.waitForURL(/lang=ja$/);
      await page.waitForSelector('html[data-ready="true"]');
      expect(await page.locator('table.beads thead th').nth(2).textContent()).to.contain('Japanese');
      expect((await page.locator('td.tgt[lang="ja"] .pt').allTextContents()).join(' ')).to.contain('東京で');
      expect(await page.locator('tr.bead').count()).to.equal(3);
    });
  });

  it('offers to add the third text of a trilateral import to the statement that already holds the other two, and does, with the date typed', async () => {
    const en = 'Joint Statement on Coast Guard Cooperation\n\nThe three coast guards agreed to hold a joint search and rescue drill in May.';
    const ko = '해양경찰 협력에 관한 공동성명\n\n3국 해양경찰은 5월에 합동 수색구조 훈련을 실시하기로 합의하였다.';
    const ja = '海上保安協力に関する共同声明\n\n三か国の海上保安機関は、5月に合同捜索救助訓練を実施することで一致した。';
    const first = await (await fetch(`${fx.server.url}/api/statements`, {
      method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Park Minseo' }, body: JSON.stringify({ texts: { en, ko } }),
    })).json() as { statement: { id: number } };
    const count = async () => (await apiGet<{ statements: unknown[] }>(fx.server.url, '/api/statements')).statements.length;
    const before = await count();
    await onPage(async (page) => {
      const form = await openImportForm(page);
      await form.getByLabel('English text').fill(en);
      await form.getByLabel('Korean text').fill(ko);
      await form.getByRole('button', { name: '+ Add a third language' }).click();
      await form.getByLabel('Japanese text').fill(ja);
      await form.getByLabel('Date (optional)').fill('2026-05-14');
      await form.getByRole('button', { name: 'Import' }).click();
      const notice = form.getByRole('status');
      await notice.getByText('nothing was stored yet').waitFor();
      expect(await notice.textContent()).to.contain(`Its English and Korean texts are already Joint Statement on Coast Guard Cooperation (statement ${first.statement.id})`);
      // The statement has no date: nothing to warn of, it takes the one typed.
      expect(await notice.textContent()).not.to.contain('It is dated');
      expect(await count()).to.equal(before);
      await notice.getByRole('button', { name: `Add the Japanese to statement ${first.statement.id}` }).click();
      await page.waitForURL(new RegExp(`/statements/${first.statement.id}\\?lang=ja$`));
      await page.locator('tr.bead .pt', { hasText: '三か国の海上保安機関' }).waitFor();
    });
    expect(await count()).to.equal(before);
    const summary = (await apiGet<{ statement: { languages: string[]; date: string | null } }>(fx.server.url, `/api/statements/${first.statement.id}`)).statement;
    expect(summary.languages).to.deep.equal(['en', 'ko', 'ja']);
    expect(summary.date).to.equal('2026-05-14');
  });

  it('imports with Korean as the first language: Korean is the source, listed first, and on the left', async () => {
    const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url });
    page.setDefaultTimeout(5000);
    try {
      const form = await openImportForm(page);
      await form.getByRole('combobox', { name: 'First language (source)' }).selectOption('ko');
      await form.getByRole('combobox', { name: 'Second language' }).selectOption('en');
      // The labels follow the choice.
      await form.getByLabel('Korean text').fill('국방부 대변인 논평\n\n국방부는 오늘 열린 회의 결과를 환영한다.\n\n국방부는 동맹과 긴밀히 협력해 나갈 것이다.');
      await form.getByLabel('English file').setInputFiles({
        name: 'comment.en.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('Comment by the Ministry of National Defense Spokesperson\n\nThe Ministry welcomes the outcome of the meeting held today.\n\nThe Ministry will continue to work closely with its ally.', 'utf8'),
      });
      await form.getByRole('button', { name: 'Import' }).click();
      await page.waitForURL(/\/statements\/\d+$/);
      await page.waitForSelector('html[data-ready="true"]');
      const id = Number(/\/statements\/(\d+)$/.exec(page.url())![1]);
      const data = await apiGet<{ statement: { title: string; languages: string[] }; alignment: { srcLang: string; tgtLang: string } }>(fx.server.url, `/api/statements/${id}`);
      expect(data.statement.languages).to.deep.equal(['ko', 'en']);
      expect([data.alignment.srcLang, data.alignment.tgtLang]).to.deep.equal(['ko', 'en']);
      // Without a title the source's first paragraph names the statement.
      expect(data.statement.title).to.equal('국방부 대변인 논평');
      const headers = await page.locator('table.beads thead th').allTextContents();
      expect(headers[1]).to.contain('Korean');
      expect(headers[2]).to.contain('English');
      expect((await page.locator('td.src[lang="ko"] .pt').allTextContents()).join(' ')).to.contain('환영한다');

      // Choosing one language twice is refused in the form, naming it.
      await open(page, `${fx.server.url}/`);
      await page.getByRole('button', { name: '+ Import statement' }).click();
      await form.getByRole('combobox', { name: 'Second language' }).selectOption('en');
      await form.getByLabel('English text').first().fill('One.');
      await form.getByRole('button', { name: 'Import' }).click();
      await form.getByRole('alert').getByText('English is chosen twice').waitFor();
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  });

  it('names each version of the import form by its role and language only', async () => {
    const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url });
    try {
      const form = await openImportForm(page);
      await form.getByRole('button', { name: '+ Add a third language' }).click();
      // The third version's legend holds its Remove button too: that label is not part of the group's name.
      expect(await form.getByRole('group').count()).to.equal(3);
      expect(await form.getByRole('group', { name: 'Source English', exact: true }).count()).to.equal(1);
      expect(await form.getByRole('group', { name: 'Translation Korean', exact: true }).count()).to.equal(1);
      expect(await form.getByRole('group', { name: 'Translation Japanese', exact: true }).count()).to.equal(1);
      await form.getByRole('combobox', { name: 'Third language' }).selectOption('en');
      await form.getByRole('combobox', { name: 'First language (source)' }).selectOption('ja');
      expect(await form.getByRole('group', { name: 'Source Japanese', exact: true }).count()).to.equal(1);
      expect(await form.getByRole('group', { name: 'Translation English', exact: true }).count()).to.equal(1);
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  });

  it('does not scroll sideways at 360 and 320 px with a trilateral statement of hundreds of rows', async () => {
    const n = 120;
    const res = await fetch(`${fx.server.url}/api/statements`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'Park Minseo' },
      body: JSON.stringify({
        title: 'Trilateral maritime work plan',
        texts: {
          en: Array.from({ length: n }, (_, i) => `${i + 1}. The three sides reviewed item ${i + 1} of the maritime work plan.`).join('\n\n'),
          ko: Array.from({ length: n }, (_, i) => `${i + 1}. 3국은 해양 작업계획 제${i + 1}항을 점검하였다.`).join('\n\n'),
          ja: Array.from({ length: n }, (_, i) => `${i + 1}. 三か国は、海洋作業計画の第${i + 1}項を確認した。`).join('\n\n'),
        },
      }),
    });
    expect(res.status).to.equal(201);
    const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url });
    try {
      for (const width of [360, 320]) {
        await page.setViewportSize({ width, height: 740 });
        await open(page, `${fx.server.url}/`);
        const row = page.locator('table.statements tbody tr', { has: page.getByRole('link', { name: 'Trilateral maritime work plan' }) });
        expect(await row.locator('.lang-chip').allTextContents()).to.deep.equal(['EN', 'KO', 'JA']);
        expect((await row.locator('.progress-text').textContent())?.trim()).to.equal(`0/${2 * n}`);
        expect((await row.locator('.progress-pairs').textContent())?.trim()).to.equal('over 2 language pairs'); // two alignments: EN–KO and EN–JA
        expect(await row.getByRole('progressbar').getAttribute('aria-valuetext')).to.equal(`0 of ${2 * n} confirmed over 2 language pairs (0%)`);
        const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        expect(m.scroll, `page width at ${width} px`).to.be.at.most(m.inner);
      }
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
      await close();
    }
  });
});
