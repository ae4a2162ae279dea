// Tests for server/core/wrap.ts: the hard-wrap reading shared by the splitter and the page reader.
import { expect } from 'chai';
import { carriesDash, columns, cutOpen, fitsAfter, inTitleCase, isHardWrapped, isWrappedPage, joinWrappedLines, latinWords, paragraphStarts, runsOn, sentenceOpener, wrappedTitle, wrappedTitleLines, wrapWidth, type WrapReading } from '../../server/core/wrap.ts';
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

  it('sees a name go on after a dotted acronym, not a sentence that opens after one', () => {
    expect(runsOn('The Ministry of National Defense and the U.S.', 'Department of Defense held the dialogue', 60)).to.equal(true);
    expect(runsOn('The dialogue was held in the U.S.', 'The two sides met again', 60)).to.equal(false);
    // Before a lower-case word, a dotted acronym or a plural's apostrophe ends no sentence.
    expect(runsOn('The Secretary reaffirmed the ironclad U.S.', 'commitment to the defense of the ROK', 60)).to.equal(true);
    expect(runsOn('The deputies met in Washington to prepare the leaders’', 'summit in April.', 60)).to.equal(true);
    expect(runsOn('The deputies met in Washington to prepare the leaders’', 'The summit opens in April.', 60)).to.equal(false);
  });

  it('names how a sentence opens: two English words, or Korean words up to the topic', () => {
    expect(sentenceOpener('The two sides condemned the launch')).to.equal('the two');
    expect(sentenceOpener('The co-chairs agreed to hold')).to.equal('the co-chairs');
    expect(sentenceOpener('양측은 북한의 최근 탄도미사일 발사가')).to.equal('양측은');
    expect(sentenceOpener('오스틴 장관과 이 장관은 인도태평양 안보 환경에')).to.equal('오스틴 장관과 이 장관은');
    // No topic within four words, a lower-case or numbered line, a line of two words: no opener.
    expect(sentenceOpener('아울러 추가 도발 가능성에 대비하여')).to.equal(null);
    expect(sentenceOpener('sides condemned the launch')).to.equal(null);
    expect(sentenceOpener('2027. The two')).to.equal(null);
    expect(sentenceOpener('The two')).to.equal(null);
  });

  it('tells a dash a wrap carried over from "A - B" from a sub-item\'s', () => {
    const line = '□ 양측은 확장억제의 실행력 제고를 위해 한미 핵협의그룹(NCG)';
    expect(carriesDash(line, '- 한미 억제전략위원회(DSC) 간 연계를', columns(line))).to.equal(true);
    expect(carriesDash(line, '- 한미 억제전략위원회(DSC) 간 연계를', columns(line) + 6)).to.equal(false);
    // Hanging under an indent, the line is as wide as the indent and its text.
    expect(carriesDash(line, '- 한미', columns(line) + 2, 2)).to.equal(true);
    for (const ends of ['ㅇ 양측은 대응 방안을 협의하였다.', 'ㅇ 양측은 다음과 같이 합의:', 'ㅇ 차기 회의는 내년 워싱턴에서 개최 예정'])
      expect(carriesDash(ends, '- 한미', columns(ends)), ends).to.equal(false);
    expect(carriesDash(line, '-3°C', columns(line))).to.equal(false);
    const en = '- Expanding people-to-people exchanges between the two nations';
    expect(carriesDash(en, '- Strengthening cooperation in space', columns(en))).to.equal(false);
    expect(carriesDash('The ministers met in Seoul', '- the first meeting since 2019 -', 26)).to.equal(true);
  });

  it('tells English title case from a sentence', () => {
    expect(inTitleCase("Readout of Secretary Austin's Meeting With Republic of Korea")).to.equal(true);
    expect(inTitleCase('Joint Press Statement for the 17th Korea-U.S. Integrated')).to.equal(true);
    expect(inTitleCase('Defense Dialogue (KIDD)')).to.equal(true);
    expect(inTitleCase('Secretary of Defense Lloyd J. Austin III met with Republic')).to.equal(false);
    expect(inTitleCase('of the')).to.equal(false);
    expect(inTitleCase('한미 국방장관 회담')).to.equal(false);
  });

  it('finds a wrapped title as the first lines in title case, ended where a title may end', () => {
    // The body's first line may be in title case too; the title ends on the line before it that may end one.
    expect(wrappedTitleLines(['Joint Press Statement for the 17th Korea-U.S. Integrated Defense Dialogue (KIDD)',
      'The U.S. Department of Defense and the Republic of Korea (ROK) Ministry of',
      'National Defense held the 17th Korea-U.S. Integrated Defense Dialogue (KIDD) by'], 80)).to.equal(1);
    // Not on a small word ("…Meeting With"); where a line leaves room for the next word, the title ended.
    expect(wrappedTitleLines(["Readout of Secretary Austin's Meeting With", 'Republic of Korea Minister of National Defense',
      'Secretary Austin met the Minister today in Singapore to reaffirm', 'the strength of the alliance.'], 64)).to.equal(2);
    expect(wrappedTitleLines(['Joint Press Statement for the 17th Korea-U.S. Integrated', 'Defense Dialogue (KIDD)',
      'The U.S. Department of Defense and the Republic of Korea', '(ROK) Ministry of National Defense held the 17th Korea-U.S.'], 60)).to.equal(2);
    // A date row is no piece of a title; lines all in title case are a title alone.
    expect(wrappedTitleLines(['Joint Statement on the Trilateral Defense Ministers Meeting Held', 'November 14, 2025', 'The Ministers met in Washington.'], 64)).to.equal(1);
    expect(wrappedTitleLines(['Joint Statement on the Trilateral', 'Defense Ministers Meeting'], 40)).to.equal(0);
    expect(wrappedTitleLines(['The two sides met in Seoul and agreed to', 'hold the next meeting in Washington.'], 40)).to.equal(0);
  });

  it('takes a first line in title case that opens as a sentence does and runs full into the next for the body, not a title', () => {
    // At 40 columns the body's first line holds only capitalised words and small ones.
    const body = ['The Republic of Korea and the United', 'States held the 28th Korea-U.S.', 'Integrated Defense Dialogue in Seoul on', 'March 4, 2027.'];
    expect(inTitleCase(body[0]!)).to.equal(true);
    expect(wrappedTitle(body, 40, () => false)).to.deep.equal({ end: -1, titleCase: 0 });
    // A title that leaves room for the next line's first word is one, whatever it opens with.
    expect(wrappedTitle(['The Alliance at Seventy', 'The two ministers met in Seoul on Tuesday', 'and reviewed the alliance.'], 44, () => false).end).to.equal(0);
    expect(wrappedTitle(['Joint Statement on the Trilateral Defense', 'Ministers Meeting', 'The ministers met in Washington on Friday.', 'They reviewed the alliance.'], 44, () => false).end).to.equal(1);
  });

  describe('paragraphStarts', () => {
    const reading = (lines: readonly string[], over: Partial<WrapReading> = {}): WrapReading => ({
      wrapped: true, blankLines: false, width: wrapWidth(lines), chars: Math.max(...lines.map((l) => l.length)),
      indents: lines.map(() => 0), rawWidth: wrapWidth(lines), opensItem: (l) => /^(?:[-ㅇ□]) /.test(l),
      openings: new Map(), oneSentence: false, title: { end: -1, titleCase: 0 }, wordsOf: () => latinWords(lines.join(' ')), ...over,
    });
    const opened = (lines: readonly string[], over: Partial<WrapReading> = {}) =>
      paragraphStarts(lines, reading(lines, over)).flatMap((s, i) => (s ? [i] : []));

    it('opens a paragraph after a line that left room for the next word, and where a line visibly runs on, not', () => {
      const lines = ['The two sides condemned the launch of an intercontinental', 'ballistic missile by the North.', 'The two sides agreed to hold the next',
        'dialogue in Seoul in the first half of 2027.'];
      expect(opened(lines)).to.deep.equal([0, 2]);
      // Not wrapped: a line a paragraph.
      expect(opened(lines, { wrapped: false })).to.deep.equal([0, 1, 2, 3]);
    });

    it('opens one after a full line ending a sentence before the text\'s usual paragraph opening, or after a colon', () => {
      const lines = ['The dialogue was co-chaired by the ROK Deputy Minister for Policy.', 'The two sides condemned the recent launches of ballistic missiles.'];
      expect(opened(lines)).to.deep.equal([0]);
      expect(opened(lines, { openings: new Map([['the two', { paragraphs: 2, inside: 0 }]]) })).to.deep.equal([0, 1]);
      expect(opened(lines, { openings: new Map([['the two', { paragraphs: 2, inside: 2 }]]) })).to.deep.equal([0]);
      expect(opened(['The following joint press statement was released by the ministries:', 'The Republic of Korea and the United States held the 27th dialogue'])).to.deep.equal([0, 1]);
    });

    it('keeps a list item whole: a carried-over dash, a hanging line, a full line stopping mid-phrase', () => {
      const dash = ['□ 양측은 확장억제의 실행력 제고를 위해 한미 핵협의그룹(NCG)', '- 한미 억제전략위원회(DSC) 간 연계를 강화하기로 합의'];
      expect(opened(dash)).to.deep.equal([0]);
      expect(opened(dash, { wrapped: false })).to.deep.equal([0, 1]);
      // An item's lines stay together in a text not read as wrapped too (a text of few items shows too few lines to be).
      const hanging = ['ㅇ 양측은 전작권 전환을 위한 조건의 충족 상태를 평가하고 그 결과를 내년', '안보협의회의에 보고하기로 하였다.', 'ㅇ 차기 회의는 내년 상반기 개최 예정'];
      // (The next word would have fitted after "…내년" at 90 columns: only the hanging indent tells.)
      expect(opened(hanging, { wrapped: false, width: 90, indents: [0, 2, 0], rawWidth: wrapWidth(hanging) + 2 })).to.deep.equal([0, 2]);
      expect(opened(hanging, { wrapped: false, width: 90 })).to.deep.equal([0, 1, 2]);
      const full = ['ㅇ 양측은 북한의 핵·미사일 위협에 대한 평가를 공유하고 확장억제의 실행력을 높이기', '위한 방안을 협의', 'ㅇ 차기 회의는 내년 상반기 개최 예정'];
      expect(opened(full, { wrapped: false })).to.deep.equal([0, 2]);
      // (Where the next word would have fitted, the line was no full one.)
      expect(opened(full, { wrapped: false, width: 200 })).to.deep.equal([0, 1, 2]);
    });

    it('on a page, asks the page reader whether a line runs on, and keeps the colon and list-item rules, not the heading rule', () => {
      // The page reader's own test says every line here runs on (a cut near the width on no stop).
      const page = { runsInto: () => true };
      const colon = ['The following joint statement was released by the two ministries:', 'The Republic of Korea and the United States held the 27th dialogue', 'in Seoul.'];
      expect(opened(colon, { page })).to.deep.equal([0, 1]);
      expect(opened(colon, { page: { runsInto: () => false } })).to.deep.equal([0, 1, 2]);
      const dash = ['□ 양측은 확장억제의 실행력 제고를 위해 한미 핵협의그룹(NCG)', '- 한미 억제전략위원회(DSC) 간 연계를 강화하기로 합의'];
      expect(opened(dash, { page: { runsInto: () => false } })).to.deep.equal([0]);
      // A title's short last line over the body is no heading there: the page reader finds its title itself.
      const title = ['Joint Statement on the Fifth Meeting of the U.S.-ROK Nuclear', 'Consultative Group', 'The United States and the Republic of Korea held the fifth meeting'];
      expect(opened(title)).to.deep.equal([0, 1, 2]);
      expect(opened(title, { page: { runsInto: (i) => i === 0 } })).to.deep.equal([0, 2]);
    });
  });
});
