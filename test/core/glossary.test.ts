// Tests for server/core/glossary.ts.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { findGlossaryTerms, parseGlossary, type Glossary } from '../../server/core/glossary.ts';
import { InputError } from '../../server/core/types.ts';

const TSV = [
  'en\tko\tnote',
  '# a comment line',
  '',
  'Nuclear Consultative Group|NCG\t핵협의그룹\t',
  'extended deterrence\t확장억제\tcore policy term',
  'reaffirm\t재확인',
  'US|U.S.|United States\t미국|미측',
  'alliance\t동맹',
  'U.S.-ROK Alliance\t한미동맹',
  'May\t5월',
].join('\n');

const found = (g: Glossary, text: string, lang: string) =>
  findGlossaryTerms(text, lang, g).map((h) => `${text.slice(h.start, h.end)}=${h.termIndex}`);

describe('core/glossary', () => {
  describe('#parseGlossary', () => {
    it('reads terms, alternatives and notes', () => {
      const g = parseGlossary(TSV);
      expect(g.langs).to.deep.equal(['en', 'ko']);
      expect(g.terms.length).to.equal(7);
      expect(g.terms[0]).to.deep.equal({ terms: { en: ['Nuclear Consultative Group', 'NCG'], ko: ['핵협의그룹'] } });
      expect(g.terms[1]).to.deep.equal({ terms: { en: ['extended deterrence'], ko: ['확장억제'] }, note: 'core policy term' });
    });
    it('accepts a third language column (trilateral statements)', () => {
      const g = parseGlossary('en\tko\tja\tnote\nalliance\t동맹\t同盟\t\nJapan\t일본\t\t');
      expect(g.langs).to.deep.equal(['en', 'ko', 'ja']);
      expect(g.terms[0]!.terms['ja']).to.deep.equal(['同盟']);
      expect(g.terms[1]!.terms['ja']).to.deep.equal([]);
    });
    it('throws an InputError naming the line of a row with one language only', () => {
      expect(() => parseGlossary('en\tko\tnote\nalliance\t동맹\t\n\nsummit\t\t')).to.throw(InputError, /line 4/);
    });
    it('throws on too many columns and on a missing header', () => {
      expect(() => parseGlossary('en\tko\tnote\na\tb\tc\td')).to.throw(InputError, /line 2: expected at most 3/);
      expect(() => parseGlossary('# only a comment\n')).to.throw(InputError, /missing header/);
      expect(() => parseGlossary('english\tkorean\nx\ty')).to.throw(InputError, /line 1/);
    });
    it('parses the shipped data/glossary.tsv', () => {
      const g = parseGlossary(readFileSync(new URL('../../data/glossary.tsv', import.meta.url), 'utf8'));
      expect(g.terms.length).to.be.within(150, 300);
      expect(g.terms.some((t) => t.terms['ko']!.includes('확장억제'))).to.equal(true);
    });
    it('parses the shipped data/vocabulary.tsv: every word in both languages, no one-syllable Korean form', () => {
      const v = parseGlossary(readFileSync(new URL('../../data/vocabulary.tsv', import.meta.url), 'utf8'));
      expect(v.terms.length).to.be.greaterThan(150);
      for (const t of v.terms) {
        expect(t.terms['en'], JSON.stringify(t)).to.have.length.greaterThan(0);
        expect(t.terms['ko'], JSON.stringify(t)).to.have.length.greaterThan(0);
        // Korean forms match as substrings: one syllable would match inside unrelated words.
        for (const k of t.terms['ko']!) expect(k.length, k).to.be.at.least(2);
      }
    });
  });

  describe('#findGlossaryTerms', () => {
    const g = parseGlossary(TSV);
    it('finds English terms with inflection, longest match first', () => {
      expect(found(g, 'The two sides reaffirmed the U.S.-ROK Alliance and extended deterrence.', 'en'))
        .to.deep.equal(['reaffirmed=2', 'U.S.-ROK Alliance=5', 'extended deterrence=1']);
    });
    it('goes on from a first word only to a word of a longer term or an inflected one, in any case', () => {
      const terms = parseGlossary(['en\tko', 'joint exercise\t연합훈련', 'joint\t공동', 'the Taiwan Strait\t대만해협', 'café society\t사교계', 'ally\t동맹국'].join('\n'));
      expect(found(terms, 'JOINT EXERCISES with the allies; a joint statement; the Taiwan Straits; the Café Society; the talks.', 'en'))
        .to.deep.equal(['JOINT EXERCISES=0', 'allies=4', 'joint=1', 'the Taiwan Straits=2', 'Café Society=3']);
    });
    it('reads overlapping terms from the left: a title from its first word, a term inside a longer one as the longer', () => {
      const titles = parseGlossary(['en\tko', 'Secretary of Defense\t국방장관', 'Assistant Secretary\t차관보', 'Deputy Secretary\t부장관', 'Secretary of State\t국무장관', 'Secretary\t장관'].join('\n'));
      expect(found(titles, 'The Acting Assistant Secretary of Defense met the Deputy Secretary of State and the Secretary of Defense.', 'en'))
        .to.deep.equal(['Assistant Secretary=1', 'Deputy Secretary=2', 'Secretary of Defense=0']);
    });
    it('matches acronyms in their own case only', () => {
      expect(found(g, 'The NCG met with us.', 'en')).to.deep.equal(['NCG=0']);
      expect(found(g, 'The US side agreed.', 'en')).to.deep.equal(['US=3']);
    });
    it('requires capitals for capitalised terms ("May" the month, not "may" the verb)', () => {
      expect(found(g, 'They may meet in May.', 'en')).to.deep.equal(['May=6']);
    });
    it('matches whole words only', () => {
      expect(found(g, 'Realliances and dalliance', 'en')).to.deep.equal([]);
    });
    it('finds terms opened by digits, capitals, accented letters and inflected words alike', () => {
      const g2 = parseGlossary(['en\tko', 'G20 summit\tG20 정상회의', 'Ministerial Dialogue\t장관급 대화', 'Élysée Treaty\t엘리제 조약', 'alliance\t동맹'].join('\n'));
      expect(found(g2, 'After the G20 SUMMIT, two Ministerial Dialogues and the ÉLYSÉE treaty, alliances held; dialogues alone do not.', 'en'))
        .to.deep.equal(['G20 SUMMIT=0', 'Ministerial Dialogues=1', 'ÉLYSÉE treaty=2', 'alliances=3']);
    });
    it('finds Korean terms inside words carrying particles', () => {
      expect(found(g, '미측은 한미동맹의 확장억제 공약을 재확인하였다.', 'ko'))
        .to.deep.equal(['미측=3', '한미동맹=5', '확장억제=1', '재확인=2']);
    });
    it('reads the longest Korean term at a syllable that opens several, and a one-syllable term at the end of the text', () => {
      const g3 = parseGlossary(['en\tko', 'cooperation\t협력', 'cooperation agreement\t협력협정', 'consultation\t협의', 'council\t협의회', 'Korea\t한'].join('\n'));
      expect(found(g3, '협의회는 협력협정과 협의, 협력을 논의했다. 한', 'ko'))
        .to.deep.equal(['협의회=3', '협력협정=1', '협의=2', '협력=0', '한=4']);
    });
    it('finds every inflected form that reduces to a first word, and no other word', () => {
      const g4 = parseGlossary(['en\tko', 'agree\t합의', 'ally\t동맹국', 'reaffirm\t재확인', 'strengthen ties\t관계 강화'].join('\n'));
      expect(found(g4, 'They agreed, agreeing as allies; all reaffirming and reaffirms; agrees; strengthened ties; allying.', 'en'))
        .to.deep.equal(['agreed=0', 'agreeing=0', 'allies=1', 'reaffirming=2', 'reaffirms=2', 'agrees=0', 'allying=1']);
    });
  });
});
