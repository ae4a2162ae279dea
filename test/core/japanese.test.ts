// English–Japanese statements (trilateral US–Japan–ROK releases) with the glossary and vocabulary
// twintext ships: the Japanese column gives the aligner word cues and the terminology check its terms.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { alignParagraphs, formatBeads } from '../../server/core/align.ts';
import { checkAlignment } from '../../server/core/checks/index.ts';
import { findGlossaryTerms, parseGlossary } from '../../server/core/glossary.ts';
import type { Bead } from '../../server/core/types.ts';

const data = (f: string) => parseGlossary(readFileSync(fileURLToPath(new URL(`../../data/${f}`, import.meta.url)), 'utf8'));
const glossary = data('glossary.tsv'), vocabulary = data('vocabulary.tsv');
const opts = { srcLang: 'en', tgtLang: 'ja', glossary, vocabulary } as const;

/** Beads as "1|1 2|2 5| 7,8|6" (1-based), the shape the bead file uses. */
const shape = (beads: Bead[]) => formatBeads(beads).replace(/\n$/, '').split('\n').map((l) => l.replace('\t', '|')).join(' ');

// A trilateral defence ministers' statement written for this test. The Japanese leaves out the
// Taiwan Strait paragraph (5) and writes 7 and 8 as one paragraph. Paragraphs 5 and 6 are about as
// long, and no number, date or name tells them apart: only the words do (ロシア, 北朝鮮, 懸念).
const EN = [
  'The Secretary of Defense of the United States, the Minister of Defense of Japan, and the Minister of National Defense of the Republic of Korea held a trilateral ministerial meeting in Tokyo on November 12, 2026.',
  "The three Ministers strongly condemned North Korea's launches of ballistic missiles, including an intercontinental ballistic missile, in violation of multiple UN Security Council resolutions.",
  'The Ministers reaffirmed that the U.S. commitment to the defense of Japan and the Republic of Korea is ironclad and is backed by extended deterrence, including the full range of U.S. military capabilities.',
  'The Ministers welcomed the real-time sharing of missile warning data and decided to expand trilateral exercises in the maritime domain.',
  'The Ministers emphasized the importance of peace and stability across the Taiwan Strait and opposed any unilateral attempts to change the status quo by force or coercion.',
  'The Ministers expressed concern about the deepening military cooperation between Russia and North Korea, including arms transfers.',
  'The Ministers discussed cooperation on cyber security, space and the defense industry.',
  "They also agreed to strengthen information sharing on North Korea's cyber activities.",
  'The Ministers decided to hold the next trilateral ministerial meeting in Seoul next year.',
];
const JA = [
  '米国国防長官、日本国防衛大臣及び大韓民国国防部長官は、2026年11月12日、東京において日米韓防衛相会談を開催した。',
  '三閣僚は、北朝鮮が複数の国連安全保障理事会決議に違反して、大陸間弾道ミサイルを含む弾道ミサイルを発射したことを強く非難した。',
  '三閣僚は、日本及び韓国の防衛に対する米国のコミットメントは鉄壁であり、あらゆる種類の米国の軍事能力を含む拡大抑止によって裏付けられていることを再確認した。',
  '三閣僚は、ミサイル警戒データのリアルタイム共有を歓迎し、海洋領域における日米韓の共同訓練を拡大することを決定した。',
  '三閣僚は、武器の移転を含むロシアと北朝鮮の軍事協力の深化に懸念を表明した。',
  '三閣僚は、サイバーセキュリティ、宇宙及び防衛産業に関する協力について議論した。また、北朝鮮のサイバー活動に関する情報共有を強化することで一致した。',
  '三閣僚は、来年ソウルにおいて次回の日米韓防衛相会談を開催することを決定した。',
];

