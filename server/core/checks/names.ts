// Personal-name check: names on one side must reappear, romanized or transliterated, on the other.
import { EN_WORD_SURNAME, extractAnchors, KO_RANK, KO_SIDE, KO_TITLE, KO_VERB_FORM, KOREAN_SYLLABLE, nameSkeleton, RARER_SURNAME, romanize, SURNAME_SPELLINGS, type Anchor } from '../anchors.ts';
import { findGlossaryTerms, type Glossary } from '../glossary.ts';
import { romanizeKana } from '../kana.ts';
import { pinyinHangul, transcribesMandarin } from './pinyin.ts';
import { HANGUL_RE, langName } from './side.ts';
import type { Hit, RawFinding, Unit } from './types.ts';

const SURNAMES = SURNAME_SPELLINGS;
const SPELLING_TO_HANGUL = new Map<string, string[]>();
// Surnames before a given name ("An Jung-geun", "In Ji-hoon"): also the spellings that are English words
// (An, In, So, Do, Ok, Ye), only read before a given name (otherSurnameGiven, unmatchedLatinNames, koreanNameIn).
const SURNAME_BEFORE_GIVEN = new Map<string, string[]>();
for (const [h, list] of Object.entries(SURNAMES)) {
  for (const s of list) {
    SURNAME_BEFORE_GIVEN.set(s, [...(SURNAME_BEFORE_GIVEN.get(s) ?? []), h]);
    if (!EN_WORD_SURNAME.has(s)) SPELLING_TO_HANGUL.set(s, [...(SPELLING_TO_HANGUL.get(s) ?? []), h]);
  }
}
/**
 * A frequent surname at the start of a Hangul word, whose rest may be read as a given name (박진 → 진):
 * not a rarer one, whose syllable opens too many ordinary words (지난해, 사람, 국민).
 */
const opensWithSurname = (w: string): boolean => w.length >= 2 && !!SURNAMES[w[0]!] && !RARER_SURNAME.has(w[0]!);
/** A Hangul name's surname (two syllables first: 남궁, 제갈) and its English spellings. */
function surnameOf(w: string): [string, string[]] | undefined {
  const two = w.length >= 3 ? SURNAMES[w.slice(0, 2)] : undefined;
  if (two) return [w.slice(0, 2), two];
  const one = SURNAMES[w[0]!];
  return one ? [w[0]!, one] : undefined;
}

// Capitalised words a title pattern may catch that are not names.
const NOT_NAME = new Set([
  'assembly', 'council', 'committee', 'department', 'ministry', 'office', 'forces', 'command', 'staff', 'korea', 'republic',
  'states', 'united', 'affairs', 'defense', 'defence', 'state', 'national', 'foreign', 'general', 'security', 'deputy', 'vice',
  'prime', 'minister', 'secretary', 'president', 'the', 'and', 'of', 'for', 'acting', 'assistant', 'under', 'policy', 'japanese',
  'korean', 'american', 'chinese', 'first', 'both', 'also', 'in', 'on', 'group', 'alliance', 'meeting', 'summit', 'council',
  'peninsula', 'forces', 'army', 'navy', 'force', 'joint', 'chiefs', 'strategic', 'nuclear', 'consultative', 'dialogue', 'statement',
  'today', 'they', 'their', 'this', 'these', 'during', 'after', 'following', 'secretary’s', 'readout', 'spokesperson', 'ambassador',
]);

// Titles and forms of address that follow a Korean name, beyond the official titles the anchors know.
const KO_EXTRA_TITLE = /(?<![\p{Script=Hangul}])(\p{Script=Hangul}{2,5})\s(?=(?:장군|제독|교수|박사|씨|의원|기자|회장|사장|감독|코치|판사|검사|총재|국장|대령|중장|대장|소장|변호사|선수)(?:[은는이가을를의와과도에께]|에게|\s|$|[,.]))/gu;
// Words that open like a name but are none: whole words, not their first syllable, since 이 (Lee), 전
// (Jeon) and 현 (Hyun) are surnames as well as the start of 이번, 전임 and 현지.
// A team, a sport or a kind of player before 감독, 코치 or 선수 ("대표팀 감독", "국가대표 선수", "축구 선수",
// "외국인 선수") is no name.
const KO_NOT_NAME = /^(?:한국|미국|일본|중국|북한|러시아|영국|정부|당국|현지|관계|담당|해당|공동|이번|이날|이후|이전|이들|지난|당시|전임|전직|전날|신임|현직|현재|그동안|그간|그들|저희|우리|대한|국방|외교|안보|경찰|검찰|법원|대학|위원회|대표|국가대표|축구|야구|농구|배구|골프|테니스|육상|빙상|체조|올림픽|프로(?:야구|축구|농구|배구)|구단|주전|신인|외국인|한국인|남자|여자|청소년)|팀$/u;

/** Hangul names before forms of address ("존 고든 장군", "김 교수") that the anchors do not cover. */
function extraNames(text: string, anchors: Anchor[], otherNamesSomeone = true): Anchor[] {
  if (!HANGUL_RE.test(text)) return [];
  const out: Anchor[] = [];
  KO_EXTRA_TITLE.lastIndex = 0;
  for (const m of text.matchAll(KO_EXTRA_TITLE)) {
    const w = m[1]!;
    // A verb before the noun ("현장에 있던 기자") or a side ("외상측 대변인") is no name either.
    if (KO_NOT_NAME.test(w) || /(?:부|청|처|원|회|국|소|관|단|실|측|들|의|은|는|이|가|을|를|에|와|과|도|로)$/u.test(w) && w.length > 3
      || KO_VERB_FORM.test(w) || KO_SIDE.test(w)) continue;
    const a = { kind: 'name' as const, value: w, start: m.index, end: m.index + w.length, text: w };
    if (!anchors.some((b) => b.kind === 'name' && b.start < a.end && a.start < b.end)) out.push(a);
  }
  // A name with its title written onto it (김영수장관은, 김영수대사의): the name of three syllables before
  // it, opening with a frequent surname, read only when the other version's anchors hold a name (so
  // 이집트대통령은 against "The President of Egypt" names nobody). Not a ministry, office or mission (국방부장관, 주한미대사,
  // 주독일대사, 미국무장관), nor a word with 님 alone (위원장님, 고객님), which may open like a name but is none.
  if (!otherNamesSomeone) return out;
  for (const m of text.matchAll(/\p{Script=Hangul}+/gu)) {
    const core = gluedTitleCore(m[0]);
    if (!core || core.length !== 3 || m[0].startsWith(core + '님') || !opensWithSurname(core) || KO_NOT_NAME.test(core)
      || /(?:부|청|처|회|소|실|단|측|당|들)$/u.test(core) || core.startsWith('주') || KO_VERB_FORM.test(core) || KO_SIDE.test(core)) continue;
    const a = { kind: 'name' as const, value: core, start: m.index, end: m.index + core.length, text: core };
    if (![...anchors, ...out].some((b) => b.kind === 'name' && b.start < a.end && a.start < b.end)) out.push(a);
  }
  return out;
}

/** Whether a text names any person: a name anchor, or a Latin "Given Family" pair. */
function namesSomeone(text: string, anchors: Anchor[]): boolean {
  if (anchors.some((a) => a.kind === 'name')) return true;
  if (HANGUL_RE.test(text)) return extraNames(text, anchors).length > 0;
  if (KANA_RE.test(text)) return personKanaNames(text).length > 0 || JA_KANJI_NAME.test(text);
  return /(?<![.!?:]\s|^)\b\p{Lu}\p{Ll}+\s(?:\p{Lu}\.\s)?\p{Lu}\p{Ll}+(?:-\p{Ll}+)?\b/u.test(text);
}

// Japanese: foreign names are written in katakana, and a name stands before its title, a country
// between them or not ("ブリンケン国務長官", "オースティン米国防長官", "ロイド・オースティン長官"). Japanese,
// Chinese and often Korean people are written in kanji (岸田, 尹錫悦), which no reading rule turns into
// the English spelling: katakana names are compared, and kanji names only as the glossary gives them.
const KANA_RE = /[\p{Script=Katakana}\p{Script=Hiragana}]/u;
const JA_TITLES = ['国務長官', '国防長官', '国防部長官', '外交部長官', '長官', '副大統領', '大統領', '首相', '総理大臣', '総理', '外相', '外務大臣',
  '外務相', '防衛大臣', '防衛相', '国防相', '大臣', '大使', '報道官', '補佐官', '次官補', '次官', '司令官', '議長', '委員長', '事務総長', '特別代表', '代表', '氏', '夫人', 'さん'];
const JA_COUNTRY = '(?:米国|日本|韓国|豪州|英国|中国|北朝鮮|米|日|韓|豪|英|仏|独|加|比|印)';
const KATA = '[\\p{Script=Katakana}ー]';
const JA_NAME = new RegExp(`(?<![\\p{Script=Katakana}ー・＝゠])${KATA}{2,}(?:(?:・(?:[A-ZＡ-Ｚ][.．]?・)?|[＝゠])${KATA}{2,})*(?=${JA_COUNTRY}?(?:${JA_TITLES.join('|')}))`, 'gu');
/** A kanji name before a title ("岸田首相", "趙兌烈外交部長官"): someone is named, though not comparably. */
const JA_KANJI_NAME = new RegExp(`(?<!\\p{Script=Han})\\p{Script=Han}{2,4}${JA_COUNTRY}?(?:${JA_TITLES.filter((t) => t !== '氏' && t !== '夫人' && t !== 'さん').join('|')})`, 'u');

// Katakana before a title that names a country, a city or a body, not a person ("ドイツ首相", German
// Chancellor; "ペンタゴン報道官"; "タスクフォース特別代表"). A glossary term is no name either, but the
// glossary does not list every country, and a country's name may meet an English word by chance.
const KATA_NOT_NAME = new Set([
  'アメリカ', 'ドイツ', 'フランス', 'イタリア', 'カナダ', 'イギリス', 'オーストラリア', 'ニュージーランド', 'ロシア', 'ウクライナ',
  'フィリピン', 'インド', 'インドネシア', 'ベトナム', 'タイ', 'マレーシア', 'シンガポール', 'ブルネイ', 'カンボジア', 'ラオス', 'ミャンマー',
  'モンゴル', 'パキスタン', 'バングラデシュ', 'スリランカ', 'ネパール', 'イスラエル', 'パレスチナ', 'イラン', 'イラク', 'シリア', 'ヨルダン',
  'サウジアラビア', 'カタール', 'クウェート', 'トルコ', 'エジプト', 'ブラジル', 'メキシコ', 'アルゼンチン', 'チリ', 'ペルー', 'コロンビア',
  'スペイン', 'ポルトガル', 'オランダ', 'ベルギー', 'ルクセンブルク', 'スイス', 'オーストリア', 'スウェーデン', 'ノルウェー', 'フィンランド',
  'デンマーク', 'アイスランド', 'アイルランド', 'ポーランド', 'チェコ', 'スロバキア', 'ハンガリー', 'ルーマニア', 'ブルガリア', 'ギリシャ',
  'リトアニア', 'ラトビア', 'エストニア', 'モルドバ', 'ジョージア', 'アフリカ', 'ヨーロッパ', 'アジア', 'パラオ', 'フィジー', 'トンガ', 'サモア',
  'パプアニューギニア', 'ソロモン', 'ワシントン', 'ソウル', 'ニューヨーク', 'ロンドン', 'パリ', 'ベルリン', 'ブリュッセル', 'ジュネーブ',
  'モスクワ', 'キーウ', 'マニラ', 'ハノイ', 'ジャカルタ', 'キャンベラ', 'シドニー', 'ハワイ', 'グアム',
  'アセアン', 'ペンタゴン', 'ホワイトハウス', 'タスクフォース', 'チーム', 'グループ', 'ワーキンググループ', 'センター', 'プロジェクト',
  'プログラム', 'ミッション', 'フォーラム', 'ユニット', 'パネル', 'ネットワーク', 'パートナーシップ', 'イニシアティブ', 'サミット',
  'コミッション', 'コミュニティ', 'ユニセフ', 'ユネスコ', 'インターポール', 'クアッド', 'オリンピック', 'パラリンピック', 'サイバー',
  'スペースフォース', 'プレス', 'メディア',
]);

