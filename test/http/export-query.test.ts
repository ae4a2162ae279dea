// GET /api/export and /api/report: the query a download link sends, read as the CLI reads its options.
import { expect } from 'chai';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { tempDir } from '../helpers.ts';

const EN = 'The foreign ministers met in Tokyo on Monday.\nThey agreed to strengthen cooperation on supply chains.';
const JA = '両外相は月曜日に東京で会談した。\n両外相はサプライチェーンに関する協力を強化することで一致した。';

describe('http/export-query', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  let jaStatement: number;

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
      body: JSON.stringify({ title: 'Japan–U.S. foreign ministers', texts: { en: EN, 'ja-JP': JA }, preSplit: true }),
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    jaStatement = res.body.statement.id;
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
});
