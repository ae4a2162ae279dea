import { expect } from 'chai';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { openDb } from '../../server/store/db.ts';
import { tempDir, dbDigest } from '../helpers.ts';

describe('http/api', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  let dbPath: string;
  const who = { 'X-Reviewer': 'alice', 'Content-Type': 'application/json' };

  before(async () => {
    tmp = tempDir();
    dbPath = join(tmp.dir, 'api.db');
    server = await startServer({ dbPath, port: 0, log: () => {} });
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(path, server.url), init);
    const text = await res.text();
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      body = text;
    }
    return { status: res.status, body, headers: res.headers };
  };
  const post = (path: string, body: unknown, headers: Record<string, string> = who) =>
    api(path, { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });

  it('binds to loopback and lists the seeded demo statements', async () => {
    expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const { status, body } = await api('/api/statements');
    expect(status).to.equal(200);
    expect(body.statements.map((s: any) => [s.title.slice(0, 40), s.languages.join('+'), s.beads, s.confirmed, s.openFlags])).to.deep.equal([
      ['Joint Statement on the Sixth Meeting of ', 'en+ko', 7, 0, 0],
      ['Joint Press Statement for the 26th Korea', 'en+ko', 9, 0, 0],
    ]);
  });

  it('returns a statement with its beads, paragraphs and an empty side for the omission', async () => {
    const list = (await api('/api/statements')).body.statements;
    const kidd = list.find((s: any) => s.title.includes('26th'));
    const { body } = await api(`/api/statements/${kidd.id}`);
    expect(body.alignment).to.include({ srcLang: 'en', tgtLang: 'ko' });
    const omitted = body.alignment.beads.find((b: any) => b.tgt.length === 0);
    expect(omitted.src.map((p: any) => p.n)).to.deep.equal([9]);
    expect(omitted.src[0].text).to.match(/^Both sides agreed to expand cooperation in space/);
    expect(body.alignment.beads[2].tgt[0].text).to.match(/^양측은 다수의 유엔/);
  });

  it('searches both languages, including two-syllable Korean words', async () => {
    const titles = async (q: string) => (await api(`/api/statements?q=${encodeURIComponent(q)}`)).body.statements.map((s: any) => s.title.slice(0, 20));
    expect(await titles('학술회의')).to.deep.equal(['Joint Statement on t']);
    expect(await titles('북한')).to.have.length(2);
    expect(await titles('Freedom Edge')).to.deep.equal(['Joint Press Statemen']);
    expect(await titles('no such words anywhere')).to.deep.equal([]);
  });

  it('flags a bead, confirms it, resolves the flag, and records the history', async () => {
    const id = (await api('/api/statements')).body.statements[1].id;
    const bead = (await api(`/api/statements/${id}`)).body.alignment.beads[6];
    const f = await post(`/api/beads/${bead.id}/flags`, { category: 'number', severity: 'critical', comment: '1.5192 trillion ≠ 1조 4,028억' });
    expect(f.status).to.equal(201);
    expect(f.body.flag).to.include({ category: 'number', severity: 'critical', author: 'alice', status: 'open' });
    const c = await post(`/api/beads/${bead.id}/confirm`, { version: bead.version });
    expect(c.body.bead.status).to.equal('confirmed');
    expect(c.body.bead.version).to.be.greaterThan(bead.version);
    const stale = await post(`/api/beads/${bead.id}/confirm`, { version: bead.version });
    expect(stale.status).to.equal(409);
    expect(stale.body).to.include({ ok: false, status: 409, code: 'conflict' });
    const r = await api(`/api/flags/${f.body.flag.id}`, { method: 'PATCH', headers: { ...who, 'X-Reviewer': 'erin' }, body: JSON.stringify({ status: 'resolved' }) });
    expect(r.body.flag.status).to.equal('resolved');
    const events = (await api(`/api/statements/${id}/events`)).body.events.map((e: any) => `${e.actor} ${e.action}`);
    expect(events.slice(0, 3)).to.deep.equal(['erin flag.update', 'alice bead.confirm', 'alice flag.create']);
  });

  it('imports a statement posted as JSON', async () => {
    const res = await post('/api/statements', {
      title: 'Test statement',
      date: '2026-02-01',
      texts: { en: 'The two sides met in Seoul.\n\nThey agreed to meet again in 2027.', ko: '양측은 서울에서 만났다.\n\n양측은 2027년에 다시 만나기로 하였다.' },
    });
    expect(res.status).to.equal(201);
    expect(res.body.statement).to.include({ title: 'Test statement', date: '2026-02-01', beads: 2 });
  });

  describe('errors: one body shape, nothing changed', () => {
    const cases: [string, () => Promise<{ status: number; body: any }>, number, string, RegExp][] = [
      ['unknown statement', () => api('/api/statements/9999'), 404, 'not_found', /statement 9999 not found/],
      ['non-numeric id', () => api('/api/statements/abc'), 400, 'bad_request', /positive integer/],
      ['unknown API route', () => api('/api/nope'), 404, 'not_found', /no such API route/],
      ['write without reviewer', () => post('/api/beads/1/flags', { category: 'style' }, { 'Content-Type': 'application/json' }), 400, 'reviewer_required', /reviewer name is required/],
      ['malformed JSON', () => post('/api/beads/1/flags', '{"category":', who), 400, 'bad_request', /not valid JSON/],
      ['JSON array body', () => post('/api/beads/1/flags', '[1,2]', who), 400, 'bad_request', /JSON object/],
      ['unknown flag category', () => post('/api/beads/1/flags', { category: 'vibes' }), 400, 'bad_request', /"category" must be one of/],
      ['flag on a missing bead', () => post('/api/beads/424242/flags', { category: 'style' }), 404, 'not_found', /bead 424242/],
      ['confirm without version', () => post('/api/beads/1/confirm', {}), 400, 'bad_request', /version/],
      ['statement with one language', () => post('/api/statements', { texts: { en: 'Only English.' } }), 400, 'bad_request', /at least two languages/],
      ['statement with texts as a string', () => post('/api/statements', { texts: 'x' }), 400, 'bad_request', /"texts" must be an object/],
      ['oversized body', () => post('/api/statements', { texts: { en: 'a'.repeat(7_000_000), ko: '가' } }), 413, 'payload_too_large', /too large/],
      ['unknown export format', () => api('/api/export?format=docx'), 400, 'bad_request', /unknown export format/],
    ];
    for (const [what, call, status, code, message] of cases) {
      it(`${what} → ${status} ${code}`, async () => {
        const db = openDb(dbPath);
        const before = dbDigest(db);
        const res = await call();
        expect(res.status).to.equal(status);
        expect(res.body).to.deep.include({ ok: false, status, code });
        expect(res.body.error).to.match(message);
        expect(Object.keys(res.body).sort()).to.deep.equal(['code', 'error', 'ok', 'status']);
        expect(dbDigest(db)).to.equal(before);
        db.close();
      });
    }
  });

  it('serves the page shell and the Korean font', async () => {
    const page = await fetch(new URL('/statements/1', server.url));
    expect(page.status).to.equal(200);
    expect(page.headers.get('content-type')).to.match(/text\/html/);
    expect(page.headers.get('content-security-policy')).to.match(/script-src|default-src 'self'/);
    const css = await fetch(new URL('/fonts/400.css', server.url));
    expect(css.status).to.equal(200);
    expect(await css.text()).to.match(/Noto Sans KR/);
  });

  it('downloads a TSV export of every pair with both sides', async () => {
    const res = await fetch(new URL('/api/export?format=tsv', server.url));
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-disposition')).to.match(/attachment; filename="twintext.tsv"/);
    const lines = (await res.text()).trim().split('\n');
    // a header, then 8 + 6 demo pairs (an omission and an insertion left out) and the 2 pairs posted above
    expect(lines.length).to.equal(1 + 8 + 6 + 2);
  });
});
