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
});
