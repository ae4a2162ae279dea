import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { alignParagraphs } from '../../../server/core/align.ts';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { parseGlossary } from '../../../server/core/glossary.ts';
import { splitParagraphs } from '../../../server/core/segment.ts';
import type { Bead } from '../../../server/core/types.ts';
import { render } from './helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const glossary = parseGlossary(readFileSync(path.join(root, 'data', 'glossary.tsv'), 'utf8'));
const vocabulary = parseGlossary(readFileSync(path.join(root, 'data', 'vocabulary.tsv'), 'utf8'));

function read(slug: string, lang: string): string[] {
  return splitParagraphs(readFileSync(path.join(root, 'data', 'demo', `${slug}.${lang}.txt`), 'utf8'), lang).map((p) => p.text);
}

function load(slug: string): { en: string[]; ko: string[] } {
  return { en: read(slug, 'en'), ko: read(slug, 'ko') };
}

/** "1|1 3,4|3 9|" → beads (1-based in the string, as in data/demo/index.json). */
function beads(s: string): Bead[] {
  const side = (x: string) => (x ? x.split(',').map((n) => Number(n) - 1) : []);
  return s.split(' ').map((b) => {
    const [a, t] = b.split('|');
    return { src: side(a ?? ''), tgt: side(t ?? ''), confidence: 1 };
  });
}

describe('core/checks on the demo statements (data/demo)', () => {
  it('kidd26: finds the changed amount and the untranslated paragraph, nothing else', () => {
    const { en, ko } = load('kidd26');
    const fs = checkAlignment(en, ko, beads('1|1 2|2 3,4|3 5|4 6|5 7|6 8|7 9| 10|8'), { srcLang: 'en', tgtLang: 'ko', glossary });
    expect(render(fs)).to.deep.equal(['error numbers 7/6', 'warning omission 8/']);
  });

  it('edscg6: finds the changed date and the Korean-only paragraph, nothing else', () => {
    const { en, ko } = load('edscg6');
    const fs = checkAlignment(en, ko, beads('1|1 2|2 3|3 4|4,5 5|6 |7 6|8'), { srcLang: 'en', tgtLang: 'ko', glossary });
    expect(render(fs)).to.deep.equal(['error dates 1/1', 'warning addition /6']);
  });

  // The trilateral statement: its Korean and its Japanese are each aligned to the English, as the seed does.
  const tmm26 = { en: read('tmm26', 'en'), ko: read('tmm26', 'ko'), ja: read('tmm26', 'ja') };
  const tmm26Gold = {
    ko: '1|1 2|2 3|3 4|4 5|5 6|6 7|7 8|8 9|9 10|10 11|11',
    // Indo-Pacific and Taiwan Strait (7, 8) in one Japanese paragraph; DPRK–Russia (9) left out.
    ja: '1|1 2|2 3|3 4|4 5|5 6|6 7,8|7 9| 10|8 11|9',
  };

  it('tmm26 English–Korean: finds the changed count of launches, nothing else', () => {
    const fs = checkAlignment(tmm26.en, tmm26.ko, beads(tmm26Gold.ko), { srcLang: 'en', tgtLang: 'ko', glossary });
    expect(render(fs)).to.deep.equal(['error numbers 4/4']);
  });

  it('tmm26 English–Japanese: finds the other secretary\'s name and the untranslated paragraph, nothing else', () => {
    const fs = checkAlignment(tmm26.en, tmm26.ja, beads(tmm26Gold.ja), { srcLang: 'en', tgtLang: 'ja', glossary });
    expect(render(fs)).to.deep.equal(['error names 3/3', 'warning omission 8/']);
  });

  it('tmm26: the aligner pairs the Korean and the Japanese with the English as the gold beads do', () => {
    for (const lang of ['ko', 'ja'] as const) {
      const found = alignParagraphs(tmm26.en, tmm26[lang], { srcLang: 'en', tgtLang: lang, glossary, vocabulary });
      expect(found.map((b) => [b.src, b.tgt]), lang).to.deep.equal(beads(tmm26Gold[lang]).map((b) => [b.src, b.tgt]));
    }
  });
});
