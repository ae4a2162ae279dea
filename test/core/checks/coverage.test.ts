import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseGlossary } from '../../../server/core/glossary.ts';
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

  describe('a paragraph taken for left out whose terms a neighbouring row renders (an abridged translation)', () => {
    // Written for this test: the Korean sums two English paragraphs up in one sentence, and the rows
    // pair the second with it and leave the first out, as an aligner does on abridged text.
    const en = [
      'Joint Press Statement on the 30th Korea-U.S. Integrated Defense Dialogue',
      'The two sides assessed that the DPRK\'s nuclear and missile threats continue to grow, and agreed to maintain a firm combined defense posture.',
      'The United States reaffirmed its commitment to provide extended deterrence to the ROK.',
      'The two sides agreed to hold the next meeting in Seoul.',
    ];
    const ko = [
      '제30차 한미 통합국방협의체 공동언론보도문(요약)',
      '양측은 북한의 핵·미사일 위협을 평가하였으며, 미측은 확장억제 공약을 재확인하였다.',
      '양측은 차기 회의를 서울에서 개최하기로 하였다.',
    ];
    const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));
    const opts = { srcLang: 'en', tgtLang: 'ko', glossary, checks: ['omission', 'addition'] };
    const bead = (s: number[], t: number[]) => ({ src: s, tgt: t, confidence: 1 });

    it('says which row renders it, and names the words found there', () => {
      const fs = checkAlignment(en, ko, [bead([0], [0]), bead([1], []), bead([2], [1]), bead([3], [2])], opts);
      const omission = fs.find((f) => f.check === 'omission' && !f.tgt.length)!;
      expect(omission.src).to.deep.equal([1]);
      expect(omission.message).to.match(/^English paragraph has no counterpart in Korean: "The two sides assessed/);
      expect(omission.message).to.match(/but its .*"DPRK".* are rendered in Korean paragraph 2 \(in the row with English 3, which lacks them\): that row may render this paragraph too$/);
      expect(omission.message).to.not.match(/"ROK"/);
    });

    it('says nothing more when the neighbouring rows render none of its words (a paragraph truly left out)', () => {
      const fs = checkAlignment(en, [ko[0]!, '미측은 확장억제 공약을 재확인하였다.', ko[2]!], [bead([0], [0]), bead([1], []), bead([2], [1]), bead([3], [2])], opts);
      const omission = fs.find((f) => f.check === 'omission' && !f.tgt.length)!;
      expect(omission.message).to.not.match(/that row may render/);
    });

    it('reads an addition the same way round', () => {
      const fs = checkAlignment(ko, en, [bead([0], [0]), bead([], [1]), bead([1], [2]), bead([2], [3])], { ...opts, srcLang: 'ko', tgtLang: 'en' });
      const addition = fs.find((f) => f.check === 'addition' && !f.src.length)!;
      expect(addition.message).to.match(/^English paragraph has no counterpart in Korean: .*are rendered in Korean paragraph 2 \(in the row with English 3, which lacks them\)/);
    });
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

  it('finds a Korean sentence added to an aligned paragraph (a sub-bullet under the item), and not a sentence split in two', () => {
    const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));
    const en = [
      'The two Ministers reaffirmed the ironclad commitment of the Alliance to peace and stability on the Korean Peninsula.',
      'The two sides agreed to strengthen cooperation in space and cyber domains, and to hold the first meeting of the space cooperation working group in the first half of 2026.',
      'The two Ministers also discussed ways to enhance the combined defense posture against North Korean missile threats.',
    ];
    const one = (ko: string[]) => checkAlignment(
      en,
      ['□ 양 장관은 한반도의 평화와 안정을 위한 동맹의 철통같은 공약을 재확인하였다.', ...ko, '□ 양 장관은 또한 북한의 미사일 위협에 대응한 연합방위태세 강화 방안을 논의하였다.'],
      [{ src: [0], tgt: [0], confidence: 1 }, { src: [1], tgt: [1, 2], confidence: 0.9 }, { src: [2], tgt: [3], confidence: 1 }],
      { ...COVER, glossary },
    );
    // The English sentence is long for its Korean, so the sentences pair 1-2 and the sub-bullet is not left alone.
    const fs = one(['□ 양측은 우주 및 사이버 분야 협력을 강화하고, 2026년 상반기에 우주협력실무단 제1차 회의를 개최하기로 합의하였다.', 'ㅇ 국방부는 이를 위해 관계 부처와 긴밀히 협조해 나갈 예정이다.']);
    expect(render(fs)).to.deep.equal(['warning addition 1/2']);
    expect(fs[0]!.message).to.equal('Korean sentence has no counterpart in English: "ㅇ 국방부는 이를 위해 관계 부처와 긴밀히 협조해 나갈 예정이다."');
    // The same sentence written as two Korean ones: each holds some of it.
    expect(render(one(['□ 양측은 우주 및 사이버 분야 협력을 강화하기로 합의하였다.', 'ㅇ 양측은 2026년 상반기에 우주협력실무단 제1차 회의를 개최할 예정이다.']))).to.deep.equal([]);
    // A short sub-bullet (22 characters: short for English, not for Korean) counts, as a list item of its own.
    const item = one(['□ 양측은 우주 및 사이버 분야 협력을 강화하고, 2026년 상반기에 우주협력실무단 제1차 회의를 개최하기로 합의하였다.', 'ㅇ 양 장관은 앞으로도 긴밀히 소통해 나가기로 하였다.']);
    expect(render(item)).to.deep.equal(['warning addition 1/2']);
    expect(item[0]!.message).to.equal('Korean sentence has no counterpart in English: "ㅇ 양 장관은 앞으로도 긴밀히 소통해 나가기로 하였다."');
  });

  it('finds a short Korean sentence of its own (a ministry\'s comment) that the sentences leave alone, not a short heading', () => {
    const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));
    const en = [
      'The two Ministers reaffirmed the ironclad commitment of the Alliance to peace and stability on the Korean Peninsula. They agreed to hold the 56th SCM in Washington, D.C. in 2024.',
      'The Ministers also discussed ways to enhance the combined defense posture against North Korean missile threats.',
    ];
    const check = (added: string) => checkAlignment(
      en,
      [`양 장관은 한반도의 평화와 안정을 위한 동맹의 철통같은 공약을 재확인하였다. 양측은 제56차 SCM을 2024년 워싱턴 D.C.에서 개최하기로 합의하였다. ${added}`, '양 장관은 또한 북한의 미사일 위협에 대응한 연합방위태세 강화 방안을 논의하였다.'],
      en.map((_, i) => ({ src: [i], tgt: [i], confidence: 1 })),
      { ...COVER, glossary },
    );
    // 13 characters of Hangul: short for an English sentence, a whole one in Korean.
    const fs = check('국방부는 이를 높이 평가하였다.');
    expect(render(fs)).to.deep.equal(['warning addition 0/0']);
    expect(fs[0]!.message).to.equal('Korean sentence has no counterpart in English: "국방부는 이를 높이 평가하였다."');
    // A heading (no sentence ending) or a sentence under ten syllables stays quiet.
    expect(render(check('향후 계획'))).to.deep.equal([]);
    expect(render(check('기대가 크다.'))).to.deep.equal([]);
  });

  it('finds a short Japanese sentence of its own on Japanese\'s own scale, not a short heading', () => {
    const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));
    const en = [
      'The two Ministers reaffirmed the ironclad commitment of the Alliance to peace and stability in the Indo-Pacific. They agreed to hold the next meeting in Tokyo in 2027.',
      'The Ministers also discussed ways to enhance deterrence against North Korean missile threats.',
    ];
    const check = (added: string) => checkAlignment(
      en,
      [`両大臣は、インド太平洋の平和と安定に対する同盟の揺るぎないコミットメントを再確認した。両大臣は、2027年に東京で次回会合を開催することで一致した。${added}`, '両大臣は、北朝鮮のミサイルの脅威に対する抑止力を強化する方策についても議論した。'],
      en.map((_, i) => ({ src: [i], tgt: [i], confidence: 1 })),
      { ...COVER, tgtLang: 'ja', glossary },
    );
    // 16 characters: short for an English sentence, a whole one in Japanese.
    const fs = check('防衛省はこれを高く評価している。');
    expect(render(fs)).to.deep.equal(['warning addition 0/0']);
    expect(fs[0]!.message).to.equal('Japanese sentence has no counterpart in English: "防衛省はこれを高く評価している。"');
    // A heading (no sentence ending) or a sentence under eleven characters stays quiet.
    expect(render(check('今後の計画'))).to.deep.equal([]);
    expect(render(check('期待は大きい。'))).to.deep.equal([]);
  });

  it('takes one English sentence written as two Korean ones for a split, not an addition', () => {
    const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));
    const en = [
      'The two Ministers reaffirmed the ironclad commitment of the Alliance to peace and stability on the Korean Peninsula.',
      'The two sides agreed to hold the 56th SCM in Washington, D.C. in 2024, on a date to be determined later.',
      'The Ministers also discussed ways to enhance the combined defense posture against North Korean missile threats.',
    ];
    const ko = [
      '양 장관은 한반도의 평화와 안정을 위한 동맹의 철통같은 공약을 재확인하였다.',
      '양측은 제56차 SCM을 2024년에 개최하기로 합의하였다. 회의는 미국 워싱턴 D.C.에서 개최될 예정이며 구체적인 일자는 추후 정하기로 하였다.',
      '양 장관은 또한 북한의 미사일 위협에 대응한 연합방위태세 강화 방안을 논의하였다.',
    ];
    expect(render(checkAlignment(en, ko, en.map((_, i) => ({ src: [i], tgt: [i], confidence: 1 })), { ...COVER, glossary }))).to.deep.equal([]);
  });

  it('finds a dropped clause that leaves a sentence far too short', () => {
    const ko = withKo(2, '양측은 정보 공유를 강화하기로 합의하였다. 양측은 북한이 2023년 1월 이후 30여 차례 발사를 감행하였다는 점에 주목하였다.');
    const en = EN.map((t, i) => (i === 2
      ? 'The two sides condemned the DPRK\'s launches of ballistic missiles this year, expressed grave concern over its deepening military cooperation with Russia, and agreed to strengthen information sharing. They noted that the DPRK has conducted more than 30 launches since January 2023.'
      : t));
    expect(render(checkAlignment(en, ko, BEADS, COVER))).to.deep.equal(['warning omission 2/2']);
  });

  it('recognises editorial markers', () => {
    for (const m of ['[…]', '(중략)', '...', '[영문 전문 보기]', '[See the full English text]', '(끝)', '以上', '以上。']) expect(isMarker(m), m).to.equal(true);
    expect(isMarker('양측은 합의하였다.')).to.equal(false);
    expect(isMarker('参加者は100名以上。')).to.equal(false);
  });

  it('aligns sentences by length, leaving a sentence without partner alone', () => {
    const m = lengthModel([[100, 40], [200, 80], [150, 60]], 0.12);
    expect(m.mu).to.be.closeTo(Math.log(70 / 160), 0.05);
    const beads = alignSentenceLengths([100, 200, 150], [40, 60], m);
    expect(beads.map(([a, b]) => `${a}|${b}`)).to.deep.equal(['0|0', '1|', '2|1']);
  });
});
