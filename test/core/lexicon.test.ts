// Tests for server/core/lexicon.ts.
import { expect } from 'chai';
import { learnLexicon, lexTokens } from '../../server/core/lexicon.ts';

describe('core/lexicon', () => {
  describe('#lexTokens', () => {
    it('stems English and drops stopwords', () => {
      expect(lexTokens('The ministers reaffirmed their commitments to the alliance.', 'en'))
        .to.deep.equal(['minister', 'reaffirm', 'commitment', 'alliance']);
    });
    it('strips Korean particles and verb endings', () => {
      expect(lexTokens('장관은 동맹의 공약을 재확인하였다.', 'ko')).to.deep.equal(['장관', '동맹', '공약', '재확인']);
    });
    it('uses character bigrams for Japanese', () => {
      expect(lexTokens('同盟国', 'ja')).to.deep.equal(['同盟', '盟国']);
    });
  });

  describe('#learnLexicon', () => {
    const pairs = [
      { src: 'The ministers discussed the alliance.', tgt: '장관들은 동맹을 논의했다.' },
      { src: 'The alliance remains strong.', tgt: '동맹은 여전히 강력하다.' },
      { src: 'The ministers discussed cyber threats.', tgt: '장관들은 사이버 위협을 논의했다.' },
      { src: 'Cyber cooperation will expand.', tgt: '사이버 협력이 확대될 것이다.' },
      { src: 'Threats to peace were discussed.', tgt: '평화에 대한 위협이 논의되었다.' },
    ];
    const lex = learnLexicon(pairs, 'en', 'ko');
    const best = (w: string) => lex.entries.filter((e) => e[0] === w).map((e) => e[1])[0];
    it('associates words that co-occur across pairs', () => {
      expect(best('alliance')).to.equal('동맹');
      expect(best('cyber')).to.equal('사이버');
      expect(best('threat')).to.equal('위협');
    });
    it('keeps scores in (0,1] and drops pairs seen once', () => {
      for (const [, , d] of lex.entries) expect(d).to.be.greaterThan(0).and.at.most(1);
      expect(lex.entries.some((e) => e[0] === 'strong')).to.equal(false);
    });
    it('is serialisable and deterministic', () => {
      const again = learnLexicon(pairs, 'en', 'ko');
      expect(JSON.parse(JSON.stringify(lex))).to.deep.equal(again);
      expect(lex.srcLang).to.equal('en');
    });
  });
});
