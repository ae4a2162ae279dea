import { expect } from 'chai';
import { CHECKS, checkAlignment } from '../../../server/core/checks/index.ts';
import { InputError } from '../../../server/core/types.ts';
import { BEADS, EN, KO, OPTS, withKo } from './fixture.ts';
import { render } from './helpers.ts';

describe('core/checks #checkAlignment', () => {
  it('reports no error or warning on a faithful pair', () => {
    expect(render(checkAlignment(EN, KO, BEADS, OPTS))).to.deep.equal([]);
  });

  it('orders findings by paragraph, then by check, and restricts to the requested checks', () => {
    const ko = withKo(4, KO[4]!.replace('2024년 하반기', '2025년 하반기').replace('두 차례', '세 차례'));
    const ko2 = ko.map((t, i) => (i === 1 ? t.replace('18일', '17일') : t));
    expect(render(checkAlignment(EN, ko2, BEADS, OPTS))).to.deep.equal(['error dates 1/1', 'warning numbers 4/4', 'error dates 4/4']);
    expect(render(checkAlignment(EN, ko2, BEADS, { ...OPTS, checks: ['numbers'] }))).to.deep.equal(['warning numbers 4/4']);
    expect(CHECKS.indexOf('numbers')).to.be.lessThan(CHECKS.indexOf('dates'));
  });

  it('gives every finding spans inside its own paragraphs and a key without offsets', () => {
    const ko = withKo(1, KO[1]!.replace('18일', '17일'));
    for (const f of checkAlignment(EN, ko, BEADS, OPTS)) {
      for (const s of f.srcSpans) expect(EN[s.paragraph]!.slice(s.span.start, s.span.end)).to.equal(s.span.text);
      for (const s of f.tgtSpans) expect(ko[s.paragraph]!.slice(s.span.start, s.span.end)).to.equal(s.span.text);
      expect(f.key).to.match(new RegExp(`^${f.check}:`));
      expect(f.key).not.to.match(/\d+-\d+:\d/);
    }
  });

  it('spans a bead with several paragraphs and maps offsets back to each', () => {
    const ko = [...KO.slice(0, 2), '양측은 올해 북한의 탄도미사일 발사를 규탄하고, 정보 공유를 강화하기로 합의하였다.', '양측은 북한이 2023년 1월 이후 20여 차례 발사를 감행하였다는 점에 주목하였다.', ...KO.slice(3)];
    const beads = [BEADS[0]!, BEADS[1]!, { src: [2], tgt: [2, 3], confidence: 0.8 }, ...EN.slice(3).map((_, i) => ({ src: [i + 3], tgt: [i + 4], confidence: 0.9 }))];
    const fs = checkAlignment(EN, ko, beads, { ...OPTS, checks: ['numbers'] }).filter((f) => f.severity !== 'info');
    expect(render(fs)).to.deep.equal(['error numbers 2/3']);
    expect(fs[0]!.tgtSpans[0]).to.deep.equal({ paragraph: 3, span: { start: ko[3]!.indexOf('20여'), end: ko[3]!.indexOf('20여') + 2, text: '20' } });
  });

  it('is deterministic', () => {
    const ko = withKo(3, KO[3]!.replace('5.2%', '2.5%'));
    expect(checkAlignment(EN, ko, BEADS, OPTS)).to.deep.equal(checkAlignment(EN, ko, BEADS, OPTS));
  });

  it('rejects unknown checks and bead indices outside the texts', () => {
    expect(() => checkAlignment(EN, KO, BEADS, { ...OPTS, checks: ['spelling'] })).to.throw(InputError, /unknown check "spelling"/);
    expect(() => checkAlignment(EN, KO, [{ src: [0], tgt: [9], confidence: 1 }], OPTS)).to.throw(InputError, /bead 0 has tgt index 9/);
  });

  it('uses language codes only as parameters (a Japanese target gets the language-neutral checks)', () => {
    const fs = checkAlignment(['The meeting was held on June 26, 2025.'], ['会議は2025年6月27日に開催された。'], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ja' });
    expect(render(fs)).to.deep.equal(['error dates 0/0']);
    expect(fs[0]!.message).to.equal('Date June 26, 2025 does not match Japanese 2025年6月27日');
  });
});
