import { expect } from 'chai';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Db } from '../../server/store/db.ts';
import { contentHash, importStatement, LIMITS, paragraphsHash } from '../../server/ops/import.ts';
import { importVersion } from '../../server/ops/versions.ts';
import { openDb } from '../../server/store/db.ts';
import { seedDemo, demoDir } from '../../server/ops/seed.ts';
import { getStatementView } from '../../server/ops/review.ts';
import { statementFindings } from '../../server/ops/checks.ts';
import { countRows } from '../../server/store/statements.ts';
import { listEvents } from '../../server/store/events.ts';
import { ConflictError, InputError } from '../../server/core/errors.ts';
import { fixedNow, dbDigest, tempDir, useTempDb } from '../helpers.ts';

/** Beads rendered as `EN|KO` strings with 1-based paragraph numbers. */
const render = (db: Db, id: number) =>
  getStatementView(db, id).alignment!.beads.map((b) => `${b.src.map((p) => p.n).join(',')}|${b.tgt.map((p) => p.n).join(',')}`);

describe('ops/import', () => {
  let db: Db;
  useTempDb((opened) => (db = opened));

  describe('#seedDemo', () => {
    it('stores the bilingual demo statements with the merge, the omission and the split aligned as written', () => {
      const [kidd, edscg] = seedDemo(db, 'seed', { now: fixedNow });
      expect(render(db, kidd!)).to.deep.equal(['1|1', '2|2', '3,4|3', '5|4', '6|5', '7|6', '8|7', '9|', '10|8']);
      expect(render(db, edscg!)).to.deep.equal(['1|1', '2|2', '3|3', '4|4,5', '5|6', '|7', '6|8']);
    });

    it('stores the trilateral demo statement with its Korean and its Japanese each aligned to the English as written, and its quirks as suggestions', () => {
      const tmm = seedDemo(db)[2]!;
      const rows = (lang: string) => getStatementView(db, tmm, lang).alignment!.beads.map((b) => `${b.src.map((p) => p.n).join(',')}|${b.tgt.map((p) => p.n).join(',')}`);
      expect(rows('ko')).to.deep.equal(['1|1', '2|2', '3|3', '4|4', '5|5', '6|6', '7|7', '8|8', '9|9', '10|10', '11|11']);
      expect(rows('ja')).to.deep.equal(['1|1', '2|2', '3|3', '4|4', '5|5', '6|6', '7,8|7', '9|', '10|8', '11|9']);
      // The errors and warnings the review shows, by pair and row: the count of launches in Korean, the
      // other secretary's name and the left-out paragraph in Japanese (the merge is a row, not a finding).
      const lang = (alignmentId: number) => (['ko', 'ja'] as const).find((l) => getStatementView(db, tmm, l).alignment!.id === alignmentId)!;
      const shown = statementFindings(db, tmm).filter((f) => f.severity !== 'info').map((f) => {
        const row = getStatementView(db, tmm, lang(f.alignmentId)).alignment!.beads.find((b) => b.id === f.beadId)!;
        return `${lang(f.alignmentId)} ${f.severity} ${f.check} ${row.src.map((p) => p.n).join(',')}|${row.tgt.map((p) => p.n).join(',')}`;
      });
      expect(shown).to.deep.equal(['ko error numbers 5|5', 'ja error names 4|4', 'ja warning omission 9|']);
    });

    it('keeps bullet markers and levels of Korean paragraphs', () => {
      const [, edscg] = seedDemo(db);
      const ko = db
        .prepare("SELECT p.content, p.marker, p.level FROM paragraphs p JOIN texts t ON t.id = p.text_id WHERE t.statement_id = ? AND t.lang = 'ko' ORDER BY p.position")
        .all(edscg) as { content: string; marker: string | null; level: number }[];
      expect(ko[1]!.content.startsWith('□ 한미는')).to.equal(true);
      expect(ko[1]!.marker).to.equal('□');
      expect(ko[4]!.marker).to.equal('ㅇ');
      expect(ko[4]!.level).to.be.greaterThan(ko[1]!.level);
    });
  });

  describe('#importStatement', () => {
    it('stores a title with single spaces (a pasted no-break or doubled space), so search finds it', async () => {
      const { searchStatements } = await import('../../server/store/statements.ts');
      const { statementId } = importStatement(db, { title: ' Readout of the Vice\u00a0Ministers’  Call ', preSplit: true, texts: { en: 'The vice ministers spoke by phone on June 3, 2026.\nThey agreed to meet in July.', ko: '양국 차관은 2026년 6월 3일 전화 통화를 하였다.\n양측은 7월에 만나기로 하였다.' } }, 't');
      expect(getStatementView(db, statementId).statement.title).to.equal('Readout of the Vice Ministers’ Call');
      // Cut at the limit where a space falls, it does not end in that space.
      const long = importStatement(db, { title: 'A'.repeat(LIMITS.maxTitleChars - 1) + ' Bcd', preSplit: true, texts: { en: 'The sides met on June 4, 2026.', ko: '양측은 2026년 6월 4일 만났다.' } }, 't');
      expect(getStatementView(db, long.statementId).statement.title).to.equal('A'.repeat(LIMITS.maxTitleChars - 1));
      expect(searchStatements(db, 'Vice Ministers’  Call').map((x) => x.id)).to.deep.equal([statementId]);
    });

    const texts = {
      en: readFileSync(join(demoDir, 'kidd26.en.txt'), 'utf8'),
      ko: readFileSync(join(demoDir, 'kidd26.ko.txt'), 'utf8'),
    };

    it('records who imported what in the events table', () => {
      const { statementId, created } = importStatement(db, { texts, date: '2025-09-23' }, 'alice', { now: fixedNow });
      expect(created).to.equal(true);
      const [e] = listEvents(db, statementId);
      expect(e).to.deep.include({ actor: 'alice', action: 'statement.import', entity: 'statement', entityId: statementId, at: fixedNow() });
      expect(e!.after).to.deep.include({ languages: ['en', 'ko'], paragraphs: { en: 10, ko: 8 } });
    });

    it('uses the first English paragraph as title when none is given', () => {
      const { statementId } = importStatement(db, { texts }, 'alice');
      expect(getStatementView(db, statementId).statement.title).to.equal('Joint Press Statement for the 26th Korea-U.S. Integrated Defense Dialogue');
    });

    it('takes another version\'s heading for the title when the source text opens without one', () => {
      const en = 'The below is attributable to Spokesperson Ned Price:\n\nSecretary Blinken spoke today with Foreign Minister Park Jin of the Republic of Korea.\n\nThey discussed the DPRK\'s recent missile launches.';
      const ko = '한미 외교장관 통화 결과\n\n블링컨 국무장관은 오늘 박진 외교부 장관과 통화하였다.\n\n양 장관은 최근 북한의 미사일 발사에 대해 논의하였다.';
      const { statementId } = importStatement(db, { texts: { en, ko } }, 'alice');
      expect(getStatementView(db, statementId).statement.title).to.equal('한미 외교장관 통화 결과');
      // With no heading anywhere, the source's first paragraph, as before.
      const bare = importStatement(db, { texts: { en: en.split('\n\n').slice(1).join('\n\n'), ko: ko.split('\n\n').slice(1).join('\n\n') } }, 'alice');
      expect(getStatementView(db, bare.statementId).statement.title).to.equal('Secretary Blinken spoke today with Foreign Minister Park Jin of the Republic of Korea.');
      // A heading that ends in an abbreviation's dot is a heading.
      const dc = importStatement(db, { texts: { en: 'Secretary Rubio Meets with Foreign Minister Cho in Washington, D.C.\n\nThe two ministers met today.', ko: '조현 외교부 장관, 워싱턴에서 루비오 국무장관과 회담\n\n양 장관은 오늘 회담하였다.' } }, 'alice');
      expect(getStatementView(db, dc.statementId).statement.title).to.equal('Secretary Rubio Meets with Foreign Minister Cho in Washington, D.C.');
    });

    it('does not import the same texts twice', () => {
      const a = importStatement(db, { texts }, 'alice');
      const before = dbDigest(db);
      const b = importStatement(db, { texts: { ko: texts.ko, en: texts.en + '\n' } }, 'bob');
      expect(b).to.deep.equal({ statementId: a.statementId, created: false });
      // Soft hyphens a word processor left in are no difference either.
      const shy = texts.en.replace('Integrated', 'Inte\u00adgrated').replace('Defense', 'De\u00adfense');
      expect(shy).to.not.equal(texts.en);
      expect(importStatement(db, { texts: { ko: texts.ko, en: shy } }, 'bob')).to.deep.equal({ statementId: a.statementId, created: false });
      expect(dbDigest(db)).to.equal(before);
      // The same source named explicitly is the same statement too; another source is refused, not ignored.
      expect(importStatement(db, { texts, srcLang: 'en' }, 'bob')).to.deep.equal({ statementId: a.statementId, created: false });
      expect(() => importStatement(db, { texts, srcLang: 'ko' }, 'bob')).to.throw(ConflictError, /statement \d+ already, aligned to its en text; delete it to import them with ko as the source/);
      expect(dbDigest(db)).to.equal(before);
    });

    it('aligns every other language against English (trilateral statements)', () => {
      const ja = '日米韓防衛当局間協議に関する共同プレス声明\n三者は北朝鮮のミサイル発射を強く非難した。\n三者は次回会合を2026年に開催することで一致した。';
      const en = 'Joint Press Statement on the U.S.-Japan-ROK Defense Talks\nThe three sides strongly condemned the DPRK missile launch.\nThe three sides agreed to hold the next meeting in 2026.';
      const ko = '한미일 국방당국 회담 공동언론보도문\n3국은 북한의 미사일 발사를 강력히 규탄하였다.\n3국은 2026년에 차기 회의를 개최하기로 하였다.';
      const { statementId } = importStatement(db, { texts: { ko, ja, en }, preSplit: true }, 'alice');
      const langs = (db.prepare("SELECT ts.lang || '>' || tt.lang FROM alignments a JOIN texts ts ON ts.id = a.src_text_id JOIN texts tt ON tt.id = a.tgt_text_id WHERE a.statement_id = ? ORDER BY a.id").pluck().all(statementId));
      expect(langs).to.deep.equal(['en>ko', 'en>ja']);
      expect(getStatementView(db, statementId, 'ja').alignment!.beads).to.have.length(3);
      expect(getStatementView(db, statementId).statement.languages).to.deep.equal(['en', 'ko', 'ja']);
    });

    it('says when two texts of a trilateral import are another statement already, and finds the trilateral statement by any two of its texts', () => {
      const ja = '日米韓防衛当局間協議に関する共同プレス声明\n三者は北朝鮮のミサイル発射を強く非難した。\n三者は次回会合を2026年に開催することで一致した。';
      const en = 'Joint Press Statement on the U.S.-Japan-ROK Defense Talks\nThe three sides strongly condemned the DPRK missile launch.\nThe three sides agreed to hold the next meeting in 2026.';
      const ko = '한미일 국방당국 회담 공동언론보도문\n3국은 북한의 미사일 발사를 강력히 규탄하였다.\n3국은 2026년에 차기 회의를 개최하기로 하였다.';
      const pair = importStatement(db, { texts: { en, ko }, preSplit: true }, 'alice').statementId;
      const tri = importStatement(db, { texts: { en, ko, ja }, preSplit: true }, 'alice');
      expect(tri).to.deep.equal({ statementId: tri.statementId, created: true, alsoIn: [{ statementId: pair, langs: ['en', 'ko'] }] });
      // English and Japanese alone are the trilateral statement's.
      expect(importStatement(db, { texts: { en, ja }, preSplit: true }, 'alice')).to.deep.equal({ statementId: tri.statementId, created: false });
    });

    describe('a Japanese text stored as ja-JP', () => {
      const en = 'Joint Statement of the Trilateral Maritime Security Dialogue\nThe three sides met in Yokohama on October 6, 2026.\nThey agreed to hold a joint search and rescue exercise next year.';
      const ko = '한미일 해양안보대화 공동성명\n3국은 2026년 10월 6일 요코하마에서 만났다.\n3국은 내년에 합동 수색구조 훈련을 실시하기로 합의하였다.';
      const ja = '日米韓海洋安全保障対話共同声明\n三か国は2026年10月6日に横浜で会合した。\n三か国は来年、合同捜索救助訓練を実施することで一致した。';

      it('is the same text sent as ja: the statement holding it is found (created: false), not made again nor offered the Japanese', () => {
        const { statementId } = importStatement(db, { texts: { en, ko }, preSplit: true }, 'alice');
        importVersion(db, statementId, 'ja-JP', ja, 'alice', { preSplit: true, newLanguage: true });
        const before = dbDigest(db);
        expect(importStatement(db, { texts: { en, ko, ja }, preSplit: true }, 'bob')).to.deep.equal({ statementId, created: false });
        expect(importStatement(db, { texts: { en, ko, ja }, preSplit: true, askOnOverlap: true }, 'bob')).to.deep.equal({ statementId, created: false });
        // English and Japanese alone are its texts too, and its source asked for by language.
        expect(importStatement(db, { texts: { en, ja }, preSplit: true }, 'bob')).to.deep.equal({ statementId, created: false });
        expect(importStatement(db, { texts: { ja, en, ko }, preSplit: true, srcLang: 'en' }, 'bob')).to.deep.equal({ statementId, created: false });
        expect(dbDigest(db)).to.equal(before);
      });

      it('is found in a database hashed before migration 13, whose hashes name the tag', () => {
        const tmp = tempDir();
        try {
          const file = join(tmp.dir, 'tags.db');
          let old = openDb(file);
          const { statementId } = importStatement(old, { texts: { en, ko, 'ja-JP': ja }, preSplit: true }, 'alice');
          // Hashes as taken before: languages named by tag, and no record of migration 13.
          const split = (t: string) => t.split('\n');
          const tagHashes = (texts: Record<string, string>) => [contentHash(texts, 'tags'), paragraphsHash(Object.fromEntries(Object.entries(texts).map(([l, t]) => [l, split(t)])), 'tags')];
          // An earlier version of its Japanese, hashed then (versions before the current one are not hashed again).
          const earlier = ja.replace('会合した', '会談した');
          const hashes = [...tagHashes({ en, ko, 'ja-JP': ja }), ...tagHashes({ en, ko, 'ja-JP': earlier })];
          old.prepare('DELETE FROM statement_hashes').run();
          const add = old.prepare('INSERT INTO statement_hashes (hash, statement_id) VALUES (?, ?)');
          for (const h of hashes) add.run(h, statementId);
          old.prepare('DELETE FROM schema_migrations WHERE id = 13').run();
          old.close();
          old = openDb(file);
          try {
            // The migration has its current texts hashed again, by base code, when an import looks.
            expect(importStatement(old, { texts: { en, ko, ja }, preSplit: true }, 'bob')).to.deep.equal({ statementId, created: false });
            expect(importStatement(old, { texts: { en, ko, 'ja-JP': ja }, preSplit: true }, 'bob')).to.deep.equal({ statementId, created: false });
            expect(importStatement(old, { texts: { en, ko, 'ja-JP': earlier }, preSplit: true }, 'bob')).to.deep.equal({ statementId, created: false });
            expect(old.prepare('SELECT count(*) FROM statements').pluck().get()).to.equal(1);
            // The hashes it had are kept beside the new ones.
            expect(old.prepare('SELECT hash FROM statement_hashes WHERE statement_id = ?').pluck().all(statementId)).to.include.members(hashes).and.have.length.greaterThan(hashes.length);
          } finally {
            old.close();
          }
        } finally {
          tmp.cleanup();
        }
      });
    });

    const bad: [string, Parameters<typeof importStatement>[1], RegExp][] = [
      ['one language', { texts: { en: 'Hello.' } }, /at least two languages/],
      ['an empty side', { texts: { en: 'Hello.', ko: '  \n \n' } }, /ko text is empty/],
      ['a side of bullets only', { texts: { en: 'The ministers met in Jeju.', ko: 'ㅇ\n\n□\n\n-' } }, /ko text has no words/],
      ['a side that is an editorial mark', { texts: { en: 'The ministers met in Jeju.', ko: '[…]' } }, /ko text has no words/],
      ['a non-string text', { texts: { en: 'Hello.', ko: 42 as unknown as string } }, /must be a string/],
      ['a bad language code', { texts: { en: 'Hello.', 'k o': '안녕.' } }, /"k o" is not a language code/],
      ['a code of no language', { texts: { en: 'Hello.', xx: '안녕.' } }, /"xx" is not a known language code/],
      ['a three-letter code of a language that has a two-letter one', { texts: { en: 'Hello.', kor: '안녕하십니까.' } }, /"kor" is written "ko" \(the ISO 639-1 code of Korean\)/],
      ['the code for an undetermined language', { texts: { en: 'Hello.', und: '안녕.' } }, /"und" names no particular language/],
      ['a bad date', { texts, date: '23 Sept 2025' }, /YYYY-MM-DD/],
      ['a title with control characters', { texts, title: 'Joint\u0000 Statement\u001b[0m' }, /the title contains control characters/],
      ['a date that is no day of the calendar', { texts, date: '2026-02-30' }, /calendar date as YYYY-MM-DD, got "2026-02-30"/],
      ['a thirteenth month', { texts, date: '2026-13-05' }, /calendar date/],
    ];
    for (const [what, input, message] of bad) {
      it(`rejects ${what} with an InputError and changes nothing`, () => {
        seedDemo(db);
        const before = dbDigest(db);
        expect(() => importStatement(db, input, 'alice')).to.throw(InputError, message);
        expect(dbDigest(db)).to.equal(before);
      });
    }

    it('leaves no half-imported statement when a write fails midway', () => {
      const before = countRows(db);
      db.exec('CREATE TRIGGER fail_beads BEFORE INSERT ON beads WHEN NEW.position = 3 BEGIN SELECT RAISE(ABORT, "disk trouble"); END');
      expect(() => importStatement(db, { texts }, 'alice')).to.throw(/disk trouble/);
      expect(countRows(db)).to.deep.equal(before);
    });
  });

  it('dates a statement by the date its source page gives when none is given, and says so in the event; a date given wins', () => {
    const texts = { en: 'The ministers met in Seoul on May 2, 2026.\nThey agreed to meet again.', ko: '장관들은 2026년 5월 2일 서울에서 만났다.\n양측은 다시 만나기로 하였다.' };
    const paged = importStatement(db, { texts, preSplit: true, sources: { en: { format: 'html', date: '2026-05-03' }, ko: { format: 'html', date: '2026-05-04' } } }, 'tester');
    expect(getStatementView(db, paged.statementId).statement.date).to.equal('2026-05-03');
    const ev = listEvents(db, paged.statementId).find((e) => e.action === 'statement.import')!;
    expect(ev.after).to.include({ date: '2026-05-03', dateFrom: 'page' });
    // The source's page has none: another version's.
    const other = importStatement(db, { texts: { en: `${texts.en}\nA third line.`, ko: `${texts.ko}\n셋째 줄.` }, preSplit: true, sources: { en: { date: null }, ko: { date: '2026-05-04' } } }, 'tester');
    expect(getStatementView(db, other.statementId).statement.date).to.equal('2026-05-04');
    // A date given is the statement's, whatever the pages say.
    const given = importStatement(db, { texts: { en: `${texts.en}\nA fourth.`, ko: `${texts.ko}\n넷째.` }, date: '2026-05-02', preSplit: true, sources: { en: { date: '2026-05-03' } } }, 'tester');
    expect(getStatementView(db, given.statementId).statement.date).to.equal('2026-05-02');
    expect(listEvents(db, given.statementId).find((e) => e.action === 'statement.import')!.after).to.not.have.property('dateFrom');
  });
});
