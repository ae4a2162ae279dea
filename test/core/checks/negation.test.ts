import { expect } from 'chai';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { render } from './helpers.ts';

/** One paragraph pair (or a few, bead by bead), the negation check alone. */
const check = (en: string[], ko: string[]) =>
  checkAlignment(en, ko, en.map((_, i) => ({ src: [i], tgt: [i], confidence: 1 })), { srcLang: 'en', tgtLang: 'ko', checks: ['negation'] });
const one = (en: string, ko: string) => check([en], [ko]);

describe('core/checks negation', () => {
  it('warns when a negated verb has lost its negation, on either side', () => {
    const fs = one('The two sides will not tolerate any provocation.', '양측은 어떠한 도발도 용인할 것이다.');
    expect(render(fs)).to.deep.equal(['warning negation 0/0']);
    expect(fs[0]!.message).to.equal('English negation "not" has no counterpart in Korean: the meaning may be reversed');
    expect(fs[0]!.srcSpans.map((s) => s.span.text)).to.deep.equal(['not']);
    const back = one('The exercise was conducted as planned.', '훈련은 계획대로 실시되지 않았다.');
    expect(render(back)).to.deep.equal(['warning negation 0/0']);
    expect(back[0]!.message).to.equal('Korean negation "않" has no counterpart in English: the meaning may be reversed');
  });

  it('accepts negations rendered as negations, and words that carry one inside them', () => {
    for (const [en, ko] of [
      ['The two sides will not tolerate any provocation.', '양측은 어떠한 도발도 용인하지 않을 것이다.'],
      ['North Korea will never achieve its goals through provocations.', '북한은 도발을 통해 결코 목표를 달성할 수 없을 것이다.'],
      ['The Minister was unable to attend the meeting.', '장관은 회의에 참석하지 못하였다.'],
      ['The allies reaffirmed their unwavering commitment.', '동맹은 흔들림 없는 공약을 재확인하였다.'],
      ['The launch is unacceptable.', '이번 발사는 용납할 수 없는 것이다.'],
      ['There was no change in the plan.', '계획에는 변함이 없었다.'],
      ['The sides agreed to work together without delay.', '양측은 지체 없이 협력하기로 합의하였다.'],
      ['The sides discussed not only security but also economic issues.', '양측은 안보뿐만 아니라 경제 문제도 논의하였다.'],
      ['The sides agreed to hold the meeting no later than June.', '양측은 늦어도 6월까지 회의를 개최하기로 합의하였다.'],
      ['The ROK remains steadfast in its support.', '한국은 변함없이 지지하고 있다.'],
      ['The response drew considerable criticism.', '이번 대응은 적지 않은 비판을 받았다.'],
    ] as const) expect(render(one(en, ko), true), ko).to.deep.equal([]);
  });

  it('reads 안 된다 as a negation, and a negation in the last clause of a Korean sentence or bullet as its verb\'s', () => {
    expect(render(one('The Ministers stressed that North Korea must not conduct another nuclear test.', '양 장관은 북한이 추가 핵실험을 해서는 안 된다고 강조하였다.'), true)).to.deep.equal([]);
    for (const [en, ko] of [
      ['The Ministers stressed that North Korea must conduct another nuclear test.', '양 장관은 북한이 추가 핵실험을 해서는 안 된다고 강조하였다.'],
      ['The United States will withdraw some of its forces from the peninsula.', '미국은 한반도에서 일부 병력을 철수하지 않을 것이라는 점을 분명히 했다.'],
      ['The two Ministers agreed to hold the exercise.', 'ㅇ 양 장관은 연합연습을 실시하지 않기로 합의'],
      ['The ROK notified the United States in advance.', '한국은 미국에 사전에 통보하지 못했다.'],
      ['The two sides agreed not to hold the exercise this year.', '양측은 올해 연습을 실시하기로 합의하였다.'],
      // A defence term with a negative sense (억제, deterrence) does not excuse the flip.
      ['The United States will not reduce its extended deterrence commitment to the ROK.', '미국은 대한민국에 대한 확장억제 공약을 축소할 것이다.'],
    ] as const) expect(render(one(en, ko)), ko).to.deep.equal(['warning negation 0/0']);
    // A negation in a subordinate clause ("…않아 실망했다": because … not) is for review only.
    expect(render(one('He was disappointed that the talks were postponed.', '그는 회담이 열리지 않아 실망했다.'), true)).to.deep.equal(['info negation 0/0']);
  });

  it('takes litotes and fixed phrases for what they say', () => {
    for (const [en, ko] of [
      ['The Alliance has never been stronger.', '동맹은 그 어느 때보다 강력하다.'],
      ['The Ministers condemned the launch.', '양 장관은 이번 발사를 규탄하지 않을 수 없다고 밝혔다.'],
      ['The United States will continue to fully support the ROK.', '미국은 한국에 대한 지원을 아끼지 않을 것이다.'],
      ['The allies will not stand idly by.', '동맹은 단호히 대응할 것이다.'],
      ['The importance of the Alliance cannot be overstated.', '동맹의 중요성을 거듭 강조하였다.'],
      ['No fewer than 19,000 troops took part.', '1만 9천 명 이상의 장병이 참가하였다.'],
      ['The Ministers agreed to remove barriers to defense trade.', '양 장관은 방산 교역의 장애물을 없애기로 합의하였다.'],
    ] as const) expect(render(one(en, ko), true), ko).to.deep.equal([]);
  });

  it('keeps a negation outside a negated verb (a noun phrase, "without") at info', () => {
    const fs = one('The two sides agreed to respond with no delay to any provocation.', '양측은 어떠한 도발에도 신속히 대응하기로 합의하였다.');
    expect(render(fs)).to.deep.equal([]);
    expect(render(fs, true)).to.deep.equal(['info negation 0/0']);
  });

  it('compares sentence by sentence: a negation elsewhere in the paragraph does not excuse a flipped sentence', () => {
    const en = [
      'The two sides did not discuss the date of the next meeting. They agreed to strengthen cooperation on maritime security in the region.',
      'The two Ministers reaffirmed the ironclad commitment of the Alliance to peace on the Korean Peninsula.',
    ];
    const ko = [
      '양측은 차기 회의 일정은 논의하지 않았다. 양측은 역내 해양안보 협력을 강화하지 않기로 합의하였다.',
      '양 장관은 한반도 평화를 위한 동맹의 철통같은 공약을 재확인하였다.',
    ];
    const fs = check(en, ko);
    expect(render(fs)).to.deep.equal(['warning negation 0/0']);
    expect(fs[0]!.tgtSpans.map((s) => s.span.text)).to.deep.equal(['않']);
    expect(fs[0]!.tgtSpans[0]!.span.start).to.be.greaterThan(ko[0]!.indexOf('역내'));
    // Faithful, the same paragraphs raise nothing.
    expect(render(check(en, [ko[0]!.replace('강화하지 않기로', '강화하기로'), ko[1]!]), true)).to.deep.equal([]);
  });
});
