// The names check on the less frequent Korean surnames (나, 지, 공, 도, 기, 금, 인, 제갈, 남궁…) and
// An (안) as English spells it before a given name: a surname swapped while the given name stays is one
// name changed, the same surname is no finding, and the syllable that opens ordinary words (지난해,
// 도움, 사람, 기자) is not taken for the surname. Cases written for these tests.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractAnchors } from '../../../server/core/anchors.ts';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { parseGlossary } from '../../../server/core/glossary.ts';

const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));

function names(en: string, ko: string): string[] {
  return checkAlignment([en], [ko], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ko', glossary, checks: ['names'] })
    .map((f) => `${f.severity}: ${f.message}`);
}

const EN = (surname: string) => `Professor ${surname} Min-ho of the maritime institute spoke at the harbour forum.`;
const KO = (surname: string) => `해양연구소 ${surname}민호 교수가 항만 포럼에서 발언했다.`;

// English spellings and the Hangul surname each stands for.
const SURNAMES: [string, string][] = [
  ['Na', '나'], ['Ji', '지'], ['Cheon', '천'], ['Kong', '공'], ['Ham', '함'], ['Yeo', '여'], ['Do', '도'], ['So', '소'],
  ['Seok', '석'], ['Sun', '선'], ['Seol', '설'], ['Ma', '마'], ['Yeon', '연'], ['Myung', '명'], ['Ki', '기'], ['Ra', '라'],
  ['Keum', '금'], ['Ok', '옥'], ['In', '인'], ['Je', '제'], ['Mo', '모'], ['Kook', '국'], ['Eo', '어'], ['Eun', '은'],
  ['Pyun', '편'], ['Yong', '용'], ['Ye', '예'], ['Kyung', '경'], ['Bong', '봉'], ['Sa', '사'], ['Boo', '부'],
  ['Hwangbo', '황보'], ['Namgoong', '남궁'], ['Jegal', '제갈'], ['Sunwoo', '선우'], ['Dokgo', '독고'], ['An', '안'], ['Ahn', '안'],
];

describe('core/checks names: the less frequent surnames', () => {
  it('finds nothing when the surname is the same', () => {
    const wrong = SURNAMES.map(([en, ko]) => [en, ko, names(EN(en), KO(ko)).join(' | ')]).filter((x) => x[2]);
    expect(wrong).to.deep.equal([]);
  });

  it('reports another surname before the same given name as one name changed', () => {
    const wrong: string[] = [];
    for (const [en] of SURNAMES) {
      for (const ko of ['김', '박']) {
        const found = names(EN(en), KO(ko)).join(' | ');
        if (found !== `error: Name ${en} does not match Korean ${ko}민호`) wrong.push(`${en} / ${ko}민호: ${found || '(nothing)'}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('reads the surname of a Korean name against an English one, either way round', () => {
    const fromKorean = (ko: string, en: string) => checkAlignment([ko], [en], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'ko', tgtLang: 'en', glossary, checks: ['names'] })
      .map((f) => `${f.severity}: ${f.message}`);
    const wrong: string[] = [];
    for (const [en, ko] of SURNAMES) {
      const same = fromKorean(KO(ko), EN(en)).join(' | ');
      if (same) wrong.push(`${ko}민호 / ${en}: ${same}`);
      const other = fromKorean(KO('김'), EN(en)).join(' | ');
      if (other !== `error: Name 김민호 does not match English ${en}`) wrong.push(`김민호 / ${en}: ${other || '(nothing)'}`);
    }
    expect(wrong).to.deep.equal([]);
  });

  it('does not take the surname from ordinary words that open with its syllable', () => {
    // The Korean names the other official only: the Korean official is left out.
    const ko = '블링컨 장관은 지난해 도움을 준 사람들과 기자들, 공동 연구진에게 감사를 표했다.';
    for (const en of ['Ji', 'Sa', 'Ki', 'Kong', 'Yeon', 'Na']) {
      expect(names(`Secretary Blinken and Minister ${en} thanked the people and reporters who helped last year.`, ko), en)
        .to.deep.equal([`warning: English name ${en} has no counterpart in Korean`]);
    }
    // The surname alone before a title is the person.
    expect(names('Minister Ji thanked the reporters who helped last year.', '지 장관은 지난해 도움을 준 기자들에게 감사를 표했다.')).to.deep.equal([]);
  });

  it('does not read an English word before a capitalised place as a surname', () => {
    expect(names('In Hong Kong, Minister Kim met the delegation.', '홍콩에서 김 장관은 대표단을 만났다.')).to.deep.equal([]);
    expect(names('An Indo-Pacific strategy was discussed by Minister Kim.', '김 장관은 인도태평양 전략을 논의했다.')).to.deep.equal([]);
  });
});

describe('core/anchors: the less frequent surnames as name keys', () => {
  const keys = (text: string, lang: string) => extractAnchors(text, lang).filter((a) => a.kind === 'name').map((a) => `${a.text}: ${a.value}`);

  it('keys a Korean name with a rarer surname before its title, or the surname alone', () => {
    expect(keys('지상훈 장관은 지역 대표와 만났다.', 'ko')).to.deep.equal(['지상훈: ji snhn jsnhn', '지역: jk']);
    expect(keys('지 장관은 만났다.', 'ko')).to.deep.equal(['지: ji']);
    expect(keys('남궁민수 장관은 만났다.', 'ko')).to.deep.equal(['남궁민수: namgoong mns nmknmns']);
    expect(keys('Minister Namgoong Min-su met them.', 'en')).to.deep.equal(['Namgoong Min-su: namgoong mns']);
  });

  it('gives a foreign name opening with such a syllable no surname key', () => {
    expect(keys('마이클 토레스 사령관은 만났다.', 'ko')).to.deep.equal(['마이클 토레스: mkl tls']);
    expect(keys('마거릿 도일 대사는 만났다.', 'ko')).to.deep.equal(['마거릿 도일: mklt tl']);
  });

  it('reads An and In as surnames only before a Korean given name', () => {
    expect(keys('Professor An Ji-ho spoke.', 'en')).to.deep.equal(['An Ji-ho: ahn jh']);
    expect(keys('An Indo-Pacific strategy was adopted.', 'en')).to.deep.equal([]);
    expect(keys('In Hong Kong, the talks went on.', 'en')).to.deep.equal([]);
  });
});
