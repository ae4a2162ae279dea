// The names check between English and Japanese: katakana names read aloud against English spellings,
// and English names that Japanese writes in kanji. Statements written for these tests.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkAlignment } from '../../../server/core/checks/index.ts';
import { parseGlossary } from '../../../server/core/glossary.ts';

const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8'));

/** The names findings of one English–Japanese pair, as "severity: message". */
function names(en: string, ja: string): string[] {
  return checkAlignment([en], [ja], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ja', glossary, checks: ['names'] })
    .map((f) => `${f.severity}: ${f.message}`);
}

/** The same with the Japanese on the left (a Japanese-led release). */
function namesFromJapanese(ja: string, en: string): string[] {
  return checkAlignment([ja], [en], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'ja', tgtLang: 'en', glossary, checks: ['names'] })
    .map((f) => `${f.severity}: ${f.message}`);
}

const attended = (en: string, ja: string): [string, string] => [`Ambassador ${en} attended the reception.`, `${ja}大使がレセプションに出席した。`];

describe('core/checks names: English–Japanese', () => {
  it('accepts katakana that writes a final s as ズ, ti as チ and z as ツ', () => {
    for (const [en, ja] of [
      ['Jones', 'ジョーンズ'], ['Adams', 'アダムズ'], ['James', 'ジェームズ'], ['Williams', 'ウィリアムズ'], ['Evans', 'エバンズ'],
      ['Rogers', 'ロジャーズ'], ['Hughes', 'ヒューズ'], ['Putin', 'プーチン'], ['Schwartz', 'シュワルツ'], ['Waltz', 'ウォルツ'],
      ['Merz', 'メルツ'], ['Scholz', 'ショルツ'],
    ]) {
      expect(names(...attended(en!, ja!)), en).to.deep.equal([]);
      expect(namesFromJapanese(attended(en!, ja!)[1], attended(en!, ja!)[0]), en).to.deep.equal([]);
    }
  });

  it('accepts English spellings with silent letters, wh, sch, th, a soft g, n before b and ヴ for w', () => {
    for (const [en, ja] of [
      ['Wright', 'ライト'], ['Knight', 'ナイト'], ['Ahn', 'アン'], ['Whitaker', 'ウィテカー'], ['Wheeler', 'ウィーラー'], ['Walker', 'ウォーカー'],
      ['Matthew', 'マシュー'], ['Wadephul', 'ヴァーデフール'], ['Johnson', 'ジョンソン'], ['McCarthy', 'マッカーシー'], ['Kissinger', 'キッシンジャー'],
      ['Kritenbrink', 'クリテンブリンク'], ['Stoltenberg', 'ストルテンベルグ'], ['Fischer', 'フィッシャー'], ['Hegseth', 'ヘグセス'],
      // A final r unheard, doubled or before a silent e, and a final er heard as アー.
      ['Kerr', 'カー'], ['Carr', 'カー'], ['Gore', 'ゴア'], ['Moore', 'ムーア'], ['Blair', 'ブレア'], ['Clare', 'クレア'],
    ]) {
      expect(names(...attended(en!, ja!)), en).to.deep.equal([]);
      expect(namesFromJapanese(attended(en!, ja!)[1], attended(en!, ja!)[0]), en).to.deep.equal([]);
    }
    // Whole names the English anchors cut short: a hyphen, an apostrophe, a particle.
    expect(names('Press Secretary Karine Jean-Pierre said.', 'カリーン・ジャン＝ピエール報道官は述べた。')).to.deep.equal([]);
    expect(names('National Security Advisor Robert O’Brien attended.', 'オブライエン補佐官が出席した。')).to.deep.equal([]);
    expect(names('President Ursula von der Leyen attended.', 'フォン・デア・ライエン欧州委員長が出席した。')).to.deep.equal([]);
  });

  it('still tells different people apart', () => {
    expect(names('Secretary of State Blinken met the Foreign Minister.', 'ルビオ国務長官は外務大臣と会談した。'))
      .to.deep.equal(['error: Name Blinken does not match Japanese ルビオ']);
    expect(names('Secretary Whitman reaffirmed the commitment.', 'ブラッドリー長官はコミットメントを再確認した。'))
      .to.deep.equal(['error: Name Whitman does not match Japanese ブラッドリー']);
    expect(names('Secretary Hegseth met Minister Nakatani.', 'オースティン国防長官は中谷防衛大臣と会談した。'))
      .to.deep.equal(['error: Name Hegseth does not match Japanese オースティン']);
    // An unheard final r is not an unheard syllable: Kerry is ケリー, not カー.
    expect(names(...attended('Kerry', 'カー'))).to.deep.equal(['error: Name Kerry does not match Japanese カー']);
    // Close spellings of other names: a note at least, never a pass. Biden and プーチン share their
    // consonants (p-t-n) but not how they begin; Ahn and ユン share theirs (n) but not the vowel.
    for (const [en, ja] of [['Miller', 'ミラード'], ['Biden', 'プーチン'], ['Ahn', 'ユン'], ['Vance', 'エバンズ']]) {
      expect(names(...attended(en!, ja!)), en).to.not.deep.equal([]);
    }
  });

  it('finds one-consonant names (Yun, Cho, Choi, Wong) in both directions', () => {
    for (const [en, ja] of [['Ambassador Yun', 'ユン大使'], ['Minister Cho', 'チョ長官'], ['Minister Choi', 'チェ長官'], ['Prime Minister Wong', 'ウォン首相']]) {
      expect(names(`${en} attended.`, `${ja}が出席した。`), en).to.deep.equal([]);
      expect(namesFromJapanese(`${ja}が出席した。`, `${en} attended.`), en).to.deep.equal([]);
    }
    expect(names('Ambassador Glass met Ambassador Yun.', 'グラス大使はユン大使と会談した。')).to.deep.equal([]);
  });

  it('does not pair an English name Japanese writes in kanji with a katakana name the English leaves out', () => {
    // Ishiba is 石破: the English leaves Trump out, it does not call him Ishiba.
    expect(names('Prime Minister Ishiba held talks.', '石破総理大臣はトランプ大統領と会談した。'))
      .to.deep.equal(['warning: Japanese name トランプ has no counterpart in English']);
    expect(namesFromJapanese('石破総理大臣はトランプ大統領と会談した。', 'Prime Minister Ishiba held talks.'))
      .to.deep.equal(['warning: Japanese name トランプ has no counterpart in English']);
    // With Japanese, Chinese and Korean names in kanji, nothing is missing.
    expect(names('Foreign Minister Wang Yi met Minister Cho Tae-yul and Minister Iwaya.', '王毅中国外相は趙兌烈韓国外交部長官及び岩屋外務大臣と会談した。')).to.deep.equal([]);
    expect(names('President Tsai Ing-wen met Secretary Blinken.', '蔡英文総統はブリンケン国務長官と会談した。')).to.deep.equal([]);
  });

  it('compares a kanji name the glossary gives in English like any other name', () => {
    // The team's glossary with three people in it (rows written for this test).
    const people = parseGlossary(readFileSync(fileURLToPath(new URL('../../../data/glossary.tsv', import.meta.url)), 'utf8')
      + 'Kishida|Fumio Kishida\t기시다\t岸田\nIshiba|Shigeru Ishiba\t이시바\t石破\nNakatani\t나카타니\t中谷\n');
    const withPeople = (src: string, tgt: string, srcLang = 'en', tgtLang = 'ja') => checkAlignment([src], [tgt], [{ src: [0], tgt: [0], confidence: 1 }],
      { srcLang, tgtLang, glossary: people, checks: ['names'] }).map((f) => `${f.severity}: ${f.message}`);
    // 岸田 where the English says Ishiba: another prime minister, in either direction.
    expect(withPeople('Prime Minister Ishiba held talks with President Trump.', '岸田総理大臣はトランプ大統領と会談した。'))
      .to.deep.equal(['error: Name Ishiba does not match Japanese 岸田']);
    expect(withPeople('岸田総理大臣はトランプ大統領と会談した。', 'Prime Minister Ishiba held talks with President Trump.', 'ja', 'en'))
      .to.deep.equal(['error: Name 岸田 does not match English Ishiba']);
    // The right kanji, with the given name written too, is the person.
    expect(withPeople('Prime Minister Ishiba held talks with President Trump.', '石破総理大臣はトランプ大統領と会談した。')).to.deep.equal([]);
    expect(withPeople('Prime Minister Kishida held talks with President Biden.', '岸田文雄総理大臣はバイデン大統領と会談した。')).to.deep.equal([]);
    // A known kanji name the English leaves out, and the other way round.
    expect(withPeople('The Prime Minister held talks with President Trump.', '石破総理大臣はトランプ大統領と会談した。'))
      .to.deep.equal(['warning: Japanese name 石破 has no counterpart in English']);
    expect(withPeople('Defense Minister Nakatani met Secretary Hegseth.', '林防衛大臣はヘグセス国防長官と会談した。'))
      .to.deep.equal(['warning: English name Nakatani has no counterpart in Japanese']);
    // Kanji the glossary does not list (林, 安圭伯) are never reported as missing.
    expect(withPeople('Defense Minister Hayashi met Secretary Hegseth.', '林防衛大臣はヘグセス国防長官と会談した。')).to.deep.equal([]);
    expect(withPeople('Minister Nakatani met Minister Ahn Gyu-back.', '中谷防衛大臣は安圭伯国防部長官と会談した。')).to.deep.equal([]);
    // Without those rows, 岸田 is not read, as before.
    expect(names('Prime Minister Ishiba held talks with President Trump.', '岸田総理大臣はトランプ大統領と会談した。')).to.deep.equal([]);
  });

  it('warns about an English name that Japanese would write in katakana and leaves out', () => {
    expect(names('Secretary Rubio and Secretary Hegseth met Minister Iwaya.', 'ルビオ国務長官は岩屋外務大臣と会談した。'))
      .to.deep.equal(['warning: English name Hegseth has no counterpart in Japanese']);
    expect(names('Prime Minister Ishiba met President Trump.', '石破総理大臣は会談した。'))
      .to.deep.equal(['warning: English name Trump has no counterpart in Japanese']);
  });

  it('expects in katakana a surname the statement writes elsewhere with a Western given name', () => {
    // "Rubio" alone reads as romanized Japanese (ru-bi-o); "Marco Rubio" in the first paragraph does not.
    const en = ['U.S. Secretary of State Marco Rubio, Japanese Foreign Minister Iwaya and ROK Foreign Minister Cho met in Washington.',
      'Secretary Rubio and Minister Iwaya reaffirmed their commitment to the trilateral partnership.'];
    const doc = (ja2: string) => checkAlignment(en, ['ルビオ米国務長官、岩屋外務大臣及び趙兌烈韓国外交部長官はワシントンで会談した。', ja2],
      [{ src: [0], tgt: [0], confidence: 1 }, { src: [1], tgt: [1], confidence: 1 }], { srcLang: 'en', tgtLang: 'ja', glossary, checks: ['names'] })
      .filter((f) => f.src[0] === 1).map((f) => `${f.severity}: ${f.message}`);
    expect(doc('岩屋外務大臣は日米韓のパートナーシップへのコミットメントを再確認した。'))
      .to.deep.equal(['info: English name Rubio is not in this Japanese paragraph (the Japanese text names the person elsewhere)']);
    // Another secretary in katakana: the error names Rubio, with a kanji name (岩屋) left for Iwaya.
    expect(doc('ブリンケン国務長官及び岩屋外務大臣は日米韓のパートナーシップへのコミットメントを再確認した。'))
      .to.deep.equal(['error: Name Rubio does not match Japanese ブリンケン']);
    // Without the full name anywhere, "Rubio" alone may still be someone written in kanji.
    const short = ['Secretary Rubio and Minister Iwaya reaffirmed their commitment.', '岩屋外務大臣はコミットメントを再確認した。'] as const;
    expect(names(...short)).to.deep.equal([]);
  });

  it('pairs a changed name with the English name of the same office when the Japanese has no kanji name left for it', () => {
    // Biden reads as romanized Japanese too (bi-de-n): of Kishida and Biden, the president is the one changed.
    expect(names('Prime Minister Kishida met President Biden.', '岸田総理大臣はトランプ大統領と会談した。'))
      .to.deep.equal(['error: Name Biden does not match Japanese トランプ']);
  });

  it('reads katakana countries, cities and bodies before a title as no one', () => {
    for (const [en, ja] of [
      ['The German Chancellor attended.', 'ドイツ首相が出席した。'],
      ['The French President said.', 'フランス大統領は述べた。'],
      ['The Italian Prime Minister attended.', 'イタリア首相が出席した。'],
      ['The Canadian Prime Minister attended.', 'カナダ首相が出席した。'],
      ['The Special Representative for the Task Force attended.', 'タスクフォース特別代表が出席した。'],
      ['The team representative attended.', 'チーム代表が出席した。'],
      ['The Department of Defense spokesperson said.', 'ペンタゴン報道官は述べた。'],
      ['The Chair of ASEAN said.', 'アセアン議長は述べた。'],
      ['Italian Prime Minister Giorgia Meloni attended.', 'メローニ・イタリア首相が出席した。'],
    ]) expect(names(en!, ja!), ja).to.deep.equal([]);
    // Beside a country, a name is still compared.
    expect(names('Italian Prime Minister Meloni attended.', 'ドラギ・イタリア首相が出席した。'))
      .to.deep.equal(['error: Name Meloni does not match Japanese ドラギ']);
  });

  it('reads a katakana name before さん as a name, like one before 氏', () => {
    expect(names('We thank Ms. Johnson for her work.', 'ジョンソンさんの尽力に感謝する。')).to.deep.equal([]);
    expect(names('We thank Ms. Johnson for her work.', 'スミスさんの尽力に感謝する。'))
      .to.deep.equal(['error: Name Johnson does not match Japanese スミス']);
  });
});
