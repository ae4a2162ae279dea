import { expect } from 'chai';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import type { RequestLogEntry } from '../../server/http/app.ts';
import { openDb } from '../../server/store/db.ts';
import { getStatementView, setBeadConfirmed } from '../../server/ops/review.ts';
import { importStatement } from '../../server/ops/import.ts';
import iconv from 'iconv-lite';
import { tempDir, dbDigest, rawGet } from '../helpers.ts';

describe('http/api', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  let dbPath: string;
  const requests: RequestLogEntry[] = [];
  const who = { 'X-Reviewer': 'alice', 'Content-Type': 'application/json' };

  before(async () => {
    tmp = tempDir();
    dbPath = join(tmp.dir, 'api.db');
    server = await startServer({ dbPath, port: 0, log: () => {}, requestLog: (e) => requests.push(e) });
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
  /** The id of the demo statement whose title holds `part` ("26th": KIDD, "Sixth Meeting": EDSCG, "Trilateral": TMM). */
  const demoId = async (part: string): Promise<number> =>
    (await api('/api/statements')).body.statements.find((s: any) => s.title.includes(part)).id;

  it('answers 404 for the history of an alignment that does not exist, and 400 for consistency in a code that names no language', async () => {
    const none = await api('/api/alignments/999999/history');
    expect([none.status, none.body.error]).to.deep.equal([404, 'alignment 999999 not found']);
    const bad = await api('/api/consistency?src=xx');
    expect(bad.status).to.equal(400);
    expect(bad.body.error).to.match(/^"src": .*xx/);
    expect((await api('/api/consistency?tgt=kor')).status).to.equal(400);
    expect((await api('/api/consistency?src=en&tgt=ja')).status).to.equal(200);
  });

  it('binds to loopback and lists the seeded demo statements', async () => {
    expect(server.url).to.match(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const { status, body } = await api('/api/statements');
    expect(status).to.equal(200);
    expect(body.statements.map((s: any) => [s.title.slice(0, 40), s.languages.join('+'), s.beads, s.confirmed, s.openFlags])).to.deep.equal([
      // The trilateral statement's rows are those of its two pairs: English–Korean 11, English–Japanese 10
      // (the paragraph the Japanese leaves out one of them).
      ['Joint Statement on the United States-Jap', 'en+ko+ja', 11 + 10, 0, 0],
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
    const titles = async (q: string) => (await api(`/api/statements?q=${encodeURIComponent(q)}`)).body.statements.map((s: any) => s.title.split(' ').slice(-2).join(' '));
    expect(await titles('학술회의')).to.deep.equal(['Consultation Group']);
    expect(await titles('북한')).to.deep.equal(['Ministerial Meeting', 'Consultation Group', 'Defense Dialogue']);
    expect(await titles('Freedom Edge')).to.deep.equal(['Ministerial Meeting', 'Defense Dialogue']);
    // A doubled space or a no-break space (as copied from a web page) searches as one space.
    expect(await titles('Freedom  Edge')).to.deep.equal(['Ministerial Meeting', 'Defense Dialogue']);
    expect(await titles('Freedom\u00a0Edge ')).to.deep.equal(['Ministerial Meeting', 'Defense Dialogue']);
    // The Japanese of a trilateral statement is searched too.
    expect(await titles('台湾海峡')).to.deep.equal(['Ministerial Meeting']);
    expect(await titles('no such words anywhere')).to.deep.equal([]);
  });

  it('flags a bead, confirms it, resolves the flag, and records the history', async () => {
    const id = await demoId('26th');
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
    const r = await api(`/api/flags/${f.body.flag.id}`, { method: 'PATCH', headers: { ...who, 'X-Reviewer': 'erin' }, body: JSON.stringify({ status: 'resolved', version: f.body.flag.version }) });
    expect(r.body.flag).to.include({ status: 'resolved', version: f.body.flag.version + 1 });
    // Resolving it again (a second click) changes nothing and records nothing.
    const again = await api(`/api/flags/${f.body.flag.id}`, { method: 'PATCH', headers: { ...who, 'X-Reviewer': 'erin' }, body: JSON.stringify({ status: 'resolved', version: r.body.flag.version }) });
    expect([again.status, again.body.flag]).to.deep.equal([200, r.body.flag]);
    // Another reviewer still holding the flag as it was cannot overwrite the change (and changes nothing).
    const late = await api(`/api/flags/${f.body.flag.id}`, { method: 'PATCH', headers: who, body: JSON.stringify({ status: 'wontfix', version: f.body.flag.version }) });
    expect(late.body).to.include({ ok: false, status: 409, code: 'conflict' });
    expect(late.body.error).to.match(/changed by someone else/);
    const noVersion = await api(`/api/flags/${f.body.flag.id}`, { method: 'PATCH', headers: who, body: JSON.stringify({ status: 'wontfix' }) });
    expect(noVersion.body).to.include({ ok: false, status: 400 });
    expect(noVersion.body.error).to.match(/"version"/);
    const events = (await api(`/api/statements/${id}/events`)).body.events.map((e: any) => `${e.actor} ${e.action}`);
    expect(events.slice(0, 3)).to.deep.equal(['erin flag.update', 'alice bead.confirm', 'alice flag.create']);
  });

  it('reads a reviewer name sent in the X-Reviewer header as UTF-8 or URI-encoded, as it reads the cookie', async () => {
    const id = await demoId('26th');
    const bead = (await api(`/api/statements/${id}`)).body.alignment.beads[3];
    const as = (header: string) => post(`/api/beads/${bead.id}/flags`, { category: 'style' }, { 'Content-Type': 'application/json', 'X-Reviewer': header });
    // What curl sends for -H 'X-Reviewer: 田中': the UTF-8 bytes, which Node reads one character a byte.
    const raw = await as(Buffer.from('田中 유리', 'utf8').toString('latin1'));
    const encoded = await as(encodeURIComponent('김민지'));
    const latin = await as('Müller');
    expect([raw.body.flag.author, encoded.body.flag.author, latin.body.flag.author]).to.deep.equal(['田中 유리', '김민지', 'Müller']);
  });

  it('gives a flag\'s whole history however long the statement\'s, and says when the statement\'s list is cut', async () => {
    const id = await demoId('Sixth Meeting');
    const beads = (await api(`/api/statements/${id}`)).body.alignment.beads;
    const f = (await post(`/api/beads/${beads[1].id}/flags`, { category: 'name', severity: 'minor', comment: '"Vice Minister" or 차관?' })).body.flag;
    const raised = await api(`/api/flags/${f.id}`, { method: 'PATCH', headers: who, body: JSON.stringify({ severity: 'major', version: f.version }) });
    expect(raised.status).to.equal(200);
    // A long review afterwards: 520 confirmations and unconfirmations of another row.
    const db = openDb(dbPath);
    try {
      const row = () => getStatementView(db, id).alignment!.beads[5]!;
      for (let i = 0; i < 520; i++) setBeadConfirmed(db, row().id, i % 2 === 0, row().version, 'dana');
    } finally {
      db.close();
    }
    const first = (await api(`/api/statements/${id}/events`)).body;
    expect([first.events.length, first.truncated]).to.deep.equal([500, true]);
    expect(first.events.some((e: any) => e.entity === 'flag' && e.entityId === f.id)).to.equal(false);
    // The next page goes on from the last event of the first, to the statement's first event.
    const rest = (await api(`/api/statements/${id}/events?before=${first.events.at(-1).id}&limit=5000`)).body;
    expect(rest.truncated).to.equal(false);
    const all = [...first.events, ...rest.events];
    expect(all.map((e: any) => e.id)).to.deep.equal([...all.map((e: any) => e.id)].sort((a, b) => b - a));
    expect(all.filter((e: any) => e.entity === 'flag' && e.entityId === f.id).map((e: any) => e.action)).to.deep.equal(['flag.update', 'flag.create']);
    // One flag's events, asked for by the statement's list or by the flag: all of them, uncapped.
    const history = [['flag.update', 'alice', { status: 'open', comment: f.comment, severity: 'minor' }], ['flag.create', 'alice', undefined]];
    const mine = (await api(`/api/statements/${id}/events?entity=flag&entity_id=${f.id}`)).body;
    expect(mine.truncated).to.equal(false);
    expect(mine.events.map((e: any) => [e.action, e.actor, e.action === 'flag.update' ? e.before : undefined])).to.deep.equal(history);
    const byFlag = (await api(`/api/flags/${f.id}/events`)).body;
    expect(byFlag.events).to.deep.equal(mine.events);
    // Asked wrongly: named.
    expect((await api(`/api/statements/${id}/events?entity=flag`)).body.error).to.match(/both "entity" and "entity_id"/);
    expect((await api(`/api/statements/${id}/events?limit=0`)).body.error).to.match(/"limit" must be a positive integer/);
    expect((await api(`/api/statements/${id}/events?limit=100000`)).body.error).to.match(/"limit" is at most 5000/);
    expect((await api('/api/flags/999999/events')).body).to.include({ status: 404, code: 'not_found' });
  });

  it('keeps the cached review view exact through flag writes and other changes', async () => {
    const id = await demoId('Sixth Meeting');
    const view = async () => (await api(`/api/statements/${id}`)).body;
    const v0 = await view();
    const bead = v0.alignment.beads[2];
    const f = (await post(`/api/beads/${bead.id}/flags`, { category: 'style', comment: 'first' })).body.flag;
    let v = await view();
    expect(v.alignment.beads[2].flags.map((x: any) => x.id)).to.include(f.id);
    expect(v.statement.openFlags).to.equal(v0.statement.openFlags + 1);
    await post(`/api/flags/${f.id}/comments`, { body: 'a reply' });
    expect((await view()).alignment.beads[2].flags.find((x: any) => x.id === f.id).comments.map((c: any) => c.body)).to.deep.equal(['a reply']);
    await post(`/api/beads/${v.alignment.beads[0].id}/edit`, { op: 'confirm', version: v.alignment.beads[0].version });
    await api(`/api/flags/${f.id}`, { method: 'PATCH', headers: who, body: JSON.stringify({ status: 'resolved', version: f.version }) });
    v = await view();
    expect(v.alignment.beads[0].status).to.equal('confirmed');
    expect(v.alignment.beads[2].flags.find((x: any) => x.id === f.id).status).to.equal('resolved');
    expect(v.statement.openFlags).to.equal(v0.statement.openFlags);
    // The same as a view built from scratch.
    const db = openDb(dbPath);
    try {
      expect(JSON.parse(JSON.stringify({ ok: true, ...getStatementView(db, id) }))).to.deep.equal(v);
    } finally {
      db.close();
    }
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

  it('imports with the source language chosen by srcLang, listed first, even when it is pasted and the other uploaded', async () => {
    const ko = '국방부는 회의 결과를 환영한다.\n\n국방부는 동맹과 계속 협력할 것이다.';
    const en = 'The Ministry welcomes the outcome of the meeting.\n\nThe Ministry will keep working with its ally.';
    const before = (await api('/api/statements')).body.statements.length;
    for (const [srcLang, code] of [['ja', /no ja text/], [7, /"srcLang" must be a language code/], ['KO', /"srcLang" must be a language code like en, ko or ja, got "KO"/], ['', /"srcLang" must be a language code/]] as const) {
      const bad = await post('/api/statements', { srcLang, texts: { ko }, files: { en: { name: 'en.txt', data: Buffer.from(en).toString('base64') } } });
      expect(bad.status).to.equal(400);
      expect(bad.body).to.include({ ok: false, code: 'bad_request' });
      expect(bad.body.error).to.match(code);
    }
    expect((await api('/api/statements')).body.statements.length).to.equal(before);
    const res = await post('/api/statements', { srcLang: 'ko', texts: { ko }, files: { en: { name: 'en.txt', data: Buffer.from(en).toString('base64') } } });
    expect(res.status).to.equal(201);
    expect(res.body.statement.languages).to.deep.equal(['ko', 'en']);
    expect(res.body.statement.title).to.equal('국방부는 회의 결과를 환영한다.');
    const view = (await api(`/api/statements/${res.body.statement.id}`)).body;
    expect(view.alignment).to.include({ srcLang: 'ko', tgtLang: 'en' });
    expect(view.alignment.beads.map((b: any) => [b.src.length, b.tgt.length])).to.deep.equal([
      [1, 1],
      [1, 1],
    ]);
    // The export tests below count every pair in the database.
    expect((await api(`/api/statements/${res.body.statement.id}`, { method: 'DELETE', headers: who })).status).to.equal(200);
  });

  it('keeps the versions\' order given in "languages" when pasted and uploaded versions are mixed', async () => {
    const ko = '3국 장관은 오타와에서 만났다.\n\n3국은 협력을 확대하기로 하였다.';
    const en = 'The three ministers met in Ottawa.\n\nThe three sides agreed to expand cooperation.';
    const ja = '3か国の閣僚はオタワで会談した。\n\n3か国は協力の拡大で一致した。';
    const upload = (t: string, name: string) => ({ name, data: Buffer.from(t).toString('base64') });
    const before = (await api('/api/statements')).body.statements.length;
    for (const [languages, code] of [[['ko', 'en'], /each language sent once \(ja, ko, en\)|each language sent once/], [['ko', 'en', 'en'], /each language sent once/], [['ko', 'en', 'toString'], /each language sent once/], ['ko', /"languages" must list/]] as const) {
      const bad = await post('/api/statements', { languages, texts: { ja }, files: { ko: upload(ko, 'ko.txt'), en: upload(en, 'en.txt') } });
      expect([bad.status, bad.body.code]).to.deep.equal([400, 'bad_request']);
      expect(bad.body.error).to.match(code);
    }
    expect((await api('/api/statements')).body.statements.length).to.equal(before);
    // Korean uploaded first, English uploaded second, Japanese pasted third.
    const res = await post('/api/statements', { languages: ['ko', 'en', 'ja'], texts: { ja }, files: { ko: upload(ko, 'ko.txt'), en: upload(en, 'en.txt') } });
    expect(res.status).to.equal(201);
    expect(res.body.statement.languages).to.deep.equal(['ko', 'en', 'ja']);
    // The review page opens on the first pair: Korean–English.
    expect((await api(`/api/statements/${res.body.statement.id}`)).body.alignment).to.include({ srcLang: 'ko', tgtLang: 'en' });
    expect((await api(`/api/statements/${res.body.statement.id}`, { method: 'DELETE', headers: who })).status).to.equal(200);
  });

  it('imports uploaded files: an HTML page (chrome dropped) and an EUC-KR text', async () => {
    const html = `<!doctype html><html><head><title>x</title><script>var a = 1;</script></head><body>
      <nav><a href="/">Home</a> | <a href="/news">News</a></nav>
      <main><h1>Joint Statement on Maritime Security Cooperation</h1>
      <p>The two sides held talks on maritime security in Busan on May 12, 2026.</p>
      <p>They agreed to hold joint search and rescue drills twice a year.</p></main>
      <footer>Privacy Policy | Copyright</footer></body></html>`;
    const ko = '해양안보 협력에 관한 공동성명\n양측은 2026년 5월 12일 부산에서 해양안보 협의를 개최하였다.\n양측은 연 2회 합동 수색구조 훈련을 실시하기로 합의하였다.\n';
    const res = await post('/api/statements', {
      files: {
        en: { name: 'statement.html', data: Buffer.from(html).toString('base64') },
        ko: { name: 'statement.txt', data: iconv.encode(ko, 'euc-kr').toString('base64') },
      },
    });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    expect(res.body.statement).to.include({ title: 'Joint Statement on Maritime Security Cooperation', beads: 3 });
    const view = (await api(`/api/statements/${res.body.statement.id}`)).body;
    expect(view.alignment.beads.map((b: any) => b.tgt[0].text)).to.deep.equal(ko.trim().split('\n'));
    const versions = (await api(`/api/statements/${res.body.statement.id}/versions`)).body.versions;
    expect(versions.en[0]).to.include({ version: 1, sourceName: 'statement.html', sourceFormat: 'html' });
    expect(versions.ko[0].sourceEncoding).to.match(/euc-kr|cp949/);
  });

  it('imports a new version of one language and shows the diff', async () => {
    const created = await post('/api/statements', {
      title: 'Versioned',
      texts: { en: 'The talks were held in Seoul.\n\nThe next talks will be in 2027.', ko: '회담은 서울에서 열렸다.\n\n다음 회담은 2028년에 열린다.' },
    });
    const id = created.body.statement.id;
    const v2 = await post(`/api/statements/${id}/versions`, { texts: { ko: '회담은 서울에서 열렸다.\n\n다음 회담은 2027년에 열린다.' } });
    expect(v2.status).to.equal(201);
    expect(v2.body).to.include({ lang: 'ko', version: 2, unchanged: 1, changed: 1 });
    const diff = (await api(`/api/statements/${id}/diff?lang=ko`)).body.diff;
    expect(diff.paragraphs.map((p: any) => p.kind)).to.deep.equal(['same', 'changed']);
    const both = await post(`/api/statements/${id}/versions`, { texts: { ko: 'x', en: 'y' } });
    expect(both.status).to.equal(400);
    expect(both.body.error).to.match(/exactly 1 language/);
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
      ['oversized text', () => post('/api/statements', { texts: { en: 'a'.repeat(7_000_000), ko: '가' } }), 413, 'payload_too_large', /the limit is 5242880 bytes/],
      ['oversized body', () => post('/api/statements', { texts: { en: 'a'.repeat(30_000_000), ko: '가' } }), 413, 'payload_too_large', /request body is too large/],
      ['an upload that is not base64', () => post('/api/statements', { files: { en: { name: 'a.txt', data: '***' }, ko: { name: 'b.txt', data: 'AA==' } } }), 400, 'bad_request', /not valid base64/],
      ['a binary upload', () => post('/api/statements', { files: { en: { name: 'photo.txt', data: Buffer.from([0, 1, 2, 0, 255, 0, 3]).toString('base64') }, ko: { name: 'b.txt', data: Buffer.from('안녕하세요.').toString('base64') } } }), 400, 'bad_request', /photo\.txt: .*binary/i],
      ['a .docx that is not one', () => post('/api/statements', { files: { en: { name: 'bad.docx', data: Buffer.from('plain text').toString('base64') }, ko: { name: 'b.txt', data: Buffer.from('안녕하세요.').toString('base64') } } }), 400, 'bad_request', /^bad\.docx is not a \.docx file \(it is not a ZIP archive\)$/],
      ['a version for an unknown statement', () => post('/api/statements/999/versions', { texts: { ko: '새 번역' } }), 404, 'not_found', /statement 999/],
      ['unknown export format', () => api('/api/export?format=docx'), 400, 'bad_request', /unknown export format/],
      ['an export of an unknown statement', () => api('/api/export?format=tsv&statement=999'), 404, 'not_found', /statement 999 not found/],
      ['sentences of a missing bead', () => api('/api/beads/424242/sentences'), 404, 'not_found', /bead 424242/],
      ['sentences of a bead id that is no number', () => api('/api/beads/first/sentences'), 400, 'bad_request', /bead.*positive integer/],
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

  it('logs one structured entry per request with its id, and no statement text or query', async () => {
    const res = await fetch(new URL('/api/statements?q=' + encodeURIComponent('비밀 문구'), server.url));
    const id = res.headers.get('x-request-id');
    expect(id).to.match(/^[0-9a-f-]{36}$/);
    await res.text();
    const entry = requests.find((e) => e.id === id)!;
    expect(entry).to.deep.include({ method: 'GET', route: '/api/statements', status: 200, reviewer: false });
    expect(JSON.stringify(requests)).not.to.include('비밀');
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

  it('compresses the bundle, the page shell, lists and exports for clients that accept it, and only for them', async () => {
    const raw = (path: string, headers: Record<string, string>) => rawGet(server.url, path, headers);
    for (const path of ['/assets/app.js', '/statements/1', '/api/statements', '/api/export?format=tsv']) {
      const plain = await raw(path, {});
      const zipped = await raw(path, { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      expect(plain.headers['content-encoding'], path).to.equal(undefined);
      // The middleware prefers Brotli where the client offers it, as browsers do.
      expect(zipped.headers['content-encoding'], path).to.equal('br');
      expect(zipped.headers.vary, path).to.match(/Accept-Encoding/);
      expect(brotliDecompressSync(zipped.bytes).equals(plain.bytes), path).to.equal(true);
      expect(zipped.bytes.length, path).to.be.below(plain.bytes.length / 2);
      const gz = await raw(path, { 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding'], path).to.equal('gzip');
      expect(gunzipSync(gz.bytes).equals(plain.bytes), path).to.equal(true);
    }
  });

  it('downloads a TSV export of every pair with both sides', async () => {
    const res = await fetch(new URL('/api/export?format=tsv', server.url));
    expect(res.status).to.equal(200);
    expect(res.headers.get('content-disposition')).to.match(/attachment; filename="twintext.tsv"/);
    const lines = (await res.text()).trim().split('\n');
    // a header, then the demo pairs — KIDD 8, EDSCG 6, the trilateral statement's English–Korean 11 and
    // English–Japanese 9 (two omissions and an insertion left out) — and the 2 + 3 + 2 pairs imported above
    expect(lines.length).to.equal(1 + 8 + 6 + 11 + 9 + 2 + 3 + 2);
  });

  it('filters an export by confidence and open flags, and writes the language tags asked for', async () => {
    const tsvRows = async (query: string) => (await api(`/api/export?format=tsv${query}`)).body.trim().split('\n').length - 1;
    const all = await tsvRows('');
    const pairs = [];
    let japanese = 0;
    for (const s of (await api('/api/statements')).body.statements) {
      // Every language pair: the trilateral statement's Japanese rows are exported too.
      for (const lang of s.languages.slice(1))
        for (const b of (await api(`/api/statements/${s.id}?lang=${lang}`)).body.alignment.beads)
          if (b.src.length && b.tgt.length) {
            pairs.push(b);
            if (lang === 'ja') japanese++;
          }
    }
    expect(japanese).to.be.greaterThan(0);
    expect(pairs.length).to.equal(all);
    const threshold = pairs.map((b) => b.confidence).sort((a, b) => a - b)[Math.floor(pairs.length / 2)];
    expect(await tsvRows(`&min_confidence=${threshold}`)).to.equal(pairs.filter((b) => b.confidence >= threshold).length);
    const flagged = pairs.find((b) => !b.flags.some((f: any) => f.status === 'open'))!;
    expect((await post(`/api/beads/${flagged.id}/flags`, { category: 'meaning', comment: 'Check the tense.' })).status).to.equal(201);
    const open = pairs.filter((b) => b.id === flagged.id || b.flags.some((f: any) => f.status === 'open')).length;
    expect(await tsvRows('&exclude_open_flags=1')).to.equal(all - open);
    const tmx = (await api('/api/export?format=tmx&lang_tag=en=en-US&lang_tag=ko=ko-KR')).body as string;
    expect(tmx).to.include('xml:lang="en-US"').and.include('xml:lang="ko-KR"').and.not.include('xml:lang="en"');
    // One pair, turned round: the Korean becomes the source of every unit, and the API names its version.
    const turned = (await api('/api/export?format=xliff&pair=ko-en')).body as string;
    expect(turned).to.include('srcLang="ko" trgLang="en"');
    expect(turned.match(/<source xml:space="preserve">([^<]*)</g)!.every((s) => /[가-힣]/.test(s))).to.equal(true);
    expect(((await api('/api/export?format=tmx')).body as string)).to.include('creationtoolversion="0.1.0"');
    expect(await tsvRows('&pair=en-ja')).to.equal(japanese);
    for (const [query, message] of [
      ['&pair=en-en', /"pair" must be two different language codes like en-ko, got "en-en"/],
      ['&min_confidence=1.5', /"min_confidence" must be a number from 0 to 1/],
      ['&min_confidence=high', /"min_confidence"/],
      ['&exclude_open_flags=maybe', /"exclude_open_flags" must be 1 or 0/],
      ['&lang_tag=english', /"lang_tag" must look like en=en-US, got "english"/],
    ] as const) {
      const res = await api(`/api/export?format=tmx${query}`);
      expect(res.status, query).to.equal(400);
      expect(res.body.error).to.match(message);
    }
  });

  it('PATCH /api/statements/:id corrects the title and date, records who did, and refuses anything else with a 400 naming it', async () => {
    const id = (await post('/api/statements', { texts: { en: 'The envoys met in Hanoi.', ko: '특사들은 하노이에서 만났다.' }, title: 'Envoys  meet' })).body.statement.id as number;
    const patch = (body: unknown, headers: Record<string, string> = who) => api(`/api/statements/${id}`, { method: 'PATCH', headers, body: JSON.stringify(body) });
    const ok = await patch({ title: ' Special envoys meet in Hanoi ', date: '2026-04-09' });
    expect(ok.status).to.equal(200);
    expect(ok.body).to.deep.include({ ok: true, changed: true });
    expect(ok.body.statement).to.deep.include({ id, title: 'Special envoys meet in Hanoi', date: '2026-04-09' });
    // The review view is not served stale after the change.
    expect((await api(`/api/statements/${id}`)).body.statement).to.deep.include({ title: 'Special envoys meet in Hanoi', date: '2026-04-09' });
    const events = (await api(`/api/statements/${id}/events`)).body.events;
    expect(events[0]).to.deep.include({ action: 'statement.edit', before: { title: 'Envoys meet', date: null }, after: { title: 'Special envoys meet in Hanoi', date: '2026-04-09' } });
    for (const [body, status, message] of [
      [{ date: '2026-04-31' }, 400, /calendar date as YYYY-MM-DD, got "2026-04-31"/],
      [{ title: '' }, 400, /title cannot be empty/],
      [{ languages: ['en'] }, 400, /only "title" and "date" can be changed here, got "languages"/],
      [{}, 400, /give a "title" or a "date"/],
    ] as const) {
      const res = await patch(body);
      expect([res.status, res.body.ok], JSON.stringify(body)).to.deep.equal([status, false]);
      expect(res.body.error).to.match(message);
    }
    expect((await api(`/api/statements/${9999}`, { method: 'PATCH', headers: who, body: JSON.stringify({ title: 'x' }) })).status).to.equal(404);
    // Made from a title someone has changed since: 409, theirs kept.
    const stale = await patch({ title: 'Envoys meet again', base: { title: 'Envoys meet' } });
    expect([stale.status, stale.body.code]).to.deep.equal([409, 'conflict']);
    expect(stale.body.error).to.match(/the title of statement \d+ was changed by someone else meanwhile \(it is now "Special envoys meet in Hanoi"\)/);
    expect((await api(`/api/statements/${id}/events`)).body.events.length).to.equal(events.length);
  });

  it('gives the pages a manifest named as the texts\' sources with the statement, and after a title change too', async () => {
    // A manifest import (CLI) stores en_url and ko_url; the reviewer needs them to check the page.
    const db = openDb(dbPath);
    let id: number;
    try {
      id = importStatement(
        db,
        {
          texts: { en: 'The coast guards met in Incheon.\n\nThey agreed to share patrol data.', ko: '양국 해양경찰은 인천에서 만났다.\n\n양측은 순찰 정보를 공유하기로 하였다.' },
          sources: { en: { name: 'en.html', format: 'html', encoding: 'utf-8', url: 'https://embassy.example/coast-guards' }, ko: { name: 'ko.txt', format: 'txt', encoding: 'euc-kr', url: 'https://mofa.example/view?id=7&lang=ko' } },
        },
        'cli:mina',
      ).statementId;
    } finally {
      db.close();
    }
    const urls = { en: 'https://embassy.example/coast-guards', ko: 'https://mofa.example/view?id=7&lang=ko' };
    expect((await api(`/api/statements/${id}`)).body.statement.sourceUrls).to.deep.equal(urls);
    expect((await api('/api/statements')).body.statements.find((s: any) => s.id === id).sourceUrls).to.deep.equal(urls);
    const patched = await api(`/api/statements/${id}`, { method: 'PATCH', headers: who, body: JSON.stringify({ title: 'Coast guards meet' }) });
    expect(patched.body.statement.sourceUrls).to.deep.equal(urls);
    // A statement imported without addresses has none, not a missing field.
    const pasted = await post('/api/statements', { texts: { en: 'The mayors met in Busan.', ko: '시장들은 부산에서 만났다.' } });
    expect(pasted.body.statement.sourceUrls).to.deep.equal({});
  });

  // After the export tests, which count every statement's pairs.
  it('with ifOverlap "ask", names the statement holding two of three texts and stores nothing; without it, imports and says so; adds the third text as a version', async () => {
    const en = 'The three sides met in Manila.\n\nThey agreed to expand maritime cooperation.';
    const ko = '3국은 마닐라에서 만났다.\n\n3국은 해양 협력을 확대하기로 합의하였다.';
    const ja = '三か国はマニラで会合した。\n\n三か国は海洋協力を拡大することで一致した。';
    const pair = (await post('/api/statements', { texts: { en, ko } })).body.statement.id as number;
    const before = (await api('/api/statements')).body.statements.length;
    const asked = await post('/api/statements', { texts: { en, ko, ja }, ifOverlap: 'ask' });
    expect(asked.status).to.equal(200);
    expect(asked.body).to.deep.include({ created: false, overlap: true, alsoIn: [{ statementId: pair, langs: ['en', 'ko'] }] });
    expect(asked.body.statement.id).to.equal(pair);
    expect((await api('/api/statements')).body.statements.length).to.equal(before);
    expect((await post('/api/statements', { texts: { en, ko, ja }, ifOverlap: 'yes' })).status).to.equal(400);
    // The third text joins the statement as a version of a new language, with the date the form had
    // (the statement had none); another date would have been a conflict.
    const added = await post(`/api/statements/${pair}/versions`, { texts: { ja }, date: ' 2026-03-03 ' });
    expect(added.status).to.equal(201);
    expect((await api(`/api/statements/${pair}`)).body.statement.date).to.equal('2026-03-03');
    expect(added.body).to.deep.include({ lang: 'ja', version: 1, added: true });
    const later = await post(`/api/statements/${pair}/versions`, { texts: { ja: ja.replace('会合した', '会談した') }, date: '2026-03-04' });
    expect([later.status, later.body.error]).to.deep.equal([409, `statement ${pair} is dated 2026-03-03, not 2026-03-04: correct its date first, or leave the date out`]);
    // No date (null or empty, as an import takes them) leaves the statement's date alone.
    for (const date of [null, '']) {
      const v = await post(`/api/statements/${pair}/versions`, { texts: { ja: ja.replace('会合した', date === null ? '会談した' : '協議した') }, date });
      expect(v.status, JSON.stringify(date)).to.equal(201);
    }
    expect((await api(`/api/statements/${pair}`)).body.statement.date).to.equal('2026-03-03');
    // A language held under a tag takes its versions under it when posted by its code.
    const tagged = (await post('/api/statements', { texts: { en: en + '\n\nThey will meet again.', ko: ko + '\n\n3국은 다시 만나기로 하였다.', 'ja-JP': ja + '\n\n三か国は再び会合する。' } })).body.statement.id as number;
    const v = await post(`/api/statements/${tagged}/versions`, { texts: { ja: ja + '\n\n三か国は近く再び会合する。' } });
    expect([v.status, v.body.lang, v.body.version]).to.deep.equal([201, 'ja-JP', 2]);
    // Now all three are that statement.
    const again = await post('/api/statements', { texts: { en, ko, ja }, ifOverlap: 'ask' });
    expect([again.status, again.body.created, again.body.statement.id]).to.deep.equal([200, false, pair]);
  });

  describe('a statement holding its Japanese as ja-JP', () => {
    const en = 'The three sides held their fourth disaster relief talks in Sapporo.\n\nThey agreed to share satellite images after earthquakes.';
    const ko = '3국은 삿포로에서 제4차 재난구호 협의를 개최하였다.\n\n3국은 지진 발생 시 위성영상을 공유하기로 합의하였다.';
    const ja = '三か国は札幌で第4回災害救援協議を開催した。\n\n三か国は地震発生時に衛星画像を共有することで一致した。';
    let id: number;
    before(async () => {
      id = (await post('/api/statements', { texts: { en, ko } })).body.statement.id;
      const added = await post(`/api/statements/${id}/versions`, { texts: { 'ja-JP': ja } });
      expect([added.status, added.body.lang, added.body.added]).to.deep.equal([201, 'ja-JP', true]);
    });

    it('is the statement of the same texts posted with ja: 200 created: false, also when asked about overlaps, storing nothing', async () => {
      const db = openDb(dbPath);
      const before = dbDigest(db);
      const same = await post('/api/statements', { texts: { en, ko, ja } });
      expect([same.status, same.body.created, same.body.statement.id]).to.deep.equal([200, false, id]);
      const asked = await post('/api/statements', { texts: { en, ko, ja }, ifOverlap: 'ask' });
      expect([asked.status, asked.body.created, asked.body.statement.id, asked.body.overlap, asked.body.alsoIn]).to.deep.equal([200, false, id, undefined, undefined]);
      expect(dbDigest(db)).to.equal(before);
      db.close();
    });

    it('GET ?lang=ja opens the English–Japanese pair, as ?lang=ja-JP does; a language it lacks is 404', async () => {
      for (const lang of ['ja', 'ja-JP']) {
        const res = await api(`/api/statements/${id}?lang=${lang}`);
        expect([res.status, res.body.alignment?.srcLang, res.body.alignment?.tgtLang], lang).to.deep.equal([200, 'en', 'ja-JP']);
        expect(res.body.alignment.beads[0].tgt[0].text).to.equal('三か国は札幌で第4回災害救援協議を開催した。');
      }
      expect((await api(`/api/statements/${id}?lang=ko`)).body.alignment.tgtLang).to.equal('ko');
      const zh = await api(`/api/statements/${id}?lang=zh`);
      expect([zh.status, zh.body.error]).to.deep.equal([404, `statement ${id} has no alignment into "zh"`]);
    });

    it('GET /diff needs a language code: none or one that is no code is 400 naming "lang"; ja is its ja-JP text', async () => {
      for (const [query, message] of [['', /"lang" is required/], ['?lang=', /"lang" is required/], ['?lang=xx', /^"lang": "xx" is not a known language code/], ['?lang=k%20o', /^"lang": "k o" is not a language code/]] as const) {
        const res = await api(`/api/statements/${id}/diff${query}`);
        expect([res.status, res.body.code], query).to.deep.equal([400, 'bad_request']);
        expect(res.body.error, query).to.match(message);
      }
      const ja2 = await post(`/api/statements/${id}/versions`, { texts: { ja: ja.replace('開催した', '行った') } });
      expect([ja2.status, ja2.body.lang, ja2.body.version]).to.deep.equal([201, 'ja-JP', 2]);
      const diff = await api(`/api/statements/${id}/diff?lang=ja`);
      expect(diff.status).to.equal(200);
      expect(diff.body.diff).to.deep.include({ lang: 'ja-JP', from: 1, to: 2 });
      expect(diff.body.diff.paragraphs.map((p: any) => p.kind)).to.deep.equal(['changed', 'same']);
      // A code the statement does not hold is still a 404, and so is an unknown statement.
      expect((await api(`/api/statements/${id}/diff?lang=zh`)).status).to.equal(404);
      expect((await api('/api/statements/9999/diff?lang=ko')).body).to.deep.include({ status: 404, error: 'statement 9999 not found' });
    });
  });

  it('GET /events with an entity kind no event is about is 400 listing the kinds; a known kind gives its events', async () => {
    const id = (await api('/api/statements')).body.statements[0].id as number;
    const bogus = await api(`/api/statements/${id}/events?entity=bogus&entity_id=1`);
    expect([bogus.status, bogus.body.code, bogus.body.error]).to.deep.equal([400, 'bad_request', 'unknown "entity" "bogus": the kinds are statement, text, paragraph, alignment, flag, finding']);
    expect((await api(`/api/statements/${id}/events?entity=flags&entity_id=1`)).status).to.equal(400);
    const own = await api(`/api/statements/${id}/events?entity=statement&entity_id=${id}`);
    expect(own.status).to.equal(200);
    expect(own.body.events.map((e: any) => e.action)).to.include('statement.import');
  });

  it('refuses a field POST /api/statements or /versions does not know with a 400 naming it, storing nothing', async () => {
    const en = 'The vice ministers met in Canberra on August 4, 2026.\n\nThey agreed to expand defence industry cooperation.';
    const ko = '양국 차관은 2026년 8월 4일 캔버라에서 만났다.\n\n양측은 방산 협력을 확대하기로 합의하였다.';
    const db = openDb(dbPath);
    const before = dbDigest(db);
    for (const [body, message] of [
      [{ texts: { en, ko }, srclang: 'ko', Date: '2024-01-01' }, /^unknown field "srclang" \(did you mean "srcLang"\?\): the fields are "title", "date", "srcLang", "languages", "texts", "files", "ifOverlap"$/],
      [{ texts: { en, ko }, Date: '2024-01-01' }, /^unknown field "Date" \(did you mean "date"\?\)/],
      [{ texts: { en, ko }, preSplit: true }, /^unknown field "preSplit": the fields are/],
    ] as const) {
      const res = await post('/api/statements', body);
      expect([res.status, res.body.code], JSON.stringify(body)).to.deep.equal([400, 'bad_request']);
      expect(res.body.error).to.match(message);
    }
    const id = (await api('/api/statements')).body.statements[0].id as number;
    const version = await post(`/api/statements/${id}/versions`, { texts: { ko }, newlanguage: true });
    expect([version.status, version.body.error]).to.deep.equal([400, 'unknown field "newlanguage" (did you mean "newLanguage"?): the fields are "texts", "files", "date", "newLanguage"']);
    expect(dbDigest(db)).to.equal(before);
    db.close();
    // The fields the import form sends are all known.
    const made = await post('/api/statements', { title: 'Vice ministers in Canberra', date: '2026-08-04', srcLang: 'ko', languages: ['ko', 'en'], texts: { en, ko } });
    expect([made.status, made.body.statement.languages, made.body.statement.date]).to.deep.equal([201, ['ko', 'en'], '2026-08-04']);
  });
});
