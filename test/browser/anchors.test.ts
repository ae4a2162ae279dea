// Unit tests for web/anchors.ts: anchor extraction, row matching, glossary names and the piece splitter (Node, no browser).
import { expect } from 'chai';
import { buildNameIndex, findAnchors, isShared, pieces, rowAnchors } from '../../web/anchors.ts';

const keys = (text: string, lang: string): string[] => findAnchors(text, lang).map((a) => a.key);

describe('web/anchors', () => {
  it('finds dates, numbers with their scale, ordinals, months and acronyms as the checks do, in English and Korean alike', () => {
    expect(keys('On September 22, 2025, the ROK and the U.S. pledged $1,500.5 million for 26th KIDD.', 'en')).to.deep.equal(['d:2025-09-22', 'a:ROK', 'a:US', 'n:1500500000', 'o:26', 'a:KIDD']);
    expect(keys('2025년 9월 22일 제26차 한미 통합국방협의체(KIDD) 회의', 'ko')).to.deep.equal(['d:2025-09-22', 'o:26', 'a:KIDD']);
    expect(keys('Talks resumed in Sept. and ended in May.', 'en')).to.deep.equal(['m:9', 'm:5']);
    // A figure written with a scale word and its Korean in 억, an ordinal word and 제N차: the same keys.
    expect(keys('The allies pledged $3.2 billion for the Third meeting.', 'en')).to.deep.equal(['n:3200000000', 'o:3']);
    expect(keys('동맹은 제3차 회의를 위해 32억 달러를 약속하였다.', 'ko')).to.deep.equal(['o:3', 'n:3200000000']);
    // Spans point at the text they cover.
    const text = '양측은 KIDD를 개최하였다';
    const [a] = findAnchors(text, 'ko');
    expect(text.slice(a!.start, a!.end)).to.equal('KIDD');
  });

  it('marks keys shared by both sides of a row and leaves one-sided ones out; a day matches with or without its year', () => {
    const r = rowAnchors(['The DPRK fired 3 missiles on August 14.'], ['북한은 8월 14일 미사일 2발을 발사하였다.'], { src: 'en', tgt: 'ko' });
    expect([...r.shared].sort()).to.deep.equal(['d:--08-14', 'md:08-14']);
    const year = rowAnchors(['The DPRK fired missiles on August 14, 2025.'], ['북한은 8월 14일 미사일을 발사하였다.'], { src: 'en', tgt: 'ko' });
    expect(isShared(year.src[0]![1]!, year.shared) && isShared(year.tgt[0]![0]!, year.shared)).to.equal(true);
    // A range's year, read on its own in English, is the Korean date's.
    const range = rowAnchors(['The talks were held on September 22-23, 2025.'], ['회담은 2025년 9월 22일부터 23일까지 열렸다.'], { src: 'en', tgt: 'ko' });
    expect(range.src[0]!.every((a) => isShared(a, range.shared)), JSON.stringify(range)).to.equal(true);
    expect(r.src[0]!.map((a) => a.key)).to.include.members(['a:DPRK', 'n:3']);
    expect(r.tgt[0]!.map((a) => a.key)).to.include('n:2');
  });

  it('matches glossary names across languages, longest variant first, and skips one-character variants', () => {
    const names = buildNameIndex(
      [
        { id: 1, terms: { en: ['Republic of Korea', 'ROK', 'Korea'], ko: ['대한민국', '한국', '한'] } },
        { id: 2, terms: { en: ['United States', 'U.S.'], ko: ['미국'] } },
        { id: 3, terms: { en: ['deterrence'], ko: ['억제'] } },
        { id: 4, terms: { en: ['Ministry of National Defense', 'MND'], ko: ['국방부'] } },
        { id: 5, terms: { en: ['Department of Defense', 'DoD'], ko: ['국방부', '미 국방부'] } },
        { id: 6, terms: { en: ['UN Security Council resolutions'], ko: ['유엔 안보리 결의'] } },
        { id: 7, terms: { en: ['UN Security Council', 'UNSC'], ko: ['유엔 안전보장이사회'] } },
      ],
      ['en', 'ko'],
    );
    const r = rowAnchors(['The Republic of Korea and the U.S. discussed deterrence.'], ['한국과 미국은 억제 방안을 논의하였다.'], { src: 'en', tgt: 'ko' }, names);
    expect(r.src[0]!.map((a) => a.key)).to.deep.equal(['g:1', 'g:2']);
    expect(r.tgt[0]!.map((a) => a.key)).to.deep.equal(['g:1', 'g:2']);
    expect([...r.shared].sort()).to.deep.equal(['g:1', 'g:2']);
    // 국방부 belongs to two entries; either English name matches it.
    const dod = rowAnchors(['The Department of Defense'], ['국방부는'], { src: 'en', tgt: 'ko' }, names);
    expect(dod.shared.has('g:5')).to.equal(true);
    expect(isShared(dod.tgt[0]![0]!, dod.shared)).to.equal(true);
    // The longest English name wins the span but still matches the shorter entry on the other side.
    const unsc = rowAnchors(['violated UN Security Council resolutions'], ['유엔 안전보장이사회 결의를 위반한'], { src: 'en', tgt: 'ko' }, names);
    expect(unsc.src[0]!.map((a) => [a.key, a.alt])).to.deep.equal([['g:6', ['g:7']]]);
    expect(isShared(unsc.src[0]![0]!, unsc.shared)).to.equal(true);
    // "Korean" is not "Korea", and the one-syllable 한 does not match inside 한반도.
    expect(rowAnchors(['Korean peninsula'], ['한반도'], { src: 'en', tgt: 'ko' }, names).tgt[0]).to.deep.equal([]);
    expect(rowAnchors(['Korean peninsula'], [], { src: 'en', tgt: 'ko' }, names).src[0]).to.deep.equal([]);
  });

  it('cuts text into pieces at anchor and mark boundaries, dropping overlaps and stale spans', () => {
    const text = 'Seoul, 2025 KIDD';
    const out = pieces(text, [{ start: 7, end: 11, ref: 0 }, { start: 12, end: 16, ref: 1 }], [{ start: 10, end: 16, ref: 0 }, { start: 12, end: 40, ref: 1 }]);
    expect(out.map((p) => p.text).join('')).to.equal(text);
    expect(out).to.deep.equal([
      { text: 'Seoul, ', anchor: null, mark: null },
      { text: '202', anchor: 0, mark: null },
      { text: '5', anchor: 0, mark: 0 },
      { text: ' ', anchor: null, mark: 0 },
      { text: 'KIDD', anchor: 1, mark: 0 },
    ]);
    expect(pieces('abc', [], [])).to.deep.equal([{ text: 'abc', anchor: null, mark: null }]);
  });
});
