// GET /api/beads/:id/sentences through the real server: the sentences inside a row, aligned.
import { expect } from 'chai';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { tempDir } from '../helpers.ts';
import { RATIO_DOC } from '../fixtures/ratio-doc.ts';

describe('http/sentences', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  before(async () => {
    tmp = tempDir();
    server = await startServer({ dbPath: join(tmp.dir, 'sentences.db'), port: 0, seed: false, log: () => {} });
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });
  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(path, server.url), init);
    return { status: res.status, body: (await res.json()) as any };
  };

  it('gives the aligned sentences of a row, each sentence once and in order', async () => {
    const made = await api('/api/statements', {
      method: 'POST',
      headers: { 'X-Reviewer': 'mina', 'Content-Type': 'application/json' },
      body: JSON.stringify({ title: 'Sentences of a row', texts: { en: RATIO_DOC.en.join('\n'), ko: RATIO_DOC.ko.join('\n') } }),
    });
    expect(made.status).to.equal(201);
    const view = await api(`/api/statements/${made.body.statement.id}`);
    const bead = view.body.alignment.beads.at(-1);
    const res = await api(`/api/beads/${bead.id}/sentences`);
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.include({ ok: true, beadId: bead.id, srcLang: 'en', tgtLang: 'ko' });
    expect(res.body.src.join(' ')).to.equal(bead.src.map((p: { text: string }) => p.text).join(' '));
    expect(res.body.beads.flatMap((b: { src: number[] }) => b.src)).to.deep.equal([0, 1, 2]);
    expect(res.body.beads.flatMap((b: { tgt: number[] }) => b.tgt)).to.deep.equal([0, 1, 2, 3]);
    // Three English sentences, four Korean: the one the Korean adds is a row of its own.
    expect(res.body.beads.map((b: { src: number[]; tgt: number[] }) => `${b.src}|${b.tgt}`)).to.deep.equal(['0|0', '1|1', '|2', '2|3']);
  });
});
