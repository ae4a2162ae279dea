import { expect } from 'chai';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { BEADS, EN, KO, OPTS, withKo } from './fixture.ts';
import { render } from './helpers.ts';

const one = (en: string, ko: string) => checkAlignment([en], [ko], [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, checks: ['dates'] });

describe('core/checks dates', () => {
  it('accepts full, partial and relative dates rendered faithfully', () => {
    expect(render(checkAlignment(EN, KO, BEADS, { ...OPTS, checks: ['dates'] }))).to.deep.equal([]);
    expect(render(one('on September 18, 2023', '9.18.(월)'))).to.deep.equal([]);
    expect(render(one('since the fourth meeting in January 2025', '지난 1월 제4차 회의 이후'))).to.deep.equal([]);
    expect(render(one('by the end of this year', '연내'))).to.deep.equal([]);
    expect(render(one('by the end of 2023', '2023년 말까지'))).to.deep.equal([]);
    expect(render(one('last month', '지난달'))).to.deep.equal([]);
    expect(render(one('in the fall of 2020', '2020년 가을'))).to.deep.equal([]);
    expect(render(one('The companies announced the plan on Monday, this month.', '회사들은 이달 28일(현지시간) 계획을 발표했다.'))).to.deep.equal([]);
  });

  it('reads day ranges on both sides', () => {
    expect(render(one('held on September 22-23, 2025', '2025년 9월 22일부터 23일까지 개최'))).to.deep.equal([]);
    expect(render(one('held on September 22-23, 2025', '2025년 9월 22~23일 개최'))).to.deep.equal([]);
    expect(render(one('held on September 22-23, 2025', '2025년 9월 22일부터 24일까지 개최'))).to.deep.equal(['error dates 0/0']);
  });

  it('reads Japanese day ranges and lists (〜, ・, 、) and era years', () => {
    const ja = (en: string, jp: string) => render(checkAlignment([en], [jp], [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, tgtLang: 'ja', checks: ['dates', 'numbers'] }));
    expect(ja('The exercise was conducted from June 27 to 29, 2024.', '訓練は2024年6月27日〜29日に実施された。')).to.deep.equal([]);
    expect(ja('The talks were held on July 28 and 29, 2024.', '会談は2024年7月28日・29日に行われた。')).to.deep.equal([]);
    expect(ja('The talks were held on July 28 and 29, 2024.', '会談は2024年7月28、29日に行われた。')).to.deep.equal([]);
    expect(ja('The meeting was held on July 28, 2024.', '会合は令和6年（2024年）7月28日に開催された。')).to.deep.equal([]);
    expect(ja('The meeting was held on July 28, 2024.', '会合は令和6年7月28日に開催された。')).to.deep.equal([]);
    expect(ja('The meeting was held on July 28, 2024.', '会合は令和5年7月28日に開催された。')).to.deep.equal(['error dates 0/0']);
    expect(ja('The exercise was conducted from June 27 to 29, 2024.', '訓練は2024年6月27日〜30日に実施された。')).to.deep.equal(['error dates 0/0']);
  });

  it('reads ranges written with "to", "through" or "and", and day-first ranges', () => {
    const both = (en: string, ko: string) => render(checkAlignment([en], [ko], [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, checks: ['dates', 'numbers'] }));
    expect(both('The exercise runs from August 21 to 31 in the East Sea.', '훈련은 8월 21일부터 31일까지 동해에서 실시된다.')).to.deep.equal([]);
    expect(both('The exercise runs from August 21 to 31 in the East Sea.', '훈련은 8월 21~31일 동해에서 실시된다.')).to.deep.equal([]);
    expect(both('The talks were held Aug. 21 through 23, 2025.', '회담은 2025년 8월 21일부터 23일까지 열렸다.')).to.deep.equal([]);
    expect(both('The talks were held 21–23 August 2025.', '회담은 2025년 8월 21일에서 23일까지 열렸다.')).to.deep.equal([]);
    expect(both('They met on August 21 and 22 in Seoul.', '양측은 8월 21일과 22일 서울에서 만났다.')).to.deep.equal([]);
    // The other day is still compared: 31 against 30 is a wrong date, not a lone number.
    expect(both('The exercise runs from August 21 to 31.', '훈련은 8월 21일부터 30일까지 실시된다.')).to.deep.equal(['error dates 0/0']);
    // Not ranges: a count after "and", and a second day before the first.
    expect(both('On August 21 and 30 officers attended.', '8월 21일 장교 30명이 참석했다.')).to.deep.equal([]);
    expect(both('From August 21 to 3 p.m. the next day the port stays closed.', '8월 21일부터 다음 날 오후 3시까지 항구가 폐쇄된다.')).to.deep.equal([]);
    // A month's abbreviation inside a word is no month ("Marine" is not March), and "7일간" is seven days.
    expect(both('The force will grow from 10 to 12 Marine Corps battalions.', '병력은 해병대 10개 대대에서 12개 대대로 늘어난다.')).to.deep.equal([]);
    expect(both('The exercise runs for seven days starting on August 5.', '훈련은 8월 5일부터 7일간 실시된다.')).to.deep.equal([]);
    // The same two days as a range on one side and a list on the other are not the same dates.
    const fs = checkAlignment(['The exercise was held from August 21 to 23.'], ['훈련은 8월 21일과 23일에 실시되었다.'], [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, checks: ['dates'] });
    expect(render(fs)).to.deep.equal(['warning dates 0/0']);
    expect(fs[0]!.message).to.equal('English August 21 to 23 is a range of days, Korean 8월 21일과 23일 is two days');
    expect(both('The exercise was held on August 21 and 23.', '훈련은 8월 21일과 23일에 실시되었다.')).to.deep.equal([]);
    // Two days joined by "and" before a capitalised word.
    expect(both('On August 21 and 22 ROK and U.S. aircraft flew together.', '8월 21일과 22일 한미 항공기가 함께 비행하였다.')).to.deep.equal([]);
  });

  it('reports a changed day, month or year as an error', () => {
    const fs = checkAlignment(EN, withKo(1, KO[1]!.replace('9월 18일', '9월 19일')), BEADS, { ...OPTS, checks: ['dates'] });
    expect(render(fs)).to.deep.equal(['error dates 1/1']);
    expect(fs[0]!.message).to.equal('Date September 18, 2023 does not match Korean 2023년 9월 19일');
    expect(render(one('in July 2024', '2023년 7월'))).to.deep.equal(['error dates 0/0']);
    expect(render(one('in the second half of 2025', '2025년 상반기'))).to.deep.equal(['error dates 0/0']);
  });

  it('keeps a date that only one side mentions at warning, or info when the other side is relative', () => {
    expect(render(one('The meeting was held on June 26, 2025.', '회의가 개최되었다.'))).to.deep.equal(['warning dates 0/0']);
    expect(render(one('The meeting was held on June 26, 2025.', '오늘 회의가 개최되었다.'))).to.deep.equal([]);
  });
});
