import { expect } from 'chai';
import { assertLanguage, languageProblem } from '../../server/core/lang.ts';
import { InputError } from '../../server/core/types.ts';
import { parseGlossary } from '../../server/core/glossary.ts';

describe('core/lang', () => {
  it('takes the ISO 639 codes of real languages, with or without subtags', () => {
    for (const code of ['en', 'ko', 'ja', 'zh', 'fr', 'mn', 'fil', 'ja-JP', 'zh-Hant', 'en-US']) expect(languageProblem(code), code).to.equal(null);
  });

  it('refuses codes that name no language, and says which', () => {
    expect(languageProblem('xx')).to.equal('"xx" is not a known language code (ISO 639, such as en, ko or ja)');
    expect(languageProblem('qq')).to.match(/"qq" is not a known language code/);
    expect(languageProblem('zz-ZZ')).to.match(/"zz-ZZ" is not a known language code/);
    for (const code of ['und', 'mul', 'zxx', 'mis', 'qaa', 'qtz']) expect(languageProblem(code), code).to.equal(`"${code}" names no particular language`);
    for (const code of ['', 'EN', 'k o', 'english', 'en_US', 'e']) expect(languageProblem(code), code).to.match(/is not a language code \(such as en, ko or ja\)/);
  });

  it('refuses a three-letter code where the language has a two-letter one, naming it', () => {
    expect(languageProblem('kor')).to.equal('"kor" is written "ko" (the two-letter code of Korean)');
    expect(languageProblem('eng')).to.equal('"eng" is written "en" (the two-letter code of English)');
    expect(languageProblem('jpn')).to.match(/"jpn" is written "ja"/);
    // Languages with no two-letter code keep their three letters.
    expect(languageProblem('fil')).to.equal(null);
  });

  it('refuses subtags where only a bare code is stored', () => {
    expect(languageProblem('ja-JP', false)).to.match(/"ja-JP" is not a language code/);
    expect(languageProblem('ja', false)).to.equal(null);
    expect(() => assertLanguage('ko-KR', false)).to.throw(InputError, /"ko-KR" is not a language code/);
    expect(() => assertLanguage('ko-KR')).not.to.throw();
  });

  it('is what a glossary file\'s header is checked with', () => {
    expect(() => parseGlossary('en\txx\nalliance\t동맹\n')).to.throw(InputError, /^glossary line 1: "xx" is not a known language code/);
    expect(() => parseGlossary('en\tkor\nalliance\t동맹\n')).to.throw(InputError, /^glossary line 1: "kor" is written "ko"/);
    expect(parseGlossary('en\tko\tja\nalliance\t동맹\t同盟\n').langs).to.deep.equal(['en', 'ko', 'ja']);
  });
});
