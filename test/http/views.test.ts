// The cached review view (server/http/view-cache.ts) against views built from scratch, through the real server.
import { expect } from 'chai';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { openDb } from '../../server/store/db.ts';
import { importStatement } from '../../server/ops/import.ts';
import { addFlag, getStatementView } from '../../server/ops/review.ts';
import { rawGet, tempDir } from '../helpers.ts';

describe('http/views: the cached review view', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  let dbPath: string;
  let bilateral: number;
  let trilateral: number;
  const who = { 'X-Reviewer': 'mina', 'Content-Type': 'application/json' };

  // 40 paragraphs: more beads than one pre-joined group of the cache holds.
  const para = (i: number) => ({
    en: `Item ${i}: the two sides agreed to review the combined exercise schedule for the ${i}th quarter.`,
    ko: `제${i}항: 양측은 ${i}분기 연합연습 일정을 검토하기로 합의하였다.`,
    ja: `第${i}項：双方は第${i}四半期の共同演習日程を見直すことで一致した。`,
  });
  const texts = (langs: ('en' | 'ko' | 'ja')[]) =>
    Object.fromEntries(langs.map((l) => [l, Array.from({ length: 40 }, (_, i) => para(i + 1)[l]).join('\n')]));

  before(async () => {
    tmp = tempDir();
    dbPath = join(tmp.dir, 'views.db');
    const db = openDb(dbPath);
    bilateral = importStatement(db, { title: 'Schedule review', texts: texts(['en', 'ko']), preSplit: true }, 'setup', { runChecks: false }).statementId;
    trilateral = importStatement(db, { title: 'Trilateral schedule review', texts: texts(['en', 'ko', 'ja']), preSplit: true }, 'setup', { runChecks: false }).statementId;
    db.close();
    server = await startServer({ dbPath, port: 0, seed: false, log: () => {} });
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  const raw = (path: string, headers: Record<string, string>) => rawGet(server.url, path, headers);
  // Every read takes the view plain and gzipped, twice each (the first read after a change sends the
  // cached pieces, the next the joined body), plain first or gzip first in turn (gzip first builds the
  // plain pieces it is compressed from): all four must be the same JSON, with honest lengths, and the
  // gzip stream assembled from separately compressed pieces must pass gunzip's CRC and size checks.
  let reads = 0;
  const get = async (id: number, lang?: string) => {
    const path = `/api/statements/${id}${lang ? `?lang=${lang}` : ''}`;
    let text: string | undefined;
    const gzipFirst = reads++ % 2 === 1;
    for (const gzip of [gzipFirst, !gzipFirst, !gzipFirst, gzipFirst]) {
      const a = await raw(path, gzip ? { 'Accept-Encoding': 'gzip, deflate, br' } : {});
      expect(a.headers['content-length']).to.equal(String(a.bytes.length));
      expect(a.headers['content-encoding']).to.equal(gzip ? 'gzip' : undefined);
      expect(a.headers.vary).to.equal('Accept-Encoding');
      const t = (gzip ? gunzipSync(a.bytes) : a.bytes).toString('utf8');
      if (text === undefined) text = t;
      else expect(t).to.equal(text);
    }
    return JSON.parse(text!);
  };
  // The version each flag was last seen at, as the review page keeps it: a PATCH sends it.
  const seen = new Map<number, number>();
  const send = async (method: string, path: string, body: Record<string, unknown>) => {
    const flagId = /^\/api\/flags\/(\d+)$/.exec(path)?.[1];
    const sent = method === 'PATCH' && flagId ? { ...body, version: seen.get(Number(flagId)) } : body;
    const res = await fetch(new URL(path, server.url), { method, headers: who, body: JSON.stringify(sent) });
    expect(res.status, path).to.be.oneOf([200, 201]);
    const flag = (await res.json()).flag as { id: number; status: string; version: number };
    seen.set(flag.id, flag.version);
    return flag;
  };
  const fresh = (id: number, lang?: string) => {
    const db = openDb(dbPath, { readonly: true });
    try {
      return JSON.parse(JSON.stringify({ ok: true, ...getStatementView(db, id, lang) }));
    } finally {
      db.close();
    }
  };

  it('stays equal to a fresh view through flag writes in several groups, read after each or after several', async () => {
    const beads = (await get(bilateral)).alignment.beads as { id: number }[];
    expect(beads).to.have.length(40);
    const flags: number[] = [];
    for (const k of [0, 15, 16, 31, 39]) {
      flags.push((await send('POST', `/api/beads/${beads[k]!.id}/flags`, { category: 'number', comment: `check the figure in item ${k + 1}` })).id);
      expect(await get(bilateral)).to.deep.equal(fresh(bilateral));
    }
    // Several writes with no read in between: the patches pile up until the next read.
    await send('POST', `/api/flags/${flags[1]}/comments`, { body: '분기 표기를 확인해 주세요.' });
    await send('PATCH', `/api/flags/${flags[2]}`, { status: 'resolved' });
    await send('PATCH', `/api/flags/${flags[3]}`, { status: 'wontfix', comment: 'kept as in the source' });
    await send('POST', `/api/beads/${beads[16]!.id}/flags`, { category: 'style', severity: 'minor' });
    let v = await get(bilateral);
    expect(v).to.deep.equal(fresh(bilateral));
    expect(v.statement.openFlags).to.equal(4);
    // Reopening counts the flag as open again; a resolved flag changed again stays out of the count.
    await send('PATCH', `/api/flags/${flags[2]}`, { status: 'open' });
    await send('PATCH', `/api/flags/${flags[3]}`, { status: 'resolved' });
    v = await get(bilateral);
    expect(v).to.deep.equal(fresh(bilateral));
    expect(v.statement.openFlags).to.equal(5);
  });

  it('sees changes made by another process (the CLI) and patches again after them', async () => {
    const before = await get(bilateral);
    const bead = before.alignment.beads[20];
    const db = openDb(dbPath);
    try {
      addFlag(db, bead.id, { category: 'name', comment: 'flagged from the command line' }, 'cli-user');
    } finally {
      db.close();
    }
    let v = await get(bilateral);
    expect(v.alignment.beads[20].flags.map((f: { author: string }) => f.author)).to.deep.equal(['cli-user']);
    expect(v.statement.openFlags).to.equal(before.statement.openFlags + 1);
    await send('POST', `/api/beads/${bead.id}/flags`, { category: 'name' });
    v = await get(bilateral);
    expect(v).to.deep.equal(fresh(bilateral));
    expect(v.alignment.beads[20].flags).to.have.length(2);
  });

  it('answers If-None-Match with 304 until the statement changes (what the browser cache sends for the web UI)', async () => {
    const url = new URL(`/api/statements/${bilateral}`, server.url);
    const first = await fetch(url);
    const etag = first.headers.get('etag')!;
    const body = await first.text();
    expect(etag).to.match(/^"[^"]+"$/);
    expect(first.headers.get('cache-control')).to.equal('private, no-cache');
    const again = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(again.status).to.equal(304);
    expect(again.headers.get('etag')).to.equal(etag);
    expect(await again.text()).to.equal('');
    // Weak form and lists match too; another statement's or language's tag does not.
    expect((await fetch(url, { headers: { 'If-None-Match': `"other", W/${etag}` } })).status).to.equal(304);
    const trilateralTag = (await fetch(new URL(`/api/statements/${trilateral}?lang=ja`, server.url))).headers.get('etag')!;
    expect(trilateralTag).to.not.equal(etag);
    expect((await fetch(url, { headers: { 'If-None-Match': trilateralTag } })).status).to.equal(200);
    // A flag write changes the view, so the old tag gets the new view in full.
    const bead = JSON.parse(body).alignment.beads[3];
    await send('POST', `/api/beads/${bead.id}/flags`, { category: 'terminology' });
    const changed = await fetch(url, { headers: { 'If-None-Match': etag } });
    expect(changed.status).to.equal(200);
    expect(changed.headers.get('etag')).to.not.equal(etag);
    expect(JSON.parse(await changed.text())).to.deep.equal(fresh(bilateral));
  });

  it('keeps every language view of a trilateral statement exact when a flag lands in one of them', async () => {
    const ko = await get(trilateral, 'ko');
    const ja = await get(trilateral, 'ja');
    expect([ko.alignment.tgtLang, ja.alignment.tgtLang]).to.deep.equal(['ko', 'ja']);
    const flag = await send('POST', `/api/beads/${ja.alignment.beads[5].id}/flags`, { category: 'meaning', comment: '四半期の訳語' });
    expect(await get(trilateral, 'ko')).to.deep.equal(fresh(trilateral, 'ko'));
    expect(await get(trilateral, 'ja')).to.deep.equal(fresh(trilateral, 'ja'));
    expect((await get(trilateral, 'ko')).statement.openFlags).to.equal(1);
    await send('PATCH', `/api/flags/${flag.id}`, { status: 'resolved' });
    expect(await get(trilateral, 'ko')).to.deep.equal(fresh(trilateral, 'ko'));
    expect(await get(trilateral, 'ja')).to.deep.equal(fresh(trilateral, 'ja'));
    expect((await get(trilateral)).statement.openFlags).to.equal(0);
  });
});
