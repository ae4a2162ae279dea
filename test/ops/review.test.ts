import { expect } from 'chai';
import type { Db } from '../../server/store/db.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { importStatement } from '../../server/ops/import.ts';
import { getStatementView, setBeadConfirmed, addFlag, changeFlag, commentOnFlag, editStatementInfo } from '../../server/ops/review.ts';
import { listEvents } from '../../server/store/events.ts';
import { ConflictError, InputError, NotFoundError } from '../../server/core/errors.ts';
import { dbDigest, useTempDb } from '../helpers.ts';

describe('ops/review', () => {
  let db: Db;
  let statementId: number;
  useTempDb((opened) => {
    db = opened;
    statementId = seedDemo(db)[0]!;
  });
  const bead = (i: number) => getStatementView(db, statementId).alignment!.beads[i]!;

  describe('#getStatementView', () => {
    it('opens the pair into a language by its code when the statement holds it under a tag (ja for ja-JP), an exact tag first', () => {
      const { statementId: id } = importStatement(db, {
        preSplit: true,
        texts: {
          en: 'The foreign ministers met in Nagoya.\nThey agreed to resume the trilateral summit.',
          ko: '3국 외교장관은 나고야에서 만났다.\n3국은 정상회의를 재개하기로 합의하였다.',
          'ja-JP': '三か国の外相は名古屋で会談した。\n三か国は首脳会議を再開することで一致した。',
        },
      }, 'alice');
      const pair = (lang?: string) => { const a = getStatementView(db, id, lang).alignment!; return `${a.srcLang}>${a.tgtLang}`; };
      expect([pair(), pair('ko'), pair('ja'), pair('ja-JP'), pair('JA-jp')]).to.deep.equal(['en>ko', 'en>ko', 'en>ja-JP', 'en>ja-JP', 'en>ja-JP']);
      expect(() => getStatementView(db, id, 'zh')).to.throw(NotFoundError, `statement ${id} has no alignment into "zh"`);
    });
  });

  describe('#editStatementInfo', () => {
    it('corrects the title and the date in one event with before and after, single-spacing the title', () => {
      const s = getStatementView(db, statementId).statement;
      const r = editStatementInfo(db, statementId, { title: '  Joint Press Statement\u00a0for the  26th KIDD ', date: '2025-09-24' }, 'alice');
      expect(r.changed).to.equal(true);
      expect(r.statement).to.deep.include({ title: 'Joint Press Statement for the 26th KIDD', date: '2025-09-24' });
      expect(getStatementView(db, statementId).statement).to.deep.include({ title: 'Joint Press Statement for the 26th KIDD', date: '2025-09-24' });
      const e = listEvents(db, statementId)[0]!;
      expect(e).to.deep.include({ action: 'statement.edit', actor: 'alice', entity: 'statement', entityId: statementId });
      expect(e.before).to.deep.equal({ title: s.title, date: s.date });
      expect(e.after).to.deep.equal({ title: 'Joint Press Statement for the 26th KIDD', date: '2025-09-24' });
      // The date alone, then cleared; the title stays.
      expect(editStatementInfo(db, statementId, { date: null }, 'bob').statement).to.deep.include({ title: 'Joint Press Statement for the 26th KIDD', date: null });
      expect(listEvents(db, statementId)[0]!.after).to.deep.equal({ title: 'Joint Press Statement for the 26th KIDD', date: null });
    });

    it('refuses a change made from a value someone has changed since, and keeps what they changed', () => {
      const s = getStatementView(db, statementId).statement;
      editStatementInfo(db, statementId, { date: '2025-09-30', base: { date: s.date } }, 'bob');
      const before = dbDigest(db);
      // A page that still shows the old date changes the date: a conflict, nothing written.
      expect(() => editStatementInfo(db, statementId, { date: '2025-10-01', base: { date: s.date } }, 'alice')).to.throw(ConflictError, /the date of statement \d+ was changed by someone else meanwhile \(it is now "2025-09-30"\)/);
      expect(() => editStatementInfo(db, statementId, { date: '2025-10-01', base: 'x' }, 'alice')).to.throw(InputError, /"base" must hold/);
      expect(dbDigest(db)).to.equal(before);
      // The same page changing only the title leaves bob's date alone.
      expect(editStatementInfo(db, statementId, { title: 'KIDD statement', base: { title: s.title } }, 'alice').statement).to.deep.include({ title: 'KIDD statement', date: '2025-09-30' });
    });

    it('reads the base values as the change is read: an empty date is none, a title single-spaced', () => {
      const s = getStatementView(db, statementId).statement;
      editStatementInfo(db, statementId, { date: null }, 'bob');
      expect(editStatementInfo(db, statementId, { date: '2025-10-01', base: { date: '' } }, 'alice').statement.date).to.equal('2025-10-01');
      expect(editStatementInfo(db, statementId, { title: 'KIDD 26', base: { title: `  ${s.title.replace(/ /g, '  ')} ` } }, 'alice').statement.title).to.equal('KIDD 26');
    });

    it('records nothing when nothing changes', () => {
      const s = getStatementView(db, statementId).statement;
      const before = dbDigest(db);
      expect(editStatementInfo(db, statementId, { title: ` ${s.title}  `, date: s.date }, 'alice').changed).to.equal(false);
      expect(dbDigest(db)).to.equal(before);
    });

    const bad: [string, { title?: unknown; date?: unknown }, RegExp][] = [
      ['nothing to change', {}, /give a "title" or a "date"/],
      ['an empty title', { title: ' \u00a0 ' }, /title cannot be empty/],
      ['a title that is not text', { title: 7 }, /"title" must be a string/],
      ['a title over the limit', { title: 'x'.repeat(2000) }, /the title has 2000 characters; the limit is \d+/],
      ['a date that is no day', { date: '2025-02-30' }, /calendar date as YYYY-MM-DD, got "2025-02-30"/],
      ['a date that is not text', { date: 20250923 }, /"date" must be a date as YYYY-MM-DD, or null/],
      ['a title with control characters', { title: 'Bell\u0007 and \u001b[31mred' }, /the title contains control characters/],
    ];
    for (const [what, input, message] of bad) {
      it(`refuses ${what} and changes nothing`, () => {
        const before = dbDigest(db);
        expect(() => editStatementInfo(db, statementId, input, 'alice')).to.throw(InputError, message);
        expect(dbDigest(db)).to.equal(before);
      });
    }

    it('says which statement does not exist', () => {
      expect(() => editStatementInfo(db, 999, { title: 'x' }, 'alice')).to.throw(NotFoundError, /statement 999 not found/);
    });
  });

  describe('#setBeadConfirmed', () => {
    it('confirms with the current version, bumps it and records before/after', () => {
      const b = bead(2);
      const after = setBeadConfirmed(db, b.id, true, b.version, 'alice');
      expect(after.status).to.equal('confirmed');
      expect(after.version).to.be.greaterThan(b.version);
      const e = listEvents(db, statementId)[0]!;
      expect(e).to.deep.include({ actor: 'alice', action: 'bead.confirm', entity: 'alignment' });
      expect((e.before as any).beads.map((x: any) => [x.id, x.status])).to.deep.equal([[b.id, 'auto']]);
      expect((e.after as any).beads.map((x: any) => [x.id, x.status])).to.deep.equal([[b.id, 'confirmed']]);
    });

    it('rejects a stale version with a ConflictError and changes nothing', () => {
      const b = bead(0);
      setBeadConfirmed(db, b.id, true, b.version, 'alice');
      const before = dbDigest(db);
      expect(() => setBeadConfirmed(db, b.id, false, b.version, 'bob')).to.throw(ConflictError, /changed since you loaded it/);
      expect(dbDigest(db)).to.equal(before);
    });

    it('names a missing bead and a missing version', () => {
      expect(() => setBeadConfirmed(db, 99999, true, 1, 'alice')).to.throw(NotFoundError, /bead 99999/);
      expect(() => setBeadConfirmed(db, bead(0).id, true, undefined, 'alice')).to.throw(InputError, /version/);
    });
  });

  describe('#addFlag / #changeFlag', () => {
    it('adds a flag to a bead, shows it in the view and resolves it', () => {
      const b = bead(6);
      const flag = addFlag(db, b.id, { category: 'number', comment: 'KRW 1.5192 trillion vs 1조 4,028억 원' }, 'alice');
      expect(flag).to.deep.include({ beadId: b.id, category: 'number', severity: 'major', status: 'open', author: 'alice' });
      expect(bead(6).flags.map((f) => f.id)).to.deep.equal([flag.id]);
      expect(getStatementView(db, statementId).statement.openFlags).to.equal(1);
      expect(flag.version).to.equal(1);
      const resolved = changeFlag(db, flag.id, { status: 'resolved', version: 1 }, 'editor');
      expect(resolved).to.include({ status: 'resolved', version: 2 });
      expect(getStatementView(db, statementId).statement.openFlags).to.equal(0);
      expect(listEvents(db, statementId).map((e) => `${e.actor}:${e.action}`).slice(0, 2)).to.deep.equal(['editor:flag.update', 'alice:flag.create']);
    });

    it('keeps a thread of comments on a flag, in order, with their authors', () => {
      const flag = addFlag(db, bead(3).id, { category: 'meaning', comment: '"noted" or "welcomed"?' }, 'alice');
      commentOnFlag(db, flag.id, { body: 'The Korean says 주목 — noted.' }, 'bob');
      const after = commentOnFlag(db, flag.id, { body: 'Agreed, keep as is.' }, 'alice');
      expect(after.comments.map((c) => `${c.author}: ${c.body}`)).to.deep.equal(['bob: The Korean says 주목 — noted.', 'alice: Agreed, keep as is.']);
      expect(bead(3).flags[0]!.comments).to.have.length(2);
      expect(() => commentOnFlag(db, flag.id, { body: '  ' }, 'bob')).to.throw(InputError, /non-empty/);
      expect(() => commentOnFlag(db, 4242, { body: 'x' }, 'bob')).to.throw(NotFoundError, /flag 4242/);
    });

    it('rejects unknown categories, severities and statuses, changing nothing', () => {
      const before = dbDigest(db);
      expect(() => addFlag(db, bead(0).id, { category: 'typo' }, 'a')).to.throw(InputError, /"category" must be one of omission/);
      expect(() => addFlag(db, bead(0).id, { category: 'style', severity: 'huge' }, 'a')).to.throw(InputError, /severity/);
      expect(() => addFlag(db, bead(0).id, { category: 'style', comment: 7 }, 'a')).to.throw(InputError, /comment/);
      expect(() => addFlag(db, 123456, { category: 'style' }, 'a')).to.throw(NotFoundError);
      expect(dbDigest(db)).to.equal(before);
      const f = addFlag(db, bead(0).id, { category: 'style' }, 'a');
      expect(() => changeFlag(db, f.id, { status: 'closed', version: 1 }, 'a')).to.throw(InputError, /status/);
      expect(() => changeFlag(db, f.id, { version: 1 }, 'a')).to.throw(InputError, /nothing to change/);
      expect(() => changeFlag(db, f.id, { status: 'resolved' }, 'a')).to.throw(InputError, /"version"/);
      expect(() => changeFlag(db, f.id, { status: 'resolved', version: '1' }, 'a')).to.throw(InputError, /"version"/);
    });

    it('changes the severity, alone or with the note, recording before and after', () => {
      const f = addFlag(db, bead(6).id, { category: 'number', severity: 'minor', comment: 'KRW 1.5192 trillion vs 1조 4,028억 원' }, 'alice');
      const raised = changeFlag(db, f.id, { severity: 'critical', version: f.version }, 'bob');
      expect(raised).to.include({ severity: 'critical', status: 'open', version: f.version + 1 });
      expect(bead(6).flags.find((x) => x.id === f.id)!.severity).to.equal('critical');
      const e = listEvents(db, statementId)[0]!;
      expect([e.action, e.actor, e.before, e.after]).to.deep.equal([
        'flag.update', 'bob',
        { status: 'open', comment: f.comment, severity: 'minor' },
        { status: 'open', comment: f.comment, severity: 'critical' },
      ]);
      const both = changeFlag(db, f.id, { severity: 'major', comment: 'The SMA figure for 2026 differs.', version: raised.version }, 'carol');
      expect(both).to.include({ severity: 'major', comment: 'The SMA figure for 2026 differs.' });
    });

    it('writes nothing for a change that changes nothing: same version, no event', () => {
      const f = addFlag(db, bead(3).id, { category: 'meaning', severity: 'minor', comment: '"noted" or "welcomed"?' }, 'alice');
      const before = dbDigest(db);
      for (const same of [{ status: 'open' }, { comment: '  "noted" or "welcomed"? ' }, { severity: 'minor' }, { status: 'open', severity: 'minor', comment: f.comment }])
        expect(changeFlag(db, f.id, { ...same, version: f.version }, 'bob')).to.deep.equal(f);
      expect(dbDigest(db)).to.equal(before);
      expect(listEvents(db, statementId)[0]!.action).to.equal('flag.create');
      // Part of a change that is one: only what differs makes it a change, and it is recorded once.
      expect(changeFlag(db, f.id, { status: 'open', comment: 'noted (주목)', version: f.version }, 'bob')).to.include({ version: f.version + 1, comment: 'noted (주목)' });
    });

    it('names the fields a flag change does not take, changing nothing', () => {
      const f = addFlag(db, bead(6).id, { category: 'number', comment: 'amount differs' }, 'alice');
      const before = dbDigest(db);
      expect(() => changeFlag(db, f.id, { severity: 'critical', category: 'meaning', Severity: 'minor', version: f.version }, 'bob')).to.throw(InputError, /no "category", "Severity" to change/);
      expect(() => changeFlag(db, f.id, { severity: 'urgent', version: f.version }, 'bob')).to.throw(InputError, /"severity" must be one of minor, major, critical/);
      expect(dbDigest(db)).to.equal(before);
    });

    it('refuses a change made from an older version of the flag (another reviewer changed it), changing nothing', () => {
      const f = addFlag(db, bead(1).id, { category: 'meaning', comment: 'tense differs' }, 'alice');
      changeFlag(db, f.id, { status: 'resolved', version: f.version }, 'bob');
      const before = dbDigest(db);
      // Carol's page still shows the flag open at version 1: her "won't fix" must not overwrite Bob's resolution.
      expect(() => changeFlag(db, f.id, { status: 'wontfix', version: f.version }, 'carol')).to.throw(ConflictError, /changed by someone else/);
      expect(dbDigest(db)).to.equal(before);
      expect(changeFlag(db, f.id, { comment: 'resolved in the 2nd draft', version: 2 }, 'carol')).to.include({ status: 'resolved', version: 3 });
    });
  });
});
