import { expect } from 'chai';
import type { Db } from '../../server/store/db.ts';
import { importStatement } from '../../server/ops/import.ts';
import { getStatementView } from '../../server/ops/review.ts';
import { editAlignment } from '../../server/ops/edit.ts';
import { confirmedLexicon } from '../../server/ops/lexicon.ts';
import { lexTokens } from '../../server/core/lexicon.ts';
import { useTempDb } from '../helpers.ts';

describe('ops/lexicon', () => {
  let db: Db;
  useTempDb((opened) => (db = opened));

  const statement = (i: number) => {
    const { statementId } = importStatement(
      db,
      {
        preSplit: true,
        texts: {
          en: `Readout number ${i}\nThe allies condemned the missile launch of day ${i}.\nThe delegations discussed deterrence on day ${i}.`,
          ko: `결과 자료 ${i}호\n동맹국들은 ${i}일의 미사일 발사를 규탄하였다.\n대표단은 ${i}일에 억제를 논의하였다.`,
        },
      },
      'reviewer',
      { runChecks: false },
    );
    const beads = getStatementView(db, statementId).alignment!.beads;
    const last = beads[beads.length - 1]!;
    editAlignment(db, { op: 'confirm-above', beadId: last.id, version: last.version }, 'reviewer');
  };

  it('learns from confirmed pairs once there are enough of them, and the aligner gets it', () => {
    for (let i = 1; i <= 9; i++) statement(i);
    expect(confirmedLexicon(db, 'en', 'ko')).to.equal(undefined); // 27 pairs: below the threshold
    for (let i = 10; i <= 12; i++) statement(i);
    const lex = confirmedLexicon(db, 'en', 'ko')!;
    const missile = lexTokens('missile', 'en')[0]!;
    expect(lex.entries.filter(([s]) => s === missile).map(([, t]) => t)).to.include(lexTokens('미사일', 'ko')[0]);
    expect(confirmedLexicon(db, 'en', 'ko')).to.equal(lex); // cached while nothing is confirmed anew
  });
});
