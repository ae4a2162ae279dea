// GET /api/export and /api/report: the query a download link sends, read as the CLI reads its options.
import { expect } from 'chai';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { tempDir } from '../helpers.ts';
import { SENTENCES } from '../fixtures/import-aligned/statements.ts';

const EN = 'The foreign ministers met in Tokyo on Monday.\nThey agreed to strengthen cooperation on supply chains.';
const JA = '両外相は月曜日に東京で会談した。\n両外相はサプライチェーンに関する協力を強化することで一致した。';

describe('http/export-query', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  let jaStatement: number;
  let sentenceStatement: number;

  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(path, server.url), init);
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, body };
  };

  before(async () => {
    tmp = tempDir();
    server = await startServer({ dbPath: join(tmp.dir, 'export.db'), port: 0, seed: false, log: () => {} });
    const res = await api('/api/statements', {
      method: 'POST',
      headers: { 'X-Reviewer': 'alice', 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Japan–U.S. foreign ministers', texts: { en: EN, 'ja-JP': JA } }),
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    jaStatement = res.body.statement.id;
    // The API splits every text it is sent (preSplit is the ops' and the CLI's): left out, not ignored.
    const more = await api('/api/statements', { method: 'POST', headers: { 'X-Reviewer': 'alice', 'Content-Type': 'application/json' }, body: JSON.stringify({ ...SENTENCES, preSplit: undefined }) });
    expect(more.status, JSON.stringify(more.body)).to.equal(201);
    sentenceStatement = more.body.statement.id;
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('exports a ja-JP text by its base language: pair=en-ja, the URL the review page sends', async () => {
    const res = await api(`/api/export?format=tsv&status=all&statement=${jaStatement}&pair=en-ja`);
    expect(res.status).to.equal(200);
    const rows = (res.body as string).trimEnd().split('\n').slice(1).map((l) => l.split('\t').slice(0, 4));
    expect(rows).to.deep.equal([
      ['en', 'ja-JP', 'The foreign ministers met in Tokyo on Monday.', '両外相は月曜日に東京で会談した。'],
      ['en', 'ja-JP', 'They agreed to strengthen cooperation on supply chains.', '両外相はサプライチェーンに関する協力を強化することで一致した。'],
    ]);
  });

  it('min_confidence at sentence level leaves out sentence pairs below it, not only rows', async () => {
    const jsonl = async (query: string) => ((await api(`/api/export?format=jsonl&statement=${sentenceStatement}${query}`)).body as string).trimEnd().split('\n').map((l) => JSON.parse(l));
    const rows = new Map((await jsonl('')).map((u) => [u.bead_id, u.confidence]));
    const sentences = await jsonl('&level=sentence');
    // The least sure sentence pair: its row is surer (the row is kept, the pair must not be).
    const weak = sentences.reduce((a, u) => (u.confidence < a.confidence ? u : a));
    expect(weak.confidence).to.be.below(rows.get(weak.bead_id)!);
    const threshold = (weak.confidence + rows.get(weak.bead_id)!) / 2;
    const kept = await jsonl(`&level=sentence&min_confidence=${threshold}`);
    expect(kept.length).to.be.greaterThan(0);
    expect(kept.filter((u) => u.confidence < threshold)).to.deep.equal([]);
    expect(kept.length).to.equal(sentences.filter((u) => u.confidence >= threshold).length);
  });

  it('refuses an unknown or misspelt parameter with a 400 naming it, instead of exporting the whole corpus', async () => {
    for (const [path, name] of [
      [`/api/export?format=tsv&statement[]=${jaStatement}`, 'statement[]'],
      ['/api/export?format=tsv&minConfidence=0.99', 'minConfidence'],
      ['/api/export?format=tsv&exclude_open_flag=1', 'exclude_open_flag'],
      [`/api/export?format=tsv&statement_id=${jaStatement}`, 'statement_id'],
      [`/api/report?format=csv&statement_id=${jaStatement}`, 'statement_id'],
      ['/api/report?format=html&include_info=1', 'include_info'],
    ] as const) {
      const res = await api(path);
      expect(res.status, path).to.equal(400);
      expect(res.body.error, path).to.include(`unknown parameter "${name}"`);
    }
    // Every parameter the review page sends is known.
    const ok = await api(`/api/export?format=tmx&status=confirmed&statement=${jaStatement}&exclude_open_flags=1&level=sentence&pair=en-ja`);
    expect(ok.status).to.equal(200);
    expect((await api(`/api/report?format=html&statement=${jaStatement}&info=1`)).status).to.equal(200);
  });

  it('refuses a pair with a code of no language, and a confidence that is not a plain decimal from 0 to 1', async () => {
    for (const [query, message] of [
      ['&pair=en-xx', /"pair": "xx" is not a known language code/],
      ['&pair=kor-en', /"pair": "kor" is written "ko"/],
      ['&min_confidence=', /"min_confidence" must be a number from 0 to 1 \(such as 0\.8\), got ""/],
      ['&min_confidence=0x1', /got "0x1"/],
      ['&min_confidence=1e-1', /got "1e-1"/],
      ['&min_confidence=%200.5', /got " 0.5"/],
      ['&min_confidence=1.01', /got "1.01"/],
    ] as const) {
      const res = await api(`/api/export?format=tsv${query}`);
      expect(res.status, query).to.equal(400);
      expect(res.body.error, query).to.match(message);
    }
    for (const ok of ['0', '1', '0.85', '.5', '1.0']) expect((await api(`/api/export?format=tsv&min_confidence=${ok}`)).status, ok).to.equal(200);
  });
  // The list page's export bar and report link send the list's search (`q`), not the ids it matched:
  // a search matching thousands of statements made a URL the server refused (431).
  describe('a search\'s matches (q), found by the server as the list finds them', () => {
    const who = { 'X-Reviewer': 'alice', 'Content-Type': 'application/json' };
    let harbour: number;
    let energy: number;
    const importAndFlag = async (title: string, en: string, ko: string, comment: string): Promise<number> => {
      const res = await api('/api/statements', { method: 'POST', headers: who, body: JSON.stringify({ title, texts: { en, ko } }) });
      expect(res.status, JSON.stringify(res.body)).to.equal(201);
      const id = res.body.statement.id as number;
      const bead = (await api(`/api/statements/${id}`)).body.alignment.beads[0].id as number;
      const flag = await api(`/api/beads/${bead}/flags`, { method: 'POST', headers: who, body: JSON.stringify({ category: 'style', comment }) });
      expect(flag.status, JSON.stringify(flag.body)).to.equal(201);
      return id;
    };
    /** The statements of a JSONL export's units, in order of appearance. */
    const unitsOf = async (query: string) => {
      const res = await api(`/api/export?format=jsonl&status=all${query}`);
      expect(res.status, `${query}: ${JSON.stringify(res.body)}`).to.equal(200);
      return (res.body as string).split('\n').filter(Boolean).map((l) => JSON.parse(l) as { statement_id: number; src: string; tgt: string });
    };
    const reportOf = async (query: string) => {
      const res = await api(`/api/report?format=csv${query}`);
      expect(res.status, `${query}: ${JSON.stringify(res.body)}`).to.equal(200);
      return res.body as string;
    };
    const listed = async (q: string) => ((await api(`/api/statements?q=${encodeURIComponent(q)}`)).body.statements as { id: number }[]).map((x) => x.id);
    const statementsOf = (csv: string) => [...new Set(csv.trim().split('\n').slice(1).map((l) => Number(l.split(',')[2])))];

    before(async () => {
      harbour = await importAndFlag(
        'Coast Guard Talks',
        'The two coast guards discussed harbour safety in Incheon.\nThey agreed to exchange liaison officers.',
        '양국 해양경찰은 인천에서 항만 안전을 논의하였다.\n양측은 연락관을 교환하기로 합의하였다.',
        'Harbour wording',
      );
      energy = await importAndFlag(
        'Energy Dialogue',
        'The energy ministers met in Seoul to discuss hydrogen.\nThey agreed to fund a joint pilot plant.',
        '에너지 장관들은 서울에서 수소 문제를 논의하였다.\n양측은 공동 시범 설비에 자금을 지원하기로 합의하였다.',
        'Energy wording',
      );
    });

    it('exports and reports exactly the statements the list finds for the search, and nothing of the others', async () => {
      // A word of the English text (full-text index), a two-syllable Korean word (the shorter search), a title word.
      for (const q of ['Incheon', '인천', 'Coast Guard']) {
        expect(await listed(q), q).to.deep.equal([harbour]);
        const units = await unitsOf(`&q=${encodeURIComponent(q)}`);
        expect(units.length, q).to.equal(2);
        // The same units as the statement's own export: its content, and no other statement's.
        expect(units, q).to.deep.equal(await unitsOf(`&statement=${harbour}`));
        expect(JSON.stringify(units), q).not.to.include('hydrogen');
        const report = await reportOf(`&q=${encodeURIComponent(q)}`);
        expect(report, q).to.equal(await reportOf(`&statement=${harbour}`));
        expect(report, q).to.include('Harbour wording').and.not.include('Energy wording');
        expect(statementsOf(report), q).to.deep.equal([harbour]);
      }
      const res = await fetch(new URL('/api/export?format=tsv&q=Incheon', server.url));
      expect(res.headers.get('content-disposition')).to.equal('attachment; filename="twintext.tsv"');
    });

    it('a search matching several statements exports and reports every one the list shows, and only those', async () => {
      // "agreed" is in every statement of this file; "합의" only in those with a Korean text.
      for (const q of ['agreed', '합의']) {
        const ids = await listed(q);
        expect(ids.length, q).to.be.at.least(2);
        const exported = [...new Set((await unitsOf(`&q=${encodeURIComponent(q)}`)).map((u) => u.statement_id))];
        expect(exported.sort(), q).to.deep.equal([...ids].sort());
        expect(await unitsOf(`&q=${encodeURIComponent(q)}`), q).to.deep.equal(await unitsOf(ids.map((id) => `&statement=${id}`).join('')));
        expect(await reportOf(`&q=${encodeURIComponent(q)}`), q).to.equal(await reportOf(ids.map((id) => `&statement=${id}`).join('')));
      }
      expect(await listed('합의')).not.to.include(jaStatement);
    });

    it('a search matching nothing exports nothing, not the whole corpus; with statement= it narrows those statements', async () => {
      expect(await unitsOf('&q=zzqx-no-such-text')).to.deep.equal([]);
      expect(statementsOf(await reportOf('&q=zzqx-no-such-text'))).to.deep.equal([]);
      expect((await api('/api/report?format=html&q=zzqx-no-such-text')).body).to.include('No flags or open findings.');
      // Both: the statements named that the search finds.
      expect(await unitsOf(`&statement=${energy}&q=Incheon`)).to.deep.equal([]);
      expect(await unitsOf(`&statement=${energy}&statement=${harbour}&q=Incheon`)).to.deep.equal(await unitsOf(`&statement=${harbour}`));
      expect(statementsOf(await reportOf(`&statement=${energy}&q=Incheon`))).to.deep.equal([]);
      // An empty search is no search, as on the list: every statement.
      expect(await unitsOf('&q=')).to.deep.equal(await unitsOf(''));
      expect(await unitsOf('&q=%20%20')).to.deep.equal(await unitsOf(''));
    });

    it('refuses a search given twice or longer than the list takes, with a 400 naming "q"', async () => {
      const long = 'a'.repeat(201);
      // The export, the report, and the list whose search they take.
      for (const path of ['/api/export?format=tsv&', '/api/report?format=csv&', '/api/statements?']) {
        for (const [query, message] of [
          ['q=Incheon&q=Seoul', /"q" must be one search text, given once/],
          [`q=${long}`, /"q": the search text is longer than 200 characters/],
        ] as const) {
          const url = path + query;
          const res = await api(url);
          expect(res.status, url).to.equal(400);
          expect(res.body.code, url).to.equal('bad_request');
          expect(res.body.error, url).to.match(message);
        }
      }
      expect((await api(`/api/export?format=tsv&q=${'a'.repeat(200)}`)).status).to.equal(200);
    });
  });
});
