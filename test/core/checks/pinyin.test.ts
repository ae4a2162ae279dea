// Pinyin read into Hangul as Korean transcribes Mandarin, for the names check's Chinese readings.
import { expect } from 'chai';
import { pinyinHangul, transcribesMandarin } from '../../../server/core/checks/pinyin.ts';

describe('core/checks pinyin: Chinese names as Korean writes them', () => {
  it('writes Pinyin syllables by Korean rules for Mandarin', () => {
    const cases: [string, string[]][] = [
      ['Sun', ['쑨']], ['Gong', ['궁']], ['Jun', ['쥔']], ['Wen', ['원']], ['Yang', ['양']], ['Zhaoxu', ['자오쉬']],
      ['Jin-ping', ['진핑']], ['Zedong', ['쩌둥']], ['Zhou Enlai', ['저우언라이']], ['Xian', ['셴']], ['Qian', ['첸']],
      ['Yuan', ['위안']], ['Weidong', ['웨이둥']], ['Si', ['쓰']], ['Zhi', ['즈']], ['Liu', ['류']],
    ];
    for (const [en, ko] of cases) expect(pinyinHangul(en), en).to.deep.equal(ko);
  });

  it('reads no Pinyin in Korean or Cantonese spellings', () => {
    for (const en of ['Yat-sen', 'Jung', 'Chung', 'Sung', 'Kim', 'Park', 'Lee', 'Eui-yong']) expect(pinyinHangul(en), en).to.deep.equal([]);
  });

  it('tells words Korean writes Mandarin with from ordinary words', () => {
    for (const w of ['쑨원', '시진핑', '마자오쉬', '저우언라이', '궁쥔']) expect(transcribesMandarin(w), w).to.equal(true);
    for (const w of ['중국', '중요한', '충분히', '숭고한', '대통령']) expect(transcribesMandarin(w), w).to.equal(false);
  });
});