describe('core: English–Japanese alignment and terminology with the shipped glossary', () => {
  it('reads the Japanese of the glossary terms as the same terms as the English', () => {
    const term = (text: string, lang: string) => findGlossaryTerms(text, lang, glossary).map((h) => h.termIndex);
    expect(term('北朝鮮', 'ja')).to.deep.equal(term('North Korea', 'en'));
    expect(term('拡大抑止', 'ja')).to.deep.equal(term('extended deterrence', 'en'));
    expect(term('日米韓', 'ja')).to.deep.equal(term('trilateral', 'en'));
    // A term inside a longer one is the longer one, as in Korean: 抑止 of 拡大抑止, 米国 of 在韓米軍.
    expect(term('在韓米軍', 'ja')).to.deep.equal(term('USFK', 'en'));
  });

  it('pairs every paragraph of a statement whose Japanese leaves one out and merges two, and marks the omission', () => {
    const beads = alignParagraphs(EN, JA, opts);
    expect(shape(beads)).to.equal('1|1 2|2 3|3 4|4 5| 6|5 7,8|6 9|7');
    const omissions = checkAlignment(EN, JA, beads, { srcLang: 'en', tgtLang: 'ja', glossary, checks: ['omission'] });
    expect(omissions.map((f) => [f.check, f.severity, f.src, f.tgt])).to.deep.equal([['omission', 'warning', [4], []]]);
  });

  it('reports English "extended deterrence" rendered otherwise in Japanese, and not when it is rendered as listed', () => {
    const beads = alignParagraphs(EN, JA, opts);
    const terminology = (ja: string[]) => checkAlignment(EN, ja, beads, { srcLang: 'en', tgtLang: 'ja', glossary, checks: ['terminology'] });
    const deterrence = (fs: ReturnType<typeof terminology>) => fs.filter((f) => f.key === 'terminology:src:extended deterrence');
    expect(deterrence(terminology(JA))).to.deep.equal([]);
    // 拡張抑止 is 확장억제 read as kanji: what a translation made from the Korean writes.
    const wrong = JA.map((p) => p.replace('拡大抑止', '拡張抑止'));
    const found = deterrence(terminology(wrong));
    expect(found.map((f) => [f.src, f.tgt, f.message])).to.deep.equal([
      [[2], [2], 'English "extended deterrence" should be rendered as "拡大抑止" in Japanese, which is missing'],
    ]);
  });

  it('reads a text tagged ja-JP (a TMX import, a trilateral statement) with the Japanese of the glossary too', () => {
    const tagged = { ...opts, tgtLang: 'ja-JP' };
    expect(shape(alignParagraphs(EN, JA, tagged))).to.equal(shape(alignParagraphs(EN, JA, opts)));
    const wrong = JA.map((p) => p.replace('拡大抑止', '拡張抑止'));
    const beads = alignParagraphs(EN, wrong, tagged);
    const found = checkAlignment(EN, wrong, beads, { srcLang: 'en', tgtLang: 'ja-JP', glossary, checks: ['terminology'] }).filter((f) => f.key === 'terminology:src:extended deterrence');
    expect(found.map((f) => f.message)).to.deep.equal(['English "extended deterrence" should be rendered as "拡大抑止" in Japanese, which is missing']);
  });

  it('reads Japanese counts of parties (日米韓, 両国, 三閣僚, 三か国) and compounds of countries as the English counts and names them', () => {
    const check = (en: string, ja: string, checks: string[]) =>
      checkAlignment([en], [ja], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang: 'en', tgtLang: 'ja', glossary, checks }).map((f) => `${f.severity}: ${f.message}`);
    expect(check('The three Ministers reaffirmed trilateral cooperation among Japan, the United States and the ROK.', '三閣僚は、日米韓の協力を再確認した。', ['numbers'])).to.deep.equal([]);
    expect(check('The trilateral exercise was held in the East China Sea.', '日米韓共同訓練が東シナ海で実施された。', ['numbers'])).to.deep.equal([]);
    expect(check('The two countries will hold the talks annually.', '両国は毎年協議を行う。', ['numbers'])).to.deep.equal([]);
    expect(check('The three countries will train 150 officers.', '三か国は百五十名の職員を訓練する。', ['numbers'])).to.deep.equal([]);
    // 日中 in 訪日中 ("visiting Japan") is no pair of countries, nor 日米 in 在日米軍.
    expect(check('The Prime Minister met Secretary Blinken, who is visiting Japan, and U.S. Forces Japan commanders.', '総理大臣は、訪日中のブリンケン国務長官及び在日米軍司令官と会談した。', ['numbers'])).to.deep.equal([]);
    // A changed count is still one.
    expect(check('The three countries will train 150 officers.', '三か国は二百五十名の職員を訓練する。', ['numbers'])).to.deep.equal(['error: Number 150 has no counterpart in Japanese; Japanese has 二百五十 (250)']);
    // "Japan" beside another country is rendered by the compound (日米韓), as 한미일 renders it in Korean.
    expect(check('The Japan-U.S.-ROK Trilateral Ministerial Meeting was held in Tokyo.', '日米韓外相会合が東京で開催された。', ['terminology', 'acronyms']).filter((m) => /"(?:Japan|U\.S\.|ROK)"/.test(m))).to.deep.equal([]);
  });

  it('reads the East and South China Seas as seas, not as China that Japanese (東シナ海, 南シナ海) leaves out', () => {
    const china = (en: string, ja: string) =>
      checkAlignment([en], [ja], [{ src: [0], tgt: [0], confidence: 1 }], { ...opts, checks: ['terminology'] })
        .filter((f) => f.severity !== 'info').map((f) => f.message);
    expect(china('The Ministers opposed coercion in the East China Sea and the South China Sea.', '三閣僚は、東シナ海及び南シナ海における威圧に反対した。')).to.deep.equal([]);
    // China named as a country is still asked for.
    expect(china('The Ministers discussed China in the East China Sea.', '三閣僚は、東シナ海について議論した。')).to.have.length(1);
  });

  it('leaves months and seasons to the dates check, in Japanese as in Korean: one finding for a wrong month, not two', () => {
    const about = (src: string, tgt: string, srcLang: string, tgtLang: string) =>
      checkAlignment([src], [tgt], [{ src: [0], tgt: [0], confidence: 1 }], { srcLang, tgtLang, glossary, checks: ['dates', 'terminology'] })
        .filter((f) => /3月|3월|March|April/.test(f.message)).map((f) => f.check);
    expect(about('The ministers will meet again in April.', '三閣僚は3月に再び会合する。', 'en', 'ja')).to.deep.equal(['dates']);
    expect(about('三閣僚は3月に再び会合する。', 'The ministers will meet again in April.', 'ja', 'en')).to.deep.equal(['dates']);
    expect(about('장관들은 3월에 다시 만난다.', 'The ministers will meet again in April.', 'ko', 'en')).to.deep.equal(['dates']);
  });
});

