// Tests for server/ops/sentences.ts: the sentences inside a stored bead, as the review page shows them.
import { expect } from 'chai';
import type { Db } from '../../server/store/db.ts';
import { importStatement } from '../../server/ops/import.ts';
import { getStatementView } from '../../server/ops/review.ts';
import { editAlignment } from '../../server/ops/edit.ts';
import { corpusUnits } from '../../server/ops/export.ts';
import { beadSentences } from '../../server/ops/sentences.ts';
import { NotFoundError } from '../../server/core/errors.ts';
import { dbDigest, useTempDb } from '../helpers.ts';
import { ADDED_PASSAGE_DOC, RATIO_DOC } from '../fixtures/ratio-doc.ts';

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

  it('pairs the sentences of a short release whose one paragraph adds a long passage: one ratio for all rows, not thrown off by it', () => {
    const { statementId: sid } = importStatement(db, { preSplit: true, texts: { en: ADDED_PASSAGE_DOC.en.join('\n'), ko: ADDED_PASSAGE_DOC.ko.join('\n') } }, 'tester');
    // The reviewer pairs the long paragraph with its English (the aligner leaves it unpaired).
    const before = getStatementView(db, sid).alignment!.beads;
    const lone = before.findIndex((b) => b.src.length === 1 && b.src[0]!.n === 4 && b.tgt.length === 0);
    if (lone >= 0) editAlignment(db, { op: 'merge', beadId: before[lone]!.id, version: before[lone]!.version }, 'tester');
    const rows = getStatementView(db, sid).alignment!.beads;
    expect(rows.map((b) => `${b.src.map((p) => p.n)}|${b.tgt.map((p) => p.n)}`)).to.include('4|4');
    const pairsOf = (k: number) => {
      const s = beadSentences(db, rows[k]!.id);
      return s.beads.map((b) => `${b.src.join(',')}|${b.tgt.join(',')}`);
    };
    expect(pairsOf(0)).to.deep.equal(['0|0']); // the title, one sentence a side
    expect(pairsOf(2)).to.deep.equal(['0|0', '1|1']); // wind power, then grid connection
    const units = [...corpusUnits(db, { level: 'sentence', statementIds: [sid] })];
    expect(units[0]!.src).to.equal('Korea-Vietnam Joint Press Release on Energy Cooperation');
    expect(units.map((u) => u.src)).to.include('Korea will share its experience in grid connection.');
  });

  it('shows the sentences without the list marker a paragraph opens with, as the export writes them', () => {
    const { statementId: sid } = importStatement(db, { preSplit: true, texts: { en: 'The ministers met in Jeju. They agreed to meet again.', ko: 'ㅇ 양측 장관은 제주에서 만났다. 양측은 다시 만나기로 합의하였다.' } }, 'tester');
    const s = beadSentences(db, getStatementView(db, sid).alignment!.beads[0]!.id);
    expect(s.tgt).to.deep.equal(['양측 장관은 제주에서 만났다.', '양측은 다시 만나기로 합의하였다.']);
  });

  it('says which bead is missing, and reads without writing', () => {
    const before = dbDigest(db);
    beadSentences(db, lastBead().id);
    expect(() => beadSentences(db, 9999)).to.throw(NotFoundError, /bead 9999/);
    expect(dbDigest(db)).to.equal(before);
  });
});
