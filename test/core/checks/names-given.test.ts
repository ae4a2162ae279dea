// The names check on a Korean name written in English with its given name ("Minister Park Jin"):
// the given name matches only as a name in the Korean, with the surname (박진) or standing as a word
// (진 장관), not as the first syllable of an ordinary word (진행, 진전, 진출). Cases written for these tests.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { parseGlossary } from '../../../server/core/glossary.ts';

const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));

/** The names findings of one English–Korean pair, as "severity: message". */
function names(en: string, ko: string): string[] {
  return checkAlignment([en], [ko], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ko', glossary, checks: ['names'] })
    .map((f) => `${f.severity}: ${f.message}`);
}

const EN = 'Minister Park Jin said the negotiations on the fisheries accord were moving forward.';
const BOTH = 'Minister Park Jin and Secretary Blinken said the negotiations on the fisheries accord were moving forward.';

describe('core/checks names: a given name only as a name', () => {
  it('reports the name missing when the Korean holds its given name only inside ordinary words', () => {
    // Another person named in the Korean: one name changed.
    for (const word of ['진행되고', '진전을 보이고', '진출을 앞두고', '진척되고']) {
      const ko = `김영수 장관은 어업 협정 협상이 ${word} 있다고 말했다.`;
      expect(names(EN, ko), word).to.deep.equal(['error: Name Park Jin does not match Korean 김영수']);
    }
    expect(names(BOTH, '블링컨 장관과 김 장관은 어업 협정 협상이 진전을 보이고 있다고 말했다.'))
      .to.deep.equal(['error: Name Park Jin does not match Korean 김']);
    // Left out, the Korean naming only the other person.
    expect(names(BOTH, '블링컨 장관은 어업 협정 협상이 진행되고 있다고 말했다.'))
      .to.deep.equal(['warning: English name Park Jin has no counterpart in Korean']);
    // Nobody named in the Korean: the coverage checks' business, a note here.
    expect(names(EN, '장관은 어업 협정 협상이 진행되고 있다고 말했다.'))
      .to.deep.equal(['info: English name Park Jin has no counterpart in Korean']);
  });

  it('accepts the name written whole, with a particle, or the given name before a title', () => {
    for (const ko of [
      '박진 장관은 어업 협정 협상이 진행되고 있다고 말했다.',
      '박진 외교부 장관은 어업 협정 협상이 진전을 보이고 있다고 말했다.',
      '장관 박진은 어업 협정 협상이 진행되고 있다고 말했다.',
      '진 장관은 어업 협정 협상이 진행되고 있다고 말했다.',
    ]) expect(names(EN, ko), ko).to.deep.equal([]);
    expect(names(BOTH, '박진 장관과 블링컨 장관은 어업 협정 협상이 진행되고 있다고 말했다.')).to.deep.equal([]);
    // A name of three syllables with the copula after it.
    expect(names('The delegation was led by Director Han Yong Nam.', '대표단장은 한영남 국장입니다.')).to.deep.equal([]);
    expect(names('The delegation was led by Director Han Yong Nam.', '대표단을 이끈 사람은 한영남입니다.')).to.deep.equal([]);
    // A name of two syllables needs its particle: 박진감 (a thrill) is no 박진.
    expect(names('Minister Park Jin praised the thrilling final.', '장관은 박진감 넘치는 결승전을 칭찬했다.'))
      .to.deep.equal(['info: English name Park Jin has no counterpart in Korean']);
  });

  it('does not take one syllable before a title for a given name of two (전 장관, the former minister)', () => {
    const en = 'Minister Park Jae-wan thanked the volunteers for the flood relief work.';
    // 전 (former) sounds like Jae-wan's consonants, but a given name written in two parts is two syllables.
    expect(names(en, '전 장관은 수해 복구 자원봉사자들에게 감사를 표했다.')).to.deep.equal(['info: English name Park Jae-wan has no counterpart in Korean']);
    expect(names(en, '김영수 장관과 전 장관은 수해 복구 자원봉사자들에게 감사를 표했다.')).to.deep.equal(['error: Name Park Jae-wan does not match Korean 김영수']);
    for (const ko of ['재완 장관은 수해 복구 자원봉사자들에게 감사를 표했다.', '박재완 장관은 수해 복구 자원봉사자들에게 감사를 표했다.'])
      expect(names(en, ko), ko).to.deep.equal([]);
  });

  it('accepts the surname alone before a title, as before', () => {
    expect(names(EN, '박 장관은 어업 협정 협상이 진행되고 있다고 말했다.')).to.deep.equal([]);
    expect(names(EN, '박 장관은 어업 협정 협상이 순조롭다고 말했다.')).to.deep.equal([]);
  });

  it('does not take a given name of two syllables from the start of a longer word', () => {
    const en = 'Director Kim Min-su opened the seminar on civilian shipping.';
    expect(names(en, '김민수 국장이 민수용 선박 세미나를 열었다.')).to.deep.equal([]);
    expect(names(en, '최동훈 국장이 민수용 선박 세미나를 열었다.')).to.deep.equal(['error: Name Kim Min-su does not match Korean 최동훈']);
  });

  it('does not take a surname written alone from the start of an ordinary word either', () => {
    const en = 'Minister Kang and Secretary Blinken stressed the importance of the fisheries accord.';
    expect(names(en, '블링컨 장관은 어업 협정의 중요성을 강조했다.')).to.deep.equal(['warning: English name Kang has no counterpart in Korean']);
    expect(names(en, '강 장관과 블링컨 장관은 어업 협정의 중요성을 강조했다.')).to.deep.equal([]);
  });

  it('still reads a given name written as two words ("Lee Jae Myung") and in Western order', () => {
    expect(names('President Lee Jae Myung visited the harbour.', '이재명 대통령이 항구를 방문했다.')).to.deep.equal([]);
    expect(names('President Lee Jae Myung visited the harbour.', '이재용 대통령이 항구를 방문했다.'))
      .to.deep.equal(['error: Name Lee Jae Myung does not match Korean 이재용']);
    expect(names('Ambassador Sung Kim visited the harbour.', '성 김 대사가 항구를 방문했다.')).to.deep.equal([]);
  });
});
