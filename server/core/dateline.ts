// News-agency datelines ("SEOUL, Sept. 18 (Yonhap) --", "(서울=연합뉴스) 홍길동 기자 =", "【ソウル共同】") are blanked before the checks read a text.
//
// A dateline says where and when a wire story was filed and who filed it: it is not content the
// translation must carry, and one side often has it while the other does not (an English wire copy
// over a Korean story, or the reverse). Read as content, it gives a date, a place read as a name and
// the agency read as an acronym that the other side "lacks". So a dateline is never compared, whether
// the other side has one or not: it is replaced by spaces, which keeps every offset (findings still
// point at the right characters) and adds nothing to a length.

/** Agencies and broadcasters that sign wire copy, in the forms they use inside the brackets. */
const AGENCY = "(?:Yonhap(?:\\s+News)?|AP|AFP|Reuters|CNN|UPI|Xinhua|Kyodo(?:\\s+News)?|KCNA|NK\\s+News|Bloomberg|dpa|DPA|EFE|ANSA|Interfax|TASS|ITAR-TASS|RIA\\s+Novosti|IANS|PTI|Bernama|Antara|Jiji|NHK|BBC|VOA|RFA)";
/** A city as wire copy writes it, in capitals ("SEOUL", "NEW YORK", "ST. LOUIS"). */
const CITY = "[A-Z][A-Z.'’-]{2,}(?:\\s[A-Z][A-Z.'’-]+){0,3}";
/** A capitalised place ("Washington", "Georgia", "N.Y.", "Republic of Korea": "of" only after a state's form). */
const PLACE = "[A-Z][\\p{L}.'’-]+(?:\\s(?:(?<=(?:Republic|Kingdom|States|Federation|Commonwealth)\\s)of\\s(?:the\\s)?)?[A-Z][\\p{L}.'’-]+){0,2}";
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\\.?';
/** ", Sept. 18", ", June 26, 2024": the day it was filed. */
const FILED = `,\\s${MONTH}\\s\\d{1,2}(?:,\\s\\d{4})?`;
const DASH = '(?:--|—|–)';

/**
 * "SEOUL, Sept. 18 (Yonhap) --", "LONDON, England (CNN)", "WASHINGTON --", "Washington, June 26 (AP) —",
 * "(CNN) --": a city in capitals (then a region and the day, each optional) before the agency or a dash,
 * any place before a known agency, or the agency alone.
 */
const EN_DATELINE = new RegExp(
  `(?:${CITY}(?:,\\s${PLACE})?(?:${FILED})?\\s*(?:\\(${AGENCY}\\)\\s*${DASH}?|\\([A-Z][\\p{L}.&-]{1,20}\\)\\s*${DASH}|${DASH})`
    + `|${PLACE}(?:,\\s${PLACE})?(?:${FILED})?\\s*\\(${AGENCY}\\)\\s*${DASH}?`
    + `|\\(${AGENCY}\\)\\s*${DASH}?)[ \\t]*`,
  'uy',
);

/** What every English dateline holds: a dash, or a known agency in brackets ("(Yonhap)"). */
const MAY_HOLD_DATELINE = new RegExp(`[—–]|--|\\(${AGENCY}\\)`, 'u');

/** A reporter's byline: one to four names before 기자, 특파원 or 통신원 and "=" ("홍길동 기자 =", "홍길동 김철수 기자 ="). */
const KO_BYLINE = '(?:[가-힣]{2,4}(?:[\\s,·]+[가-힣]{2,4}){0,3}\\s?(?:기자|특파원|통신원)\\s?=\\s*)';
/**
 * "(서울=연합뉴스) 홍길동 기자 =", "[워싱턴=뉴시스]", "【서울=뉴스1】", "(런던=CNN)", or a byline alone: the place,
 * "=" and the agency in brackets, then the reporter.
 */
const KO_DATELINE = new RegExp(
  `(?:[(\\[【]\\s*[가-힣A-Za-z·\\s]{1,20}=\\s*[가-힣A-Za-z0-9·.\\s]{1,15}[)\\]】]\\s*${KO_BYLINE}?|${KO_BYLINE})`,
  'uy',
);

