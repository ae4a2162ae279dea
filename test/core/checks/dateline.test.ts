import { expect } from 'chai';
import { checkAlignment } from '../../../server/core/checks/index.ts';
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
});
