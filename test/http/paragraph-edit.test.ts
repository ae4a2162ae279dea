// Text edits over HTTP refuse a lost update (409 on a stale `base`), and alignment edits and new versions
// come back with up-to-date findings, without a manual run of the checks.
import { expect } from 'chai';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { tempDir, fileDigest } from '../helpers.ts';

interface Para { id: number; n: number; text: string }
interface Bead { id: number; version: number; src: Para[]; tgt: Para[] }
interface Finding { id: number; beadId: number | null; check: string; severity: string; status: string; message: string; alignmentId: number }

describe('http/paragraph edits and fresh findings', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  let dbPath: string;
  let kidd: number;
  const who = { 'X-Reviewer': 'alice', 'Content-Type': 'application/json' };

  before(async () => {
    tmp = tempDir();
    dbPath = join(tmp.dir, 'edit.db');
    server = await startServer({ dbPath, port: 0, log: () => {} });
    const list = (await call('GET', '/api/statements')).body.statements as { id: number; title: string }[];
    kidd = list.find((s) => s.title.includes('26th'))!.id;
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(new URL(path, server.url), { method, headers: who, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  }
  const alignment = async () => (await call('GET', `/api/statements/${kidd}`)).body.alignment as { id: number; beads: Bead[] };
  const findings = async () => ((await call('GET', `/api/statements/${kidd}/findings`)).body.findings as Finding[]).filter((f) => f.status === 'suggested');
  const digest = () => fileDigest(dbPath);

  it('PATCH /api/paragraphs/:id: the second of two editors who opened the same text gets a 409 and changes nothing', async () => {
    const p = (await alignment()).beads[1]!.tgt[0]!;
    const a = await call('PATCH', `/api/paragraphs/${p.id}`, { content: p.text.replace('개최하였다', '개최했다'), base: p.text });
    expect(a.status, JSON.stringify(a.body)).to.equal(200);
    expect(a.body.ok).to.equal(true);
    expect(a.body.history).to.have.length(1);
    const before = digest();
    const b = await call('PATCH', `/api/paragraphs/${p.id}`, { content: p.text + ' 끝.', base: p.text });
    expect(b.status).to.equal(409);
    expect(b.body).to.deep.equal({
      ok: false,
      status: 409,
      code: 'conflict',
      error: `paragraph ${p.n} (ko) was changed by someone else since you opened it; reload to see their text`,
    });
    expect(digest()).to.equal(before);
    expect((await alignment()).beads[1]!.tgt[0]!.text).to.equal(p.text.replace('개최하였다', '개최했다'));
  });

  it('PATCH /api/paragraphs/:id without "base" is a 400 naming it', async () => {
    const p = (await alignment()).beads[3]!.tgt[0]!;
    const before = digest();
    for (const body of [{ content: p.text + ' 끝.' }, { content: p.text + ' 끝.', base: null }]) {
      const res = await call('PATCH', `/api/paragraphs/${p.id}`, body);
      expect(res.status).to.equal(400);
      expect(res.body).to.include({ ok: false, status: 400, code: 'bad_request' });
      expect(res.body.error).to.match(/"base"/);
    }
    expect(digest()).to.equal(before);
  });

  it('an empty cell inserted through the API comes back with its omission suggestion', async () => {
    const bead = (await alignment()).beads[4]!; // 5|4
    const res = await call('POST', `/api/beads/${bead.id}/edit`, { op: 'insert-empty', side: 'tgt', version: bead.version });
    expect(res.status, JSON.stringify(res.body)).to.equal(200);
    const { id, beads } = await alignment();
    expect(beads[4]!.tgt).to.deep.equal([]);
    const all = (await findings()).filter((f) => f.alignmentId === id);
    expect(all.filter((f) => f.check === 'omission').map((f) => f.beadId)).to.include(beads[4]!.id);
    expect(all.filter((f) => !beads.some((b) => b.id === f.beadId))).to.deep.equal([]);
  });

  it('a new version with a changed number has its numbers finding at once', async () => {
    const text = (await alignment()).beads.flatMap((b) => b.tgt).map((p) => p.text).join('\n\n');
    const res = await call('POST', `/api/statements/${kidd}/versions`, { texts: { ko: text.replace('제27차 KIDD', '제28차 KIDD') } });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    const current = await alignment();
    const found = (await findings()).filter((f) => f.alignmentId === current.id && f.check === 'numbers' && f.message.includes('제28차'));
    expect(found).to.have.length(1);
    expect(current.beads.find((b) => b.id === found[0]!.beadId)!.tgt[0]!.text).to.include('제28차');
  });
});
