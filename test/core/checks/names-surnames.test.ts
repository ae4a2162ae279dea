// The names check on a Korean surname swapped while the given name stays ("Lee Min-ho" against
// 김민호): one name changed, an error naming both, whatever the surname's spelling (Kim and Park, and
// the ones of one consonant or none: Lee, Yi, Oh, Yoo, Woo, Ahn).
// Cases written for these tests.
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

const EN = (surname: string) => `Professor ${surname} Min-ho of Seoul National University spoke at the forum.`;
const KO = (surname: string) => `서울대 ${surname}민호 교수가 포럼에서 발언했다.`;

// English spellings and the Hangul surname each stands for.
const SURNAMES: [string, string][] = [
  ['Kim', '김'], ['Park', '박'], ['Lee', '이'], ['Yi', '이'], ['Rhee', '이'], ['Oh', '오'], ['Yoo', '유'], ['Yu', '유'],
  ['Woo', '우'], ['Ahn', '안'], ['An', '안'], ['Choi', '최'], ['Cho', '조'],
];

describe('core/checks names: a surname swapped', () => {
  it('finds nothing when the surname is the same', () => {
    for (const [en, ko] of SURNAMES) expect(names(EN(en), KO(ko)), `${en} / ${ko}`).to.deep.equal([]);
  });

  it('reports another surname before the same given name as one name changed', () => {
    const wrong: string[] = [];
    for (const [en, mine] of SURNAMES) {
      for (const ko of new Set(SURNAMES.map(([, h]) => h))) {
        if (ko === mine) continue;
        const found = names(EN(en), KO(ko));
        const want = `error: Name ${en} does not match Korean ${ko}민호`;
        if (found.join(' | ') !== want) wrong.push(`${en} / ${ko}민호: ${found.join(' | ') || '(nothing)'}`);
      }
    }
    expect(wrong).to.deep.equal([]);
  });

  it('reports the swap the other way round too, for a Korean source and its English translation', () => {
    const fromKorean = (ko: string, en: string) => checkAlignment([ko], [en], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'ko', tgtLang: 'en', glossary, checks: ['names'] })
      .map((f) => `${f.severity}: ${f.message}`);
    const wrong: string[] = [];
    for (const [en, mine] of SURNAMES) {
      for (const ko of new Set(SURNAMES.map(([, h]) => h))) {
        if (ko === mine) continue;
        const found = fromKorean(KO(ko), EN(en));
        const want = `error: Name ${ko}민호 does not match English ${en}`;
        if (found.join(' | ') !== want) wrong.push(`${ko}민호 / ${en}: ${found.join(' | ') || '(nothing)'}`);
      }
    }
    expect(wrong).to.deep.equal([]);
    for (const [en, ko] of SURNAMES) expect(fromKorean(KO(ko), EN(en)), `${ko} / ${en}`).to.deep.equal([]);
  });

  it('keeps the surname-alone case as it was: "Minister Lee" against a 이 장관', () => {
    expect(names('Minister Lee said the harvest had been good this year.', '이 장관은 올해 수확이 좋았다고 말했다.')).to.deep.equal([]);
    expect(names('Minister Oh said the harvest had been good this year.', '오 장관은 올해 수확이 좋았다고 말했다.')).to.deep.equal([]);
    // Also right after a word that opens with the same syllable (이번, 오늘).
    expect(names('Minister Lee said the harvest had been good this year.', '이번에 이 장관은 올해 수확이 좋았다고 말했다.')).to.deep.equal([]);
    expect(names('Minister Oh said the harvest had been good this year.', '오늘 오 장관은 올해 수확이 좋았다고 말했다.')).to.deep.equal([]);
  });

  // When the Korean names nobody, a name the English adds is the coverage checks' business (see
  // checkNames): a surname of one consonant or none is no exception, and words that open with its
  // syllable (이번, 오늘, 우리, 유엔, 조치) are not that surname.
  it('notes a surname alone against a Korean that names nobody, as any other name', () => {
    const ko = '장관은 이번 회의에서 오늘 우리 유엔 조치가 논의되었다고 말했다.';
    for (const en of ['Lee', 'Oh', 'Woo', 'Yoo', 'Cho', 'Kim', 'Blinken']) {
      expect(names(`Minister ${en} said our UN measures were discussed at the meeting today.`, ko), en)
        .to.deep.equal([`info: English name ${en} has no counterpart in Korean`]);
    }
  });
});
