import { expect } from 'chai';
import { assertLanguage, baseLanguage, isNamedLanguage, languageProblem } from '../../server/core/lang.ts';
import { InputError } from '../../server/core/types.ts';
import { parseGlossary } from '../../server/core/glossary.ts';

describe('core/lang', () => {
  it('takes the ISO 639 codes of real languages, with or without subtags', () => {
    for (const code of ['en', 'ko', 'ja', 'zh', 'fr', 'mn', 'fil', 'tl', 'no', 'ja-JP', 'zh-Hant', 'en-US']) expect(languageProblem(code), code).to.equal(null);
    // ISO 639-3 codes the ICU data has no name for are real languages too: Jeju, Middle Korean, Korean Sign Language.
    for (const code of ['jje', 'okm', 'kvk']) expect(languageProblem(code), code).to.equal(null);
  });

  it('refuses codes that name no language, and says which', () => {
    expect(languageProblem('xx')).to.equal('"xx" is not a known language code (ISO 639, such as en, ko or ja)');
    expect(languageProblem('qq')).to.match(/"qq" is not a known language code/);
    expect(languageProblem('zz-ZZ')).to.match(/"zz-ZZ" is not a known language code/);
    for (const code of ['und', 'mul', 'zxx', 'mis', 'qaa', 'qtz']) expect(languageProblem(code), code).to.equal(`"${code}" names no particular language`);
    for (const code of ['', 'EN', 'k o', 'english', 'en_US', 'e']) expect(languageProblem(code), code).to.match(/is not a language code \(such as en, ko or ja\)/);
  });

  it('refuses a three-letter code where the language has a two-letter one, naming it', () => {
    expect(languageProblem('kor')).to.equal('"kor" is written "ko" (the ISO 639-1 code of Korean)');
    expect(languageProblem('eng')).to.equal('"eng" is written "en" (the ISO 639-1 code of English)');
    expect(languageProblem('jpn-JP')).to.match(/"jpn" is written "ja"/);
    // Two-letter codes ISO 639-1 withdrew, which would make Hebrew or Indonesian a second language.
    expect(languageProblem('iw')).to.equal('"iw" is written "he" (the ISO 639-1 code of Hebrew)');
    expect(languageProblem('in')).to.match(/"in" is written "id"/);
    // Languages with no two-letter code keep their three letters.
    expect(languageProblem('fil')).to.equal(null);
  });

  it('refuses subtags where only a bare code is stored', () => {
    expect(languageProblem('ja-JP', false)).to.equal('"ja-JP": give the bare language code here ("ja")');
    expect(languageProblem('ja', false)).to.equal(null);
    expect(() => assertLanguage('ko-KR', false)).to.throw(InputError, /"ko-KR": give the bare language code here \("ko"\)/);
    expect(() => assertLanguage('ko-KR')).not.to.throw();
  });

  it('names one language by one code, whatever tag or older code a text carries', () => {
    expect(['ko', 'ko-KR', 'kor', 'KO-kr'].map(baseLanguage)).to.deep.equal(['ko', 'ko', 'ko', 'ko']);
    expect(['iw', 'he-IL', 'ja-JP', 'jje', 'fil'].map(baseLanguage)).to.deep.equal(['he', 'he', 'ja', 'jje', 'fil']);
  });

  it('is what a glossary file\'s header is checked with', () => {
    expect(() => parseGlossary('en\txx\nalliance\t동맹\n')).to.throw(InputError, /^glossary line 1: "xx" is not a known language code/);
    expect(() => parseGlossary('en\tkor\nalliance\t동맹\n')).to.throw(InputError, /^glossary line 1: "kor" is written "ko"/);
    expect(parseGlossary('en\tko\tja\nalliance\t동맹\t同盟\n').langs).to.deep.equal(['en', 'ko', 'ja']);
  });

  it('reads a file\'s last suffix as a language only when the ICU data names it (corpus.txt is no ISO 639-3 code here)', () => {
    expect(['en', 'ko', 'ja-JP', 'fil'].map(isNamedLanguage)).to.deep.equal([true, true, true, true]);
    expect(['txt', 'tsv', 'jje', 'kor', 'xx', 'und'].map(isNamedLanguage)).to.deep.equal([false, false, false, false, false, false]);
  });
});
