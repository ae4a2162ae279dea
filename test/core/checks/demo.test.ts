import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { parseGlossary } from '../../../server/core/glossary.ts';
import { splitParagraphs } from '../../../server/core/segment.ts';
import type { Bead } from '../../../server/core/types.ts';
import { render } from './helpers.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const glossary = parseGlossary(readFileSync(path.join(root, 'data', 'glossary.tsv'), 'utf8'));

function load(slug: string): { en: string[]; ko: string[] } {
  const read = (lang: string) => splitParagraphs(readFileSync(path.join(root, 'data', 'demo', `${slug}.${lang}.txt`), 'utf8'), lang).map((p) => p.text);
  return { en: read('en'), ko: read('ko') };
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
});
