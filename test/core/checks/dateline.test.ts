import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { blankDatelines } from '../../../server/core/dateline.ts';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { parseGlossary } from '../../../server/core/glossary.ts';
import { OPTS } from './fixture.ts';
import { render } from './helpers.ts';

/** Error and warning findings of one English–Korean pair, as "severity check message". */
const findings = (en: string, ko: string) =>
  checkAlignment([en], [ko], [{ src: [0], tgt: [0], confidence: 1 }], OPTS)
    .filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.check} ${f.message}`);

describe('core/checks datelines', () => {
  const en = 'South Korea and the United States held talks on missile defense in Seoul on Tuesday, officials said.';
  const ko = '한국과 미국은 화요일 서울에서 미사일 방어에 관한 회담을 열었다고 당국자들이 밝혔다.';

  it('does not compare an English dateline the Korean does not carry', () => {
    for (const line of [
      'SEOUL, Sept. 18 (Yonhap) -- ',
      'SEOUL, Sept. 18 (Yonhap) — ',
      'LONDON, England (CNN) ',
      'WASHINGTON, June 26, 2024 (AP) -- ',
      'NEW YORK -- ',
      'Washington, June 26 (Reuters) - ',
      '(CNN) -- ',
    ]) expect(findings(line + en, ko), line).to.deep.equal([]);
  });

  it('does not compare a Korean dateline or byline the English does not carry', () => {
    for (const line of [
      '(서울=연합뉴스) 홍길동 기자 = ',
      '(워싱턴=연합뉴스) 김철수 특파원 = ',
      '[서울=뉴시스] 홍길동 김영희 기자 = ',
      '(런던=CNN) ',
      '홍길동 기자 = ',
    ]) expect(findings(en, line + ko), line).to.deep.equal([]);
    // A Korean copy that keeps the English wire's dateline: its place and agency are no acronyms.
    expect(findings(en, 'HONG KONG (CNN) ' + ko)).to.deep.equal([]);
    // Both sides with their own dateline: nothing to compare either.
    expect(findings('SEOUL, Sept. 18 (Yonhap) -- ' + en, '(서울=연합뉴스) 홍길동 기자 = ' + ko)).to.deep.equal([]);
  });

  it('blanks a release\'s dateline whose country has several words, and not a sentence that opens with a country', () => {
    const dated = 'JINHAE, Republic of Korea — The two navies concluded the exercise.';
    expect(blankDatelines(dated, 'en')).to.equal(' '.repeat(28) + 'The two navies concluded the exercise.');
    for (const t of ['The Republic of Korea — and the U.S. — agreed.', 'DPRK, Ministry of Defense — text'])
      expect(blankDatelines(t, 'en'), t).to.equal(t);
  });

  it('finds a dateline opening a later sentence of the paragraph', () => {
    expect(findings(`The talks ended. SEOUL, Sept. 18 (Yonhap) -- ${en}`, `회담이 끝났다. ${ko}`)).to.deep.equal([]);
    expect(findings(`The talks ended. ${en}`, `회담이 끝났다. (서울=연합뉴스) 홍길동 기자 = ${ko}`)).to.deep.equal([]);
  });

  it('still compares the story after the dateline', () => {
    // A date of the story that the Korean changes is found as before.
    expect(render(checkAlignment(['SEOUL, Sept. 18 (Yonhap) -- The talks will resume on Sept. 20.'], ['(서울=연합뉴스) 홍길동 기자 = 회담은 9월 21일 재개된다.'],
      [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, checks: ['dates'] }))).to.deep.equal(['error dates 0/0']);
    // A reporter named in the story, not in a byline, is still a name the English lacks.
    expect(findings(en, `${ko} 홍길동 기자는 이를 보도했다.`).some((m) => m.includes('names'))).to.equal(true);
    // A capitalised opening that is no dateline is read: "NATO (the alliance)" is no agency.
    expect(findings('NATO (the alliance) met on Sept. 18.', '동맹은 회의를 열었다.').some((m) => m.includes('dates'))).to.equal(true);
  });

  describe('Japanese', () => {
    const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));
    /** Error and warning findings of one English–Japanese pair. */
    const findingsJa = (en: string, ja: string) =>
      checkAlignment([en], [ja], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ja', glossary })
        .filter((f) => f.severity !== 'info').map((f) => `${f.severity} ${f.check} ${f.message}`);
    const ja = '韓国と米国は火曜日、ソウルでミサイル防衛に関する協議を行ったと当局者が明らかにした。';
    const blanked = (line: string) => ' '.repeat(line.length);
    // Place and agency run together ("ソウル共同"), place "＝" agency, bureau or reporter, the day before
    // the agency (Reuters, AFP), the agency before place and day (Xinhua), in any bracket wire copy uses.
    const datelines = [
      '【ソウル共同】', '【ワシントン時事】', '〔ソウル時事〕', '（ソウル＝共同）', '【北京＝中国総局】', '【ソウル＝山田太郎】',
      '(ソウル=共同) ', '【ワシントン＝共同】', '【ソウル聯合ニュース】', '【AFP＝時事】', '［ワシントン　１８日　ロイター］ - ',
      '[東京 18日 ロイター] - ', '【9月18日 AFP】', '【新華社北京9月18日】',
    ];

    it('blanks a Japanese dateline or byline opening a paragraph or a sentence, keeping every offset', () => {
      for (const line of datelines) {
        expect(blankDatelines(line + ja, 'ja'), line).to.equal(blanked(line) + ja);
        expect(blankDatelines(`協議は終わった。${line}${ja}`, 'ja'), line).to.equal(`協議は終わった。${blanked(line)}${ja}`);
      }
    });

    it('leaves a bracketed heading, a note or a bracket inside a sentence alone', () => {
      for (const text of [
        '【概要】', '【共同声明】', '【共同記者会見】', '（仮訳）', '（参考）', '【ポイント】', '【時事】', '（共同）', '〔外務省発表〕',
        '（2026年3月4日）', '【ソウル】', '【ワシントンでの会談】',
      ]) expect(blankDatelines(text + ja, 'ja'), text).to.equal(text + ja);
      expect(blankDatelines(`韓国は【ソウル共同】${ja}`, 'ja')).to.equal(`韓国は【ソウル共同】${ja}`);
    });

    it('does not compare a Japanese dateline the English does not carry, and still compares the story after it', () => {
      expect(findingsJa('South Korea and the United States held talks on missile defense in Seoul on Tuesday, officials said.', ja)).to.deep.equal([]);
      for (const line of datelines) {
        expect(findingsJa('South Korea and the United States held talks on missile defense in Seoul on Tuesday, officials said.', line + ja), line).to.deep.equal([]);
      }
      // A Japanese copy that keeps the English wire's dateline.
      expect(blankDatelines(`SEOUL, Sept. 18 (Reuters) -- ${ja}`, 'ja')).to.equal(`${blanked('SEOUL, Sept. 18 (Reuters) -- ')}${ja}`);
      // A day the Japanese changes in the story is found as before.
      expect(findingsJa('The talks will resume on Sept. 20.', '【ソウル共同】協議は9月21日に再開される。').some((m) => m.includes('dates'))).to.equal(true);
    });
  });
});
