import { expect } from 'chai';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { BEADS, EN, KO, OPTS, withKo } from './fixture.ts';
import { render } from './helpers.ts';

const one = (en: string, ko: string) => checkAlignment([en], [ko], [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, checks: ['numbers'] });

describe('core/checks numbers', () => {
  it('notes, without warning, a meeting ordinal that only one title writes; in the body, or another number, it still counts', () => {
    const two = (en: string[], ko: string[]) => checkAlignment(en, ko, [{ src: [0], tgt: [0], confidence: 1 }, { src: [1], tgt: [1], confidence: 1 }], { ...OPTS, checks: ['numbers'] })
      .map((f) => `${f.severity}: ${f.message}`);
    const body = ['The two sides held the 25th Korea-U.S. Integrated Defense Dialogue in Seoul.', '양측은 서울에서 제25차 한미 통합국방협의체를 개최하였다.'];
    expect(two(['Joint Press Statement of the Korea-U.S. Integrated Defense Dialogue', body[0]!], ['제25차 한미 통합국방협의체 공동언론보도문', body[1]!]))
      .to.deep.equal(['info: Korean ordinal 제25차 (25) has no counterpart in English']);
    // Two ordinals that differ in the titles are an error, as anywhere.
    expect(two(['Joint Press Statement of the 24th Korea-U.S. Integrated Defense Dialogue', body[0]!], ['제25차 한미 통합국방협의체 공동언론보도문', body[1]!])[0])
      .to.match(/^error: /);
    // A first row that is a sentence is no title: the ordinal it leaves out is a warning.
    expect(two([body[0]!.replace('the 25th ', 'the '), 'Both sides agreed to meet again.'], [body[1]!, '양측은 다시 만나기로 하였다.']))
      .to.deep.equal(['warning: Korean ordinal 제25차 (25) has no counterpart in English']);
  });

  it('accepts faithful renderings of amounts, percentages, ordinals and approximations', () => {
    expect(render(checkAlignment(EN, KO, BEADS, { ...OPTS, checks: ['numbers'] }))).to.deep.equal([]);
    expect(render(one('KRW 1.5192 trillion', '1조 5,192억 원'))).to.deep.equal([]);
    expect(render(one('over 30 launches, the 23rd SCM and the fifth meeting', '30여 차례 발사, 제23차 SCM, 제5차 회의'))).to.deep.equal([]);
    expect(render(one('an increase of 8.3 percent', '8.3% 증가'))).to.deep.equal([]);
    expect(render(one('$110 million', '1억1천만 달러'))).to.deep.equal([]);
    expect(render(one('Executive Order No. 14081 and Resolution 2397', '행정명령 제14081호와 결의 제2397호'), true)).to.deep.equal([]);
  });

  it('compares clock times as times: 2 p.m. is 14:00 and 오후 2시, 15:00 is another time', () => {
    expect(render(one('The talks began at 2 p.m. and ended at 4:30 pm.', '회담은 14:00에 시작하여 오후 4시 30분에 끝났다.'), true)).to.deep.equal([]);
    // Ranges that write a.m./p.m. once, an hour with it left to the context, and 반 (half past).
    for (const [en, ko] of [['between 2 and 4 p.m.', '오후 2시부터 4시까지'], ['from 9 to 11 a.m.', '오전 9시부터 11시까지'], ['at 7 p.m.', '저녁 7시에'], ['at 10:30 a.m.', '오전 10시 반에']] as const)
      expect(render(one(`The ministers met ${en}.`, `장관들은 ${ko} 만났다.`), true), en).to.deep.equal([]);
    const fs = one('The talks began at 2 p.m. in Seoul.', '회담은 서울에서 15:00에 시작되었다.');
    expect(render(fs)).to.deep.equal(['error numbers 0/0']);
    expect(fs[0]!.message).to.equal('Number 2 p.m. has no counterpart in Korean; Korean has 15:00');
    // A time one side leaves out is for review only.
    expect(one('The ministers met at 10 a.m. in Seoul.', '장관들은 서울에서 만났다.').map((f) => `${f.severity} ${f.message}`)).to.deep.equal(['info English time 10 a.m. has no counterpart in Korean']);
  });

  it('does not read the list marker a paragraph opens with as a number', () => {
    expect(render(one('3. Biotechnology: the two sides will invest 2 billion won in research.', '③ (바이오) 양측은 연구에 20억 원을 투자할 것이다.'), true)).to.deep.equal([]);
    expect(render(one('2. Economy', '경제'), true)).to.deep.equal([]);
    expect(render(one('(4) The ministers met twice.', '- 장관들은 두 차례 만났다.'), true)).to.deep.equal([]);
    // A number after the marker still counts, with its offsets in the text as shown.
    const fs = one('3. The two sides will invest 2 billion won.', '③ 양측은 30억 원을 투자할 것이다.');
    expect(render(fs)).to.deep.equal(['error numbers 0/0']);
    expect(fs[0]!.srcSpans[0]!.span.text).to.equal('2 billion');
  });

  it('reports a changed number as an error naming both values', () => {
    const fs = checkAlignment(EN, withKo(3, KO[3]!.replace('1조 5,192억', '1조 4,028억')), BEADS, { ...OPTS, checks: ['numbers'] })
      .filter((f) => f.severity !== 'info');
    expect(render(fs)).to.deep.equal(['error numbers 3/3']);
    expect(fs[0]!.message).to.equal('Number 1.5192 trillion (1,519,200,000,000) has no counterpart in Korean; Korean has 1조 4,028억 (1,402,800,000,000)');
    expect(fs[0]!.key).to.equal('numbers:1519200000000|1402800000000');
    expect(fs[0]!.srcSpans[0]!.span.text).to.equal('1.5192 trillion');
    expect(fs[0]!.tgtSpans[0]!.span.text).to.equal('1조 4,028억');
  });

  it('matches number words and native Korean counts, and flags a changed count', () => {
    expect(render(one('They held two combined exercises.', '두 차례의 연합연습을 실시했다.'))).to.deep.equal([]);
    expect(render(one('They held two combined exercises.', '네 차례의 연합연습을 실시했다.'))).to.deep.equal(['warning numbers 0/0']);
    expect(render(one('The two sides held combined exercises.', '양측은 연합연습을 실시했다.'))).to.deep.equal([]);
    expect(render(one('the fifth meeting', '제6차 회의'))).to.deep.equal(['error numbers 0/0']);
    expect(render(one('trilateral cooperation', '3국 협력'))).to.deep.equal([]);
  });

  it('reads no ordinal in a name that ends in "First" (Children First, America First) or in "First Lady"; the ROK First Army keeps its number', () => {
    for (const [en, ko] of [
      ['The ministers welcomed the Children First initiative.', '장관들은 아동 우선 이니셔티브를 환영하였다.'],
      ['The ministers discussed the America First trade policy.', '장관들은 미국 우선주의 통상정책을 논의하였다.'],
      ['The campaign is called Safety First.', '이 캠페인의 이름은 안전 제일이다.'],
      ['The First Lady attended the ceremony.', '영부인은 기념식에 참석하였다.'],
      ['The Second Lady visited the school.', '부통령 부인은 학교를 방문하였다.'],
    ] as const) expect(render(one(en, ko), true), en).to.deep.equal([]);
    expect(render(one('The ROK First Army held a drill.', '제1야전군이 훈련을 실시하였다.'), true)).to.deep.equal([]);
    expect(render(one('The ROK First Army held a drill.', '야전군이 훈련을 실시하였다.'), true)).to.deep.equal(['info numbers 0/0']);
  });

  it('takes 처음, 최초, 첫 and 初めて for "first", which Korean and Japanese write as a word, not a number', () => {
    for (const [en, ko] of [
      ['The two sides met for the first time since 2019.', '양측은 2019년 이후 처음으로 만났다.'],
      ['It was the first visit to Seoul by a U.S. Secretary of Defense in three years.', '이는 미 국방장관의 3년 만의 첫 서울 방문이었다.'],
      ['The ministers welcomed the first joint patrol.', '장관들은 최초의 공동 순찰을 환영하였다.'],
    ] as const) expect(render(one(en, ko), true), en).to.deep.equal([]);
    const ja = checkAlignment(['The ministers met for the first time.'], ['閣僚は初めて会談した。'], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ja', checks: ['numbers'] });
    expect(render(ja, true)).to.deep.equal([]);
    // Another ordinal, or "first" where the Korean says nothing of it, is still noted.
    expect(render(one('The two sides held the second meeting.', '양측은 처음으로 회의를 개최하였다.'), true)).to.deep.equal(['info numbers 0/0']);
    expect(render(one('The two sides held the first meeting.', '양측은 회의를 개최하였다.'), true)).to.deep.equal(['info numbers 0/0']);
  });

  it('never pairs a count of parties (both, 양측, 한미일) with a number as if one had been changed into the other', () => {
    const fs = one('Both ministers opened the meeting.', '국방장관은 제52차 회의를 개회하였다.');
    // Not "Number both has no counterpart; Korean has 52" as an error: 52 is reported alone, "both" for information.
    expect(fs.filter((f) => f.severity === 'error')).to.deep.equal([]);
    expect(fs.map((f) => `${f.severity} ${f.message}`)).to.deep.include('warning Korean ordinal 제52차 (52) has no counterpart in English');
    expect(render(one('They reviewed three plans.', '양측은 네 가지 계획을 검토하였다.'))).to.deep.equal(['warning numbers 0/0']);
  });

  it('reads full-width digits (Japanese releases) as the numbers and dates they are', () => {
    const fs = checkAlignment(['The Ministers met on March 4, 2026 for the 4th time, with 12 delegates.'], ['閣僚は、２０２６年３月４日に第４回会合を開催し、代表団１２名が出席した。'], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ja', checks: ['numbers', 'dates'] });
    expect(render(fs, true)).to.deep.equal([]);
    const changed = checkAlignment(['with 12 delegates'], ['代表団１３名が出席した。'], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ja', checks: ['numbers'] });
    expect(render(changed)).to.deep.equal(['error numbers 0/0']);
    // The message quotes the digits as the text writes them.
    expect(changed.map((f) => f.message)).to.deep.equal(['Number 12 has no counterpart in Japanese; Japanese has １３']);
  });

  it('reads a Roman numeral after Article, Phase or Title as the number 제N조, 第N条 and N단계 write', () => {
    const ja = (en: string, text: string) => checkAlignment([en], [text], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ja', checks: ['numbers'] })
      .map((f) => `${f.severity}: ${f.message}`);
    expect(ja('The United States reiterated its commitment under Article V of the Treaty.', '米国は、条約第５条の下でのコミットメントを改めて表明した。')).to.deep.equal([]);
    expect(ja('Phase II begins in March.', '第2段階は3月に始まる。')).to.deep.equal([]);
    expect(render(one('under Article III of the Treaty and in Phase II', '조약 제3조에 따라 2단계에서'), true)).to.deep.equal([]);
    // Another number is a changed number, quoted with its value, as "Article 5" against 第6条 would be.
    expect(ja('under Article V of the Treaty', '条約第６条の下で')).to.deep.equal(['error: Number V (5) has no counterpart in Japanese; Japanese has 第６条 (6)']);
    // A name's numeral is no number the other side must write (Korean often drops it).
    expect(render(one('as Pope Leo XIV said after World War II', '2차 대전 후 레오 교황이 말했듯이'), true)).to.deep.equal(['info numbers 0/0']);
  });

  it('pairs an ordinal with an ordinal before a count, and never with a count of parties', () => {
    const ja = (en: string, text: string) => checkAlignment([en], [text], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ja', checks: ['numbers'] })
      .filter((f) => f.severity !== 'info').map((f) => `${f.severity}: ${f.message}`);
    // "three" (of the three Ministers, which 三大臣 does not count) must not take 第3回 from "3rd".
    expect(ja('The three Ministers will hold the 3rd Trilateral Secretariat meeting in November.', '三大臣は、11月に第3回日米韓事務局会合を開催する。')).to.deep.equal([]);
    // "third" changed into 第八回 is not rendered by the count of parties 三閣僚.
    expect(ja('The Ministers welcomed the third trilateral exercise.', '三閣僚は、第八回日米韓共同訓練を歓迎した。'))
      .to.deep.equal(['warning: Number third has no counterpart in Japanese; Japanese has 第八 (8)']);
  });

  it('keeps a count of parties that the other side names instead (3국 for three countries) for information', () => {
    const fs = one('The Republic of Korea, Japan and the United States will hold a summit.', '한미일 3국은 정상회의를 개최할 것이다.');
    expect(render(fs)).to.deep.equal([]);
    expect(fs.map((f) => f.severity)).to.include('info');
  });

  it('matches the digits of "(2+2)" with each other, not with the 한미 beside them', () => {
    const fs = one("The Foreign and Defense Ministers' (2+2) Meeting was held.", '한미 외교·국방장관(2+2) 회의가 개최되었다.');
    expect(render(fs)).to.deep.equal([]);
    // What is left unmatched is the count of parties, for information.
    expect(fs.map((f) => `${f.severity} ${f.message}`)).to.deep.equal(['info Korean number 한미 has no counterpart in English']);
  });

  it('takes a Korean compound of parties (한미, 한미일) as rendered when the English names each of those countries', () => {
    const none = (en: string, ko: string) => expect(one(en, ko).map((f) => f.message), en).to.deep.equal([]);
    none("The ROK-U.S. Foreign and Defense Ministers' (2+2) Meeting was held.", '한미 외교·국방장관(2+2) 회의가 개최되었다.');
    none('Joint Press Statement for the 26th Korea-U.S. Integrated Defense Dialogue', '제26차 한미 통합국방협의체 공동언론보도문');
    none('The United States, Japan and the Republic of Korea held a trilateral exercise.', '한미일은 3자 훈련을 실시하였다.');
    // Not when a country of the compound goes unnamed: North Korea is not Korea, and Japan is missing here.
    const left = (en: string, ko: string) => one(en, ko).filter((f) => f.message.includes(ko.split(' ')[0]!)).map((f) => f.severity);
    expect(left('North Korea and the United States met in Singapore.', '한미 정상은 싱가포르에서 만났다.')).to.deep.equal(['info']);
    expect(left('The ROK and U.S. delegations met in Tokyo.', '한미일 대표단은 도쿄에서 만났다.')).to.deep.equal(['info']);
  });

  it('warns about a digit number present on one side only', () => {
    expect(render(one('They conducted 12 launches.', '발사를 감행했다.'))).to.deep.equal(['warning numbers 0/0']);
  });
});
