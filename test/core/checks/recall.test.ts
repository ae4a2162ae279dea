// Recall improvements of the difference checks: reverse terminology, decisions, stray names, lone ones, dropped sentences.
import { expect } from 'chai';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { latinNameIn, latinNameWords } from '../../../server/core/checks/names.ts';
import { BEADS, EN, OPTS, withKo } from './fixture.ts';
import { render } from './helpers.ts';

const one = (en: string, ko: string, check: string) =>
  checkAlignment([en], [ko], [{ src: [0], tgt: [0], confidence: 1 }], { ...OPTS, checks: [check] });

describe('core/checks recall: terminology seen from the Korean side', () => {
  it('warns when the Korean names a body the English document never mentions', () => {
    const fs = one('The two sides reviewed the combined defense posture.', '양측은 억제전략위원회에서 연합방위태세를 점검하였다.', 'terminology');
    expect(render(fs)).to.deep.equal(['warning terminology 0/0']);
    expect(fs[0]!.key).to.equal('terminology:tgt:억제전략위원회');
  });

  it('keeps it at info when the English paraphrases the body or the term sits inside a compound', () => {
    // "the committee on deterrence strategy" carries the listed words in another order.
    expect(render(one('They met at the committee on deterrence strategy.', '양측은 억제전략위원회에서 만났다.', 'terminology'))).to.deep.equal([]);
    expect(render(one('They met the chair of the planning body.', '양측은 억제전략위원회장과 만났다.', 'terminology'))).to.deep.equal([]);
    expect(render(one('They met the chair of the planning body.', '양측은 억제전략위원회장과 만났다.', 'terminology'), true)).to.deep.equal(['info terminology 0/0']);
  });
});

describe('core/checks recall: modality', () => {
  it('counts "decision" as a strong cue', () => {
    const en = 'The ministers welcomed his decision to extend the programme.';
    expect(render(one(en, '장관들은 프로그램을 연장하기로 한 그의 결정을 환영하였다.', 'modality'))).to.deep.equal([]);
    expect(render(one(en, '장관들은 그가 프로그램 연장을 검토한 것을 환영하였다.', 'modality'))).to.deep.equal(['warning modality 0/0']);
  });
});

describe('core/checks recall: names', () => {
  it('finds English name words and their transliterations, also at the end of a compound', () => {
    const text = 'Moreau said Iraq missed the Wednesday deadline. The Alliance Deterrence Forum met in Oslo.';
    expect(latinNameWords(text, 'en', OPTS.glossary).map((h) => text.slice(h.start, h.end))).to.deep.equal(['Moreau', 'Iraq', 'Forum', 'Oslo']);
    expect(latinNameIn('Forum', '제7차 동맹억제포럼을 개최하였다')).to.equal(true);
    expect(latinNameIn('Philippines', '필리핀에 비상 착륙했다')).to.equal(true);
    expect(latinNameIn('Internet', '행위가 모니터링되고 있다')).to.equal(false);
  });

  it('reports a swapped name the English gives outside any title pattern', () => {
    const en = 'Professor Hartwell says the plan cannot work without allies.';
    expect(render(one(en, '하트웰 교수는 동맹국 없이는 그 계획이 효과가 없다고 말한다.', 'names'))).to.deep.equal([]);
    const fs = one(en, '김민호 교수는 동맹국 없이는 그 계획이 효과가 없다고 말한다.', 'names');
    expect(render(fs)).to.deep.equal(['error names 0/0']);
    expect(fs[0]!.message).to.equal('Name Hartwell does not match Korean 김민호');
  });
});

describe('core/checks recall: numbers', () => {
  it('keeps a lone 1 at info: English says it with an article', () => {
    expect(render(one('A soldier was injured in the blast.', '폭발로 군인 1명이 부상했다.', 'numbers'))).to.deep.equal([]);
    expect(render(one('A soldier was injured in the blast.', '폭발로 군인 3명이 부상했다.', 'numbers'))).to.deep.equal(['warning numbers 0/0']);
  });
});

describe('core/checks recall: dropped sentences', () => {
  const COVER = { ...OPTS, checks: ['omission', 'addition', 'length'] };
  const en = [...EN];
  en[4] = 'Minister Halvorsen met Ambassador Quimby in Trondheim to review preparations for the exercise. '
    + 'They agreed to hold the exercise in the second half of 2024. Halvorsen later travelled to Bergen and Stavanger to visit the naval bases there.';
  const ko = withKo(4, '할보르센 장관은 트론헤임에서 퀸비 대사를 만나 연습 준비 상황을 점검하였다. '
    + '양측은 2024년 하반기에 연습을 실시하기로 합의하였다. 할보르센 장관은 이후 베르겐과 스타방에르를 방문하여 해군기지를 둘러보았다.');

  it('finds nothing on the faithful paragraph', () => {
    expect(render(checkAlignment(en, ko, BEADS, COVER))).to.deep.equal([]);
  });

  it('finds a dropped sentence whose names are nowhere in the Korean', () => {
    const cut = withKo(4, ko[4]!.split('. ').slice(0, 2).join('. ') + '.');
    const fs = checkAlignment(en, cut, BEADS, COVER);
    expect(render(fs).filter((r) => r.startsWith('warning omission'))).to.deep.equal(['warning omission 4/4']);
    expect(fs.find((f) => f.check === 'omission')!.srcSpans[0]!.span.text).to.match(/^Halvorsen later travelled/);
  });

  it('finds a dropped sentence merged into its neighbour when the rest fits without it', () => {
    const cut = withKo(4, ko[4]!.split('. ').filter((_, i) => i !== 0).join('. '));
    const fs = checkAlignment(en, cut, BEADS, COVER);
    expect(render(fs).filter((r) => r.startsWith('warning omission'))).to.deep.equal(['warning omission 4/4']);
    expect(fs.find((f) => f.check === 'omission')!.srcSpans[0]!.span.text).to.match(/^Minister Halvorsen met/);
  });
});
