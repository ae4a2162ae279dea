import { expect } from 'chai';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { alignSentenceLengths, isMarker, lengthModel } from '../../../server/core/checks/coverage.ts';
import { BEADS, EN, KO, OPTS, withKo } from './fixture.ts';
import { render } from './helpers.ts';

const COVER = { ...OPTS, checks: ['omission', 'addition', 'length'] };

describe('core/checks coverage', () => {
  it('finds nothing to report on a faithful pair', () => {
    expect(render(checkAlignment(EN, KO, BEADS, COVER))).to.deep.equal([]);
  });

  it('warns about a paragraph without counterpart and keeps editorial markers at info', () => {
    const ko = [...KO.slice(0, 4), '[…]', ...KO.slice(6), '[영문 전문 보기]'];
    const beads = [
      ...BEADS.slice(0, 4),
      { src: [], tgt: [4], confidence: 1 }, { src: [4], tgt: [], confidence: 1 }, { src: [5], tgt: [], confidence: 1 },
      { src: [6], tgt: [5], confidence: 1 }, { src: [], tgt: [6], confidence: 1 },
    ];
    const fs = checkAlignment(EN, ko, beads, COVER);
    expect(render(fs, true)).to.deep.equal(['info addition /4', 'warning omission 4/', 'warning omission 5/', 'info addition /6']);
    expect(fs[1]!.message).to.match(/^English paragraph has no counterpart in Korean: "The co-chairs reviewed/);
  });

  it('finds a dropped sentence inside an aligned paragraph', () => {
    const ko = withKo(1, '한미는 2023년 9월 18일 서울에서 제7차 동맹억제포럼을 개최하였다.');
    const fs = checkAlignment(EN, ko, BEADS, COVER);
    expect(render(fs)).to.deep.equal(['warning omission 1/1', 'warning length 1/1']);
    expect(fs[0]!.message).to.match(/^English sentence has no counterpart in Korean: "The meeting was co-chaired/);
  });

  it('takes two sentences shortened into one Korean sentence for a merge, not the first one for missing', () => {
    // Written for this test: the Korean joins the co-chairs and the attendance into one short sentence.
    const en = EN.map((t, i) => (i === 1
      ? 'The meeting was co-chaired by Kim Min-su, ROK Deputy Minister for National Defense Policy, and John Ratner, U.S. Assistant Secretary of Defense for Indo-Pacific Security Affairs. Senior officials from the ROK Ministry of National Defense, the Joint Chiefs of Staff and the U.S. Department of Defense attended.'
      : t));
    const ko = withKo(1, '이번 회의는 김민수 국방정책실장과 존 래트너 인도태평양안보차관보가 공동 주관하였으며, 양국 국방부와 합참 관계관들이 참석하였다.');
    const fs = checkAlignment(en, ko, BEADS, COVER);
    expect(render(fs)).to.deep.equal([]);
  });

  it('finds a dropped clause that leaves a sentence far too short', () => {
    const ko = withKo(2, '양측은 정보 공유를 강화하기로 합의하였다. 양측은 북한이 2023년 1월 이후 30여 차례 발사를 감행하였다는 점에 주목하였다.');
    const en = EN.map((t, i) => (i === 2
      ? 'The two sides condemned the DPRK\'s launches of ballistic missiles this year, expressed grave concern over its deepening military cooperation with Russia, and agreed to strengthen information sharing. They noted that the DPRK has conducted more than 30 launches since January 2023.'
      : t));
    expect(render(checkAlignment(en, ko, BEADS, COVER))).to.deep.equal(['warning omission 2/2']);
  });

  it('recognises editorial markers', () => {
    for (const m of ['[…]', '(중략)', '...', '[영문 전문 보기]', '[See the full English text]']) expect(isMarker(m), m).to.equal(true);
    expect(isMarker('양측은 합의하였다.')).to.equal(false);
  });

  it('aligns sentences by length, leaving a sentence without partner alone', () => {
    const m = lengthModel([[100, 40], [200, 80], [150, 60]], 0.12);
    expect(m.mu).to.be.closeTo(Math.log(70 / 160), 0.05);
    const beads = alignSentenceLengths([100, 200, 150], [40, 60], m);
    expect(beads.map(([a, b]) => `${a}|${b}`)).to.deep.equal(['0|0', '1|', '2|1']);
  });
});
