// The bad-input suite: every case through the API and the CLI gets a clear error (or a correct result),
// and after a rejected input the database is unchanged (row digest before and after).
import { expect } from 'chai';
import { join } from 'node:path';
import { writeFileSync, openSync, ftruncateSync, closeSync } from 'node:fs';
import iconv from 'iconv-lite';
import { strToU8, zipSync } from 'fflate';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { buildDocx, withDeclaredSize } from '../formats/docx-helpers.ts';
import { tempDir, fileDigest, runCli } from '../helpers.ts';

const EN = 'Joint Statement on Maritime Security\n\nThe two sides held talks in Busan on May 12, 2026.\n\nThey agreed to hold joint drills twice a year.';
const KO = '해양안보에 관한 공동성명\n\n양측은 2026년 5월 12일 부산에서 회담을 개최하였다.\n\n양측은 연 2회 합동훈련을 실시하기로 합의하였다.';
const b64 = (b: Uint8Array | string) => Buffer.from(b).toString('base64');
const bomb = () => zipSync({ '[Content_Types].xml': strToU8('<Types/>'), word: { 'document.xml': new Uint8Array(60 * 1024 * 1024) } }, { level: 9 });

interface Case {
  what: string;
  en?: Uint8Array | string;
  ko?: Uint8Array | string;
  enName?: string;
  koName?: string;
  /** null: the input is fine and gets imported. */
  error: RegExp | null;
  status?: number;
}

const cases: Case[] = [
  { what: 'an empty file', en: '', error: /empty/i },
  { what: 'whitespace only', ko: ' \n\t\n   \n', error: /empty/i },
  { what: 'binary data', en: new Uint8Array([0x00, 0x01, 0x02, 0xff, 0x00, 0x10, 0x00, 0x7f, 0x00]), error: /binary/i },
  { what: 'truncated UTF-8', ko: Buffer.concat([Buffer.from(KO), Buffer.from([0xed, 0x95])]), error: /UTF-8|undecodable|decode/i },
  { what: 'UTF-16 without a BOM', ko: iconv.encode(KO, 'utf-16le'), error: null },
  { what: 'EUC-KR text', ko: iconv.encode(KO, 'euc-kr'), error: null },
  { what: 'UTF-16 with a BOM', ko: Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(KO, 'utf-16le')]), error: null },
  { what: 'UTF-8 with a BOM and CRLF line ends', en: '\ufeff' + EN.replace(/\n/g, '\r\n'), error: null },
  { what: 'a 1,000,000-character line', en: 'The two sides met. '.repeat(52_632), error: /longer than|limit/i, status: 413 },
  {
    what: 'HTML with scripts and iframes',
    en: `<html><head><script>alert("x")</script></head><body><iframe src="https://example.org"></iframe><nav>Home | News</nav><main><h1>Joint Statement on Maritime Security</h1><p>The two sides held talks in Busan on May 12, 2026.</p><script>document.write("evil")</script><p>They agreed to hold joint drills twice a year.</p></main></body></html>`,
    enName: 'page.html',
    error: null,
  },
  { what: 'a malformed DOCX', en: Buffer.concat([Buffer.from('PK\u0003\u0004'), Buffer.alloc(200, 7)]), enName: 'statement.docx', error: /docx|zip|archive/i },
  { what: 'a DOCX that is not a zip at all', en: 'just text', enName: 'statement.docx', error: /not a \.docx/i },
  { what: 'a zip bomb', en: bomb(), enName: 'bomb.docx', error: /50 MB|too large|expands/i, status: 413 },
  { what: 'a zip claiming a huge size', en: withDeclaredSize(buildDocx(['The two sides met.']), 2_000_000_000), enName: 'claims.docx', error: /50 MB|expands/i, status: 413 },
  { what: 'both sides in English', ko: EN, error: /does not look like Korean/ },
  { what: 'both sides in Korean', en: KO, error: /does not look like English/ },
  { what: 'SQL-like text', en: EN + "\n\nRobert'); DROP TABLE statements; -- was quoted.", error: null },
  { what: 'a legacy .hwp file', en: 'HWP Document File', enName: 'statement.hwp', error: /not supported/ },
];

