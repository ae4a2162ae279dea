// Tests for the shipped data/glossary.tsv and data/vocabulary.tsv read together, as the aligner reads them
// (glossary first): a term's English and Korean forms must come out as the same cue, and a short Korean
// form must not be read inside unrelated words.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { findGlossaryTerms, parseGlossary, type Glossary } from '../../server/core/glossary.ts';

const read = (f: string) => parseGlossary(readFileSync(new URL(`../../data/${f}`, import.meta.url), 'utf8'));
const glossary = read('glossary.tsv');
const vocabulary = read('vocabulary.tsv');
const both: Glossary = { langs: glossary.langs, terms: [...glossary.terms, ...vocabulary.terms] };

/** The first English form of each term found in `text`. */
const found = (text: string, lang: 'en' | 'ko') => findGlossaryTerms(text, lang, both).map((h) => both.terms[h.termIndex]!.terms['en']![0]);
/** Whether the English and the Korean text yield the same single term. */
const same = (en: string, ko: string) => {
  const e = found(en, 'en'), k = found(ko, 'ko');
  expect(e, en).to.have.length(1);
  expect(k, ko).to.deep.equal(e);
};

describe('core/glossary: the shipped glossary and vocabulary together', () => {
  it('reads the spellings of the alliance and of country pairs on both sides as one term', () => {
    same('the U.S.-Korea Alliance', '한미 동맹');
    same('the Korea-U.S. Alliance', '한·미동맹');
    same('U.S.-ROK', '한미');
    same('Korea-Japan', '한·일');
    same('Japan-U.S.-ROK', '한·미·일');
  });

  it('reads a press secretary as a spokesperson, not as a minister', () => {
    same('the Press Secretary', '대변인');
  });

  it('reads a State Department media note, a press release and a readout alike as 보도자료', () => {
    // One term: 보도자료 in two terms would be read as the first only, leaving "press release" unpaired.
    for (const en of ['MEDIA NOTE', 'press release', 'a readout']) same(en, '보도자료');
  });

  it('pairs terms of health, space, heritage, speeches, technology and trade', () => {
    for (const [en, ko] of [
      ['dementia', '치매'], ['pandemic preparedness', '감염병 대비'], ['health security', '보건안보'],
      ['earth observation', '지구관측'], ['space situational awareness', '우주상황인식'], ['launch vehicles', '발사체'],
      ['cultural property', '문화재'], ['artifacts', '유물'], ['special exhibition', '특별전'],
      ['young leaders', '청년 리더'], ['reporters', '기자'], ['interpretation', '통역'], ['answers', '답변'],
      ['cybersecurity', '사이버보안'], ['export controls', '수출통제'], ['personal information', '개인정보'],
      ['chips', '반도체'], ['icebreakers', '쇄빙선'], ['job seekers', '구직자'],
    ]) same(en!, ko!);
  });

  it('reads a longer Korean word as itself, not as the shorter term inside it', () => {
    same('Rodong Sinmun', '노동신문은'); // not "labor"
    same('lunar exploration', '달 탐사');
    expect(found('달러와 전달', 'ko')).to.not.include('lunar');
    expect(found('시청자들이', 'ko')).to.deep.equal([]);
  });
});
