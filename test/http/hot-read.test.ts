// The review view's GET answered ahead of Express (server/http/hot-read.ts): which requests it takes,
// and that what it sends (headers, body, 304, log line, guard, errors) is what the Express route sends.
import { expect } from 'chai';
import { join } from 'node:path';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import type { RequestLogEntry } from '../../server/http/app.ts';
import { hotReads } from '../../server/http/hot-read.ts';
import { StatementViews } from '../../server/http/view-cache.ts';
import { openDb, type Db } from '../../server/store/db.ts';
import { importStatement } from '../../server/ops/import.ts';
import { addUser } from '../../server/ops/accounts.ts';
import { tempDir } from '../helpers.ts';

interface Answer {
  status: number;
  /** Header names and values in the order sent. */
  raw: [string, string][];
  headers: IncomingHttpHeaders;
  body: string;
  bytes: Buffer;
}

/** A request with full control of the headers (fetch may not set Host) and the raw response headers. */
function send(base: string, path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const headers = { ...opts.headers, ...(opts.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(opts.body)) }) };
    const req = request(new URL(path, base), { method: opts.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw: [string, string][] = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) raw.push([res.rawHeaders[i]!, res.rawHeaders[i + 1]!]);
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode!, raw, headers: res.headers, body: bytes.toString('utf8'), bytes });
      });
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

// Differ per response by nature: the request id and the clock.
const comparable = (a: Answer) => a.raw.filter(([k]) => !/^(x-request-id|date)$/i.test(k));

const para = (i: number) => ({
  en: `Paragraph ${i}: the ministers reaffirmed the commitment to combined readiness and to regular consultations.`,
  ko: `제${i}항: 양국 장관은 연합 준비태세와 정례 협의에 대한 공약을 재확인하였다.`,
  ja: `第${i}項：両大臣は連合即応態勢と定例協議への公約を再確認した。`,
});
const texts = (langs: ('en' | 'ko' | 'ja')[]) => Object.fromEntries(langs.map((l) => [l, Array.from({ length: 20 }, (_, i) => para(i + 1)[l]).join('\n')]));

function seed(db: Db): { bilateral: number; trilateral: number } {
  return {
    bilateral: importStatement(db, { title: 'Readiness consultations', texts: texts(['en', 'ko']), preSplit: true }, 'setup', { runChecks: false }).statementId,
    trilateral: importStatement(db, { title: 'Trilateral consultations', texts: texts(['en', 'ko', 'ja']), preSplit: true }, 'setup', { runChecks: false }).statementId,
  };
}

