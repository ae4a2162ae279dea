import { expect } from 'chai';
import { nameSkeleton } from '../../server/core/anchors.ts';
import { romanizeKana } from '../../server/core/kana.ts';

describe('core/kana romanizeKana', () => {
  it('reads plain syllables, Hepburn spellings and the syllabic n', () => {
    expect(romanizeKana('バイデン')).to.equal('baiden');
    expect(romanizeKana('ツシマ')).to.equal('tsushima');
    expect(romanizeKana('ふみお')).to.equal('fumio'); // hiragana reads as katakana
    expect(romanizeKana('ジョン')).to.equal('jon');
  });

  it('joins small ャュョ to the syllable before, and lets small vowels replace its vowel', () => {
    expect(romanizeKana('キャンベル')).to.equal('kyamberu');
    expect(romanizeKana('シュワルツ')).to.equal('shuwarutsu');
    expect(romanizeKana('ティモシー')).to.equal('timoshi');
    expect(romanizeKana('ウォルツ')).to.equal('worutsu');
    expect(romanizeKana('ファン')).to.equal('fan');
    expect(romanizeKana('ヴァンス')).to.equal('vansu');
  });

  it('doubles the consonant after ッ, drops ー, and writes ン before b, m, p as m', () => {
    expect(romanizeKana('マッカーシー')).to.equal('makkashi');
    expect(romanizeKana('オースティン')).to.equal('osutin');
    expect(romanizeKana('トランプ')).to.equal('torampu');
    expect(romanizeKana('ロイド・オースティン')).to.equal('roidoosutin'); // the dot is not a sound
  });

  it('gives the consonants English spells the name with', () => {
    for (const [kana, en] of [['ブリンケン', 'Blinken'], ['サリバン', 'Sullivan'], ['キャンベル', 'Campbell'], ['トランプ', 'Trump'], ['エマニュエル', 'Emanuel'], ['コルビー', 'Colby']]) {
      expect(nameSkeleton(romanizeKana(kana!)), kana).to.equal(nameSkeleton(en!));
    }
  });
});
