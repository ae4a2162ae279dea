// Tests for server/core/wrap.ts: the hard-wrap reading shared by the splitter and the page reader.
import { expect } from 'chai';
import { columns, cutOpen, fitsAfter, isHardWrapped, isWrappedPage, joinWrappedLines, runsOn, wrapWidth } from '../../server/core/wrap.ts';
import { greedyWrap } from '../greedy-wrap.ts';

describe('core/wrap', () => {
  it('counts display columns, a Hangul syllable, kana or kanji two', () => {
    expect(columns('KIDD')).to.equal(4);
    expect(columns('한미 국방')).to.equal(9);
    expect(columns('日米韓')).to.equal(6);
  });

  it('takes the wrap width from the widest line a wrap may leave, or the third widest', () => {
    const lines = ['a'.repeat(50), 'b'.repeat(40), '가'.repeat(19), 'c'.repeat(30), 'd'.repeat(120)];
    expect(wrapWidth(lines)).to.equal(50);
    expect(wrapWidth(lines, 2)).to.equal(38);
    expect(wrapWidth([])).to.equal(0);
  });

  it('tells a full line from one that left room for the next word', () => {
    expect(fitsAfter('The two sides met', 'in Seoul', 20)).to.equal(true);
    expect(fitsAfter('The two sides met in', 'Seoul', 20)).to.equal(false);
    // Japanese wraps between characters: room for one more, with a column or two to spare.
    expect(fitsAfter('日米韓', '防衛', 10)).to.equal(true);
    expect(fitsAfter('日米韓防', '衛', 10)).to.equal(false);
  });

  it('sees a line run on at a comma, a function word, a lower-case next line or a Korean particle', () => {
    expect(runsOn('The ministers met in Seoul,', 'Washington', 40)).to.equal(true);
    expect(runsOn('The ministers agreed to hold the', 'next meeting', 40)).to.equal(true);
    expect(runsOn('The ministers met in the', 'The next meeting', 40)).to.equal(false);
    expect(runsOn('양측은 북한의 탄도미사일 발사가', '명백한 위반이라는 데', 40)).to.equal(true);
    expect(runsOn('양측은 회의를 개최하였다.', '다음 회의는', 40)).to.equal(false);
    expect(cutOpen('The ministers agreed to hold the', '- next item', 40, () => false, (t) => t.startsWith('- '))).to.equal(false);
  });

  it('reads the same wrapped paragraphs as wrapped in a clean body and in a page', () => {
    const paras = ['The Republic of Korea and the United States held the 26th Korea-U.S. Integrated Defense Dialogue in Seoul on May 2, 2026, and reviewed the alliance.',
      'The two sides condemned the launch of an intercontinental ballistic missile, which violated multiple resolutions of the UN Security Council.'];
    const lines = paras.flatMap((p) => greedyWrap(p, 40));
    expect(isHardWrapped([lines], () => false)).to.equal(true);
    expect(isWrappedPage(lines, () => true, lines.length, (t) => /[.]$/.test(t), () => false)).to.equal(true);
    expect(isHardWrapped([paras], () => false)).to.equal(false);
    expect(joinWrappedLines(greedyWrap(paras[0]!, 40))).to.equal(paras[0]);
  });
});
