import { expect } from 'chai';
import { join } from 'node:path';
import { openDb, type Db } from '../../server/store/db.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { addFlag, getStatementView } from '../../server/ops/review.ts';
import { runStatementChecks, statementFindings, decideFinding, restoreFinding, FLAG_CATEGORY_OF_CHECK } from '../../server/ops/checks.ts';
import { editAlignment } from '../../server/ops/edit.ts';
import { listStatements } from '../../server/store/statements.ts';
import { listEvents } from '../../server/store/events.ts';
import { ConflictError } from '../../server/core/errors.ts';
import { tempDir, dbDigest, useTempDb } from '../helpers.ts';

describe('ops/checks', () => {
  let db: Db;
  let id: number;
  useTempDb((opened) => {
    db = opened;
    id = seedDemo(db)[1]!; // edscg6: the date differs (January 15 ↔ 1월 16일)
  });

  it('stores findings as suggestions pointing at rows and paragraphs', () => {
    runStatementChecks(db, id, 'checker');
    const findings = statementFindings(db, id);
    const date = findings.find((f) => f.check === 'dates' && f.severity !== 'info');
    expect(date, JSON.stringify(findings.map((f) => f.message))).to.not.equal(undefined);
    const bead = getStatementView(db, id).alignment!.beads.find((b) => b.id === date!.beadId)!;
    expect(bead.src.map((p) => p.n)).to.deep.equal([2]);
    expect(date!.srcParagraphs).to.deep.equal([bead.src[0]!.id]);
    expect(date!.status).to.equal('suggested');
  });

  it('accepting makes a flag; dismissing is remembered when the checks run again', () => {
    runStatementChecks(db, id, 'checker');
    const [a, b] = statementFindings(db, id);
    const accepted = decideFinding(db, a!.id, 'accept', 'erin');
    expect(accepted.status).to.equal('accepted');
    const flags = getStatementView(db, id).alignment!.beads.flatMap((x) => x.flags);
    expect(flags.map((f) => [f.id, f.author, f.comment.startsWith(`[${a!.check}]`)])).to.deep.equal([[accepted.flagId, 'erin', true]]);
    // The flag's history opens with its creation, as a flag made by hand does.
    const opened = listEvents(db, id).filter((e) => e.entity === 'flag' && e.entityId === accepted.flagId);
    expect(opened.map((e) => [e.action, e.actor])).to.deep.equal([['flag.create', 'erin']]);
    expect(opened[0]!.after).to.deep.include({ id: accepted.flagId, category: FLAG_CATEGORY_OF_CHECK[a!.check], status: 'open', finding: a!.id });
    decideFinding(db, b!.id, 'dismiss', 'erin');
    const before = statementFindings(db, id).length;
    runStatementChecks(db, id, 'checker');
    const after = statementFindings(db, id);
    expect(after).to.have.length(before);
    expect(after.filter((f) => f.key === b!.key).map((f) => f.status)).to.deep.equal(['dismissed']);
    expect(after.filter((f) => f.key === a!.key).map((f) => f.status)).to.deep.equal(['accepted']);
  });

  it('accepting a whole paragraph one version leaves out makes a major flag; a suggestion on a row with both sides a minor one', () => {
    const kidd = seedDemo(db)[0]!;
    runStatementChecks(db, kidd, 'checker');
    const view = getStatementView(db, kidd).alignment!;
    const oneSided = (beadId: number | null) => { const b = view.beads.find((x) => x.id === beadId)!; return !b.src.length || !b.tgt.length; };
    const findings = statementFindings(db, kidd).filter((f) => f.severity === 'warning');
    const whole = findings.find((f) => f.check === 'omission' && oneSided(f.beadId));
    expect(whole, JSON.stringify(findings.map((f) => f.message))).to.not.equal(undefined);
    const flagOf = (flagId: number | null) => getStatementView(db, kidd).alignment!.beads.flatMap((b) => b.flags).find((f) => f.id === flagId)!;
    expect(flagOf(decideFinding(db, whole!.id, 'accept', 'erin').flagId).severity).to.equal('major');
    // A suggestion that is no error on a row with both sides stays minor.
    const other = statementFindings(db, kidd).find((f) => f.severity !== 'error' && f.status === 'suggested' && f.beadId !== null && !oneSided(f.beadId));
    expect(other).to.not.equal(undefined);
    expect(flagOf(decideFinding(db, other!.id, 'accept', 'erin').flagId).severity).to.equal('minor');
  });

  it('accepting a suggestion on a row already flagged for it adds it to that flag\'s thread, not a second flag', () => {
    runStatementChecks(db, id, 'checker');
    const date = statementFindings(db, id).find((f) => f.check === 'dates' && f.severity !== 'info')!;
    // A flag of another category on the row is no such flag.
    const style = addFlag(db, date.beadId!, { category: 'style', comment: 'register' }, 'dana');
    const mine = addFlag(db, date.beadId!, { category: 'number', severity: 'minor', comment: 'The Korean says the 16th.' }, 'dana');
    const accepted = decideFinding(db, date.id, 'accept', 'erin');
    expect(accepted.flagId).to.equal(mine.id);
    // An error raises the minor flag it joins to major, as a flag of its own would have been.
    const joined = getStatementView(db, id).alignment!.beads.find((b) => b.id === date.beadId)!.flags.find((f) => f.id === mine.id)!;
    expect(date.severity).to.equal('error');
    expect([joined.severity, joined.version]).to.deep.equal(['major', mine.version + 1]);
    const raised = listEvents(db, id).find((e) => e.action === 'flag.update' && e.entityId === mine.id)!;
    expect([raised.actor, raised.before, raised.after]).to.deep.equal(['erin', { severity: 'minor', version: mine.version }, { severity: 'major', version: mine.version + 1, finding: date.id }]);
    const flags = getStatementView(db, id).alignment!.beads.find((b) => b.id === date.beadId)!.flags;
    expect(flags.map((f) => [f.id, f.comments!.map((c) => [c.author, c.body])])).to.deep.equal([
      [style.id, []],
      [mine.id, [['erin', `[dates] ${date.message}`]]],
    ]);
  });

  it('keeps the id of a suggestion found again, so a page loaded before someone else\'s edit can still decide it', () => {
    runStatementChecks(db, id, 'checker');
    const first = statementFindings(db, id);
    expect(first.length).to.be.at.least(2);
    // Findings of another statement now hold the highest ids: new rows here would get new ids.
    runStatementChecks(db, listStatements(db).find((s) => s.id !== id)!.id, 'checker');
    runStatementChecks(db, id, 'checker');
    expect(statementFindings(db, id).map((f) => `${f.id} ${f.key}`)).to.deep.equal(first.map((f) => `${f.id} ${f.key}`));
    // An edit on one row re-runs the checks: the suggestions on the rows it left alone keep their ids.
    const beads = getStatementView(db, id).alignment!.beads;
    const last = beads.at(-1)!;
    editAlignment(db, { op: 'merge', beadId: last.id, version: last.version }, 'erin');
    const untouched = first.filter((f) => f.beadId !== last.id && f.beadId !== beads.at(-2)!.id);
    expect(untouched.length).to.be.at.least(1);
    const now = new Map(statementFindings(db, id).map((f) => [f.key, f.id]));
    for (const f of untouched) expect(now.get(f.key), f.message).to.equal(f.id);
    expect(decideFinding(db, untouched[0]!.id, 'dismiss', 'erin').status).to.equal('dismissed');
  });

  it('an editor restores a dismissed finding: suggested again, recorded, and kept by the checks from then on', () => {
    runStatementChecks(db, id, 'checker');
    const date = statementFindings(db, id).find((f) => f.check === 'dates' && f.severity === 'error')!;
    decideFinding(db, date.id, 'dismiss', 'erin');
    const restored = restoreFinding(db, date.id, 'eddie');
    expect([restored.id, restored.status, restored.flagId]).to.deep.equal([date.id, 'suggested', null]);
    const e = listEvents(db, id)[0]!;
    expect([e.action, e.actor, e.entity, e.entityId, e.before, e.after]).to.deep.equal(['finding.restore', 'eddie', 'finding', date.id, { status: 'dismissed' }, { status: 'suggested' }]);
    runStatementChecks(db, id, 'checker');
    expect(statementFindings(db, id).filter((f) => f.key === date.key).map((f) => [f.id, f.status])).to.deep.equal([[date.id, 'suggested']]);
    // It can be decided again, and only a dismissed finding is restored.
    expect(() => restoreFinding(db, date.id, 'eddie')).to.throw(ConflictError, /is not dismissed/);
    const accepted = decideFinding(db, date.id, 'accept', 'erin');
    const digest = dbDigest(db);
    expect(() => restoreFinding(db, date.id, 'eddie')).to.throw(ConflictError, new RegExp(`accepted as flag ${accepted.flagId}`));
    expect(dbDigest(db)).to.equal(digest);
  });

  it('refuses to decide a finding twice, changing nothing', () => {
    runStatementChecks(db, id, 'checker');
    const [a] = statementFindings(db, id);
    decideFinding(db, a!.id, 'dismiss', 'erin');
    const digest = dbDigest(db);
    expect(() => decideFinding(db, a!.id, 'accept', 'erin')).to.throw(ConflictError, /already dismissed/);
    expect(dbDigest(db)).to.equal(digest);
  });
});

