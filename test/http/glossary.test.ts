// The glossary over HTTP: a term's change is saved at once, and the suggestions of the statements that
// mention it follow in the background, while the server keeps answering.
import { expect } from 'chai';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { tempDir } from '../helpers.ts';

const EN = 'The Nuclear Consultative Group met in Washington on June 10, 2026.\nBoth sides reviewed the joint planning of nuclear and conventional integration.';
const KO = '핵협의체는 2026년 6월 10일 워싱턴에서 회의를 개최하였다.\n양측은 핵·재래식 통합에 관한 공동기획을 점검하였다.';

describe('http/glossary', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;
  let statement: number;
  const who = { 'X-Reviewer': 'erin', 'Content-Type': 'application/json' };

  const api = async (path: string, init: RequestInit = {}) => {
    const res = await fetch(new URL(path, server.url), init);
    return { status: res.status, body: (await res.json()) as any };
  };
  const ncgSuggestions = async () =>
    (await api(`/api/statements/${statement}/findings`)).body.findings.filter((f: any) => f.status === 'suggested' && f.check === 'terminology' && /핵협의/.test(f.message));

  before(async () => {
    tmp = tempDir();
    server = await startServer({ dbPath: join(tmp.dir, 'glossary.db'), port: 0, seed: false, log: () => {} });
    const res = await api('/api/statements', { method: 'POST', headers: who, body: JSON.stringify({ title: 'NCG', texts: { en: EN, ko: KO } }) });
    expect(res.status, JSON.stringify(res.body)).to.equal(201);
    statement = res.body.statement.id;
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('saves a term change at once and brings the suggestions of the statements that mention it up to date right after', async () => {
    expect((await ncgSuggestions()).map((f: any) => f.message)).to.deep.equal(['English "Nuclear Consultative Group" should be rendered as "핵협의그룹" in Korean, which is missing']);
    const term = (await api('/api/glossary')).body.terms.find((t: any) => t.terms.en?.includes('Nuclear Consultative Group'));
    const saved = await api(`/api/glossary/${term.id}`, { method: 'PATCH', headers: who, body: JSON.stringify({ terms: { ...term.terms, ko: ['핵협의그룹', '핵협의체'] }, note: term.note }) });
    expect(saved.status).to.equal(200);
    expect(saved.body.term.terms.ko).to.deep.equal(['핵협의그룹', '핵협의체']);
    // The re-check runs after the answer: wait for it (a statement takes milliseconds).
    for (let k = 0; k < 100 && (await ncgSuggestions()).length; k++) await new Promise((r) => setTimeout(r, 20));
    expect(await ncgSuggestions()).to.deep.equal([]);
    const events = (await api(`/api/statements/${statement}/events`)).body.events.map((e: any) => `${e.actor} ${e.action}`);
    expect(events[0]).to.equal('erin checks.run');
    // A duplicate of another term is a 409 naming it, and changes nothing.
    const reordered = Object.fromEntries(Object.entries(saved.body.term.terms as Record<string, string[]>).map(([l, v]) => [l, [...v].reverse()]));
    const twin = await api('/api/glossary', { method: 'POST', headers: who, body: JSON.stringify({ terms: reordered }) });
    expect(twin.status).to.equal(409);
    expect(twin.body.error).to.match(new RegExp(`the glossary has this term already \\(term ${term.id}\\)`));
    // So is one that differs from it only in case: named with its renderings, and nothing is stored.
    const count = (await api('/api/glossary')).body.terms.length;
    const stored = saved.body.term.terms as Record<string, string[]>;
    const shouted = await api('/api/glossary', { method: 'POST', headers: who, body: JSON.stringify({ terms: { ...stored, en: stored.en!.map((t) => t.toUpperCase()) } }) });
    expect(shouted.status).to.equal(409);
    expect(shouted.body.error).to.equal(`the glossary has this term already, differing only in case or spacing: term ${term.id} (${Object.entries(stored).map(([l, v]) => `${l} "${v.join('|')}"`).join(', ')})`);
    expect(shouted.body.error).to.include('en "Nuclear Consultative Group|NCG"');
    expect((await api('/api/glossary')).body.terms).to.have.length(count);
  });

  it('refuses a term a seeded one has already (409 naming it), with its Japanese too; and gives every term in one shape, without empty languages', async () => {
    const terms = (await api('/api/glossary')).body.terms as any[];
    expect(terms.filter((t) => Object.values(t.terms as Record<string, string[]>).some((v) => !v.length)).map((t) => t.id)).to.deep.equal([]);
    const mcm = terms.find((t) => t.terms.en?.includes('MCM'));
    expect(mcm.terms).to.deep.equal({ en: ['Military Committee Meeting', 'MCM'], ko: ['군사위원회회의'] });
    const same = await api('/api/glossary', { method: 'POST', headers: who, body: JSON.stringify({ terms: { en: 'Military Committee Meeting|MCM', ko: '군사위원회회의' } }) });
    expect([same.status, same.body.error]).to.deep.equal([409, `the glossary has this term already (term ${mcm.id})`]);
    const space = terms.find((t) => t.terms.en?.[0] === 'space' && t.terms.ja?.length);
    const fewer = await api('/api/glossary', { method: 'POST', headers: who, body: JSON.stringify({ terms: { en: 'space', ko: space.terms.ko } }) });
    expect(fewer.status).to.equal(409);
    expect(fewer.body.error).to.match(new RegExp(`with more languages: term ${space.id} \\(en "space", ko "${space.terms.ko.join('\\|')}", ja "${space.terms.ja.join('\\|')}"\\)`));
    // Its own Japanese taken away (PATCH) is allowed, and it comes back as added terms do.
    const patched = await api(`/api/glossary/${space.id}`, { method: 'PATCH', headers: who, body: JSON.stringify({ terms: { en: space.terms.en, ko: space.terms.ko, ja: [] }, note: space.note }) });
    expect([patched.status, patched.body.term.terms]).to.deep.equal([200, { en: space.terms.en, ko: space.terms.ko }]);
    expect((await api('/api/glossary')).body.terms).to.have.length(terms.length);
  });

  it('refuses a field a term does not have (POST and PATCH) with a 400 naming it, storing nothing', async () => {
    const terms = (await api('/api/glossary')).body.terms;
    const term = terms.find((t: any) => t.terms.en?.includes('Nuclear Consultative Group'));
    for (const [method, path, body, error] of [
      ['POST', '/api/glossary', { terms: { en: 'Combined Forces Command', ko: '한미연합사령부' }, notes: 'CFC' }, 'unknown field "notes": the fields are "terms", "note"'],
      ['POST', '/api/glossary', { Terms: { en: 'Combined Forces Command', ko: '한미연합사령부' } }, 'unknown field "Terms" (did you mean "terms"?): the fields are "terms", "note"'],
      ['PATCH', `/api/glossary/${term.id}`, { terms: term.terms, note: 'checked', author: 'someone else' }, 'unknown field "author": the fields are "terms", "note"'],
    ] as const) {
      const res = await api(path, { method, headers: who, body: JSON.stringify(body) });
      expect([res.status, res.body.code, res.body.error], JSON.stringify(body)).to.deep.equal([400, 'bad_request', error]);
    }
    expect((await api('/api/glossary')).body.terms).to.deep.equal(terms);
  });
});

describe('http/server start after the glossary file gained a language', () => {
  it('checks again, in the background, the statements the extended terms touch, and finishes before it closes', async () => {
    const tmp = tempDir();
    try {
      const dbPath = join(tmp.dir, 'old.db');
      // A database seeded from the glossary file as it was before its Japanese column: en and ko only.
      const { openDb } = await import('../../server/store/db.ts');
      const { importStatement } = await import('../../server/ops/import.ts');
      const { listGlossary } = await import('../../server/ops/glossary.ts');
      const { parseGlossary } = await import('../../server/core/glossary.ts');
      const old = parseGlossary('en\tko\nalliance|Alliance\t동맹\n');
      const db = openDb(dbPath);
      listGlossary(db, { glossary: old });
      db.prepare("DELETE FROM settings WHERE name = 'glossary_seeded_langs'").run();
      importStatement(db, { title: 'Trilateral', preSplit: true, texts: { en: 'The ministers reaffirmed the alliance.', ko: '장관들은 동맹을 재확인하였다.', ja: '閣僚は連携を再確認した。' } }, 'alice', { glossary: old });
      db.close();
      const server = await startServer({ dbPath, port: 0, seed: false, log: () => {} });
      await server.close();
      const after = openDb(dbPath);
      try {
        expect(after.prepare("SELECT value FROM settings WHERE name = 'glossary_recheck_pending'").pluck().get()).to.equal('');
        expect(after.prepare("SELECT count(*) FROM events WHERE action = 'checks.run' AND actor = 'twintext'").pluck().get()).to.equal(1);
        const found = after.prepare("SELECT message FROM findings WHERE check_id = 'terminology'").pluck().all() as string[];
        expect(found.some((m) => m.includes('同盟')), JSON.stringify(found)).to.equal(true);
      } finally {
        after.close();
      }
    } finally {
      tmp.cleanup();
    }
  });
});