describe('http/hot-read: the review view ahead of Express', () => {
  let tmp: ReturnType<typeof tempDir>;
  before(() => (tmp = tempDir()));
  after(() => tmp.cleanup());

  describe('which requests it takes', () => {
    let db: Db;
    let server: Server;
    let base: string;
    let ids: { bilateral: number; trilateral: number };
    before(async () => {
      db = openDb(join(tmp.dir, 'unit.db'));
      ids = seed(db);
      const hot = hotReads(new StatementViews(db), ['X-Test', 'yes']);
      // Whatever the hot path declines gets a status no real route uses.
      server = createServer((req, res) => {
        if (!hot(req, res)) res.writeHead(599).end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(async () => {
      await new Promise((resolve) => server.close(resolve));
      db.close();
    });

    it('answers a plain GET of a statement, or of one of its languages, on a loopback name', async () => {
      for (const host of [undefined, 'localhost', 'LOCALHOST:8080', '127.0.0.1', '127.1.2.3:80', '[::1]:8080']) {
        const a = await send(base, `/api/statements/${ids.bilateral}`, { headers: host ? { Host: host } : {} });
        expect(a.status, String(host)).to.equal(200);
        expect(a.headers['x-test']).to.equal('yes');
      }
      const ja = await send(base, `/api/statements/${ids.trilateral}?lang=ja`);
      expect(ja.status).to.equal(200);
      expect(JSON.parse(ja.body).alignment.tgtLang).to.equal('ja');
    });

    it('leaves everything else to Express: other hosts, methods, paths, queries, bodies and every error', async () => {
      const id = ids.bilateral;
      const declined: [string, Parameters<typeof send>[2]][] = [
        [`/api/statements/${id}`, { headers: { Host: 'rebound.example' } }],
        [`/api/statements/${id}`, { headers: { Host: '127.0.0.1.rebound.example' } }],
        [`/api/statements/${id}`, { method: 'HEAD' }],
        [`/api/statements/${id}`, { method: 'DELETE' }],
        [`/api/statements/${id}`, { headers: { 'Content-Type': 'application/json' }, body: '{"not": "json' }],
        [`/api/statements/${id}/`, {}],
        [`/API/statements/${id}`, {}],
        [`/api/statements/0${id}`, {}],
        [`/api/statements/${id}?lang=ko&lang=ja`, {}],
        [`/api/statements/${id}?lang=`, {}],
        [`/api/statements/${id}?q=x`, {}],
        [`/api/statements/${id}/events`, {}],
        ['/api/statements/999999', {}],
        [`/api/statements/${id}?lang=fr`, {}],
      ];
      for (const [path, opts] of declined) expect((await send(base, path, opts)).status, `${opts?.method ?? 'GET'} ${path} ${JSON.stringify(opts)}`).to.equal(599);
    });
  });

  describe('what it sends, against the Express route', () => {
    let server: RunningServer;
    let ids: { bilateral: number; trilateral: number };
    const log: RequestLogEntry[] = [];
    before(async () => {
      const dbPath = join(tmp.dir, 'same.db');
      const db = openDb(dbPath);
      ids = seed(db);
      db.close();
      server = await startServer({ dbPath, port: 0, seed: false, log: () => {}, requestLog: (e) => log.push(e) });
    });
    after(() => server.close());

    // The trailing slash is the same route to Express, and the hot path leaves it to Express.
    it('sends the same status, headers (in the same order) and body as the Express route, 200 and 304, plain and gzipped', async () => {
      for (const q of ['', '?lang=ja']) {
        for (const accept of [{}, { 'Accept-Encoding': 'gzip, deflate, br, zstd' }, { 'Accept-Encoding': 'br' }] as Record<string, string>[]) {
          const id = q ? ids.trilateral : ids.bilateral;
          const hot = await send(server.url, `/api/statements/${id}${q}`, { headers: accept });
          const express = await send(server.url, `/api/statements/${id}/${q}`, { headers: accept });
          expect(hot.status).to.equal(200);
          expect(hot.headers['content-encoding']).to.equal(accept['Accept-Encoding']?.includes('gzip') ? 'gzip' : undefined);
          expect(comparable(hot)).to.deep.equal(comparable(express));
          expect(hot.bytes.equals(express.bytes)).to.equal(true);
          expect(hot.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/).and.not.equal(express.headers['x-request-id']);
          const inm = { ...accept, 'If-None-Match': hot.headers.etag! };
          const hot304 = await send(server.url, `/api/statements/${id}${q}`, { headers: inm });
          const express304 = await send(server.url, `/api/statements/${id}/${q}`, { headers: inm });
          expect(hot304.status).to.equal(304);
          expect(hot304.body).to.equal('');
          expect(comparable(hot304)).to.deep.equal(comparable(express304));
        }
      }
    });

    it('names the plain and the gzipped view apart: each tag revalidates only its own bytes', async () => {
      const path = `/api/statements/${ids.bilateral}`;
      const gzip = { 'Accept-Encoding': 'gzip' };
      const plain = await send(server.url, path);
      const zipped = await send(server.url, path, { headers: gzip });
      expect(gunzipSync(zipped.bytes).equals(plain.bytes)).to.equal(true);
      expect(zipped.bytes.length).to.be.below(plain.bytes.length / 4);
      expect(zipped.headers.etag).to.not.equal(plain.headers.etag);
      expect((await send(server.url, path, { headers: { ...gzip, 'If-None-Match': zipped.headers.etag! } })).status).to.equal(304);
      expect((await send(server.url, path, { headers: { 'If-None-Match': plain.headers.etag! } })).status).to.equal(304);
      // A tag of the other encoding does not stand for these bytes.
      expect((await send(server.url, path, { headers: { ...gzip, 'If-None-Match': plain.headers.etag! } })).status).to.equal(200);
      expect((await send(server.url, path, { headers: { 'If-None-Match': zipped.headers.etag! } })).status).to.equal(200);
      // Refused or unknown encodings get the plain view.
      for (const accept of ['gzip;q=0', 'br', 'identity', 'gzip;q=0.5, identity']) {
        const a = await send(server.url, path, { headers: { 'Accept-Encoding': accept } });
        expect(a.headers['content-encoding'], accept).to.equal(undefined);
        expect(a.bytes.equals(plain.bytes), accept).to.equal(true);
      }
      // Coding names are case-insensitive.
      for (const accept of ['*', 'GZIP, deflate', 'br;q=1, Gzip;q=0.5']) expect((await send(server.url, path, { headers: { 'Accept-Encoding': accept } })).headers['content-encoding'], accept).to.equal('gzip');
    });

    it('sends the security headers every other response carries', async () => {
      const security = (a: Answer) => a.raw.filter(([k]) => !/^(x-request-id|date|etag|cache-control|content-type|content-length|connection|keep-alive|vary)$/i.test(k));
      const hot = security(await send(server.url, `/api/statements/${ids.bilateral}`));
      expect(hot.map(([k]) => k)).to.include.members(['Content-Security-Policy', 'X-Frame-Options', 'X-Content-Type-Options', 'Referrer-Policy', 'Cross-Origin-Opener-Policy']);
      expect(security(await send(server.url, '/api/statements'))).to.deep.equal(hot);
      expect(security(await send(server.url, '/api/nothing-here'))).to.deep.equal(hot);
    });

    it('logs the request like any other: its id, the path without the query, the status, the reviewer', async () => {
      log.length = 0;
      const a = await send(server.url, `/api/statements/${ids.trilateral}?lang=ko`, { headers: { 'X-Reviewer': 'mina' } });
      const b = await send(server.url, `/api/statements/${ids.trilateral}?lang=ko`, { headers: { Cookie: 'theme=dark; twintext_reviewer=jun', 'If-None-Match': a.headers.etag! } });
      const c = await send(server.url, `/api/statements/${ids.bilateral}`);
      await new Promise((r) => setTimeout(r, 20));
      expect(log.map(({ id, method, route, status, reviewer }) => ({ id, method, route, status, reviewer }))).to.deep.equal([
        { id: a.headers['x-request-id'], method: 'GET', route: `/api/statements/${ids.trilateral}`, status: 200, reviewer: true },
        { id: b.headers['x-request-id'], method: 'GET', route: `/api/statements/${ids.trilateral}`, status: 304, reviewer: true },
        { id: c.headers['x-request-id'], method: 'GET', route: `/api/statements/${ids.bilateral}`, status: 200, reviewer: false },
      ]);
      expect(log.every((e) => e.ms >= 0 && !Number.isNaN(Date.parse(e.at)))).to.equal(true);
    });

    it('keeps the DNS-rebinding guard and the error answers of the ordinary route', async () => {
      const id = ids.bilateral;
      const rebound = await send(server.url, `/api/statements/${id}`, { headers: { Host: 'rebound.example:8080' } });
      expect(rebound.status).to.equal(403);
      expect(JSON.parse(rebound.body)).to.include({ ok: false, status: 403, code: 'forbidden' });
      expect(comparable(rebound)).to.deep.equal(comparable(await send(server.url, '/api/statements', { headers: { Host: 'rebound.example:8080' } })));
      expect((await send(server.url, `/api/statements/${id}`, { headers: { Host: `localhost:${new URL(server.url).port}` } })).status).to.equal(200);
      expect(JSON.parse((await send(server.url, '/api/statements/999999')).body)).to.include({ ok: false, status: 404, code: 'not_found' });
      expect(JSON.parse((await send(server.url, `/api/statements/${id}?lang=fr`)).body)).to.include({ status: 404, code: 'not_found' });
      expect(JSON.parse((await send(server.url, '/api/statements/0')).body)).to.include({ status: 400, code: 'bad_request' });
      const badBody = await send(server.url, `/api/statements/${id}`, { headers: { 'Content-Type': 'application/json' }, body: '{"not": "json' });
      expect(JSON.parse(badBody.body)).to.include({ status: 400, code: 'bad_request' });
    });
  });

  describe('with accounts', () => {
    let server: RunningServer;
    let id: number;
    before(async () => {
      const dbPath = join(tmp.dir, 'accounts.db');
      const db = openDb(dbPath);
      id = seed(db).bilateral;
      addUser(db, 'rina', 'translator', 'translator-pass-9', 'setup');
      db.close();
      server = await startServer({ dbPath, port: 0, accounts: true, seed: false, log: () => {} });
    });
    after(() => server.close());

    it('still needs a session for the review view, from any host name', async () => {
      for (const Host of ['127.0.0.1', 'review.example.org']) {
        const a = await send(server.url, `/api/statements/${id}`, { headers: { Host, 'X-Reviewer': 'spoofed' } });
        expect(a.status).to.equal(401);
        expect(JSON.parse(a.body)).to.include({ ok: false, code: 'unauthorized' });
      }
      const login = await send(server.url, '/api/login', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: 'rina', password: 'translator-pass-9' }) });
      const cookie = String(login.headers['set-cookie']).split(';')[0]!;
      const ok = await send(server.url, `/api/statements/${id}`, { headers: { Cookie: cookie, Host: 'review.example.org' } });
      expect(ok.status).to.equal(200);
      expect(JSON.parse(ok.body).statement.id).to.equal(id);
    });
  });
});