describe('ops/checks #corpusConsistency', () => {
  it('lists a term rendered two ways across statements, with the rows where each appears', async () => {
    const { corpusConsistency } = await import('../../server/ops/checks.ts');
    const { importStatement } = await import('../../server/ops/import.ts');
    const tmp = tempDir();
    const db = openDb(join(tmp.dir, 'k.db'));
    try {
      const a = importStatement(db, { date: '2026-03-01', preSplit: true, texts: { en: 'Talks on readiness\nThe Joint Chiefs of Staff briefed the delegations.', ko: '대비태세 회의\n합동참모본부가 대표단에 브리핑하였다.' } }, 't').statementId;
      const b = importStatement(db, { date: '2026-04-01', preSplit: true, texts: { en: 'Talks on exercises\nThe Joint Chiefs of Staff presented the exercise plan.', ko: '연습 회의\n합참이 연습 계획을 설명하였다.' } }, 't').statementId;
      const [f, ...rest] = corpusConsistency(db);
      expect(rest).to.deep.equal([]);
      expect(f!.message).to.match(/"Joint Chiefs of Staff" is rendered differently in Korean: "합동참모본부" in statement \d “Talks on readiness” \(2026-03-01\); "합참" in statement \d “Talks on exercises” \(2026-04-01\)/);
      expect(f!.rows.map((r) => [r.statementId, r.position])).to.deep.equal([
        [a, 2],
        [b, 2],
      ]);
    } finally {
      db.close();
      tmp.cleanup();
    }
  });

  it('reads a statement aligned Korean first as well, turned round', async () => {
    const { corpusConsistency } = await import('../../server/ops/checks.ts');
    const { importStatement } = await import('../../server/ops/import.ts');
    const tmp = tempDir();
    const db = openDb(join(tmp.dir, 'k.db'));
    try {
      importStatement(db, { date: '2026-03-01', preSplit: true, texts: { en: 'Talks on readiness\nThe Joint Chiefs of Staff briefed the delegations.', ko: '대비태세 회의\n합동참모본부가 대표단에 브리핑하였다.' } }, 't');
      const b = importStatement(db, { date: '2026-04-01', preSplit: true, srcLang: 'ko', texts: { ko: '연습 회의\n합참이 연습 계획을 설명하였다.', en: 'Talks on exercises\nThe Joint Chiefs of Staff presented the exercise plan.' } }, 't').statementId;
      const found = corpusConsistency(db);
      expect(found.map((f) => f.message)).to.have.length(1);
      expect(found[0]!.message).to.match(/"합동참모본부" in statement \d “Talks on readiness” \(2026-03-01\); "합참" in statement \d “연습 회의” \(2026-04-01\)/);
      expect(found[0]!.rows.map((r) => r.statementId)).to.include(b);
    } finally {
      db.close();
      tmp.cleanup();
    }
  });

  it('reads a language stored under a tag (ko-KR, as a corpus file may give it) as that language', async () => {
    const { corpusConsistency } = await import('../../server/ops/checks.ts');
    const { importStatement } = await import('../../server/ops/import.ts');
    const tmp = tempDir();
    const db = openDb(join(tmp.dir, 'k.db'));
    try {
      importStatement(db, { date: '2026-03-01', preSplit: true, texts: { en: 'Talks on readiness\nThe Joint Chiefs of Staff briefed the delegations.', ko: '대비태세 회의\n합동참모본부가 대표단에 브리핑하였다.' } }, 't');
      const b = importStatement(db, { date: '2026-04-01', preSplit: true, texts: { 'en-US': 'Talks on exercises\nThe Joint Chiefs of Staff presented the exercise plan.', 'ko-KR': '연습 회의\n합참이 연습 계획을 설명하였다.' } }, 't').statementId;
      for (const [src, tgt] of [['en', 'ko'], ['en-US', 'ko-KR']]) {
        const found = corpusConsistency(db, src, tgt);
        expect(found.map((f) => f.message), `${src}-${tgt}`).to.have.length(1);
        expect(found[0]!.rows.map((r) => r.statementId)).to.include(b);
      }
    } finally {
      db.close();
      tmp.cleanup();
    }
  });
});
