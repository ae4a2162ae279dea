import { expect } from 'chai';
import { join } from 'node:path';
import { openDb, type Db } from '../../server/store/db.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { getStatementView } from '../../server/ops/review.ts';
import { runStatementChecks, statementFindings, decideFinding } from '../../server/ops/checks.ts';
import { ConflictError } from '../../server/core/errors.ts';
import { tempDir, dbDigest } from '../helpers.ts';

describe('ops/checks', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let id: number;
  beforeEach(() => {
    tmp = tempDir();
    db = openDb(join(tmp.dir, 'c.db'));
    id = seedDemo(db)[1]!; // edscg6: the date differs (January 15 ↔ 1월 16일)
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
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
    decideFinding(db, b!.id, 'dismiss', 'erin');
    const before = statementFindings(db, id).length;
    runStatementChecks(db, id, 'checker');
    const after = statementFindings(db, id);
    expect(after).to.have.length(before);
    expect(after.filter((f) => f.key === b!.key).map((f) => f.status)).to.deep.equal(['dismissed']);
    expect(after.filter((f) => f.key === a!.key).map((f) => f.status)).to.deep.equal(['accepted']);
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