describe('bad input (API and CLI)', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  let dbPath: string;
  before(async () => {
    tmp = tempDir();
    dbPath = join(tmp.dir, 'bad.db');
    server = await startServer({ dbPath, port: 0, log: () => {} });
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  const digest = () => fileDigest(dbPath);

  for (const c of cases) {
    const en = c.en ?? EN;
    const ko = c.ko ?? KO;
    const enName = c.enName ?? 'en.txt';
    const koName = c.koName ?? 'ko.txt';

    it(`API: ${c.what}`, async () => {
      const before = digest();
      const res = await fetch(new URL('/api/statements', server.url), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'tester' },
        body: JSON.stringify({ title: `API ${c.what}`, files: { en: { name: enName, data: b64(en) }, ko: { name: koName, data: b64(ko) } } }),
      });
      const body = (await res.json()) as { ok: boolean; status?: number; code?: string; error?: string; statement?: { id: number; beads: number } };
      if (c.error === null) {
        // 201 for a new statement, 200 when an earlier case already imported the same texts.
        expect(body.ok, JSON.stringify(body)).to.equal(true);
        expect([200, 201]).to.include(res.status);
        expect(body.statement!.beads).to.be.greaterThan(1);
      } else {
        expect(res.status, JSON.stringify(body)).to.equal(c.status ?? 400);
        expect(body).to.include({ ok: false, status: c.status ?? 400 });
        expect(body.error).to.match(c.error);
        expect(digest()).to.equal(before);
      }
    });

    it(`CLI: ${c.what}`, async () => {
      const dir = join(tmp.dir, 'cli');
      const cliDb = join(tmp.dir, 'cli.db');
      await import('node:fs').then((fs) => fs.mkdirSync(dir, { recursive: true }));
      const enFile = join(dir, `x-${enName}`);
      const koFile = join(dir, `x-${koName}`);
      writeFileSync(enFile, en);
      writeFileSync(koFile, ko);
      const before = fileDigest(cliDb);
      const r = await runCli(['import', '--en', enFile, '--ko', koFile, '--title', `CLI ${c.what}`, '--db', cliDb]);
      if (c.error === null) {
        expect(r.code, r.stderr).to.equal(0);
        expect(r.stdout.trim()).to.match(/^\d+$/);
      } else {
        expect(r.code).to.equal(1);
        expect(r.stderr).to.match(c.error);
        expect(r.stderr.trimEnd().split('\n')).to.have.length(1);
        expect(fileDigest(cliDb)).to.equal(before);
      }
    });
  }

  it('CLI: a 100 MB file is refused before it is read', async () => {
    const big = join(tmp.dir, 'big.txt');
    const fd = openSync(big, 'w');
    ftruncateSync(fd, 100 * 1024 * 1024);
    closeSync(fd);
    const r = await runCli(['import', '--en', big, '--ko', big, '--db', join(tmp.dir, 'big.db')]);
    expect(r.code).to.equal(1);
    expect(r.stderr).to.match(/big\.txt.*limit is 5242880 bytes/);
  });

  it('API: a request body over the limit gets 413 and changes nothing', async () => {
    const before = digest();
    const res = await fetch(new URL('/api/statements', server.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'tester' },
      body: JSON.stringify({ texts: { en: 'x'.repeat(25 * 1024 * 1024), ko: KO } }),
    });
    expect(res.status).to.equal(413);
    expect(((await res.json()) as { code: string }).code).to.equal('payload_too_large');
    expect(digest()).to.equal(before);
  });

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(new URL(path, server.url), {
      method,
      headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'tester' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as { ok: boolean; code: string; error: string } };
  };

  const more: [string, () => Promise<{ status: number; body: { code: string; error: string } }>, number, RegExp][] = [
    ['an id with path traversal', () => api('GET', '/api/statements/..%2F..%2Fetc%2Fpasswd'), 400, /positive integer/],
    ['an id too large for an integer', () => api('GET', '/api/statements/99999999999999999999'), 400, /positive integer/],
    ['an unknown bead', () => api('POST', '/api/beads/777777/edit', { op: 'merge', version: 1 }), 404, /bead 777777/],
    ['an unknown paragraph', () => api('PATCH', '/api/paragraphs/777777', { content: 'x' }), 404, /paragraph 777777/],
    ['an unknown finding', () => api('POST', '/api/findings/777777/accept'), 404, /finding 777777/],
    ['an unknown glossary term', () => api('DELETE', '/api/glossary/777777'), 404, /glossary term 777777/],
    ['an unknown alignment to undo', () => api('POST', '/api/alignments/777777/undo'), 404, /alignment 777777/],
    ['an undo whose "expect" is not an event id', () => api('POST', '/api/alignments/1/undo', { expect: 'latest' }), 400, /"expect" must be the id of the event to undo/],
    ['a stale version', () => api('POST', '/api/beads/1/edit', { op: 'confirm', version: 0 }), 409, /changed since/],
    ['an unknown edit operation', () => api('POST', '/api/beads/1/edit', { op: 'shred', version: 1 }), 400, /"op" must be one of/],
    ['a flag comment over 10,000 characters', () => api('POST', '/api/beads/1/flags', { category: 'style', comment: 'x'.repeat(10_001) }), 400, /longer than 10000/],
    ['a reviewer name over 100 characters', () => fetch(new URL('/api/beads/1/flags', server.url), { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Reviewer': 'r'.repeat(101) }, body: '{"category":"style"}' }).then(async (r) => ({ status: r.status, body: (await r.json()) as { code: string; error: string } })), 400, /longer than 100/],
    ['an export with an unknown status', () => api('GET', '/api/export?format=tsv&status=maybe'), 400, /"status" must be/],
    ['a report in an unknown format', () => api('GET', '/api/report?format=pdf'), 400, /unknown report format/],
    ['a text and a file for one language', () => api('POST', '/api/statements', { texts: { en: EN }, files: { en: { name: 'a.txt', data: b64(EN) }, ko: { name: 'b.txt', data: b64(KO) } } }), 400, /both as text and as a file/],
    ['NUL bytes in pasted text', () => api('POST', '/api/statements', { texts: { en: 'The two sides\u0000\u0000\u0000 met.', ko: KO } }), 400, /binary/i],
  ];
  for (const [what, call, status, message] of more) {
    it(`API: ${what} → ${status}`, async () => {
      const before = digest();
      const res = await call();
      expect(res.status, JSON.stringify(res.body)).to.equal(status);
      expect(res.body.error).to.match(message);
      expect(digest()).to.equal(before);
    });
  }
});