/** Katakana names of a Japanese text: the katakana before a title, 氏 or さん. */
function kanaNames(text: string): Anchor[] {
  if (!KANA_RE.test(text)) return [];
  return [...text.matchAll(JA_NAME)].map((m) => ({ kind: 'name' as const, value: m[0], start: m.index, end: m.index + m[0].length, text: m[0] }));
}

/** Katakana names that are not only a country or body (ドイツ首相 names no one). */
function personKanaNames(text: string): Anchor[] {
  return kanaNames(text).filter((a) => a.text.split(/[・＝゠]/u).some((p) => p.length >= 2 && !KATA_NOT_NAME.has(p)));
}

/**
 * Where an English name that an anchor cut short ends: after the rest of its word ("Jean-Pierre",
 * "O’Hanlon") and the surname after a given name so cut ("Jean-Noël Barrot"), or a surname after von,
 * van, de… ("Ursula von der Leyen"); a possessive not included.
 */
function nameEnd(text: string, end: number): number {
  // The anchor may end on the hyphen or apostrophe itself ("Karine Jean-").
  if (/[’'-]$/u.test(text.slice(0, end))) end--;
  // Or inside "McCarthy", after its Mc.
  if (/\bMa?c$/u.test(text.slice(0, end))) end += /^\p{Lu}\p{Ll}+/u.exec(text.slice(end))?.[0].length ?? 0;
  const rest = text.slice(end);
  const cut = /^(?:[’'-](?!s\b)\p{L}+)+(?:\s+\p{Lu}\p{Ll}+(?:[’'-](?!s\b)\p{L}+)*(?![\p{L}\d]))?/u.exec(rest);
  if (cut) return end + cut[0].length;
  const particle = /^(?:\s+(?:von|van|de|der|den|da|di|du|del|della|dos|la|le|bin|al|ter|zu))+\s+\p{Lu}\p{L}+(?:[’'-](?!s\b)\p{L}+)*/u.exec(rest);
  return end + (particle?.[0].length ?? 0);
}

// How Japanese writes sounds that English spells otherwise: ヴ is a v or a w (ヴァーデフール, Wadephul),
// チ stands for ti (プーチン, Putin) and ズ for a final s heard as z (ジョーンズ, Jones). Every
// combination is read, so that a word with several of them still meets its English spelling.
const KANA_SOUNDS: [RegExp, string][] = [[/ヴ/g, 'ウ'], [/チ(?![ャュョァィゥェォ])/g, 'ティ'], [/ズ/g, 'ス']];
// How English spells sounds that Japanese writes as heard: silent letters (Wright ライト, Knight
// ナイト, Hughes ヒューズ, Singh シン, Ahn アン, Johnson ジョンソン, Walker ウォーカー), hoo as fu
// (Hooker フッカー), wh as w (Whitaker ウィテカー), sch as sh (Fischer フィッシャー), th as s (Hegseth
// ヘグセス, Matthew マシュー), a soft g (Kissinger キッシンジャー), z as ts (Merz メルツ), n as m before
// b and p (Kritenbrink クリテンブリンク), and an r after a vowel unheard (Goldberg ゴールドバーグ).
const EN_SOUNDS: [RegExp, string][] = [
  [/(?<=[aeioun])gh/g, ''], [/^(?:k(?=n)|w(?=r))/, ''], [/^h(?=oo)/, 'f'], [/^wh/, 'w'], [/sch/g, 'sh'], [/t?th/g, 's'],
  [/(?<=[aeiou])h(?![aeiouy])/g, ''], [/(?<=[ao])l(?=[km])/g, ''], [/g(?=[eiy])/g, 'j'], [/t?z/g, 'ts'], [/n(?=[bp])/g, 'm'],
  // The e of a final er(r) heard as ア (Kerr カー): before the rules that drop the r.
  [/e(?=rr?$)/, 'a'], [/(?<=[aeiou])r(?![aeiouy])/g, ''],
  // A name ending in an r that is not heard, doubled or before a silent e (Kerr カー, Gore ゴア,
  // Moore ムーア, Blair ブレア).
  [/(?<=[aeiou])rr?e?$/, ''],
];

/** Every spelling a word has when any of the rules that apply to it are applied (at most 2^6). */
function spellings(w: string, rules: [RegExp, string][]): string[] {
  const apply = rules.filter(([re]) => new RegExp(re.source, re.flags.replace('g', '')).test(w)).slice(0, 6);
  const out = new Set<string>();
  for (let mask = 0; mask < 1 << apply.length; mask++) {
    let v = w;
    apply.forEach(([re, to], i) => {
      if (mask & (1 << i)) v = v.replace(re, to);
    });
    out.add(v);
  }
  return [...out];
}

/**
 * A name word as Japanese hears it: its consonant skeleton; how it begins, which katakana keeps
 * apart where the skeleton does not (Biden バイデン and Putin プーチン are both p-t-n): with a voiced
 * consonant ('+': b d g j v z), a voiceless one ('-': p t k ch f s) or a vowel ('o': Evans エバンズ,
 * not Vance); and for a one-consonant skeleton its first vowel, which alone tells Ahn アン, Yun ユン
 * and Wong ウォン apart. An empty voice or vowel meets any.
 */
interface Heard {
  sk: string; voice: string; vowels: string;
  /** Where its vowels stand (see frameOf); `en` the English spelling it was read from, if English. */
  frame: Frame; en?: string;
}

function voiceOf(spelled: string): string {
  return /^[bdgjvz]/.test(spelled) ? '+' : /^(?:[ptkcqfsx]|ch|sh|th)/.test(spelled) ? '-' : /^[aeiou]/.test(spelled) ? 'o' : '';
}

// The first vowel as written in English, and the katakana vowels it may stand for: Choi is チェ,
// Jeong チョン, Bae ベ, Yoon ユン (Korean spellings: where most one-consonant names come from), and
// an a after w is often オ (Walker ウォーカー).
const FIRST_VOWEL: [RegExp, string][] = [[/^(?:oo|eu|u)/, 'u'], [/^(?:oi|oe|eo)/, 'oe'], [/^(?:ae|ai|ay)/, 'ae'], [/^(?:ee|i)/, 'i'], [/^e/, 'e'], [/^o/, 'o'], [/^a/, 'a']];
function vowelsOf(spelled: string, sk: string): string {
  if (sk.length > 1) return '';
  const m = /^([^aeiou]*)([aeiouy]*)/.exec(spelled)!;
  const v = FIRST_VOWEL.find(([re]) => re.test(m[2]!))?.[1] ?? '';
  return v === 'a' && m[1]!.endsWith('w') ? 'ao' : v;
}

function heardOf(spelled: string, sk: string, lenient: boolean, reading: Script): Heard {
  const h: Heard = { sk, voice: lenient ? '' : voiceOf(spelled), vowels: vowelsOf(spelled, sk), frame: frameOf(spelled, reading) };
  if (reading === 'en') h.en = spelled;
  return h;
}

const soundCache = new Map<string, Heard[]>();
function cachedHeard(key: string, make: () => Heard[]): Heard[] {
  let v = soundCache.get(key);
  if (!v) {
    if (soundCache.size >= 10_000) soundCache.clear();
    const unique = new Map<string, Heard>();
    for (const h of make()) if (h.sk.length >= 1) unique.set(`${h.sk}|${h.voice}|${h.vowels}|${h.en ?? frameKey(h.frame)}`, h);
    soundCache.set(key, (v = [...unique.values()]));
  }
  return v;
}

/** A katakana word as heard ("ブリンケン" p-l-n-k-n, voiced): one for each reading. */
function kanaSkeleton(w: string): Heard[] {
  return cachedHeard('k' + w, () => spellings(w, KANA_SOUNDS).map((v) => {
    const r = romanizeKana(v);
    return heardOf(r, nameSkeleton(r), false, 'ja');
  }));
}

/** Every katakana word of a text as heard, and two words written together ("ドナルド・トランプ"). */
function kanaSkeletons(text: string): Heard[] {
  const out: Heard[] = [];
  for (const m of text.matchAll(/[\p{Script=Katakana}ー]+(?:[・＝゠][\p{Script=Katakana}ー]+)*/gu)) {
    // A double hyphen joins the parts of a hyphenated name (ジャン＝ピエール).
    const parts = m[0].split(/[・＝゠]/u);
    parts.forEach((p, i) => {
      out.push(...kanaSkeleton(p));
      if (i + 1 < parts.length) out.push(...kanaSkeleton(p + parts[i + 1]));
    });
  }
  return out;
}

/**
 * An English name word as Japanese may hear it: as written and with the sounds of EN_SOUNDS. A
 * Korean name (`lenient`) has no voice: Jin is チン, Jeong チョン, Kyeong-doo ギョンドゥ.
 */
function kanaHeard(w: string, lenient = false): Heard[] {
  const plain = w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
  return cachedHeard((lenient ? 'l' : 'e') + plain, () => spellings(plain, EN_SOUNDS).map((v) => heardOf(v, nameSkeleton(v), lenient, 'en')));
}

/** A capitalised word of an English name, whole: "Jean-Pierre", "O’Brien", "McCarthy", "Blinken’s". */
const NAME_WORD = /(?:Ma?c(?=\p{Lu}))?\p{Lu}(?:\p{Ll}+|(?=[’']\p{Lu}))(?:[’'-]\p{Lu}?\p{Ll}+)*/gu;

/** Whether a word is a Korean surname as English spells it (Cho, Yoon, Jeong). */
const koreanSurname = (w: string): boolean => SPELLING_TO_HANGUL.has(w.toLowerCase());

/**
 * The capitalised words of a Latin text as Japanese may hear them, and runs of two or three of them
 * ("Lloyd Austin"). A one-consonant skeleton counts here (Yun ユン, Cho チョ, Wong ウォン): a katakana
 * name is compared with it, not every Korean word.
 */
function latinKanaSkeletons(text: string): Heard[] {
  const ws = capitalisedWords(text, NAME_WORD);
  const out: Heard[] = [];
  const adjacent = (i: number) => /^[\s’'-]*$/u.test(text.slice(ws[i]!.i + ws[i]!.w.length, ws[i + 1]!.i));
  for (let i = 0; i < ws.length; i++) {
    // A word of a Korean name: the surname, or a word written next to one.
    const korean = koreanSurname(ws[i]!.w) || (i > 0 && adjacent(i - 1) && koreanSurname(ws[i - 1]!.w)) || (i + 1 < ws.length && adjacent(i) && koreanSurname(ws[i + 1]!.w));
    const one = kanaHeard(ws[i]!.w, korean);
    out.push(...(NOT_PERSON.has(ws[i]!.w.toLowerCase()) ? one.filter((h) => h.sk.length >= 2) : one));
    let joined = ws[i]!.w;
    for (let k = 1; k <= 2 && i + k < ws.length; k++) {
      if (!/^[\s’'s-]*$/u.test(text.slice(ws[i + k - 1]!.i + ws[i + k - 1]!.w.length, ws[i + k]!.i))) break;
      joined += ws[i + k]!.w;
      out.push(...kanaHeard(joined, korean).filter((h) => h.sk.length >= 2));
    }
  }
  return out;
}

// Japanese, Chinese and often Korean people are written in kanji. An English name that reads as
// romanized Japanese (Hepburn: Ishiba, Kishida, Iwaya), as Pinyin (Wang Yi, Xi Jinping) or holds a
// Korean surname (Cho, Yoon) may be one of them; other English names (Hegseth, Rubio with Marco)
// are expected in katakana.
const HEPBURN_SYLLABLES = [
  'kya', 'kyu', 'kyo', 'sha', 'shu', 'sho', 'shi', 'cha', 'chu', 'cho', 'chi', 'tsu', 'nya', 'nyu', 'nyo', 'hya', 'hyu', 'hyo',
  'mya', 'myu', 'myo', 'rya', 'ryu', 'ryo', 'gya', 'gyu', 'gyo', 'bya', 'byu', 'byo', 'pya', 'pyu', 'pyo',
  'ka', 'ki', 'ku', 'ke', 'ko', 'sa', 'su', 'se', 'so', 'ta', 'te', 'to', 'na', 'ni', 'nu', 'ne', 'no', 'ha', 'hi', 'fu', 'he', 'ho',
  'ma', 'mi', 'mu', 'me', 'mo', 'ya', 'yu', 'yo', 'ra', 'ri', 'ru', 're', 'ro', 'wa', 'wo', 'ga', 'gi', 'gu', 'ge', 'go',
  'za', 'ji', 'zu', 'ze', 'zo', 'ja', 'ju', 'jo', 'da', 'de', 'do', 'ba', 'bi', 'bu', 'be', 'bo', 'pa', 'pi', 'pu', 'pe', 'po',
  'a', 'i', 'u', 'e', 'o',
];
// A syllable, a syllabic n (m before b, m, p), a doubled consonant (Hatta, Matsumoto's tch) or the h of a long o (Ohno).
const HEPBURN = new RegExp(`^(?:${HEPBURN_SYLLABLES.join('|')}|n|m(?=[bmp])|([kgsztdbp])(?=\\1)|t(?=ch)|(?<=o)h(?![aeiouy]))+$`);
// Pinyin, and the ts and hs of older spellings that Taiwan keeps (Tsai Ing-wen, 蔡英文).
const PINYIN = new RegExp('^(?:(?:zh|ch|sh|ts|hs|[bpmfdtnlgkhjqxrzcs])(?:iang|iong|uang|ueng|ang|eng|ing|ong|ian|iao|uai|uan|ieh|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|ua|uo|ui|ue|er|a|o|e|i|u|v)'
  + '|ang|eng|ing|ai|ei|ao|ou|an|en|in|er|a|o|e|y(?:uan|ang|ing|ong|ao|ou|an|in|ue|un|a|o|e|i|u)|w(?:ang|eng|ai|ei|an|en|a|o|u)){1,2}$');

/** Whether an English name (its words) may be a person Japanese writes in kanji. */
function mayBeKanji(ws: string[]): boolean {
  const plain = ws.map((w) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase());
  if (plain.some((w) => SPELLING_TO_HANGUL.has(w))) return true;
  const parts = plain.flatMap((w) => w.split(/[-’']/)).filter(Boolean);
  return parts.length > 0 && (parts.every((p) => HEPBURN.test(p)) || parts.every((p) => PINYIN.test(p)));
}

// A kanji name before a title, for counting: the kanji run before the title (a country between or
// not: "趙兌烈韓国外交部長官"), unless it is a country or body ("米国国防長官", "国防総省報道官") or
// refers back ("同長官", "両大臣"). Counting a few of those as names does no harm: the count only
// says whether Japanese has room for an English name in kanji.
const JA_KANJI_TITLES = [...JA_TITLES.filter((t) => t !== '氏' && t !== '夫人' && t !== 'さん'), '国家主席', '総書記'];
const JA_KANJI_BEFORE_TITLE = new RegExp(`(?<!\\p{Script=Han})(\\p{Script=Han}{2,4}?)${JA_COUNTRY}?(?:${JA_KANJI_TITLES.join('|')})`, 'gu');
const JA_KANJI_NOT_NAME = new RegExp(`^(?:(?:${JA_COUNTRY.slice(3, -1)}|大韓民国|日本国|国家?|務|防|衛|外)+$|[同両各駐在])|(?:省|庁|軍|府|院|会|局|団|隊|連|州)$`, 'u');

/** How many people a Japanese text names in kanji before a title. */
function kanjiNameCount(text: string): number {
  return [...text.matchAll(JA_KANJI_BEFORE_TITLE)].filter((m) => !JA_KANJI_NOT_NAME.test(m[1]!)).length;
}

/**
 * Two hearings of a name word agree: the same skeleton, voice and vowel where both have one, and
 * for a short skeleton the same places for vowels and a first vowel English may be heard as.
 */
function meets(a: Heard, b: Heard): boolean {
  return a.sk === b.sk && (!a.voice || !b.voice || a.voice === b.voice) && (!a.vowels || !b.vowels || [...a.vowels].some((v) => b.vowels.includes(v)))
    && shortAgree(a, b);
}

/** A short skeleton's hearings agree in their vowels too (English against Japanese only). */
function shortAgree(a: Heard, b: Heard): boolean {
  if (!a.en === !b.en) return true;
  const [en, other] = a.en ? [a, b] : [b, a];
  return framesAgree(en.frame, en.en!, other.frame);
}

/**
 * Whether a name's hearings meet any of a text's: agree, or one a near spelling of the other (the
 * same skeleton with another voice or vowel too: Biden and プーチン get a note, not a pass).
 */
function kanaStatus(mine: Heard[], theirs: Heard[]): Status {
  if (mine.some((m) => theirs.some((t) => meets(m, t)))) return 'ok';
  // The same short skeleton with other vowels is another name (Merz, マティス), not a near spelling.
  if (mine.some((m) => theirs.some((t) => near(t.sk, m.sk) && (t.sk !== m.sk || shortAgree(m, t)) && vowelCountFits(m, t)))) return 'near';
  return 'missing';
}

// ---------------------------------------------------------------------------------------------
// Vowels. Consonants alone meet by chance, short names most (Merz and マティス both read m-t-s once
// Merz's r goes unheard; Rice and ロス l-s). Two readings must also agree in where vowels stand
// between the consonants, and a short one (three consonants or fewer) in its first vowel.

/**
 * Where a reading has vowels between its consonants: `cons` the consonants as nameSkeleton writes
 * them (doubles kept apart by a vowel not merged), `gaps[i]` what stands before consonant i (and
 * after the last one): '' nothing, 'V' a vowel, 'E' a vowel Japanese or Korean adds to a consonant
 * that has none (the u of ス, the o of ト, the 으 of 스), 'O' an English e that may be silent
 * (Gates, James); `letters[i]` that gap's vowel letters.
 */
interface Frame { cons: string[]; gaps: string[]; letters: string[] }

type Script = 'en' | 'ja' | 'ko';

function frameOf(spelled: string, reading: Script, silentE = true): Frame {
  let s = spelled.toLowerCase().replace(/[^a-z]/g, '').replace(/c(?=[eiy])/g, 's');
  // Mark the added vowels in upper case: they keep their letter, so the first vowel can be read.
  if (reading === 'ja') {
    s = s.replace(/(?<=(?:[kgszbpmrf]|ts|sh|j))u(?![aeiou])/g, 'U').replace(/(?<=[td])o(?![aeiou])/g, 'O').replace(/(?<=ch|j)i(?![aeiou])/g, 'I');
  } else if (reading === 'ko') {
    s = s.replace(/eu(?![aeiou])/g, 'EU').replace(/(?<=ch|j)i(?![aeiou])/g, 'I');
  } else {
    // A final e is silent (Rice), and so may be one before a final s or d (Gates, James, Reed) or
    // between single consonants after a vowel (Winehouse 와인하우스). Mc is said Mac (McCarthy
    // マッカーシー); wh before a vowel is hw (Kyung-wha 경화).
    s = s.replace(/(?<=[aeiouy][^aeiouy])e(?=[^aeiouy])/g, '#').replace(/^mc/, 'mac').replace(/wh(?=[aeiou])/g, 'hw').replace(silentE ? /e$/ : /$^/, '').replace(/e(?=[sd]$)/, '#');
  }
  s = s.replace(/ng/g, 'n').replace(/ch/g, 'j').replace(/sh/g, 's').replace(/ph/g, 'p').replace(/th/g, 't')
    .replace(/ck/g, 'k').replace(/x/g, 'ks')
    .replace(/[gcq]/g, 'k').replace(/d/g, 't').replace(/[bfv]/g, 'p').replace(/r/g, 'l').replace(/z/g, 'j');
  const cons: string[] = [], gaps: string[] = [], letters: string[] = [];
  let gap = '', lett = '';
  for (const ch of s) {
    if (/[aeiouywAEIOUY#]/.test(ch)) {
      const mark = ch === '#' ? 'O' : /[A-Z]/.test(ch) ? 'E' : 'V';
      // A run of vowels is a vowel if any of it is one, else an added or a silent one.
      gap = gap === 'V' || mark === 'V' ? 'V' : gap || mark;
      if (ch !== '#') lett += ch.toLowerCase();
      continue;
    }
    if (!gap && cons.length && cons[cons.length - 1] === ch) continue;
    gaps.push(gap);
    letters.push(lett);
    cons.push(ch);
    gap = '';
    lett = '';
  }
  gaps.push(gap);
  letters.push(lett);
  return { cons, gaps, letters };
}

/** How a rendering's vowel group sounds, as one class: バイ ai, 게이 e, 로 o, 터 x (ㅓ), 포 o. */
function renderedVowel(letters: string): string {
  const v = letters.replace(/^[yw]+(?=[aeiou])/, '');
  if (/^(?:ai|au|oi)/.test(v)) return v.slice(0, 2);
  if (/^eo/.test(v)) return 'x';
  if (/^(?:eu|u)/.test(v)) return 'u';
  if (/^(?:ae|oe|ei|e)/.test(v)) return 'e';
  if (/^(?:ou|o)/.test(v)) return 'o';
  if (/^(?:ui|i)/.test(v)) return 'i';
  return v.slice(0, 1);
}

/**
 * The vowel classes an English first vowel may be heard as (x is the Korean ㅓ, English's
 * unstressed or short vowel): a Hall ホール, James ジェームズ, Mattis 매티스; e before an unheard r
 * ア (Kerr カー); i as ai before one consonant and a vowel or at the end (Biden バイデン, Rice
 * ライス, Wright ライト once its gh is gone), as a before r (Kirby カービー); oo u (Moon 문); u as
 * a or ㅓ (Rudd ラッド, Burns 번스).
 */
function englishVowels(group: string, rest: string): string[] {
  // A y or w before a vowel is a glide (Yun, Walker, Kyung), but not before a silent e (Nye).
  const g = group === 'ye' && !rest ? 'y' : group.replace(/^[yw](?=[aeiou])/, '');
  const rColoured = /^r+(?![aeiouyr])/.test(rest);
  const free = /^(?:[^aeiouy](?:[aeiouy]|$)|$)/.test(rest);
  const out = new Set<string>();
  const add = (...xs: string[]) => xs.forEach((x) => out.add(x));
  if (/^(?:ai|ay|ei|ey)/.test(g)) add('e', 'a', 'ai', 'i');
  else if (/^(?:au|aw)/.test(g)) add('o', 'a', 'au');
  else if (/^(?:ee|ea|ie)/.test(g)) add('i', 'e');
  else if (/^eo/.test(g)) add('x', 'o', 'e');
  else if (/^(?:eu|ew)/.test(g)) add('u', 'x');
  else if (/^oo/.test(g)) add('u', 'o');
  else if (/^(?:ou|ow)/.test(g)) add('a', 'au', 'o', 'u');
  else if (/^(?:oi|oy|oe)/.test(g)) add('o', 'oi', 'e');
  else if (g[0] === 'a') add('a', 'e', 'x');
  else if (g[0] === 'e') add('e', 'x', 'i');
  else if (g[0] === 'i') add('i', 'x');
  else if (g[0] === 'o') add('o', 'a', 'x');
  else if (g[0] === 'u') add('u', 'a', 'x', 'o');
  else if (g[0] === 'y') add('i', 'ai', 'a');
  if (rColoured) add('a', 'x');
  if (/^[iy]$/.test(g) && free) add('ai', 'a');
  // A silent final e after one consonant makes i a diphthong (Rice ライス, Mike マイク).
  if (g === 'i' && /^[^aeiouy]e$/.test(rest)) out.delete('i');
  // An a before l or after w is often o (Hall ホール, Walker ウォーカー); o after w u (Wolf ウルフ).
  if (g[0] === 'a' && /^l/.test(rest)) add('o');
  if (/^wa/.test(group)) add('o');
  if (/^wo/.test(group)) add('u');
  return [...out];
}

/**
 * Whether an English name word's reading and a Japanese or Korean one, with the same skeleton,
 * agree where vowels stand (an English vowel the other has none for, or a vowel of the other's own
 * that English lacks, tells names apart: Mattis and メッツ, Merz and マティス) and in the first
 * vowel. The rendering may go on after the English consonants (a Hangul word with its particle);
 * readings whose consonants do not line up are left to the skeleton.
 */
function framesAgree(en: Frame, enSpelled: string, other: Frame): boolean {
  const n = en.cons.length;
  if (n > other.cons.length || other.cons.slice(0, n).join('') !== en.cons.join('')) return true;
  for (let i = 0; i < n; i++) {
    const a = en.gaps[i]!, b = other.gaps[i]!;
    if (a === 'O') continue;
    if (b === 'V' && a !== 'V') return false;
    if (a === 'V' && !b) return false;
  }
  if (n > SHORT) return true;
  const first = en.gaps.findIndex((g) => g === 'V');
  // The English letters after that vowel, for its context (an r, a single consonant, the end).
  const m = /[aeiouyw]+/.exec(enSpelled);
  if (first < 0 || !other.letters[first] || !m) return true;
  return englishVowels(m[0], enSpelled.slice(m.index + m[0].length)).includes(renderedVowel(other.letters[first]!));
}

/** Skeletons of this many consonants or fewer are short: their vowels must agree too. */
const SHORT = 3;
const frameKey = (f: Frame): string => f.cons.map((c, i) => f.gaps[i]! + f.letters[i]! + c).join('') + (f.gaps.at(-1) ?? '') + (f.letters.at(-1) ?? '');

/**
 * A rendering has no more vowels of its own than the English has vowels: each vowel Japanese or
 * Korean writes (other than those it adds to a bare consonant) renders one the English spells.
 * Merz (one vowel) is no near spelling of マティス (two).
 */
function vowelCountFits(a: Heard, b: Heard): boolean {
  if (!a.en === !b.en) return true;
  const [en, other] = a.en ? [a, b] : [b, a];
  const count = (f: Frame, marks: string) => f.gaps.filter((g) => g && marks.includes(g)).length;
  return count(other.frame, 'V') <= count(en.frame, 'VO');
}

/** A function of a document's text, remembered for the last few texts (every bead of a document asks). */
function perDocument<T>(compute: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let v = cache.get(text);
    if (v === undefined) {
      if (cache.size > 16) cache.clear();
      cache.set(text, (v = compute(text)));
    }
    return v;
  };
}
// Skeletons of a whole document side (Hangul or Latin), and as heard for English–Japanese.
const docHangul = perDocument(hangulSkeletons), docLatin = perDocument(latinSkeletons);
const docSkeletons = (text: string, hangul: boolean): string[] => (hangul ? docHangul : docLatin)(text);
const docKana = perDocument(kanaSkeletons), docLatinKana = perDocument(latinKanaSkeletons);
const docHangulSide = perDocument((text: string): OtherSide => ({ readings: hangulReadings(text), words: hangulWords(text) }));
const docLatinSide = perDocument((text: string): OtherSide => ({ readings: latinReadings(text), words: [] }));
const docOtherSide = (text: string, hangul: boolean): OtherSide => (hangul ? docHangulSide : docLatinSide)(text);

/**
 * English surnames (lower case) that the document writes somewhere with given names no Japanese,
 * Chinese or Korean name has ("Secretary of State Marco Rubio", "President Joseph R. Biden Jr."):
 * the person is written in katakana, even where a paragraph names them by the surname alone
 * ("Secretary Rubio"), which reads as romanized Japanese.
 */
const docKatakanaPeople = perDocument((text: string): Set<string> => {
  const out = new Set<string>();
  for (const a of extractAnchors(text, 'en')) {
    if (a.kind !== 'name') continue;
    const ws = a.text.match(/[\p{L}’'-]+/gu) ?? [];
    if (ws.length < 2 || mayBeKanji(ws)) continue;
    for (const w of ws) if (w.length >= 3 && /^\p{Lu}/u.test(w)) out.add(w.toLowerCase());
  }
  return out;
});
const docHeard = (text: string, kana: boolean): Heard[] => (kana ? docKana : docLatinKana)(text);

function lev(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

/** A transliteration variant (Yoshimasa / 요시사마): same first consonant, one edit, long enough to mean it. */
function near(a: string, b: string): boolean {
  // Japanese ふ is "fu" in English and 후 (hu) in Korean, so h and p (f) are one consonant here.
  const x = a.replace(/h/g, 'p'), y = b.replace(/h/g, 'p');
  if (x === y) return true;
  // Short skeletons meet by chance ("pln" Brown, "plk" Park): there only a dropped or added consonant counts.
  const long = Math.max(x.length, y.length) >= 4 || x.length !== y.length;
  if (Math.min(x.length, y.length) < 3) return x.length >= 2 && y.length >= 2 && Math.abs(x.length - y.length) <= 1 && (x.startsWith(y) || y.startsWith(x));
  return x[0] === y[0] && Math.abs(x.length - y.length) <= 1 && long && lev(x, y) <= 1;
}

type Status = 'ok' | 'near' | 'missing';

interface Word { w: string; start: number; end: number }

function words(text: string, start: number, end: number, re: RegExp): Word[] {
  const out: Word[] = [];
  const part = text.slice(start, end);
  for (let m = re.exec(part); m; m = re.exec(part)) out.push({ w: m[0], start: start + m.index, end: start + m.index + m[0].length });
  return out;
}

/** A Hangul word's skeleton, and where Korean wrote a foreign f before u as ㅎ (후미오, Fumio) the f one too. */
function heardHangul(w: string): string[] {
  const r = romanize(w);
  return r.includes('hu') ? [nameSkeleton(r), nameSkeleton(r.replace(/h(?=u)/g, 'f'))] : [nameSkeleton(r)];
}

/** Skeletons of every Hangul word of a text (and of the word without its first syllable: a surname). */
function hangulSkeletons(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\p{Script=Hangul}+/gu)) {
    const w = m[0];
    out.push(...heardHangul(w));
    if (opensWithSurname(w)) out.push(nameSkeleton(romanize(w.slice(1))));
  }
  return out.filter((s) => s.length >= 2);
}

/** Before a word that opens a sentence: the start of the text, or a sentence end and a space. */
const OPENS_SENTENCE = /(?:^|[.!?:]["”’]?\s+)$/u;
/** What follows a participle that opens a sentence ("Building on", "Recognizing the", "Noting that"), and never a name. */
const PARTICIPLE_OBJECT = /^,?\s+(?:on|upon|the|that|a|an|its|their|our|this|these|with|to|from|up)\b/u;
/** The capitalised words of a Latin text that may be names, and where they stand. */
function capitalisedWords(text: string, word = /\p{Lu}\p{Ll}[\p{Ll}’'-]*/gu): { w: string; i: number }[] {
  // Capitalised common words ("Foreign", "Minister") would meet Korean names by chance.
  // So is a participle opening a sentence ("Building on the summit", "Noting that"), which met 바이든.
  return [...text.matchAll(word)].map((m) => ({ w: m[0].replace(/[’']s?$/, ''), i: m.index }))
    .filter((x) => !NOT_NAME.has(x.w.toLowerCase()))
    .filter((x) => !(x.w.endsWith('ing') && OPENS_SENTENCE.test(text.slice(0, x.i)) && PARTICIPLE_OBJECT.test(text.slice(x.i + x.w.length))));
}

/** Skeletons of capitalised Latin words and of runs of two or three of them ("Park Jin", "Suk Yeol"). */
function latinSkeletons(text: string): string[] {
  const ws = capitalisedWords(text);
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    out.push(nameSkeleton(ws[i]!.w), heardSkeleton(ws[i]!.w));
    let joined = ws[i]!.w;
    for (let k = 1; k <= 2 && i + k < ws.length; k++) {
      const between = text.slice(ws[i + k - 1]!.i + ws[i + k - 1]!.w.length, ws[i + k]!.i);
      if (!/^[\s’'s]*$/u.test(between)) break;
      joined += ws[i + k]!.w;
      out.push(nameSkeleton(joined));
    }
  }
  return out.filter((s) => s.length >= 2);
}

/**
 * The skeleton of an English name as Korean writes it, by ear: an r after a vowel is not heard
 * (Carter 카터, Roberts 로버츠), and a final ts is one sound (Gates 게이츠).
 */
function heardSkeleton(w: string): string {
  return nameSkeleton(w.replace(/([aeiou])r(?![aeiouy])/gi, '$1')).replace(/ts$/, 'j');
}

/**
 * How a name reads, for comparing its vowels (see frameOf): its skeleton, where its vowels stand and,
 * for English, the spelling it was read from.
 */
interface Reading { sk: string; frame: Frame; en?: string }

/** An English name word as Korean may hear it: as written, and with an r after a vowel unheard. */
function latinWordReadings(w: string): Reading[] {
  const plain = w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z]/g, '');
  let v = readingCache.get(plain);
  if (v) return v;
  // As heardSkeleton hears it: an r after a vowel unheard, a final ts one sound (Gates 게이츠, Waltz 월츠).
  const unheard = plain.replace(/([aeiou])r+(?![aeiouy])/g, '$1').replace(/(?:[td]e?s|t?z)$/, 'ch');
  const silentE = /[^r]e$/.test(plain);
  v = [{ sk: nameSkeleton(plain), frame: frameOf(plain, 'en'), en: plain }];
  for (const x of [unheard, plain.replace(/th/g, 's')]) {
    // Korean writes th as ㅅ (Hegseth 헤그세스, Smith 스미스).
    if (x !== plain) v.push({ sk: nameSkeleton(x), frame: frameOf(x, 'en', silentE), en: x });
  }
  if (readingCache.size >= 10_000) readingCache.clear();
  readingCache.set(plain, v);
  return v;
}
const readingCache = new Map<string, Reading[]>();

/** Capitalised Latin words and runs of two or three of them, read as in latinSkeletons. */
function latinReadings(text: string): Reading[] {
  const ws = capitalisedWords(text);
  const out: Reading[] = [];
  for (let i = 0; i < ws.length; i++) {
    out.push(...latinWordReadings(ws[i]!.w));
    let joined = ws[i]!.w;
    for (let k = 1; k <= 2 && i + k < ws.length; k++) {
      const between = text.slice(ws[i + k - 1]!.i + ws[i + k - 1]!.w.length, ws[i + k]!.i);
      if (!/^[\s’'s]*$/u.test(between)) break;
      joined += ws[i + k]!.w;
      out.push(...latinWordReadings(joined).slice(0, 1));
    }
  }
  return out.filter((r) => r.sk.length >= 1);
}

/** A Hangul word as read (foreign f before u written ㅎ read as f too). */
function hangulWordReadings(w: string): Reading[] {
  let v = readingCache.get(w);
  if (v) return v;
  v = hangulWordReadingsOf(w);
  if (readingCache.size >= 10_000) readingCache.clear();
  readingCache.set(w, v);
  return v;
}
function hangulWordReadingsOf(w: string): Reading[] {
  const r = romanize(w);
  const out: Reading[] = [{ sk: nameSkeleton(r), frame: frameOf(r, 'ko') }];
  if (r.includes('hu')) {
    const f = r.replace(/h(?=u)/g, 'f');
    out.push({ sk: nameSkeleton(f), frame: frameOf(f, 'ko') });
  }
  return out;
}

/** Every Hangul word of a text as read, with and without its particle, and without a surname (unless `whole`). */
function hangulReadings(text: string, whole = false): Reading[] {
  const out: Reading[] = [];
  for (const m of text.matchAll(/\p{Script=Hangul}+/gu)) {
    const w = m[0], bare = withoutParticle(w);
    out.push(...hangulWordReadings(w));
    if (bare !== w && bare) out.push(...hangulWordReadings(bare));
    if (!whole && opensWithSurname(w)) out.push(...hangulWordReadings(w.slice(1)));
  }
  return out.filter((r) => r.sk.length >= 1);
}
// A text's Hangul words read whole, for the one-consonant surnames (statusLatinWord).
const wholeHangulReadings = perDocument((text: string) => hangulReadings(text, true));

/** A word that is a title, with a particle or none (장관은, 대사와; not 대표단과). */
function isTitle(w: string): boolean {
  const t = KO_TITLE.exec(w)?.[0];
  return !!t && withoutParticle(w) === t;
}

/**
 * Whether a Korean surname syllable begins a word that may be a name: the syllable alone (이 장관),
 * a three-syllable name (이종섭), or a two-syllable one before a title (박진 장관); not the first
 * syllable of a common word (조치를, 이번에, 정부, 한미). Every word is asked, also one right after a
 * word that opens with the same syllable (이번에 이 장관).
 */
function surnameStands(h: string, ko: HangulWord[]): boolean {
  // A rarer surname's syllable opens many words of three syllables too (지난해, 사람들, 기자들): there
  // only a name before a title or form of address (지상훈 장관) counts.
  const rarer = RARER_SURNAME.has(h);
  return ko.some(({ w, next }) => {
    if (!w.startsWith(h)) return false;
    const bare = withoutParticle(w);
    const titled = !!next && titleWord(next);
    return bare.length === h.length || w === h || (bare.length === h.length + 2 && (!rarer || titled)) || (bare.length === h.length + 1 && titled);
  });
}

/** Forms of address after a Korean name, beyond the official titles and the ranks (교수, 박사, 의원…). */
const KO_ADDRESS = /^(?:장군|제독|교수|박사|씨|의원|기자|회장|사장|감독|코치|판사|검사|총재|변호사|선수|여사)$/u;
/** A word that is a title, a rank or a form of address, with a particle or none (장관은, 대령이, 교수가; not 기자들). */
const titleWord = (w: string): boolean => isTitle(w) || KO_RANK.test(w) || KO_ADDRESS.test(withoutParticle(w));

/**
 * A title or 님 written onto a name, no space (박진장관은, 박진님은, 박진장관님께서), the endings after it too;
 * `core` the name before it. Not what opens a compound title or place (부위원장, 국무총리, 회의장) or says
 * "former", "both" or "each" (전장관, 양장관, 각대사).
 */
const KO_GLUED_TITLE = /^(\p{Script=Hangul}+?)(?:(?:장관|차관|대사|대통령|총리|의장|위원장)님?|님)(?:께서|께|이며|이자|으로서|로서|으로|에서|에게|까지|부터|[은는이가을를의에와과도로만])?$/u;
const NOT_BEFORE_GLUED_TITLE = /^(?:부|회|국무|전|현|신임|전임|각|양|동|주한|주미|주일)$/u;
function gluedTitleCore(w: string): string | undefined {
  const core = KO_GLUED_TITLE.exec(w)?.[1];
  return core && !NOT_BEFORE_GLUED_TITLE.test(core) ? core : undefined;
}

/** A Hangul word without its particle, the endings a name takes in a sentence (께서, 이며) and a title written onto it. */
const nameCore = (w: string): string => gluedTitleCore(w) ?? withoutParticle(w.replace(/(?:께서|께|이며|이자|으로서|로서)$/u, ''));

/**
 * Whether a Hangul given name is the English one: syllable by syllable, or read alike whole. A given
 * name English writes in parts ("Jae-wan", "Jae Myung") has a Hangul syllable for each: 전 (former, in
 * 전 장관) is no Jae-wan, whatever its consonants.
 */
function givenMatches(hangul: string, given: string): boolean {
  const parts = given.split(/[\s’'-]+/u).filter(Boolean).length;
  if (parts >= 2 && hangul.length !== parts) return false;
  const joined = given.replace(/[\s’'-]+/gu, '');
  return givenFits(hangul, joined) || agreeing(latinWordReadings(joined), hangulWordReadings(hangul), false);
}

/**
 * Whether a Korean name English writes with its given name ("Park Jin", "Kim Sung-han", "Lee Jae Myung")
 * is in a Hangul text as a name: whole (박진, 박진은), the surname alone or the given name alone before
 * a title (박 장관, 진 장관), or the given name after another frequent surname (김진: the surname is what
 * changed, which the stray surname reports). Not the given name's syllables opening another word (진행,
 * 진전, 민수용). `sur` the Hangul surnames the English surname may be.
 */
function koreanNameIn(sur: string[], given: string, ko: HangulWord[]): boolean {
  return ko.some(({ w, next }) => {
    // A title after the word, or written onto it (박진장관은).
    const titled = (!!next && titleWord(next)) || gluedTitleCore(w) !== undefined;
    // The word without its particle, or whole: a given name may end like one (김정은, 박지은).
    return [...new Set([nameCore(w), w])].some((core) => {
      if (titled && (sur.includes(core) || givenMatches(core, given))) return true;
      if (sur.some((h) => core.length > h.length && core.startsWith(h) && givenMatches(core.slice(h.length), given))) return true;
      // A name of three syllables or more whatever ends it (한영남입니다); a shorter one only with a particle (박진감 is no 박진).
      if (core === w && sur.some((h) => core.length > h.length + 2 && core.startsWith(h) && givenMatches(core.slice(h.length, h.length + 2), given))) return true;
      // After another surname: a name of three syllables or one before a title (not 진전, 진 and 전).
      return core.length >= 2 && (core.length === 3 || titled) && opensWithSurname(core) && givenFits(core.slice(1), given.replace(/[\s’'-]+/gu, ''));
    });
  });
}

/**
 * Whether a word of a Hangul text is the whole name, its particle aside: spelled syllable by syllable
 * as English writes Korean (Cheong Wa Dae 청와대), or in its Chinese reading as Korean writes the
 * Pinyin (Yang Jun 양쥔, Gong Jun 궁쥔: syllables koreanNameIn does not spell). Not a word that only
 * sounds alike (궁전, palace, is no Gong Jun), nor a longer one that opens like it (박진감 is no Park Jin).
 */
function readsAsWholeName(ws: string[], ko: HangulWord[]): boolean {
  const [surname, ...given] = ws;
  const chinese = pinyinHangul(surname!).flatMap((s) => pinyinHangul(given.join(' ')).map((g) => s + g));
  return ko.some(({ w: word }) => [...new Set([nameCore(word), word])]
    .some((w) => w.length >= 2 && (chinese.includes(w) || givenFits(w, ws.join('')))));
}

/**
 * Whether a Hangul text writes a name by its Chinese reading: a word opening with the English surname
 * as Korean writes it in Pinyin (쑨 for sun, 궁 for gong), a syllable no Korean surname has, then the
 * given name: as Korean writes the English one when that is Pinyin (궁쥔, Gong Jun), else any of one
 * or two syllables Korean writes Mandarin with, as the given name may be another of the person's names
 * or spelled otherwise (쑨원 for Sun Yat-sen, Cantonese Yat-sen). Not an ordinary word that opens
 * with a syllable sounding like the surname (순간 is no Sun, 중국 and 중요한 no Jung).
 */
function chineseReadingIn(surname: string, given: string, ko: HangulWord[]): boolean {
  const sur = pinyinHangul(surname).filter((s) => s.length === 1 && !SURNAMES[s]);
  if (!sur.length) return false;
  const inPinyin = pinyinHangul(given);
  return ko.some(({ w }) => {
    const core = nameCore(w);
    if (!sur.includes(core[0]!)) return false;
    if (inPinyin.length) return inPinyin.includes(core.slice(1));
    return core.length >= 2 && core.length <= 3 && transcribesMandarin(core);
  });
}

/**
 * A Korean name in English words, surname first ("Park Jin", "Lee Jae Myung") or last ("Sung Kim" is
 * 성 김, "Min Jin Lee"): the Hangul surnames and the given name for each order, if its given name is
 * spelled as Korean syllables. Other names (Wang Yi aside: "Ma Zhaoxu", "Han Zheng") are left to the readings.
 */
function koreanNameOrders(ws: string[]): { sur: string[]; given: string }[] {
  if (ws.length < 2) return [];
  const korean = (xs: string[]) => xs.length > 0 && xs.length <= 3 && xs.every((x) => x.split('-').every((p) => KOREAN_SYLLABLE.test(p)));
  const out: { sur: string[]; given: string }[] = [];
  const first = SURNAME_BEFORE_GIVEN.get(ws[0]!.toLowerCase()), last = SPELLING_TO_HANGUL.get(ws[ws.length - 1]!.toLowerCase());
  if (first && korean(ws.slice(1))) out.push({ sur: first, given: ws.slice(1).join(' ') });
  if (last && korean(ws.slice(0, -1)) && out.length) out.push({ sur: last, given: ws.slice(0, -1).join(' ') });
  return out;
}

/**
 * The other side of a bead (or document), read for the names check: each word's reading, vowels
 * and all. Without it, statusLatinWord and statusHangulWord compare consonants only, and a surname
 * is found at the start of any word (as the aligner asks them, where a chance meeting costs little).
 */
interface OtherSide { readings: Reading[]; words: HangulWord[] }

/** A Hangul word of a text, and the word after it when only spaces stand between them (a title after a name). */
interface HangulWord { w: string; next: string }
/** A text's Hangul words, split once for all the names checked against it. */
function hangulWords(text: string): HangulWord[] {
  const ms = [...text.matchAll(/\p{Script=Hangul}+/gu)];
  return ms.map((m, i) => ({ w: m[0], next: ms[i + 1] && /^\s+$/u.test(text.slice(m.index + m[0].length, ms[i + 1]!.index)) ? ms[i + 1]![0] : '' }));
}

/** Readings whose skeleton a name's reading begins (`prefix`) or equals, and whose vowels agree. */
function agreeing(mine: Reading[], theirs: Reading[], prefix: boolean): boolean {
  // One consonant begins too many words: it must be the whole word (Kerr 커, Abe 아베).
  return mine.some((m) => m.sk.length >= 1 && theirs.some((t) => (prefix && m.sk.length >= 2 ? t.sk.startsWith(m.sk)
    // Whole words: as many consonants as written too (조치 is j-ch, two, where Cho has one).
    : t.sk === m.sk && t.frame.cons.length === m.frame.cons.length)
    && (m.en ? framesAgree(m.frame, m.en, t.frame) : t.en ? framesAgree(t.frame, t.en, m.frame) : true)));
}

/**
 * Whether a short name's consonants meet a reading's only by chance: the same skeleton, vowels
 * elsewhere (Ross and 라이스, Merz and 매티스). Such a reading is another name, not a near spelling.
 */
function chanceOnly(mine: Reading[], t: Reading, prefix: boolean): boolean {
  return mine.some((m) => m.sk.length >= 1 && m.sk.length <= SHORT && (prefix && m.sk.length >= 2 ? t.sk.startsWith(m.sk) : t.sk === m.sk));
}

function statusLatinWord(w: string, ko: string, koSk: string[], side?: OtherSide): Status {
  const lower = w.toLowerCase();
  const sur = SPELLING_TO_HANGUL.get(lower);
  if (sur && sur.some((h) => (side ? surnameStands(h, side.words) : new RegExp(`(?<![\\p{Script=Hangul}])${h}`, 'u').test(ko)))) return 'ok';
  const sk = nameSkeleton(w);
  if (side) {
    const mine = latinWordReadings(w);
    // A surname of one consonant not found by its own syllable may still be a whole word that sounds
    // like it, but not the rest of a word after another surname's syllable, read there as a given
    // name: 우리 (we) is no 우 Lee.
    if (sur && sk.length < 2) return agreeing(mine, wholeHangulReadings(ko), true) ? 'ok' : 'missing';
    // A surname of more consonants is not found at the start of a word opening with its own syllable
    // or another surname's either (Kong in 공동, Kang in 강조, Jin in 진행 or 장관): there only as a whole
    // word that sounds like it. A word opening otherwise may spell it as a foreign name (Sun in 쑨웨이둥).
    if (sur) {
      if (agreeing(mine, wholeHangulReadings(ko), false)) return 'ok';
      const others = side.words.map((x) => x.w).filter((x) => !sur.some((h) => x.startsWith(h)) && !opensWithSurname(x));
      return agreeing(mine, hangulReadings(others.join(' '), true), true) ? 'ok' : 'missing';
    }
    if (agreeing(mine, side.readings, true)) return 'ok';
    if (sk.length < 2) return 'missing';
    if (side.readings.some((t) => !chanceOnly(mine, t, true) && near(t.sk.slice(0, sk.length), sk))) return 'near';
    return 'missing';
  }
  if (sk.length < 2) return 'ok';
  const heard = [sk, heardSkeleton(w)];
  if (heard.some((h) => h.length >= 2 && koSk.some((k) => k.startsWith(h)))) return 'ok';
  if (koSk.some((k) => near(k.slice(0, sk.length), sk))) return 'near';
  return 'missing';
}

// How English writes each part of a Hangul syllable in names: Revised Romanization, McCune–Reischauer
// and the spellings people choose for themselves (Jung, Sung, Suk, Moon, Hyun, Young, Kyung…).
const INITIAL_SPELLINGS = [['g', 'k'], ['kk', 'k', 'gg'], ['n'], ['d', 't'], ['tt', 'dd', 't'], ['r', 'l', 'n'], ['m'], ['b', 'p'], ['pp', 'bb', 'p'], ['s', 'sh'], ['ss', 's'], [''], ['j', 'ch'], ['jj', 'tch', 'j'], ['ch', 'c'], ['k'], ['t'], ['p'], ['h']];
const VOWEL_SPELLINGS = [['a'], ['ae', 'a', 'e'], ['ya'], ['yae'], ['eo', 'u', 'o'], ['e'], ['yeo', 'yo', 'you', 'yu'], ['ye'], ['o', 'oh'], ['wa'], ['wae'], ['oe', 'oi', 'we'], ['yo'], ['u', 'oo', 'woo'], ['wo'], ['we'], ['wi'], ['yu', 'yoo', 'you'], ['eu', 'u'], ['ui', 'eui', 'ee'], ['i', 'ee', 'y', 'yi']];
const FINAL_SPELLINGS = [[''], ['k', 'g', 'ck', 'c'], ['kk', 'k'], ['k'], ['n'], ['n'], ['n'], ['t', 'd'], ['l', 'r'], ['k', 'l'], ['m', 'l'], ['l', 'p'], ['l'], ['l'], ['p', 'l'], ['l'], ['m'], ['p', 'b'], ['p'], ['t', 's'], ['t', 's'], ['ng'], ['t', 'j'], ['t'], ['k'], ['t'], ['p'], ['t', 'h']];

/** English spellings of one Hangul syllable in a name (남 → nam; 정 → jeong, jung, jong, chung…). */
function syllableSpellings(ch: string): string[] {
  const c = ch.charCodeAt(0) - 0xac00;
  if (c < 0 || c > 11171) return [];
  const ini = INITIAL_SPELLINGS[Math.floor(c / 588)]!, vow = VOWEL_SPELLINGS[Math.floor((c % 588) / 28)]!, fin = FINAL_SPELLINGS[c % 28]!;
  const out: string[] = [];
  for (const i of ini) {
    for (const v of vow) {
      // 화 is Hwa or Wha (Kang Kyung-wha).
      const heads = i === 'h' && v.startsWith('w') ? ['h' + v, 'wh' + v.slice(1)] : [i + v];
      for (const h of heads) for (const f of fin) out.push(h + f);
    }
  }
  return out;
}

/**
 * Whether an English given name spells the Hangul given name syllable by syllable ("Jong-sup" 종섭,
 * "Suk Yeol" 석열), letters doubled or not ("Gunn" 건); the English may go on after it with another
 * word ("Jin Yesterday"). Consonants alone do not tell Jin from 정 (both j-n).
 */
function givenFits(hangul: string, given: string): boolean {
  const words = given.toLowerCase().split(/[\s-]+/).filter(Boolean);
  const undouble = (x: string) => x.replace(/([^aeiou])\1+/g, '$1');
  // The English words' letters run together, doubled consonants as one ("Gunn" is "gun"); a doubled
  // vowel is a vowel of its own (oo is 우, not the o of 오: Gong is no 궁).
  const fits = (text: string): boolean => {
    const t = undouble(text);
    const go = (k: number, at: number): boolean => {
      if (k === hangul.length) return at === t.length;
      for (const sp of new Set(syllableSpellings(hangul[k]!).map(undouble))) {
        // A letter shared across the syllables' boundary is written once ("Hanna" 한나 as "hana").
        for (const piece of at > 0 && sp && sp[0] === t[at - 1] ? [sp, sp.slice(1)] : [sp]) {
          if (t.startsWith(piece, at) && go(k + 1, at + piece.length)) return true;
        }
      }
      return false;
    };
    return go(0, 0);
  };
  for (let n = words.length; n >= 1; n--) if (fits(words.slice(0, n).join(''))) return true;
  return false;
}

/** The given names English writes after each occurrence of a surname ("Kim Jin", "Kim Sung-han"). */
function givenNamesAfter(en: string, surname: string): string[] {
  const out: string[] = [];
  // A spelling that is an English word ("An", "In") only capitalised.
  const word = EN_WORD_SURNAME.has(surname.toLowerCase());
  for (const m of en.matchAll(new RegExp(`\\b${word ? surname[0]!.toUpperCase() + surname.slice(1).toLowerCase() : surname}\\s+`, word ? 'g' : 'gi'))) {
    const g = /^\p{Lu}[\p{Ll}’'-]+(?:\s+\p{Lu}[\p{Ll}-]+)?/u.exec(en.slice(m.index + m[0].length))?.[0];
    if (g) out.push(g.replace(/[’']s$/, ''));
  }
  return out;
}

/**
 * Whether English writes a Hangul name's given name after a Korean surname that is not the Hangul's
 * own ("Oh Min-ho" for 우민호): the given name spelled syllable by syllable, the surname one of those
 * English spells Korean surnames with.
 */
function otherSurnameGiven(en: string, w: string): boolean {
  for (const m of en.matchAll(/(?<![\p{L}’'-])(\p{Lu}\p{Ll}+)(?=\s+\p{Lu})/gu)) {
    const hs = SURNAME_BEFORE_GIVEN.get(m[1]!.toLowerCase());
    const h = surnameOf(w)?.[0] ?? w[0]!;
    if (hs && !hs.includes(h) && givenNamesAfter(en, m[1]!).some((x) => givenFits(w.slice(h.length), x))) return true;
  }
  return false;
}

function statusHangulWord(w: string, en: string, enSk: string[], side?: OtherSide): Status {
  const [sh, sp] = surnameOf(w) ?? ['', undefined];
  // A spelling that is an English word ("An", "In") only capitalised before a given name.
  const spelled = sp?.find((x) => EN_WORD_SURNAME.has(x)
    ? new RegExp(`(?<![\\p{L}])${x[0]!.toUpperCase()}${x.slice(1)}\\s+\\p{Lu}`, 'u').test(en) : new RegExp(`\\b${x}\\b`, 'i').test(en));
  if (w.length === 1) return !sp || spelled ? 'ok' : 'missing';
  const whole = nameSkeleton(romanize(w));
  // English may name the person by surname alone ("Foreign Minister Park"); when it gives a given
  // name after the surname (capitalised: "Minister Lee welcomed…" gives none), that name has to
  // match too, syllable by syllable: "Kim Jin" and 김정 agree in their consonants alone.
  const given = sp && spelled && w.length <= 4 ? givenNamesAfter(en, spelled) : [];
  const g = nameSkeleton(romanize(w.slice(sh.length)));
  // Another Korean surname before the same given name ("Lee Min-ho" against 김민호) is another person,
  // though the two may read alike: a surname of no consonant drops out of the skeleton (Oh Min-ho and
  // 우민호 both read m-n-h) and two may share theirs (Choi and 조 both read j).
  if (sp && !spelled && w.length >= 2 && w.length <= 4 && otherSurnameGiven(en, w)) return 'missing';
  const sameConsonants = given.filter((x) => {
    const eg = nameSkeleton(x);
    return eg === g || eg.startsWith(g) || g.startsWith(eg);
  });
  if (sameConsonants.length) return sameConsonants.some((x) => givenFits(w.slice(sh.length), x)) ? 'ok' : 'near';
  // Korean writes a foreign f before u as ㅎ (후미오 for Fumio, 후쿠시마 for Fukushima).
  const heardF = nameSkeleton(romanize(w).replace(/h(?=u)/g, 'f'));
  const mine = side ? hangulWordReadings(w) : [];
  if (side) {
    if (agreeing(mine, side.readings, false)) return 'ok';
  } else {
    if (whole.length >= 2 && enSk.includes(whole)) return 'ok';
    if (heardF !== whole && heardF.length >= 2 && enSk.includes(heardF)) return 'ok';
  }
  const cands = whole.length >= 2 ? [whole] : [];
  if (sp && spelled && w.length <= 4) {
    if (!given.length) return 'ok';
    cands.push(g);
    if (given.some((x) => near(nameSkeleton(x), g))) return 'near';
  }
  if (!cands.length) return 'ok';
  if (side) return cands.some((c) => side.readings.some((e) => !chanceOnly(mine, e, false) && near(e.sk, c))) ? 'near' : 'missing';
  if (cands.some((c) => enSk.some((e) => near(e, c)))) return 'near';
  return 'missing';
}

// Capitalised words that open sentences or stand for dates and groups rather than people.
const NOT_PERSON = new Set([
  'a', 'an', 'as', 'at', 'by', 'but', 'he', 'she', 'it', 'we', 'if', 'so', 'to', 'its', 'his', 'her', 'our', 'you', 'who', 'what',
  'when', 'where', 'while', 'which', 'there', 'those', 'that', 'then', 'than', 'with', 'from', 'some', 'many', 'most', 'more',
  'such', 'one', 'two', 'three', 'another', 'other', 'although', 'though', 'because', 'since', 'however', 'meanwhile', 'under',
  'over', 'further', 'according', 'earlier', 'later', 'last', 'next', 'each', 'every', 'all', 'any', 'no', 'not', 'yet', 'still',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may',
  'june', 'july', 'august', 'september', 'october', 'november', 'december', 'mr', 'mrs', 'ms', 'dr', 'professor', 'prof', 'sir',
  'north', 'south', 'east', 'west', 'new', 'democratic', 'republican', 'metropolitan', 'central', 'western', 'eastern',
]);

/** A Hangul word without the case or topic particle that ends it (이순신이 → 이순신), if any. */
const withoutParticle = (w: string): string => w.replace(/(?:으로|에서|에게|까지|부터|[은는이가을를의에와과도로만])$/u, '');

/**
 * Capitalised words of a Latin text that look like personal names (inside a sentence, or opening
 * one before a reporting verb or another capitalised word) that no Hangul word of the bead transliterates.
 */
function unmatchedLatinNames(u: Unit, latin: string, hangul: string, latinLang = u.src.lang): Hit[] {
  const sk = hangulSkeletons(hangul);
  const words = hangulWords(hangul);
  // Two-consonant skeletons ("ml" Moreau) begin many Korean words (말했다): there the Hangul word,
  // particle removed, must be about as short as the name.
  const stems = words.flatMap(({ w }) => [w, withoutParticle(w)].flatMap(heardHangul));
  // A Korean surname of one consonant or none (Lee, Oh, Yoo, Cho) is found by its own syllable where a
  // name may begin (surnameStands), not by its consonants, which tell nothing or begin many words
  // (이번, 오늘, 조치); a longer one (Park, Rhee) as before. A surname of two letters (Oh, Yu, Yi, An)
  // counts before a hyphenated given name, and there any surname is found by its syllable standing as
  // a name (Ahn Min-ho is not in 해양, h-n).
  const beforeGiven = [...latin.matchAll(/(?<![\p{L}’'-])\p{Lu}\p{Ll}+(?=\s+\p{Lu}\p{Ll}+-\p{Ll})/gu)]
    .filter((m) => SURNAME_BEFORE_GIVEN.has(m[0].toLowerCase())).map((m) => ({ start: m.index, end: m.index + m[0].length }));
  const surnames = beforeGiven.filter((h) => h.end - h.start === 2);
  return [...latinNameWords(latin, latinLang, u.opts.glossary), ...surnames].sort((a, b) => a.start - b.start).filter((h) => {
    const w = latin.slice(h.start, h.end);
    const sur = SURNAME_BEFORE_GIVEN.get(w.toLowerCase());
    if (sur && (nameSkeleton(w).length < 2 || beforeGiven.some((b) => b.start === h.start))) return !sur.some((x) => surnameStands(x, words));
    if (statusLatinWord(w, hangul, sk) === 'missing') return true;
    const n = nameSkeleton(w);
    return n.length <= 2 && !SPELLING_TO_HANGUL.has(w.toLowerCase()) && !stems.some((k) => k.startsWith(n) && k.length <= n.length + 1);
  });
}

/**
 * Whether a Latin name word is transliterated somewhere in a Hangul text: at the start of a word
 * (spelling variants allowed), or exactly, and long enough not to meet by chance, ending a compound.
 */
export function latinNameIn(word: string, hangul: string): boolean {
  let c = evidenceCache.get(hangul);
  if (!c) {
    // Sentence alignment asks about the same target spans many times over.
    if (evidenceCache.size > 256) evidenceCache.clear();
    c = { sk: hangulSkeletons(hangul), suffixes: new Set(hangulSuffixSkeletons(hangul)) };
    evidenceCache.set(hangul, c);
  }
  if (statusLatinWord(word, hangul, c.sk) !== 'missing') return true;
  const sk = nameSkeleton(word);
  return sk.length >= 3 && c.suffixes.has(sk);
}
const evidenceCache = new Map<string, { sk: string[]; suffixes: Set<string> }>();

/**
 * Skeletons of the endings of every Hangul word (particle removed), from each syllable on: a
 * transliterated name also ends compounds ("동맹억제포럼을" ends in 포럼, Forum).
 */
export function hangulSuffixSkeletons(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/\p{Script=Hangul}+/gu)) {
    const w = withoutParticle(m[0]);
    for (let k = 1; k < w.length - 1; k++) {
      const sk = nameSkeleton(romanize(w.slice(k)));
      if (sk.length >= 2) out.push(sk);
    }
  }
  return out;
}

/**
 * Capitalised words of a Latin text that look like personal or place names: inside a sentence, or
 * opening one before a reporting verb or another capitalised word; not vocabulary the text also
 * writes in lower case or the glossary lists.
 */
export function latinNameWords(latin: string, lang: string, glossary?: Glossary): Hit[] {
  const out: Hit[] = [];
  for (const m of latin.matchAll(/\p{Lu}\p{Ll}{2,}(?:-\p{L}\p{Ll}+)?/gu)) {
    const w = m[0];
    const lw = w.toLowerCase();
    // Words built with English derivational endings are vocabulary capitalised inside a title
    // ("Alliance Deterrence Forum"), which Korean translates rather than transliterates.
    // A title in the plural ("the Foreign Ministers") is no name either.
    if (NOT_NAME.has(lw) || NOT_NAME.has(lw.replace(/s$/, '')) || NOT_PERSON.has(lw) || /(?:tion|sion|ment|ness|ity|ism|ance|ence|ive|ous|ical|ship|ing)$/.test(lw)) continue;
    if (/[\p{L}\d-]/u.test(latin[m.index - 1] ?? '')) continue;
    const before = latin.slice(0, m.index);
    const initial = /(?:^|[.!?:]["”’]?\s+|["“(]\s*)$/u.test(before);
    const after = latin.slice(m.index + w.length);
    if (initial && !/^(?:[’']s)?\s+(?:\p{Lu}|said|says|told|added|stated|noted|argued|insisted)/u.test(after)) continue;
    // A word the text also writes in lower case is vocabulary ("Gay" beside "gays").
    if (new RegExp(`\\b${lw}`, 'u').test(latin)) continue;
    if (glossary && findGlossaryTerms(w, lang, glossary).length) continue;
    out.push({ start: m.index, end: m.index + w.length });
  }
  return out;
}

// The office a name holds, as its title says: in English before the name ("President Biden",
// "Secretary of State Marco Rubio"), in Japanese after it ("トランプ大統領", "ルビオ米国務長官").
const EN_OFFICE: [RegExp, string][] = [
  [/\bVice\s+President\b/g, 'vp'], [/\bPresident\b/g, 'president'], [/\b(?:Prime\s+Minister|Premier|Chancellor)\b/g, 'pm'],
  [/\bAmbassador\b/g, 'ambassador'], [/\b(?:Spokesperson|Spokesman|Spokeswoman|Press\s+Secretary)\b/g, 'spokesperson'],
  [/\bSecretary\b/g, 'secretary'], [/\bMinister\b/g, 'minister'],
];
const JA_OFFICE: [RegExp, string[]][] = [
  [/^副大統領/u, ['vp']], [/^(?:大統領|国家主席)/u, ['president']], [/^(?:首相|総理)/u, ['pm']], [/^大使/u, ['ambassador']],
  [/^報道官/u, ['spokesperson']], [/^(?:国務|国防)?長官/u, ['secretary', 'minister']], [/^(?:国防部長官|外交部長官|大臣|外相|外務|防衛|国防相)/u, ['minister']],
];
/** The offices a name in a text may hold, by the title next to it (none when no title says). */
function officeOf(text: string, hit: Hit): Set<string> {
  if (KANA_RE.test(text)) {
    const after = text.slice(hit.end).replace(new RegExp(`^${JA_COUNTRY}`, 'u'), '');
    return new Set(JA_OFFICE.find(([re]) => re.test(after))?.[1] ?? []);
  }
  // The title nearest before the name, a few words at most ("Secretary of State Marco Rubio").
  const before = text.slice(Math.max(0, hit.start - 60), hit.start);
  let best: { end: number; office: string } | undefined;
  for (const [re, office] of EN_OFFICE) {
    for (const m of before.matchAll(re)) if (!best || m.index + m[0].length > best.end) best = { end: m.index + m[0].length, office };
  }
  return new Set(best && before.length - best.end <= 30 ? [best.office] : []);
}

/** A person the glossary writes in kanji: the kanji (岸田, 石破茂) and the English forms (Kishida). */
interface KanjiPerson { ja: string[]; en: string[] }

const kanjiGlossaryCache = new WeakMap<Glossary, Map<string, KanjiPerson[]>>();
/**
 * The glossary's people written in kanji: terms with a Japanese rendering of one to four kanji and
 * English renderings that are all capitalised, one or two words (Kishida, Fumio Kishida). Countries,
 * bodies and titles are not people: an acronym among the renderings (ROK, DoD), a word that titles or
 * countries use (President, Korea), or kanji a country or body is written in (米国, 国連, 国防総省).
 */
function kanjiGlossary(g: Glossary | undefined, ja: string, en: string): KanjiPerson[] {
  if (!g) return [];
  let byLang = kanjiGlossaryCache.get(g);
  if (!byLang) kanjiGlossaryCache.set(g, (byLang = new Map()));
  let out = byLang.get(`${ja}|${en}`);
  if (!out) {
    out = g.terms.map((t) => ({ ja: (t.terms[ja] ?? []).filter((x) => /^\p{Script=Han}{1,4}$/u.test(x)), en: t.terms[en] ?? [] }))
      .filter((p) => p.ja.length && p.en.length && p.en.every((e) => /^\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+)?$/u.test(e))
        && !p.en.some((e) => e.split(/[ -]/).some((w) => NOT_NAME.has(w.toLowerCase()) || NOT_PERSON.has(w.toLowerCase())))
        && !p.ja.some((j) => JA_KANJI_NOT_NAME.test(j) || JA_KANJI_TITLES.some((t) => j.includes(t))));
    byLang.set(`${ja}|${en}`, out);
  }
  return out;
}

const JA_KANJI_NAMED = new RegExp(`(?<!\\p{Script=Han})(\\p{Script=Han}{1,4}?)(?=${JA_COUNTRY}?(?:${[...JA_KANJI_TITLES, '氏', 'さん'].join('|')}))`, 'gu');
/** Kanji names before a title, 氏 or さん that the glossary reads, whole or as the surname (岸田文雄). */
function kanjiNamesIn(text: string, people: KanjiPerson[]): { person: KanjiPerson; start: number; end: number }[] {
  if (!people.length) return [];
  const out: { person: KanjiPerson; start: number; end: number }[] = [];
  for (const m of text.matchAll(JA_KANJI_NAMED)) {
    const run = m[1]!;
    if (JA_KANJI_NOT_NAME.test(run)) continue;
    const person = people.find((p) => p.ja.some((j) => run === j || run.startsWith(j)));
    if (person) out.push({ person, start: m.index, end: m.index + run.length });
  }
  return out;
}

export function checkNames(u: Unit, as: Anchor[], at: Anchor[]): RawFinding[] {
  const S = langName(u.src.lang), T = langName(u.tgt.lang);
  // `quiet`: an English name the Japanese does not write in katakana that may well be in kanji (Ishiba,
  // Wang Yi, Cho); it only counts as the counterpart of a katakana name the English lacks when the
  // Japanese names fewer people in kanji than the English has such names.
  const bad: { side: 'src' | 'tgt'; hit: Hit; text: string; status: Status; known: boolean; quiet?: boolean }[] = [];
  const jaLang = KANA_RE.test(u.src.text) && !HANGUL_RE.test(u.src.text) ? u.src.lang : u.tgt.lang;
  const kanjiPeople = kanjiGlossary(u.opts.glossary, jaLang, jaLang === u.src.lang ? u.tgt.lang : u.src.lang);
  const scanKana = (side: 'src' | 'tgt', anchors: Anchor[], own: string, other: string, ownKana: boolean) => {
    const docOther = u.doc ? (side === 'src' ? u.doc.tgt : u.doc.src) : '';
    const otherSk = ownKana ? latinKanaSkeletons(other) : kanaSkeletons(other);
    const docSk = u.doc ? docHeard(docOther, !ownKana) : null;
    const ownLang = side === 'src' ? u.src.lang : u.tgt.lang;
    let namesSk: Heard[] | undefined;
    const otherNames = () => (namesSk ??= personKanaNames(other).flatMap((a) => a.text.split(/[・＝゠]/u).flatMap(kanaSkeleton)));
    for (const a of anchors) {
      if (a.kind !== 'name') continue;
      if (ownKana) {
        // A katakana term the glossary knows (ホワイトハウス報道官) is no name.
        if (u.opts.glossary && findGlossaryTerms(a.text, ownLang, u.opts.glossary).some((h) => h.end - h.start >= a.text.length - 1)) continue;
        // Nor is a country or body ("ドイツ首相"); beside a name it is the person's country ("メローニ・イタリア首相").
        let pos = a.start;
        const parts = a.text.split(/[・＝゠]/u).map((p) => {
          const x = { p, start: pos, end: pos + p.length };
          pos += p.length + 1;
          return x;
        }).filter((x) => /^[\p{Script=Katakana}ー]{2,}$/u.test(x.p) && !KATA_NOT_NAME.has(x.p));
        if (!parts.length) continue;
        const sks = parts.flatMap((x, i) => [...kanaSkeleton(x.p), ...(i + 1 < parts.length ? kanaSkeleton(x.p + parts[i + 1]!.p) : [])]);
        const st = kanaStatus(sks, otherSk);
        const known = st === 'missing' && docSk !== null && kanaStatus(sks, docSk) === 'ok';
        const hit = { start: parts[0]!.start, end: parts[parts.length - 1]!.end };
        if (st !== 'ok') bad.push({ side, hit, text: own.slice(hit.start, hit.end), status: st, known });
        continue;
      }
      const ws = words(own, a.start, nameEnd(own, a.end), NAME_WORD)
        .map((x) => ({ ...x, w: x.w.replace(/[’']s?$/, '') }))
        .filter((x) => !NOT_NAME.has(x.w.toLowerCase()) && !/^(?:I|II|III|IV|Jr)$/.test(x.w));
      if (!ws.length) continue;
      const key = ws[ws.length - 1]!;
      const korean = ws.some((x) => koreanSurname(x.w));
      let st = kanaStatus(kanaHeard(key.w, korean), otherSk);
      if (st !== 'ok' && ws.length >= 2 && kanaStatus(kanaHeard(ws.slice(-2).map((x) => x.w).join(''), korean), otherSk) === 'ok') st = 'ok';
      // Japanese may name by the given name (Anwar Ibrahim アンワル首相, Prabowo Subianto プラボウォ大統領):
      // another word of the name that a katakana name before a title writes is the person too.
      if (st !== 'ok' && ws.slice(0, -1).some((x) => kanaStatus(kanaHeard(x.w, korean).filter((h) => h.sk.length >= 2), otherNames()) === 'ok')) st = 'ok';
      const known = st === 'missing' && docSk !== null && kanaStatus(kanaHeard(key.w, korean), docSk) === 'ok';
      // A person the glossary writes in kanji (Kishida 岸田) is found by that kanji, and missed
      // without it: where the glossary says how Japanese writes the name, it may not be elsewhere.
      const inKanji = kanjiPeople.filter((k) => k.en.some((e) => ws.some((x) => x.w === e) || ws.map((x) => x.w).join(' ') === e));
      if (st !== 'ok' && inKanji.some((k) => k.ja.some((j) => other.includes(j)))) st = 'ok';
      const quiet = st === 'missing' && !inKanji.length && mayBeKanji(ws.map((x) => x.w))
        && !(u.doc && docKatakanaPeople(side === 'src' ? u.doc.src : u.doc.tgt).has(key.w.toLowerCase()));
      if (st !== 'ok') bad.push({ side, hit: { start: ws[0]!.start, end: key.end }, text: own.slice(ws[0]!.start, key.end), status: st, known, quiet });
    }
    // Kanji names before a title that the glossary gives in English (岸田総理大臣, Kishida): compared
    // like katakana names. Kanji no glossary entry reads are left alone, never reported as missing.
    if (ownKana) {
      for (const k of kanjiNamesIn(own, kanjiPeople)) {
        const said = (text: string) => k.person.en.some((e) => new RegExp(`(?<![\\p{L}])${e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{Ll}])`, 'u').test(text));
        if (said(other)) continue;
        bad.push({ side, hit: { start: k.start, end: k.end }, text: own.slice(k.start, k.end), status: 'missing', known: !!u.doc && said(docOther) });
      }
    }
  };
  const scan = (side: 'src' | 'tgt', anchors: Anchor[], own: string, other: string) => {
    const otherHangul = HANGUL_RE.test(other);
    const ownHangul = HANGUL_RE.test(own);
    const ownKana = !ownHangul && KANA_RE.test(own), otherKana = !otherHangul && KANA_RE.test(other);
    // Japanese against a Latin-script text: katakana names are read aloud and compared.
    if (!ownHangul && !otherHangul && ownKana !== otherKana) return scanKana(side, ownKana ? kanaNames(own) : anchors, own, other, ownKana);
    if (ownHangul === otherHangul) return; // same script on both sides: names compare as text, nothing to romanize
    const otherSk = otherHangul ? hangulSkeletons(other) : latinSkeletons(other);
    const docOther = u.doc ? (side === 'src' ? u.doc.tgt : u.doc.src) : '';
    const docSk = u.doc ? docSkeletons(docOther, otherHangul) : null;
    // The other side read with its vowels.
    const otherSide: OtherSide = otherHangul ? { readings: hangulReadings(other), words: hangulWords(other) } : { readings: latinReadings(other), words: [] };
    const docSide = u.doc ? docOtherSide(docOther, otherHangul) : null;
    for (const a of anchors) {
      if (a.kind !== 'name') continue;
      const ws = ownHangul
        ? words(own, a.start, a.end, /\p{Script=Hangul}+/gu)
        : words(own, a.start, a.end, /\p{Lu}[\p{Ll}’'-]+/gu).map((x) => ({ ...x, w: x.w.replace(/[’']s?$/, '') }))
          // "In" of "In Ji-hoon" is the surname (인), before a given name spelled as Korean syllables.
          .filter((x, i, all) => (!NOT_NAME.has(x.w.toLowerCase()) || (i === 0 && koreanNameOrders(all.slice(0, 2).map((y) => y.w)).length > 0 && all[1]!.w.includes('-')))
            && !/^(?:I|II|III|IV|Jr)$/.test(x.w));
      // A name ends before a possessive ("Blinken’s Trilateral Meeting" is Blinken).
      const cut = ws.findIndex((x) => /[’']s$/.test(own.slice(x.start, x.end)) || /^[’']s\b/.test(own.slice(x.end, x.end + 3)));
      if (cut >= 0) ws.splice(cut + 1);
      if (!ws.length) continue;
      // The word next to the title (the surname in "Lloyd J. Austin", the name in "직후 토니 블링컨 장관")
      // decides: words further out may be ordinary words the title pattern picked up.
      const key = ws[ws.length - 1]!;
      // A word the glossary knows ("국제안보 차관", "Deputy") is vocabulary, not a name.
      if (u.opts.glossary && findGlossaryTerms(key.w, ownHangul ? (HANGUL_RE.test(u.src.text) ? u.src.lang : u.tgt.lang) : (HANGUL_RE.test(u.src.text) ? u.tgt.lang : u.src.lang), u.opts.glossary)
        .some((h) => h.end - h.start >= 2)) continue;
      let st = ownHangul ? statusHangulWord(key.w, other, otherSk, otherSide) : statusLatinWord(key.w, other, otherSk, otherSide);
      // An unhyphenated given name ("Lee Jae Myung") is two words that the Hangul writes as one (재명).
      if (!ownHangul && st !== 'ok' && ws.length >= 2 && statusLatinWord(ws.slice(-2).map((x) => x.w).join(''), other, otherSk, otherSide) === 'ok') st = 'ok';
      // A Korean name with its given name ("Park Jin") is in the Hangul only as a name (박진, 진 장관,
      // 박 장관), not as the syllables that open other words (진행, 진전): those are no match.
      const orders = ownHangul ? [] : koreanNameOrders(ws.map((x) => x.w));
      const koreanIn = (ko: HangulWord[]) => orders.some((o) => koreanNameIn(o.sur, o.given, ko));
      // A Chinese name English spells like a Korean one, which Korean writes by its Chinese reading (양쥔,
      // Yang Jun; 쑨원, Sun Yat-sen), or a word English writes whole (청와대, Cheong Wa Dae), is the person:
      // what the readings found is kept, or a name they missed is found.
      const chineseIn = (ko: HangulWord[]) => orders.length > 0 && chineseReadingIn(ws[0]!.w, ws.slice(1).map((x) => x.w).join(' '), ko);
      const wholeIn = (ko: HangulWord[]) => orders.length > 0 && readsAsWholeName(ws.map((x) => x.w), ko);
      if (orders.length) {
        if (koreanIn(otherSide.words)) st = 'ok';
        else if (chineseIn(otherSide.words) || wholeIn(otherSide.words)) st = st === 'missing' ? 'ok' : st;
        else if (st === 'ok') st = 'missing';
      }
      // "The Secretary" in one paragraph, "블링컨 장관" in its translation: fine when the person is named elsewhere.
      const known = st === 'missing' && docSk !== null && docSide !== null
        && (orders.length ? koreanIn(docSide.words) || chineseIn(docSide.words) || wholeIn(docSide.words)
          : (ownHangul ? statusHangulWord(key.w, docOther, docSk, docSide) : statusLatinWord(key.w, docOther, docSk, docSide)) === 'ok');
      if (st !== 'ok') bad.push({ side, hit: { start: ws[0]!.start, end: key.end }, text: own.slice(ws[0]!.start, key.end), status: st, known });
    }
  };
  // A name with its title written onto it is read only where the other side's anchors hold a name.
  const hasName = (xs: Anchor[]) => xs.some((a) => a.kind === 'name');
  scan('src', [...as, ...extraNames(u.src.text, as, hasName(at))], u.src.text, u.tgt.text);
  scan('tgt', [...at, ...extraNames(u.tgt.text, at, hasName(as))], u.tgt.text, u.src.text);
  const out: RawFinding[] = [];
  // A name missing on one side and a near-miss or missing name on the other: one name was changed.
  const lost = (side: 'src' | 'tgt') => bad.filter((b) => b.side === side && b.status === 'missing' && !b.quiet);
  // Near-misses on both sides are each other's counterpart (one name transliterated loosely: Yoshimasa
  // and 요시사마), not the counterpart of a name missing on one side.
  const nearOn = (side: 'src' | 'tgt') => bad.some((b) => b.side === side && b.status === 'near');
  // A quiet English name (Ishiba) is the counterpart of a katakana name only when Japanese has no kanji
  // name left for it: "石破総理大臣はトランプ大統領と" against "Prime Minister Ishiba held talks" left Trump out.
  const quiet = bad.filter((b) => b.quiet);
  const roomInKanji = quiet.length > 0 && kanjiNameCount(KANA_RE.test(u.tgt.text) ? u.tgt.text : u.src.text) < quiet.length;
  const odd = (side: 'src' | 'tgt') => bad.filter((b) => b.side === side && (!b.quiet || roomInKanji)
    && (b.status === 'missing' || (b.status === 'near' && !nearOn(side === 'src' ? 'tgt' : 'src'))))
    .sort((x, y) => Number(!!x.quiet) - Number(!!y.quiet));
  // Of several names that may be the changed one, the one holding the same office comes first:
  // "Prime Minister Kishida met President Biden" against "岸田総理大臣はトランプ大統領と" is Biden.
  const sameOffice = (cands: typeof bad, other: (typeof bad)[number]) => {
    const want = officeOf(other.side === 'src' ? u.src.text : u.tgt.text, other.hit);
    return cands.map((b, i) => ({ b, i, agree: [...officeOf(b.side === 'src' ? u.src.text : u.tgt.text, b.hit)].some((o) => want.has(o)) }))
      .sort((x, y) => Number(y.agree) - Number(x.agree) || x.i - y.i).map((x) => x.b);
  };
  let missS = lost('src'), missT = lost('tgt');
  if (missS.length && !missT.length) missT = sameOffice(odd('tgt'), missS[0]!);
  else if (missT.length && !missS.length) missS = sameOffice(odd('src'), missT[0]!);
  if (missS.length && missT.length) {
    const a = missS[0]!, b = missT[0]!;
    out.push({
      check: 'names', severity: 'error', message: `Name ${a.text} does not match ${T} ${b.text}`,
      key: `names:${a.text.toLowerCase()}|${b.text}`, srcHits: [a.hit], tgtHits: [b.hit],
    });
  }
  else if (missT.length !== missS.length && !(missT[0] ?? missS[0])!.known) {
    // A Hangul name with no English counterpart while the English names someone the Korean never
    // transliterates (a name outside any title pattern: "Professor Galertner says"): one name was swapped.
    // Either way round: a Korean source's name against a stray name of its English translation too.
    const hangulSide: 'src' | 'tgt' = missT.length ? 'tgt' : 'src';
    const b = (missT[0] ?? missS[0])!;
    const hangulText = u[hangulSide].text, latinSide = u[hangulSide === 'tgt' ? 'src' : 'tgt'];
    // A stray word that starts like the Hangul name is its loose transliteration (Kadowaki / 가도와치).
    const kSk = nameSkeleton(romanize(b.text.split(' ').pop() ?? ''));
    // A Korean surname against a Hangul name of another surname is no loose transliteration (Keum and 김).
    const kSur = surnameOf(b.text.split(' ').pop() ?? '')?.[0];
    const otherSurname = (w: string) => !!kSur && !!SURNAME_BEFORE_GIVEN.get(w.toLowerCase()) && !SURNAME_BEFORE_GIVEN.get(w.toLowerCase())!.includes(kSur);
    const stray = HANGUL_RE.test(hangulText) && !HANGUL_RE.test(latinSide.text)
      ? unmatchedLatinNames(u, latinSide.text, hangulText, latinSide.lang).filter((h) => {
        const w = latinSide.text.slice(h.start, h.end);
        return otherSurname(w) || nameSkeleton(w).slice(0, 2) !== kSk.slice(0, 2);
      }) : [];
    if (stray.length) {
      const a = stray[0]!;
      const latinMiss = { side: hangulSide === 'tgt' ? 'src' as const : 'tgt' as const, hit: a, text: latinSide.text.slice(a.start, a.end), status: 'missing' as const, known: false };
      if (hangulSide === 'tgt') missS = [latinMiss];
      else missT = [latinMiss];
      const [x, y] = hangulSide === 'tgt' ? [latinMiss, b] : [b, latinMiss];
      out.push({
        check: 'names', severity: 'error', message: `Name ${x.text} does not match ${T} ${y.text}`,
        key: `names:${x.text.toLowerCase()}|${y.text}`, srcHits: [x.hit], tgtHits: [y.hit],
      });
    }
  }
  const named = { src: namesSomeone(u.src.text, as), tgt: namesSomeone(u.tgt.text, at) };
  for (const b of bad) {
    if (missS.length && missT.length && (b === missS[0] || b === missT[0])) continue;
    if (b.quiet) continue;
    const [from, to] = b.side === 'src' ? [S, T] : [T, S];
    // When the other side names nobody, the person was left out or added with the words around them:
    // that is the coverage checks' business, and a name check warning would repeat it.
    const otherNamesSomeone = b.side === 'src' ? named.tgt : named.src;
    out.push({
      check: 'names',
      severity: b.status === 'missing' && otherNamesSomeone && !b.known ? 'warning' : 'info',
      message: b.status === 'missing' && !b.known
        ? `${from} name ${b.text} has no counterpart in ${to}`
        : b.status === 'missing'
          ? `${from} name ${b.text} is not in this ${to} paragraph (the ${to} text names the person elsewhere)`
          : `${from} name ${b.text} is spelled differently in ${to} (check the transliteration)`,
      key: `names:${b.side}:${b.text.toLowerCase()}`,
      srcHits: b.side === 'src' ? [b.hit] : [], tgtHits: b.side === 'tgt' ? [b.hit] : [],
    });
  }
  return out;
}