/** Agencies that sign Japanese wire copy, as Japanese papers write them. */
const JA_AGENCY = '(?:共同(?:通信)?|時事(?:通信)?|ロイター|ブルームバーグ|新華社|聯合ニュース|聯合|AFP|ＡＦＰ|AP|ＡＰ|EPA|ＥＰＡ|CNN|ＣＮＮ)';
/** A place as Japanese copy writes it: katakana or kanji ("ソウル", "ワシントン", "北京"). */
const JA_PLACE = '[\\p{Script=Katakana}ー・\\p{Script=Han}]{1,10}';
/** The day it was filed ("18日", "１８日", "9月18日"), spaced or not. */
const JA_DAY = '(?:[0-9０-９]{1,2}月)?[0-9０-９]{1,2}日';
const JA_SPACE = '[ \\u3000]*';
/** Either side of a "＝": a place, an agency, a bureau or a reporter's name ("ソウル", "AFP", "中国総局", "山田太郎"). */
const JA_SIDE = '[\\p{Script=Katakana}ー・\\p{Script=Han}\\p{Script=Hiragana}A-Za-zＡ-Ｚａ-ｚ \\u3000]{1,15}';

/**
 * "【ソウル共同】", "〔ワシントン時事〕", "［東京 18日 ロイター］ -", "【9月18日 AFP】": a place or the day, then a known
 * agency; "（ソウル＝共同）", "【北京＝中国総局】", "【ソウル＝山田太郎】": a place, "＝" and the agency, the paper's
 * bureau or its reporter; "【新華社北京9月18日】": Xinhua before place and day. A heading in the same brackets
 * ("【概要】", "【共同声明】") has neither a "＝" nor an agency closing it, so it is read as text.
 */
const JA_DATELINE = new RegExp(
  `[【〔［\\[（(]${JA_SPACE}(?:(?:${JA_PLACE}${JA_SPACE}(?:${JA_DAY}${JA_SPACE})?|${JA_DAY}${JA_SPACE})${JA_AGENCY}`
    + `|${JA_SIDE}[＝=]${JA_SIDE}|新華社${JA_SPACE}(?:${JA_PLACE})?${JA_SPACE}(?:${JA_DAY})?)${JA_SPACE}[】〕］\\]）)]`
    + `(?:${JA_SPACE}[-－—–]{1,2})?[ \\t\\u3000]*`,
  'uy',
);

/**
 * Where a dateline may stand: opening a paragraph or a sentence (news paragraphs run stories together,
 * and a story's first sentence carries its dateline). Only there are the patterns tried, which keeps
 * them off the rest of the text.
 */
const OPENINGS = /[.!?다]["”’)]?\s+/gu;
/** Japanese runs its sentences on without a space: a dateline may follow a "。" directly. */
const JA_OPENINGS = /[。！？][」』）)]?\s*/gu;

/**
 * A paragraph with its datelines replaced by spaces (same length, same offsets). Korean and Japanese
 * copy sometimes keeps the English wire's dateline ("HONG KONG (CNN) 칸 영화제에서…"), so the English
 * pattern is tried on them too.
 */
export function blankDatelines(text: string, lang: string): string {
  const ko = lang === 'ko' && text.includes('=');
  const ja = lang === 'ja' && /[【〔［[（(]/u.test(text);
  // Most paragraphs hold no "=" and no bracket or dash at all: those are returned as they are.
  if (!ko && !ja && !MAY_HOLD_DATELINE.test(text)) return text;
  const starts = [0];
  for (const m of text.matchAll(OPENINGS)) if (m.index + m[0].length < text.length) starts.push(m.index + m[0].length);
  if (ja) for (const m of text.matchAll(JA_OPENINGS)) if (m.index + m[0].length < text.length) starts.push(m.index + m[0].length);
  let out = text;
  for (const at of starts) {
    const c = text[at]!;
    let len = 0;
    if (ko && /[(\[【가-힣]/u.test(c)) {
      KO_DATELINE.lastIndex = at;
      len = KO_DATELINE.exec(text)?.[0].length ?? 0;
    }
    if (ja && /[【〔［[（(]/u.test(c)) {
      JA_DATELINE.lastIndex = at;
      len = JA_DATELINE.exec(text)?.[0].length ?? 0;
    }
    if (!len && /[A-Z(]/.test(c)) {
      EN_DATELINE.lastIndex = at;
      len = EN_DATELINE.exec(text)?.[0].length ?? 0;
    }
    if (len) out = out.slice(0, at) + ' '.repeat(len) + out.slice(at + len);
  }
  return out;
}
