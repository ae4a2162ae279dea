// Many writers at once: no lost update (versions → 409), no SQLITE_BUSY reaching a user, even while
// another process imports a batch into the same database file.
import { expect } from 'chai';
import { join, resolve } from 'node:path';
import { readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { tempDir } from '../helpers.ts';

describe('http/concurrency', function () {
  this.timeout(60_000);
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  before(async () => {
    tmp = tempDir();
    server = await startServer({ dbPath: join(tmp.dir, 'c.db'), port: 0, log: () => {} });
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  const call = async (method: string, path: string, who: string, body?: unknown) => {
    const res = await fetch(new URL(path, server.url), { method, headers: { 'Content-Type': 'application/json', 'X-Reviewer': who }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('two reviewers confirming the same bead version: one wins, the other gets 409', async () => {
    const view = (await call('GET', '/api/statements/1', 'x')).body;
    const bead = view.alignment.beads[0];
    const results = await Promise.all(['alice', 'bob'].map((who) => call('POST', `/api/beads/${bead.id}/edit`, who, { op: 'confirm', version: bead.version })));
    expect(results.map((r) => r.status).sort()).to.deep.equal([200, 409]);
    const events = (await call('GET', '/api/statements/1/events', 'x')).body.events.filter((e: any) => e.action === 'bead.confirm');
    expect(events).to.have.length(1);
  });

  it('flags written by 40 clients at once while a batch import runs in another process all land', async () => {
    const demo = resolve('data/demo');
    const rows = ['title,en,ko'];
    for (let i = 1; i <= 6; i++) {
      writeFileSync(join(tmp.dir, `b${i}.en.txt`), readFileSync(join(demo, 'edscg6.en.txt'), 'utf8').replace('within the year.', `within the year, and to review item ${i}.`));
      writeFileSync(join(tmp.dir, `b${i}.ko.txt`), readFileSync(join(demo, 'edscg6.ko.txt'), 'utf8').replace('개최하기로 합의하였다.', `개최하고 제${i}항을 검토하기로 합의하였다.`));
      rows.push(`Batch ${i},b${i}.en.txt,b${i}.ko.txt`);
    }
    writeFileSync(join(tmp.dir, 'batch.csv'), rows.join('\n'));
    const seeded = (await call('GET', '/api/statements', 'x')).body.statements.length;
    const importer = new Promise<number>((done) => {
      const child = spawn(process.execPath, [resolve('bin/twintext.js'), 'import', '--manifest', join(tmp.dir, 'batch.csv'), '--db', join(tmp.dir, 'c.db')], { stdio: 'ignore' });
      child.once('exit', (code) => done(code ?? -1));
    });
    const beads = (await call('GET', '/api/statements/2', 'x')).body.alignment.beads;
    const writes = Array.from({ length: 40 }, (_, i) => call('POST', `/api/beads/${beads[i % beads.length].id}/flags`, `reviewer-${i}`, { category: 'style', comment: `note ${i}` }));
    const results = await Promise.all(writes);
    expect(results.filter((r) => r.status !== 201).map((r) => r.body)).to.deep.equal([]);
    expect(await importer).to.equal(0);
    const list = (await call('GET', '/api/statements', 'x')).body.statements;
    expect(list).to.have.length(seeded + 6);
    const flags = (await call('GET', '/api/statements/2', 'x')).body.alignment.beads.flatMap((b: any) => b.flags);
    expect(flags).to.have.length(40);
  });
});