describe('core: names in English–Japanese statements (katakana read aloud)', () => {
  const names = (en: string, ja: string) =>
    checkAlignment([en], [ja], [{ src: [0], tgt: [0], confidence: 1 }], { ...opts, checks: ['names'] });
  const shown = (fs: ReturnType<typeof names>) => fs.map((f) => `${f.severity}: ${f.message}`);

  it('matches foreign names written in katakana before a title, a country between or not', () => {
    for (const [en, ja] of [
      ['Secretary of State Blinken met Secretary of Defense Austin in Washington.', 'ブリンケン国務長官は、ワシントンにおいてオースティン国防長官と会談した。'],
      ['Secretary Lloyd J. Austin III welcomed the Minister.', 'ロイド・J・オースティン米国防長官は、大臣を歓迎した。'],
      ['National Security Advisor Jake Sullivan and Kurt Campbell attended.', 'ジェイク・サリバン国家安全保障担当大統領補佐官とカート・キャンベル氏が出席した。'],
      ['President Trump and Secretary Hegseth spoke with Ambassador Goldberg.', 'トランプ大統領及びヘグセス長官は、ゴールドバーグ大使と話した。'],
      ['White House Press Secretary stated the following.', 'ホワイトハウス報道官は、次のとおり述べた。'],
    ]) expect(shown(names(en!, ja!)), ja).to.deep.equal([]);
  });

  it('reports a katakana name the English writes as someone else, as one error naming both', () => {
    const fs = names('Secretary of State Blinken met the Foreign Minister.', 'ルビオ国務長官は外務大臣と会談した。');
    expect(shown(fs)).to.deep.equal(['error: Name Blinken does not match Japanese ルビオ']);
    // Japanese on the left (a Japanese-led release): the same finding, turned round.
    const turned = checkAlignment(['ルビオ国務長官は外務大臣と会談した。'], ['Secretary of State Blinken met the Foreign Minister.'],
      [{ src: [0], tgt: [0], confidence: 1 }], { ...opts, srcLang: 'ja', tgtLang: 'en', checks: ['names'] });
    expect(shown(turned)).to.deep.equal(['error: Name ルビオ does not match English Blinken']);
  });

  it('does not ask for katakana where Japanese writes a person in kanji (岸田, 尹錫悦)', () => {
    expect(shown(names('Prime Minister Kishida and President Yoon met Secretary Blinken.', '岸田総理大臣及び尹錫悦大統領は、ブリンケン国務長官と会談した。'))).to.deep.equal([]);
    expect(shown(names('Minister Kishida welcomed the meeting.', '岸田外務大臣は会談を歓迎した。'))).to.deep.equal([]);
  });

  it('warns about a katakana name the English paragraph leaves out, and notes a loose transliteration', () => {
    const missing = names('Secretary Austin met the Minister of Defense of Japan.', 'オースティン国防長官は、キャンベル氏同席の下、防衛大臣と会談した。');
    expect(shown(missing).map((s) => s.split(':')[0])).to.deep.equal(['warning']);
    expect(missing[0]!.message).to.include('キャンベル');
    // ブリケン for Blinken: one sound dropped, a spelling to check, not a different person.
    const loose = names('Secretary of State Blinken met the Foreign Minister.', 'ブリケン国務長官は外務大臣と会談した。');
    expect(loose.map((f) => f.severity)).to.deep.equal(['info', 'info']);
    expect(loose.some((f) => f.message.includes('spelled differently'))).to.equal(true);
  });

  it('accepts a name the paragraph leaves to the title when the statement names the person elsewhere', () => {
    const en = ['Secretary of Defense Austin hosted the meeting.', 'The Secretary thanked the Ministers.'];
    const ja = ['オースティン国防長官が会談を主催した。', 'オースティン長官は両大臣に謝意を表した。'];
    const fs = checkAlignment(en, ja, [{ src: [0], tgt: [0], confidence: 1 }, { src: [1], tgt: [1], confidence: 1 }], { ...opts, checks: ['names'] });
    expect(fs.filter((f) => f.severity !== 'info')).to.deep.equal([]);
  });
});
