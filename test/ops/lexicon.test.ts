import { expect } from 'chai';
import type { Db } from '../../server/store/db.ts';
import { importStatement } from '../../server/ops/import.ts';
import { getStatementView } from '../../server/ops/review.ts';
import { editAlignment } from '../../server/ops/edit.ts';
import { importVersion } from '../../server/ops/versions.ts';
import { confirmedLexicon } from '../../server/ops/lexicon.ts';
import { lexTokens } from '../../server/core/lexicon.ts';
import { useTempDb } from '../helpers.ts';

describe('ops/lexicon', () => {
  let db: Db;
  useTempDb((opened) => (db = opened));

  const statement = (i: number, srcLang: 'en' | 'ko' = 'en') => {
    const { statementId } = importStatement(
      db,
      {
        preSplit: true,
        srcLang,
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
    return statementId;
  };

  it('counts the confirmed rows of the current versions once, and those of Korean-first statements turned round', () => {
    const first = statement(1);
    for (let i = 2; i <= 9; i++) statement(i);
    // Two new Korean versions, each changing the title: the two other rows are carried over confirmed.
    for (const title of ['결과 자료 1호 (수정)', '결과 자료 1호 (재수정)']) {
      const ko = getStatementView(db, first).alignment!.beads.map((b) => b.tgt.map((p) => p.text).join('')).join('\n');
      importVersion(db, first, 'ko', ko.replace(/^결과 자료 1호.*$/m, title), 'reviewer', { preSplit: true, runChecks: false });
    }
    // 26 confirmed rows now (the first statement's title row is new and unconfirmed): below the threshold.
    expect(confirmedLexicon(db, 'en', 'ko')).to.equal(undefined);
    // Four Korean-first statements add 12 rows to English→Korean as well.
    for (let i = 10; i <= 13; i++) statement(i, 'ko');
    const lex = confirmedLexicon(db, 'en', 'ko')!;
    expect(lex).to.not.equal(undefined);
    expect(lex.entries.filter(([s]) => s === lexTokens('missile', 'en')[0]).map(([, t]) => t)).to.include(lexTokens('미사일', 'ko')[0]);
  });

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
