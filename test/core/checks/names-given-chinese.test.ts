// The names check on names English spells like Korean ones but that Korean writes otherwise: Chinese
// names written by their Chinese reading (양쥔, 궁쥔, 쑨원), and a Korean name with a title or 님 written
// onto it (박진장관은, 박진님은). Cases written for these tests.
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

describe('core/checks names: Chinese names by their Chinese reading, titles written onto a name', () => {
  it('does not call a Chinese name written by its Chinese reading missing or changed', () => {
    // 양쥔 reads as the whole name: at most a note that the given name is spelled otherwise.
    expect(names('Minister Yang Jun welcomed the trade delegation to the port city.', '양쥔 장관은 무역 대표단을 항구 도시로 맞이했다.'))
      .to.deep.equal(['info: Korean name 양쥔 is spelled differently in English (check the transliteration)']);
    // 궁 is no Korean surname's syllable: Gong in its Chinese reading.
    expect(names('Minister Gong Jun welcomed the trade delegation to the port city.', '궁쥔 장관은 무역 대표단을 항구 도시로 맞이했다.'))
      .to.deep.equal([]);
    // 쑨 is Sun as Korean writes Chinese; the Korean names him by another of his names.
    expect(names('Sun Yat-sen is still honoured on both sides of the strait.', '쑨원의 업적은 해협 양쪽에서 여전히 기려진다.'))
      .to.deep.equal([]);
  });

  it('still reports such a name where the Korean holds only ordinary words', () => {
    expect(names('Minister Yang Jun welcomed the trade delegation to the port city.', '장관은 양국 무역 대표단을 항구 도시로 맞이했다.'))
      .to.deep.equal(['info: English name Yang Jun has no counterpart in Korean']);
    expect(names('Minister Gong Jun welcomed the trade delegation to the port city.', '장관은 공동 무역 대표단을 항구 도시로 맞이했다.'))
      .to.deep.equal(['info: English name Gong Jun has no counterpart in Korean']);
    expect(names('Sun Yat-sen is still honoured on both sides of the strait.', '그의 업적은 해협 양쪽에서 여전히 기려진다.'))
      .to.deep.equal(['info: English name Sun Yat-sen has no counterpart in Korean']);
  });

  it('does not take an ordinary word that opens like a Chinese reading for the name', () => {
    // 순간 (moment): Korean writes Mandarin sun as 쑨, and 순 opens ordinary words.
    expect(names('Sun Yat-sen is still honoured on both sides of the strait.', '그 순간 해협 양쪽에서 여전히 기려진다.'))
      .to.deep.equal(['info: English name Sun Yat-sen has no counterpart in Korean']);
    expect(names('Sun Yat-sen is still honoured on both sides of the strait.', '순간의 감동은 해협 양쪽에서 여전히 기려진다.'))
      .to.deep.equal(['info: English name Sun Yat-sen has no counterpart in Korean']);
    // A Korean name is no Chinese reading: 중국 (China), 중요한 and 충분히 are no Jung or Chung, 숭고한 no Sung.
    for (const [en, ko] of [
      ['Minister Jung Eui-yong met the delegation in the capital.', '장관은 수도에서 중국 대표단을 만났다.'],
      ['Minister Jung Eui-yong met the delegation in the capital.', '장관은 수도에서 중요한 대표단을 만났다.'],
      ['Minister Chung Eui-yong met the delegation in the capital.', '장관은 수도에서 충분히 대표단을 만났다.'],
      ['Ambassador Sung Kim met the delegation in the capital.', '대사는 수도에서 숭고한 대표단을 만났다.'],
    ]) expect(names(en!, ko!), ko).to.have.length(1).and.to.match(/^info: English name .* has no counterpart in Korean$/);
    // A Chinese given name in Pinyin is read too: 궁전 (palace) is no Gong Jun, whose reading is 궁쥔.
    expect(names('Minister Gong Jun welcomed the trade delegation to the port city.', '장관은 무역 대표단을 궁전에서 맞이했다.'))
      .to.deep.equal(['info: English name Gong Jun has no counterpart in Korean']);
  });

  it('still finds Chinese names written by their Chinese reading, the given name in Pinyin or not', () => {
    for (const [en, ko] of [
      ['Minister Gong Jun welcomed the trade delegation to the port city.', '궁쥔 장관은 무역 대표단을 항구 도시로 맞이했다.'],
      ['Minister Gong Jun welcomed the trade delegation to the port city.', '무역 대표단을 맞이한 궁쥔은 항구 도시를 안내했다.'],
      ['Sun Yat-sen is still honoured on both sides of the strait.', '쑨원은 해협 양쪽에서 여전히 기려진다.'],
      ['Sun Yat-sen is still honoured on both sides of the strait.', '쑨중산의 업적은 해협 양쪽에서 여전히 기려진다.'],
      ['Vice Minister Sun Weidong met the delegation.', '쑨웨이둥 부부장은 대표단을 만났다.'],
    ]) expect(names(en!, ko!), ko).to.deep.equal([]);
  });

  it('finds a word English spells whole, syllable by syllable, but no word that only sounds alike', () => {
    expect(names('The council said it will visit Cheong Wa Dae today to deliver its opposition.', '협의회는 반대 의사를 전달하기 위해 청와대를 방문했다.'))
      .to.deep.equal([]);
    // oo is 우 and o is 오: Gong is no 궁, so 궁전 (palace) is no Korean spelling of Gong Jun either.
    expect(names('Minister Gong Jun welcomed the trade delegation to the port city.', '무역 대표단은 궁전 앞에서 항구 도시로 향했다.'))
      .to.deep.equal(['info: English name Gong Jun has no counterpart in Korean']);
  });

  it('accepts a Korean name with a title or 님 written onto it', () => {
    const en = 'Minister Park Jin thanked the volunteers for the flood relief work.';
    for (const ko of [
      '박진장관은 수해 복구 자원봉사자들에게 감사를 표했다.',
      '박진님은 수해 복구 자원봉사자들에게 감사를 표했다.',
      '박진장관님께서 수해 복구 자원봉사자들에게 감사를 표했다.',
      '자원봉사자들은 박진대사의 감사 인사를 받았다.',
      '진장관은 수해 복구 자원봉사자들에게 감사를 표했다.',
    ]) expect(names(en, ko), ko).to.deep.equal([]);
    // Not a compound title (부위원장, 국무총리) or a word that only ends like one.
    expect(names(en, '부위원장은 수해 복구가 진행되고 있다고 말했다.')).to.deep.equal(['info: English name Park Jin has no counterpart in Korean']);
    expect(names(en, '회의장에서 수해 복구 진행 상황이 보고되었다.')).to.deep.equal(['info: English name Park Jin has no counterpart in Korean']);
    // Another person with a title written on is no Park Jin: the check reads 김영수장관은 as the name
    // 김영수 (the anchors do not), one name changed.
    expect(names(en, '김영수장관은 수해 복구 자원봉사자들에게 감사를 표했다.')).to.deep.equal(['error: Name Park Jin does not match Korean 김영수']);
    expect(names(en, '자원봉사자들은 김영수대사의 감사 인사를 받았다.')).to.deep.equal(['error: Name Park Jin does not match Korean 김영수']);
  });

  it('reads a Korean name with a title written onto it as the name, and nothing else so', () => {
    expect(names('Minister Kim Young-soo thanked the volunteers.', '김영수장관은 자원봉사자들에게 감사를 표했다.')).to.deep.equal([]);
    // Read only where the English names someone: against an English that names no one, such a word is as
    // often a country's or a party's title (이집트대통령은, 노동당위원장은), so nothing is reported.
    expect(names('The minister thanked the volunteers for their work.', '김영수장관은 자원봉사자들에게 그들의 노고에 감사를 표했다.')).to.deep.equal([]);
    for (const [en, ko] of [
      ['The President of Egypt arrived in Seoul on Monday.', '이집트대통령은 월요일 서울에 도착했다.'],
      ['The President of South Africa arrived in Seoul on Monday.', '남아공대통령은 월요일 서울에 도착했다.'],
      ['The chairman of the Workers\' Party spoke at the meeting.', '노동당위원장은 회의에서 연설했다.'],
      ['The Ugandan Ambassador attended the ceremony.', '우간다대사는 기념식에 참석했다.'],
      ['Ambassador Park Jin and the Ambassador to Germany attended the ceremony.', '박진 대사와 주독일대사는 기념식에 참석했다.'],
      ['Ambassador Park Jin and the Ambassador to Mongolia attended the ceremony.', '박진 대사와 주몽골대사는 기념식에 참석했다.'],
    ]) expect(names(en!, ko!), ko).to.deep.equal([]);
    // A given name ending in 국 or 원 is a name like any other.
    expect(names('Minister Park Jin met the delegation.', '이재국대사는 대표단을 만났다.')).to.deep.equal(['error: Name Park Jin does not match Korean 이재국']);
    // A ministry, a country's mission or a form of address with 님 names no one.
    for (const ko of [
      '국방부장관은 자원봉사자들에게 그들의 노고에 감사를 표했다.',
      '주한대사는 자원봉사자들에게 그들의 노고에 감사를 표했다.',
      '주한미대사는 자원봉사자들에게 그들의 노고에 감사를 표했다.',
      '미국무장관은 자원봉사자들에게 그들의 노고에 감사를 표했다.',
      '위원장님께서 자원봉사자들에게 그들의 노고에 감사를 표했다.',
      '고객님께서 자원봉사자들에게 그들의 노고에 감사를 표했다.',
      '외교장관은 자원봉사자들에게 그들의 노고에 감사를 표했다.',
    ]) expect(names('The minister thanked the volunteers for their work.', ko), ko).to.deep.equal([]);
  });
});
