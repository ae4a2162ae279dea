// The names check on short names, whose consonants alone meet other names by chance (Merz and
// マティス, Rice and 로스): renderings people use are accepted, other officials' names are not.
// Cases written for these tests.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { parseGlossary } from '../../../server/core/glossary.ts';

const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));

/** The names findings of one pair, as "severity: message"; `lang` the other side's language. */
function names(src: string, tgt: string, srcLang: string, tgtLang: string): string[] {
  return checkAlignment([src], [tgt], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang, tgtLang, glossary, checks: ['names'] })
    .map((f) => `${f.severity}: ${f.message}`);
}

const EN = (name: string) => `Ambassador ${name} attended the reception.`;
const JA = (name: string) => `${name}大使がレセプションに出席した。`;
const KO = (name: string) => `${name} 대사는 리셉션에 참석했다.`;

// [English, rendering, the rendering is that name?]: katakana is read for Japanese, Hangul for Korean.
const CASES: [string, string, boolean][] = [
  // Renderings in use.
  ['Merz', 'メルツ', true], ['Merz', '메르츠', true], ['Mattis', 'マティス', true], ['Mattis', '매티스', true],
  ['Kim', '김', true], ['Lee', '이', true], ['Park', '박', true], ['Cho', '조', true], ['Moon', '문', true], ['Yoon', '윤', true],
  ['Choi', '최', true], ['Kang', '강', true], ['Han', '한', true], ['Kim', 'キム', true], ['Park', 'パク', true], ['Lee', 'イ', true],
  ['Cho', 'チョ', true], ['Yoon', 'ユン', true], ['Moon', 'ムン', true],
  ['Rubio', '루비오', true], ['Rubio', 'ルビオ', true], ['Blinken', '블링컨', true], ['Blinken', 'ブリンケン', true],
  ['Austin', '오스틴', true], ['Austin', 'オースティン', true], ['Kerr', 'カー', true], ['Kerr', '커', true], ['Carr', 'カー', true],
  ['Rice', 'ライス', true], ['Rice', '라이스', true], ['Ross', 'ロス', true], ['Ross', '로스', true],
  ['Rudd', 'ラッド', true], ['Rudd', '러드', true], ['Reed', 'リード', true], ['Reed', '리드', true],
  ['Hill', 'ヒル', true], ['Hill', '힐', true], ['Hall', 'ホール', true], ['Hall', '홀', true],
  ['Kent', 'ケント', true], ['Kent', '켄트', true], ['Pence', 'ペンス', true], ['Pence', '펜스', true],
  ['Kerry', 'ケリー', true], ['Kerry', '케리', true], ['Vance', 'バンス', true], ['Vance', '밴스', true],
  ['Burns', 'バーンズ', true], ['Burns', '번스', true], ['Brown', 'ブラウン', true], ['Brown', '브라운', true],
  ['Gates', 'ゲイツ', true], ['Gates', '게이츠', true], ['Waltz', 'ウォルツ', true], ['Waltz', '월츠', true],
  ['Nye', 'ナイ', true], ['Wright', 'ライト', true], ['Wolf', 'ウルフ', true], ['Cook', 'クック', true], ['Noem', 'ノーム', true],
  ['Biden', 'バイデン', true], ['Biden', '바이든', true], ['Trump', 'トランプ', true], ['Trump', '트럼프', true],
  ['Esper', 'エスパー', true], ['Esper', '에스퍼', true], ['Pompeo', 'ポンペオ', true], ['Pompeo', '폼페이오', true],
  ['Hegseth', 'ヘグセス', true], ['Hegseth', '헤그세스', true], ['Carter', '카터', true], ['Sullivan', 'サリバン', true],
  ['Sullivan', '설리번', true], ['Campbell', 'キャンベル', true], ['Campbell', '캠벨', true], ['Kishida', '기시다', true],
  // Other officials' names and near-misses: the consonants agree, the vowels do not.
  ['Merz', 'マティス', false], ['Merz', '매티스', false], ['Mattis', 'メッツ', false], ['Mattis', '메츠', false],
  ['Rice', 'ロス', false], ['Rice', '로스', false], ['Ross', 'ライス', false], ['Ross', '라이스', false], ['Rice', 'レイス', false],
  ['Rudd', 'リード', false], ['Rudd', '리드', false], ['Reed', 'ラッド', false], ['Reed', '러드', false],
  ['Hill', 'ハル', false], ['Hill', '할', false], ['Hall', 'ヒル', false], ['Hall', '힐', false],
  ['Kent', 'カント', false], ['Kent', '칸트', false], ['Pence', 'パンサ', false], ['Kerry', 'カリ', false], ['Kerry', '카리', false],
  ['Kerry', 'カー', false], ['Burns', 'ブラウンズ', false], ['Burns', '브라운스', false], ['Biden', 'ボダン', false], ['Biden', '보던', false],
  ['Nye', 'ネイ', false], ['Moon', '만', false], ['Carter', '코터', false], ['Vance', 'ベンツ', false], ['Vance', '벤츠', false],
  ['Blinken', 'ブラウン', false], ['Kim', '박', false],
];

