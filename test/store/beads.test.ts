import { expect } from 'chai';
import type { Db } from '../../server/store/db.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { addFlag, getStatementView } from '../../server/ops/review.ts';
import { replaceRange, snapshotRange } from '../../server/store/beads.ts';
import { useTempDb } from '../helpers.ts';

describe('store/beads #replaceRange', () => {
  let db: Db;
  let statementId: number;
  useTempDb((opened) => {
    db = opened;
    statementId = seedDemo(db, 'seed', { runChecks: false })[0]!; // kidd26: … 6|5 7|6 …
  });
  const view = () => getStatementView(db, statementId).alignment!;

  it('gives a flag whose paragraphs end up evenly in two new rows to the first of them, whatever their ids', () => {
    // A flag on 7|6; the rows 6|5 and 7|6 are rebuilt as |6 (a new row) and 6,7|5: the Korean ¶6 of the
    // flag is in the first row, its English ¶7 (the lower paragraph id) in the second.
    const [r5, r6] = [view().beads[4]!, view().beads[5]!];
    const flag = addFlag(db, r6.id, { category: 'meaning', comment: 'trilateral cooperation' }, 'alice');
    const [p6, p7, q5, q6] = [r5.src[0]!.id, r6.src[0]!.id, r5.tgt[0]!.id, r6.tgt[0]!.id];
    expect(p7).to.be.lessThan(q6);
    const ids = replaceRange(db, view().id, r5.position, 2, [
      { id: null, src: [], tgt: [q6], status: 'auto', confidence: 1 },
      { id: r5.id, src: [p6, p7], tgt: [q5], status: 'auto', confidence: 1 },
    ], 999);
    expect(snapshotRange(db, view().id, r5.position, 2).map((b) => b.flags)).to.deep.equal([[flag.id], []]);
    expect(ids[1]).to.equal(r5.id);
  });
});
