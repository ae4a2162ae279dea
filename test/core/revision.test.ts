import { expect } from 'chai';
import { compareVersions, likeness, REVISED_LIKENESS } from '../../server/core/revision.ts';

describe('core/revision', () => {
  it('measures how alike two paragraphs are, in any script', () => {
    expect(likeness('양측은 협정 서명을 환영하였다.', '양측은 협정 서명을 환영하였다.')).to.equal(1);
    expect(likeness('양측은 협정 서명을 환영하고 주목하였다.', '양측은 협정 서명을 환영하고 평가하였다.')).to.be.above(REVISED_LIKENESS);
    expect(likeness('三閣僚は会談を開催した。', '三閣僚は会談を開催し、歓迎した。')).to.be.above(REVISED_LIKENESS);
    expect(likeness('The Ministers met in Seoul.', '양측은 서울에서 만났다.')).to.equal(0);
  });

  it('tells identical paragraphs from revised ones, and new or removed ones from both', () => {
    const old = ['Title', 'The two sides met in Seoul on May 2.', 'They condemned the launch.', 'They agreed to meet again.'];
    const next = ['Title', 'The two sides met in Seoul on May 3.', 'A paragraph about something else entirely.', 'They condemned the launch.', 'They agreed to meet again next year.'];
    const r = compareVersions(old, next);
    expect([...r.same]).to.deep.equal([[0, 0], [2, 3]]);
    expect([...r.revised]).to.deep.equal([[1, 1], [3, 4]]);
  });

  it('pairs a replaced stretch in order, by likeness, leaving a rewritten paragraph unpaired', () => {
    const old = ['A', 'North Korea launched a ballistic missile on Monday.', 'The allies will hold an exercise.', 'Z'];
    const next = ['A', 'Completely different words here now.', 'North Korea launched two ballistic missiles on Monday.', 'Z'];
    const r = compareVersions(old, next);
    expect([...r.revised]).to.deep.equal([[1, 2]]);
  });
});