describe('core/checks names: short names', () => {
  it('accepts the renderings people use and tells other names apart, in both directions', () => {
    const wrong: string[] = [];
    for (const [en, r, same] of CASES) {
      const [other, lang] = /\p{Script=Hangul}/u.test(r) ? [KO(r), 'ko'] : [JA(r), 'ja'];
      for (const found of [names(EN(en), other, 'en', lang), names(other, EN(en), lang, 'en')]) {
        // The same name: nothing to report. Another name: at least a note that the two differ.
        if (same ? found.length > 0 : found.length === 0) wrong.push(`${en} / ${r}: ${JSON.stringify(found)}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('reports another name as an error, not as a spelling to check', () => {
    expect(names(EN('Merz'), JA('マティス'), 'en', 'ja')).to.deep.equal(['error: Name Merz does not match Japanese マティス']);
    expect(names(EN('Ross'), KO('라이스'), 'en', 'ko')).to.deep.equal(['error: Name Ross does not match Korean 라이스']);
    expect(names(EN('Reed'), JA('ラッド'), 'en', 'ja')).to.deep.equal(['error: Name Reed does not match Japanese ラッド']);
  });

  it('does not take a common Korean word that opens with a surname for the surname', () => {
    // 조치 (measures), 이번 (this time), 박물관 (museum) begin with 조, 이, 박.
    expect(names('Minister Cho met the delegation.', '박 장관은 대표단과 만나 조치를 논의했다.', 'en', 'ko'))
      .to.deep.equal(['error: Name Cho does not match Korean 박']);
    expect(names('Minister Lee met the delegation.', '박 장관은 이번에 대표단과 만났다.', 'en', 'ko'))
      .to.deep.equal(['error: Name Lee does not match Korean 박']);
    // The surname alone, in a full name, or in a two-syllable name before a title is the person.
    for (const ko of ['이 장관은 대표단과 만났다.', '이종섭 장관은 대표단과 만났다.', '이진 장관은 대표단과 만났다.']) {
      expect(names('Minister Lee met the delegation.', ko, 'en', 'ko'), ko).to.deep.equal([]);
    }
  });

  it('compares a surname after a title, of one consonant too (Secretary Cook ↔ 쿡 장관, Minister Park ↔ 박 장관)', () => {
    for (const [en, ko] of [
      ['Secretary Cook met Minister Park.', '쿡 장관은 박 장관을 만났다.'],
      ['Deputy Secretary Cook met Vice Minister Park.', '쿡 부장관은 박 차관을 만났다.'],
      ['The meeting was chaired by Secretary Cook.', '회의는 쿡 장관이 주재하였다.'],
    ] as const) expect(names(en, ko, 'en', 'ko'), en).to.deep.equal([]);
    // Another person's name in the Korean is an error naming both.
    expect(names('Secretary Cook met Minister Park.', '스미스 장관은 박 장관을 만났다.', 'en', 'ko')).to.deep.equal(['error: Name Cook does not match Korean 스미스']);
    expect(names('Secretary Cook met Minister Park.', '쿡 장관은 김 장관을 만났다.', 'en', 'ko')).to.deep.equal(['error: Name Park does not match Korean 김']);
  });
});
