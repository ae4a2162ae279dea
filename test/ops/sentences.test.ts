// Tests for server/ops/sentences.ts: the sentences inside a stored bead, as the review page shows them.
import { expect } from 'chai';
import type { Db } from '../../server/store/db.ts';
import { importStatement } from '../../server/ops/import.ts';
import { getStatementView } from '../../server/ops/review.ts';
import { corpusUnits } from '../../server/ops/export.ts';
import { beadSentences } from '../../server/ops/sentences.ts';
import { NotFoundError } from '../../server/core/errors.ts';
import { dbDigest, useTempDb } from '../helpers.ts';
import { RATIO_DOC } from '../fixtures/ratio-doc.ts';

describe('ops/sentences', () => {
  let db: Db;
  let statementId: number;
  useTempDb((opened) => {
    db = opened;
    ({ statementId } = importStatement(db, { preSplit: true, texts: { en: RATIO_DOC.en.join('\n'), ko: RATIO_DOC.ko.join('\n') } }, 'tester'));
  });
  const lastBead = () => getStatementView(db, statementId).alignment!.beads.at(-1)!;

  it('splits a bead into sentences and aligns them at the statement\'s ratio: the sentence the Korean adds stands alone', () => {
    const s = beadSentences(db, lastBead().id);
    expect([s.srcLang, s.tgtLang]).to.deep.equal(['en', 'ko']);
    expect(s.src).to.have.length(3);
    expect(s.tgt).to.have.length(4);
    const pairs = s.beads.map((b) => [b.src.map((i) => s.src[i]).join(' '), b.tgt.map((i) => s.tgt[i]).join(' ')]);
    expect(pairs).to.deep.equal([
      ['The first session looked at training plans for the coming season in some detail.', '첫 회의는 다음 시즌의 훈련 계획을 자세히 살펴보았다.'],
      ['The second session looked at the budget for the joint training centre this year.', '둘째 회의는 올해 공동 훈련센터 예산을 살펴보았다.'],
      ['', s.tgt[2]!],
      ['The third session looked at the staff that the joint centre will need next year.', '셋째 회의는 내년에 센터에 필요한 인력을 살펴보았다.'],
    ]);
    for (const b of s.beads) expect(b.confidence).to.be.within(0, 1);
  });

  it('gives the pairs the sentence-level export writes for the same bead', () => {
    const bead = lastBead();
    const s = beadSentences(db, bead.id);
    const exported = [...corpusUnits(db, { level: 'sentence', statementIds: [statementId] })].filter((u) => u.beadId === bead.id).map((u) => [u.src, u.tgt]);
    const shown = s.beads.filter((b) => b.src.length && b.tgt.length).map((b) => [b.src.map((i) => s.src[i]).join(' '), b.tgt.map((i) => s.tgt[i]).join(' ')]);
    expect(shown).to.deep.equal(exported);
  });

  it('says which bead is missing, and reads without writing', () => {
    const before = dbDigest(db);
    beadSentences(db, lastBead().id);
    expect(() => beadSentences(db, 9999)).to.throw(NotFoundError, /bead 9999/);
    expect(dbDigest(db)).to.equal(before);
  });
});
