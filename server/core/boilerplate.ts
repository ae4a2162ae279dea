// Page-chrome stripping: reduces text copied from a statement's web page to its title and body (pure, no I/O).
import { extractAnchors, halfWidthDigits } from './anchors.ts';
import { END_MARK_LINE, sentenceCuts } from './segment.ts';
import { columns, cutOpen, isWrappedPage, joinWrappedLines, latinWords, nearWidth, oneSentenceParagraphs, paragraphOpenings, paragraphStarts, STOPS_MID_PHRASE, wrapWidth } from './wrap.ts';

/*
 * Approach: every line gets a score (sentence-like body text > 0, menus,
 * labels, dates and known chrome phrases < 0), the densest contiguous region
 * (maximum-sum run) is taken as the body, and the title is then looked for
 * just above it (a line the page repeats, e.g. in the breadcrumb, else the
 * longest heading-like line among the few above the body). Nothing here is
 * specific to one site: held-out pages must work too.
 */

interface Line {
  text: string;
  /** Index of the original line, to keep blank-line structure in the output. */
  index: number;
  score: number;
  kind: 'body' | 'weak' | 'chrome' | 'stop' | 'blank';
}

const MONTHS =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_RES: RegExp[] = [
  new RegExp(`\\b${MONTHS}\\s+\\d{1,2},?\\s+\\d{4}\\b`, 'i'),
  new RegExp(`\\b\\d{1,2}\\s+${MONTHS},?\\s+\\d{4}\\b`, 'i'),
  // A timestamp as pages print it in their meta rows ("2025-11-14T10:30:00+09:00").
  /\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?\b/,
  /\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b/,
  /\b\d{1,2}\/\d{1,2}\/\d{4}\b/,
  /\b\d{4}\.\s*\d{1,2}\.\s*\d{1,2}\.?/,
  /\d{4}\s*년\s*\d{1,2}\s*월(?:\s*\d{1,2}\s*일)?/,
  /\d{4}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/,
  // The Western year with the era year after it: 2025年（令和7年）11月14日.
  /\d{4}\s*年\s*[（(]\s*(?:令和|平成|昭和)\s*(?:\d{1,2}|元)\s*年\s*[）)]\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/,
  /(?:令和|平成)\s*(?:\d{1,2}|元)\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/,
];

const DATE_RES_GLOBAL = DATE_RES.map((re) => new RegExp(re.source, re.flags + 'g'));
/** A date closing a line, with the stop Korean numeric dates and some English rows end it on. */
const DATE_AT_END = DATE_RES.map((re) => new RegExp(`(?:${re.source})\\.?$`, re.flags));

/** Lines that end the body: what follows them is related lists, comments or page footers. */
const STOP_LINE =
  /^(?:recent (?:news|posts|releases|stories)|related(?: (?:news|releases|articles|stories|links|content|posts|resources))?|more (?:news|stories|releases)|latest (?:news|releases)|subscribe\b.*|previous (?:post|article)|next (?:post|article)|최근 게시물|최근 소식|관련 (?:기사|뉴스|게시물|자료|소식)|이전글|다음글|이전 글|다음 글|목록|목록으로|공공누리.*|関連(?:リンク|情報|記事)|前の記事|次の記事)$/i;

/** Phrases that only page chrome uses; matched against the whole trimmed line. */
const CHROME_LINE: RegExp[] = [
  /^skip to (?:main )?content$/i,
  /official website of the united states government/i,
  /^here['’]s how you know/i,
  /^official websites use\b/i,
  /^an? \.(?:gov|mil) website belongs to\b/i,
  /\bsafely connected to the \.(?:gov|mil) website\b/i,
  /^secure \.(?:gov|mil)/i,
  /^(?:https?:\/\/|www\.)\S+$/i,
  /share sensitive information only/i,
  /^(?:this is )?(?:the |an? )?official website of\b/i,
  /external links? (?:to|policy)/i,
  /^(?:immediate release|for immediate release|press release|news release|archived content)$/i,
  /^\d+\s+min(?:ute)?s?\s+read$/i,
  /^(?:by|posted by|written by)\s.{1,80}\|/i,
  /^(?:topics?|tags?|categories|category|filed under)\s*:/i,
  /^(?:share|share this|print|email|e-mail|facebook|twitter|x|linkedin|whatsapp|copy link|back to top|top)$/i,
  /^(?:privacy(?: policy| program)?|accessibility(?: statement)?|copyright.*|disclaimer|.*\bdisclaimer|foia|no fear act|usa\.gov|help center|site map|sitemap|contact us|inspector general|office of inspector general)$/i,
  // Korean pages write the sign as a circled c ("ⓒ 국방부", "저작권자 ⓒ 연합뉴스").
  /^copyright\b|[©ⓒⒸ]|\(c\)\s*\d{4}|all rights reserved/i,
  /\((?:[A-Z][\w.]*\s){0,4}[\w.]*\s*photo by\b[^)]*\)\s*$/i,
  // Korean ministry / embassy page rows.
  /^(?:본문 바로가기|주메뉴 바로가기|메뉴 바로가기|내용으로 건너뛰기|바로가기)$/,
  /미국 정부 공식 웹사이트/,
  /공식 웹사이트입니다/,
  /^(?:통합검색|검색|전체메뉴(?: 열기| 닫기)?|메뉴|로그인|회원가입|사이트맵)$/,
  /^(?:작성자|작성일|등록일|수정일|조회수?|담당자|담당부서|부서|연락처|전화번호|첨부파일|첨부|붙임|출처)(?:\s|:|：|$)/,
  /(?:미리보기|다운로드)$/,
  /^(?:인쇄하기|인쇄|SNS 공유하기|공유하기|스크랩|글자 ?크기)$/,
  /^※\s*(?:영문본|국문본|원문|첨부)/,
  /^(?:즉시\s*배포(?:용)?|보도시점\s*:?.*|엠바고.*)$/,
  /^(?:게시|주제)\s*:/,
  /^\(\d{5}\)/,
  /^(?:배포\s*일시|보도\s*일시|배포일|문의|담당\s*과장|담당\s*:|최종\s*수정일|콘텐츠 담당자|페이지 만족도|만족도 조사)/,
  /^(?:맨\s*위로|목록\s*보기|글자\s*(?:크게|작게)|TOP)$/,
  // Japanese pages: the skip link, back to top and print.
  /^(?:本文へ(?:移動|スキップ)?|メインコンテンツへ(?:移動|スキップ))$/,
  /^(?:この)?ページ(?:の)?(?:先頭|トップ)(?:へ|に)(?:戻る)?$|^トップへ戻る$/,
  /^(?:印刷(?:する|用ページ)?)$/,
  /^(?:release no\.?|media contacts?|press contacts?|contact|for further information|last updated|updated|posted on)\s*:/i,
  // Contact lines and the page's own navigation under a release.
  /^for (?:further|more) information\b/i,
  /^source\s*:/i,
  /^(?:tags?|topics?|previous|next|list|back|more)$/i,
  /^(?:###|-\s*30\s*-|read more|learn more|return to top|see also)$/i,
  /\bcookies?\b.*\b(?:use|accept|policy|settings)\b/i,
  // A page's feedback widget under the release (its question and its buttons).
  /^(?:was this (?:page|article|information|content) (?:helpful|useful)\??|did you find what you were looking for\??|yes|no|이 (?:페이지|정보)가 도움이 되었(?:습니까|나요)\??)$/i,
  /^.{0,120}\.(?:hwpx?|pdf|docx?|xlsx?|pptx?|zip|jpg|png)\b.{0,40}$/i,
];

/**
 * Phrases of page chrome that a statement's own sentence may use too ("A Korean translation of this
 * statement is posted on the official website of the ROK Ministry of National Defense."): they make
 * page chrome only of a line that is no sentence.
 */
const CHROME_PHRASE: RegExp[] = [
  /\bofficial website of\b/i,
  /\.(?:gov|mil) website/i,
  /(?:개인정보\s*(?:처리방침|보호정책)|저작권(?:정책| 및 면책)|이메일\s*무단\s*수집\s*거부|찾아오시는 ?길|웹 접근성)/,
];

const BULLET = /^(?:[□■○●◦ㅇ▲△▶▷◆◇•∙·\-–*]|\d{1,2}[.)]|[가-하][.)]|\(\d{1,2}\)|[①-⑳])\s*\S/u;
const SENTENCE_END = /(?:[.!?。:;]|[.!?]["'”’)\]]|다|[)\]"”’])$/u;
const HANGUL = /[\uac00-\ud7a3]/u;
/** Japanese and Chinese write without spaces: there a line's length, not its word count, tells a sentence. */
const UNSPACED = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
const unspaced = (s: string) => !HANGUL.test(s) && UNSPACED.test(s) && wordCount(s) <= 2;
const ELLIPSIS_LINE = /^\[\s*(?:…|\.{3})\s*\]$|^\[[^\]]{1,40}\]$/u;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

/**
 * "by" and the capitalised name of whoever posted the page ("by U.S. Embassy Seoul"). Case-sensitive
 * on the name, so "by the two sides" in a sentence is not a byline.
 */
const BYLINE_NAME = /\b[Bb]y\s+(?:[A-Z][\w.&'’-]*\s*){1,5}/g;

function isDateLine(line: string): boolean {
  if (line.length > 70) return false;
  // Japanese releases write their datelines in full-width digits (２０２６年３月４日).
  const s = halfWidthDigits(line);
  if (!DATE_RES.some((re) => re.test(s))) return false;
  // A date with a few label words around it ("NEWS | Sept. 18, 2023", "Posted on …") is a date row; a sentence is not.
  let rest = s;
  for (const re of DATE_RES_GLOBAL) rest = rest.replace(re, ' ');
  // A byline's name is a label too: WordPress writes "Posted on March 12, 2026 by U.S. Embassy Seoul".
  rest = rest.replace(BYLINE_NAME, ' ');
  rest = rest.replace(/[|:·•,\-–—()、，]/g, ' ');
  // Unspaced (Japanese) text has no words to count: a place name or two ("、オタワ") is a few characters.
  const few = unspaced(rest) ? rest.replace(/\s/g, '').length <= 12 : wordCount(rest) <= 4;
  // A sentence ends in a stop; a date may end in one of its own ("Nov. 14, 2025.", "2025. 11. 14.").
  return few && (!/[.!?。]$/.test(s) || DATE_AT_END.some((re) => re.test(s)));
}

/**
 * A list item that gives a date ("ㅇ 일시 : 2025. 11. 13.(목)", "- Date: November 13, 2025") is the
 * statement's, as its neighbours are; a bullet before a bare date ("• Nov. 13, 2025") is a page's date row.
 */
function isDatedItem(line: string): boolean {
  if (!BULLET.test(line)) return false;
  let rest = halfWidthDigits(line);
  for (const re of DATE_RES_GLOBAL) rest = rest.replace(re, ' ');
  return /\p{L}{2}/u.test(rest);
}

function isBreadcrumb(s: string): boolean {
  const parts = splitBreadcrumb(s);
  if (parts.length < 2) return false;
  const first = (parts[0] ?? '').toLowerCase();
  return /^(?:home|홈|main|메인|처음으로|ホーム|トップ|首页)$/.test(first) || (parts.length >= 3 && parts.every((p) => p.length <= 90));
}

function splitBreadcrumb(s: string): string[] {
  for (const sep of [' | ', ' > ', ' › ', ' » ', ' : ', ' / ']) {
    if (s.includes(sep)) return s.split(sep).map((p) => p.trim()).filter(Boolean);
  }
  return [];
}

function isSentenceLike(s: string): boolean {
  const hangul = HANGUL.test(s);
  const words = wordCount(s);
  if (!SENTENCE_END.test(s)) return false;
  if (/(?:\.\.\.|…)$/.test(s)) return false;
  if (unspaced(s)) return s.length >= 20;
  return hangul ? s.length >= 20 && words >= 4 : words >= 6;
}

function isShortSentence(s: string): boolean {
  if (!SENTENCE_END.test(s) || /(?:\.\.\.|…)$/.test(s)) return false;
  if (HANGUL.test(s)) return wordCount(s) >= 2 && /(?:다|요|음|함)\.$/u.test(s);
  if (unspaced(s)) return s.length >= 8 && /[。．]$/u.test(s);
  return wordCount(s) >= 3 && /^[A-Z"“‘]/.test(s) && /\s[a-z]{3,}/.test(s);
}

/**
 * A line that may close a statement's text however short: a complete sentence ("Thank you.", "감사합니다.",
 * "ありがとうございました。"), a Korean line ending on a stop ("둘째 문단.", "차기 회의 개최 예정."), or a
 * release's end mark on a line of its own ("(끝)", "끝.", "- 끝 -", "以上"). It is the statement's when it
 * closes the body (see closesBody): no page's menu or label reads like one.
 *
 * Korean asks for the stop written, not for a verb ending (ENDS_KOREAN_SENTENCE, with which wrap.ts tells
 * a wrapped line's sentence end): a line standing alone under the body has no neighbour to vouch for it,
 * and a menu or label carries no stop, while a release's nominal items end on one after a noun (개조식:
 * "…개최 예정."), which no verb ending covers.
 */
function isClosingLine(s: string): boolean {
  if (/(?:\.\.\.|…)$/.test(s)) return false;
  if (END_MARK_LINE.test(s)) return true;
  if (HANGUL.test(s)) return /\p{Script=Hangul}[.!?]["'”’)\]」』]*$/u.test(s);
  if (unspaced(s)) return /[。．]$/u.test(s) && /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]{2}/u.test(s);
  return /[.!?]$/.test(s) && /^[A-Z"“‘]/.test(s) && /[A-Za-z]{2,}/.test(s);
}

/**
 * Whether closing line j (see isClosingLine) is the body's last: it stands right under the body's last
 * line `end`, blank lines apart. What follows it does not matter: a page's menu ("Home", "홈") is dropped
 * after it as before, and a closing line under such a menu is the menu's, not the statement's.
 */
function closesBody(lines: Line[], j: number, end: number): boolean {
  for (let k = end + 1; k < j; k++) if (lines[k]!.kind !== 'blank') return false;
  return true;
}

function classify(text: string): { kind: Line['kind']; score: number } {
  if (text === '') return { kind: 'blank', score: 0 };
  if (STOP_LINE.test(text)) return { kind: 'stop', score: -1e6 };
  if (CHROME_LINE.some((re) => re.test(text))) return { kind: 'chrome', score: -6 };
  if (CHROME_PHRASE.some((re) => re.test(text)) && !isSentenceLike(text)) return { kind: 'chrome', score: -6 };
  if (isDateLine(text) && !isDatedItem(text)) return { kind: 'chrome', score: -6 };
  // Teasers in related-news lists are cut short or start with their date.
  if (/(?:\.\.\.|…)$/.test(text) && !ELLIPSIS_LINE.test(text)) return { kind: 'chrome', score: -6 };
  // A related-news row opens with its date ("Aug. 2, 2023 - Contracts For Aug. 2"). A sentence that
  // opens with a dateline ("SEOUL, Nov. 13, 2025 - The Republic of Korea … held …") is the statement's
  // first paragraph: stripDateline takes the dateline off it.
  const lead = /^(.{4,30}?)\s[-–—]\s/u.exec(text);
  if (lead && DATE_RES.some((re) => re.test(lead[1]!)) && !isSentenceLike(text)) return { kind: 'chrome', score: -6 };
  if (text.includes(' | ') && (text.split(' | ').length >= 3 || DATE_RES.some((re) => re.test(text)))) {
    return { kind: 'chrome', score: -6 };
  }
  if (isBreadcrumb(text)) return { kind: 'chrome', score: -6 };
  if (ELLIPSIS_LINE.test(text)) return { kind: 'body', score: 0.5 };
  if (BULLET.test(text) && text.length >= 8) return { kind: 'body', score: 2 };
  // A short bulleted heading ("□ 향후 계획") is the statement's too, weakly: it may close the page.
  if (BULLET.test(text) && /\p{L}{2}/u.test(text)) return { kind: 'body', score: 0.5 };
  if (isSentenceLike(text)) return { kind: 'body', score: text.length >= 120 ? 4 : 3 };
  // A short but complete sentence ("The Chairmen reviewed readiness.", "양측은 준비태세를 점검하였다.")
  // is body too, weakly: a statement's last paragraph can be that short, and dropping it loses text.
  if (isShortSentence(text)) return { kind: 'body', score: 0.5 };
  if (text.length >= 160) return { kind: 'body', score: 3 };
  // Attribution lines ("The following is attributable to …:") open the body.
  if (/:$/.test(text) && (wordCount(text) >= 3 || text.length >= 12)) return { kind: 'body', score: 1 };
  return { kind: 'weak', score: -1 };
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

export function isTitleLike(s: string): boolean {
  // Japanese packs a title in fewer characters (日加外相会談): six will do there.
  if (s.length < (unspaced(s) ? 4 : 8) || s.length > 300) return false;
  if (/[.!?]$/.test(s) && !/\b(?:[A-Z]\.|U\.S|D\.C|Jr|Sr|St)\.$/.test(s)) return false;
  if (/:$/.test(s)) return false;
  return HANGUL.test(s) ? wordCount(s) >= 2 : unspaced(s) ? !/[。．]$/u.test(s) : wordCount(s) >= 3;
}

// Case-sensitive on purpose: a dateline is capitalised place names ("Washington, DC", "SEOUL,
// June 26") before a dash or a (Source); ordinary sentence openings are not.
const PLACE = "[A-Z][A-Za-z.'’]+(?:\\s[A-Z][A-Za-z.'’]+){0,3}";
const DATELINE = new RegExp(
  `^${PLACE}(?:,\\s(?:${PLACE}|[A-Z][a-z]{2,8}\\.?\\s\\d{1,2}(?:,\\s\\d{4})?))?\\s*(?:\\([^)]{1,30}\\)\\s*(?:[-–—]{1,2}\\s+)?|[-–—]{1,2}\\s+)(?=[A-Z"“])`,
);

/** Strips a wire/mirror dateline ("Washington, DC (STL.News) ", "SEOUL, June 26 — ", "date 2022-11-02 ") from a body line. */
function stripDateline(s: string): string {
  let out = s.replace(/^date\s+\d{4}-\d{2}-\d{2}\s+/i, '');
  const m = DATELINE.exec(out);
  if (m && m[0].length <= 60 && /,|\(/.test(m[0])) out = out.slice(m[0].length);
  return out;
}

/**
 * The years a page's date may fall in: from 1945 (no statement of the alliances these pages carry is
 * older) to 2100. A later year is a typo or no date ("Nov. 14, 2104"). A fixed bound, not the current
 * year, keeps pageDate pure: the same page always gives the same date.
 */
const FIRST_YEAR = 1945;
const LAST_YEAR = 2100;

/**
 * A field giving the day or place of the event the statement reports ("일시: 2025년 11월 13일(목) 10:00",
 * "장소 : 국방부", "日時：11月13日"), the statement's own, not the day the page gives it.
 */
const EVENT_FIELD = /^(?:[□■○●◦ㅇ▲△▶▷◆◇•∙·\-–*]\s*)?(?:일\s*시|일\s*자|기\s*간|장\s*소|(?:행사|회의|회담|개최)\s*일(?:시|자)?|日\s*時|期\s*間|場\s*所|開催日(?:時)?)\s*(?:[:：]|\s)/u;

/** A row's label for the day the page was last changed, which is not the day its statement was given. */
const UPDATED = /\b(?:updated|modified)\b|최종\s*수정|수정\s*일|변경\s*일|更新|改訂/iu;

/** The dates a line writes, as spans of its half-width form, in order; overlapping matches count once. */
function dateSpans(s: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (const re of DATE_RES_GLOBAL) for (const m of s.matchAll(re)) found.push({ start: m.index, end: m.index + m[0].length });
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const out: { start: number; end: number }[] = [];
  for (const f of found) if (out.length === 0 || f.start >= out[out.length - 1]!.end) out.push(f);
  return out;
}

/** A written date with its year ("Nov. 14, 2025", "2025. 11. 14.", "令和7年11月14日") as YYYY-MM-DD, or null if it is no day of the calendar. */
function calendarDate(s: string): string | null {
  // A date row has no kana to tell extractAnchors it is Japanese, and only Japanese reads era years (令和7年).
  const a = extractAnchors(s, /[年月日]/u.test(s) && !HANGUL.test(s) ? 'ja' : 'und').find((x) => x.kind === 'date' && /^\d{4}-\d{2}-\d{2}$/.test(x.value));
  // A page's own numeric row, which no statement text writes: "2025-11-14", "2025/11/14", "2025. 11. 14."
  // (Korean government pages), or "06/11/2022" as US government pages write it, month first (day first
  // when the first is over 12).
  const t = halfWidthDigits(s);
  const ymd = /(?<!\d)(\d{4})(?:[-/]|\.\s*)(\d{1,2})(?:[-/]|\.\s*)(\d{1,2})(?!\d)/.exec(t);
  const mdy = /(?<![\d/])(\d{1,2})\/(\d{1,2})\/(\d{4})(?!\d)/.exec(t);
  const [y, mo, d] = a ? a.value.split('-').map(Number) as [number, number, number]
    : ymd ? [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])]
      : mdy ? (Number(mdy[1]) > 12 ? [Number(mdy[3]), Number(mdy[2]), Number(mdy[1])] : [Number(mdy[3]), Number(mdy[1]), Number(mdy[2])])
        : [0, 0, 0];
  if (y < FIRST_YEAR || y > LAST_YEAR) return null;
  // The anchors take any day up to 31 in any month ("Nov. 31, 2025"); a page's date must be a real day.
  const day = new Date(Date.UTC(y, mo - 1, d));
  return day.getUTCMonth() === mo - 1 && day.getUTCDate() === d ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
}

/**
 * The date a row of page furniture gives: its first date that no update label stands before ("Published:
 * Nov. 14, 2025 | Updated: Dec. 1, 2025"), else its update date, flagged. Null for a line that is a piece
 * of a sentence going on past its date ("August 18, 2023, and reaffirmed that the"): no row does that.
 */
function rowDate(line: string): { date: string; updated: boolean } | null {
  const s = halfWidthDigits(line);
  const spans = dateSpans(s);
  const lastSpan = spans[spans.length - 1];
  if (!lastSpan || /^\s*,\s*[a-z]/.test(s.slice(lastSpan.end))) return null;
  let updated: string | null = null;
  for (let k = 0; k < spans.length; k++) {
    const { start, end } = spans[k]!;
    const date = calendarDate(s.slice(start, end));
    if (!date) continue;
    // One date: the row's label may stand after it too ("2025-12-01 수정"); more: each has its own before it.
    const label = spans.length === 1 ? s.slice(0, start) + s.slice(end) : s.slice(k ? spans[k - 1]!.end : 0, start);
    if (!UPDATED.test(label)) return { date, updated: false };
    updated ??= date;
  }
  return updated ? { date: updated, updated: true } : null;
}

/**
 * The date a page gives its statement, as YYYY-MM-DD, or null. A date row ("Nov. 14, 2025", "작성일
 * 2025-11-14", "2025. 11. 14.", "令和7年11月14日") — what extractStatementBody drops as chrome — is taken,
 * the one nearest the start of the statement's body first: a page may list other releases with their
 * dates above the statement, and the row between the title and the first paragraph, or just above the
 * title, is the statement's. Else a dateline opening a body paragraph ("SEOUL, Nov. 13, 2025 - The
 * Republic…"); else a row after the body (the page's footer) up to the page's related lists; an update
 * or modification date ("Last Updated: 12/01/2025", "수정일", "更新日") only when there is nothing else.
 *
 * Only a date with its year counts, and only a real day from 1945 to 2100 (see LAST_YEAR). An event's
 * date inside the body ("ㅇ 일시 : 2025. 11. 13.(목)") or in a labelled field above it ("일시: 2025년 11월
 * 13일(목) 10:00", "日時：…") does not count, nor does a date in a sentence,
 * which may be any date the statement mentions — also when the sentence is hard-wrapped and one of its
 * lines starts with the date ("…held on" / "August 18, 2023, and reaffirmed that the").
 */
export function pageDate(text: string): string | null {
  const { lines, joins } = classifyLines(text);
  const body = findBody(lines);
  // Past the first stop line after the body ("Related Releases", "목록") come other releases' dates.
  const stop = body ? lines.findIndex((l, i) => i > body.end && l.kind === 'stop') : -1;
  const last = stop < 0 ? lines.length : stop;
  // A row of page furniture may hold the date among other fields ("By U.S. Embassy Seoul | 26 June, 2025 | Topics: News").
  const isDateRow = (l: string) => (isDateLine(l) && !isDatedItem(l)) || (l.includes(' | ') && l.split(' | ').some((part) => isDateLine(part.trim())));
  const found: { rank: number; distance: number; date: string }[] = [];
  const offer = (rank: number, distance: number, date: string) => found.push({ rank, distance, date });
  for (let i = 0; i < last; i++) {
    const l = lines[i]!;
    if (l.kind === 'blank') continue;
    const lead = DATED_LEAD.exec(l.text);
    if (lead) {
      // A dateline outside the body opens some other text the page shows (a teaser): last of all but updates.
      const d = calendarDate(l.text.slice(0, lead[0].length));
      if (d) offer(!body || (i >= body.start && i <= body.end) ? 1 : 3, i, d);
      continue;
    }
    if (!isDateRow(l.text) || EVENT_FIELD.test(l.text)) continue;
    // A line that the sentence on the line above runs into is a piece of a paragraph, not a row: the
    // line above ends on no stop and on a word no title ends on ("…held on" / "August 18, 2023."), or
    // the text is hard-wrapped and the line is one of a paragraph's that extractStatementBody keeps as
    // body, running on into the line below or run into from the line above ("한미는 2026년 5월 12일
    // 서울에서 한미" opening a paragraph). A bare date opening a block is no piece of a sentence,
    // whatever block it opens, nor is a date row under a title (which extractStatementBody drops).
    const prev = lines[i - 1];
    // Page furniture above a row ("Share this", a menu) runs into nothing.
    const prose = prev !== undefined && (prev.kind === 'weak' || prev.kind === 'body') && !SENTENCE_END.test(prev.text);
    if (prose && STOPS_MID_PHRASE.test(prev.text)) continue;
    if (l.kind === 'body' && (joins[i - 1] || joins[i])) continue;
    const row = rowDate(l.text);
    if (!row) continue;
    // Ranks: 0 at the statement's start (before the body, or among its lines), 1 its dateline, 2 the
    // page's footer; an update date after all others. With no body found, the first row wins.
    const [rank, distance] = !body ? [0, i] : i <= body.end ? [0, Math.abs(body.start - i)] : [2, i - body.end];
    offer(rank + (row.updated ? 10 : 0), distance, row.date);
  }
  found.sort((a, b) => a.rank - b.rank || a.distance - b.distance);
  return found[0]?.date ?? null;
}

/**
 * A dateline with its year opening a paragraph: "SEOUL, Nov. 13, 2025 - ", "WASHINGTON, Sept. 22, 2025 — ",
 * or a mirror site's "date 2022-11-02 ".
 */
const DATED_LEAD = new RegExp(`^(?:${PLACE},\\s(?:${PLACE},\\s)?${MONTHS}\\s\\d{1,2},\\s\\d{4}\\s*(?:\\([^)]{1,30}\\)\\s*)?[-–—]{1,2}\\s|date\\s+\\d{4}-\\d{2}-\\d{2}\\s)`, 'i');

/**
 * Returns the statement body (title first, then every body paragraph) of text
 * copied from a web page; text that is already a clean body comes back unchanged.
 * `lang` is accepted for callers that know it; detection does not depend on it.
 */
export function extractStatementBody(text: string, lang?: string): string {
  void lang;
  const { rawLines, lines, wrapped, joins } = classifyLines(text);
  const nonBlank = lines.filter((l) => l.kind !== 'blank');
  if (nonBlank.length === 0) return text;
  const found = findBody(lines);
  if (!found) return text;
  const { start: bestStart, end: bestEnd } = found;

  const bodyLines = lines.slice(bestStart, bestEnd + 1).filter((l) => l.kind !== 'blank' && l.kind !== 'chrome' && l.kind !== 'stop');
  const title = findTitle(lines, bestStart, wrapped, joins);

  const kept: Line[] = [...title, ...(wrapped ? [] : subtitles(lines, title, bestStart))];
  // A page that repeats its title over the body shows it once. In a hard-wrapped text a line is a
  // piece of a paragraph, and one the same as the title's (or a piece of it) is no repeat of it.
  const titleKey = title.length === 1 && !wrapped ? norm(title[0]!.text) : null;
  for (const l of bodyLines) {
    if (title.includes(l) || (titleKey !== null && norm(l.text) === titleKey)) continue;
    kept.push(l);
  }

  // Datelines sit on the first body line(s) of mirrored releases.
  const firstBody = kept.findIndex((l) => !title.includes(l));
  for (let k = firstBody; k >= 0 && k < kept.length && k <= firstBody + 1; k++) {
    const l = kept[k]!;
    const stripped = stripDateline(l.text);
    if (stripped !== l.text) kept[k] = { ...l, text: stripped };
  }

  const unchanged =
    kept.length === nonBlank.length && kept.every((l, i) => l.text === nonBlank[i]!.text && l.index === nonBlank[i]!.index);
  if (unchanged) return text;

  const out: string[] = [];
  for (let i = 0; i < kept.length; i++) {
    const l = kept[i]!;
    const prev = kept[i - 1];
    // In a hard-wrapped text, lines kept on either side of dropped ones (the title over a date row, a
    // paragraph over a "Share" row) are no one paragraph's, blank line or not: a blank line says so.
    const between = prev && l.index > prev.index ? rawLines.slice(prev.index + 1, l.index) : [];
    if (between.some((r) => r.trim() === '') || (wrapped && between.length > 0)) out.push('');
    out.push(l.text);
  }
  return out.join('\n');
}

/**
 * A page's lines, each classified; in a hard-wrapped text each paragraph's lines are scored together.
 * `joins[i]` says that line i and the next are one paragraph's (always false when the text is not wrapped).
 */
function classifyLines(text: string): { rawLines: string[]; lines: Line[]; wrapped: boolean; joins: boolean[] } {
  const rawLines = text.split('\n');
  // Pages repeat their furniture (menus, dates), so each distinct line is classified once.
  const seen = new Map<string, ReturnType<typeof classify>>();
  const lines: Line[] = rawLines.map((raw, index) => {
    const t = raw.replace(/\s+/g, ' ').trim();
    let c = seen.get(t);
    if (!c) seen.set(t, (c = classify(t)));
    return { text: t, index, kind: c.kind, score: c.score };
  });
  const wrapped = isHardWrapped(lines);
  const joins = wrapped ? paragraphJoins(lines, rawLines) : lines.map(() => false);
  if (wrapped) scoreByBlock(lines, joins);
  return { rawLines, lines, wrapped, joins };
}

/** The first and last line of the statement's body among a page's lines, or null when no line reads as body. */
function findBody(lines: Line[]): { start: number; end: number } | null {
  // Long runs of blank lines separate the article from what a page appends to it. Past a
  // stop line ("Related Releases", "이전글") that follows body text, whatever prose a page
  // appends (teasers, other releases) must not outweigh the statement itself.
  let seenBody = false;
  let weight = 1;
  const scored = lines.map((l, i) => {
    if (l.kind === 'stop' && seenBody) weight = 0.3;
    if (l.kind === 'body' && l.score >= 3) seenBody = true;
    if (l.kind !== 'blank') return l.score > 0 ? l.score * weight : l.score;
    return i > 0 && lines[i - 1]?.kind === 'blank' ? -2 : 0;
  });

  let best = -Infinity;
  let bestStart = 0;
  let bestEnd = -1;
  let run = 0;
  let runStart = 0;
  for (let i = 0; i < scored.length; i++) {
    if (run <= 0) {
      run = 0;
      runStart = i;
    }
    run += scored[i]!;
    if (run > best) {
      best = run;
      bestStart = runStart;
      bestEnd = i;
    }
  }
  if (best <= 0) return null;
  // Short lines after the densest run (a subheading, a list item, a short closing sentence) are
  // the statement's up to its last body line before the page's furniture starts again. A closing line
  // too short to read as body ("Thank you.", "감사합니다.", "둘째 문단.", "(끝)") is the statement's when
  // it stands right under the body's last line, whatever page furniture follows it. A line that
  // opens a list ("…the following lines of effort:") keeps the items under it too, however short and
  // unpunctuated ("Real-time sharing of missile warning data"): a dozen at most, spaced as the first
  // is from it (one a line, or a blank line between, as a page's <li> come out). What a page puts
  // after a statement (tags, related offices, contacts) is no list of it.
  let listOpen = /:$/.test(lines[bestEnd]!.text);
  let items = 0;
  let spaced = false;
  for (let j = bestEnd + 1; j < lines.length; j++) {
    const l = lines[j]!;
    if (l.kind === 'chrome' || l.kind === 'stop' || (l.kind === 'blank' && lines[j + 1]?.kind === 'blank')) break;
    if (l.kind === 'body') {
      bestEnd = j;
      listOpen = /:$/.test(l.text);
      items = 0;
      spaced = false;
    } else if (l.kind === 'blank') {
      if (items === 0) spaced = true;
      else if (!spaced) listOpen = false;
    } else if (l.kind === 'weak' && isClosingLine(l.text) && closesBody(lines, j, bestEnd)) {
      // A short closing line ("Thank you.", "감사합니다.", "(끝)") right under the body.
      bestEnd = j;
    } else if (listOpen && items < 12 && l.text.length <= 160 && (items === 0 || spaced === (lines[j - 1]!.kind === 'blank'))) {
      items++;
      bestEnd = j;
    } else listOpen = false;
  }
  return { start: bestStart, end: bestEnd };
}

/** Whether line i of a page is cut near the wrap `width` on no sentence end (`ends`), the next line no list item (see cutOpen). */
function runsOn(lines: Line[], i: number, width: number, ends: RegExp): boolean {
  return cutOpen(lines[i]!.text, lines[i + 1]?.text ?? '', width, (t) => ends.test(t), (t) => BULLET.test(t));
}

/** Whether a page's text is hard-wrapped (see isWrappedPage). */
function isHardWrapped(lines: Line[]): boolean {
  const texts = lines.map((l) => l.text);
  // A line the page shows twice (its title over the body and in the heading) is no piece of a paragraph.
  const seen = new Map<string, number>();
  for (const t of texts) if (t) seen.set(t, (seen.get(t) ?? 0) + 1);
  const prose = lines.filter((l) => l.kind !== 'blank' && l.kind !== 'chrome' && l.kind !== 'stop').length;
  return isWrappedPage(texts, (t) => seen.get(t) === 1, prose, (t) => SENTENCE_END.test(t), (t) => BULLET.test(t));
}

/** A row's own label for its date, or the name of whoever posted the page after it ("… by U.S. Embassy Seoul"). */
const ROW_LABEL = /^(?:posted|published|released|issued|dated?|updated|last updated)\b|\b[Bb]y\s+[A-Z]/;

/** The stop a sentence ends on, a closing quote or bracket after it; not a bracket alone, which a line may break after mid-sentence. */
const STOP_END = /[.!?。．！？]["'”’)\]」』）]*$/u;

const URL_LINE = /^(?:https?:\/\/|www\.)\S+$/i;

/**
 * Which lines of a hard-wrapped text go on into the next as one paragraph (`joins[i]`: line i and line
 * i + 1). A blank-line block is one paragraph, as an e-mail or a fixed-width export writes it, however
 * its lines end. A page copied without blank lines is one block of menus, rows and paragraphs: a block
 * that holds a row of its own ("Home", "Nov. 14, 2025", "첨부파일") is cut wherever a line does not run
 * on into the next (cut near the width on no stop). A stop line ("목록", "Related Releases") is no piece
 * of a sentence.
 */
function paragraphJoins(lines: Line[], rawLines: readonly string[]): boolean[] {
  // The width its paragraphs are wrapped at: the third widest line, as a title or a menu row over
  // them may run wider by itself ("Joint Statement on the Trilateral Defense Ministers' Meeting" over a
  // body wrapped at 40), and a paragraph's lines are cut near the width on no stop.
  const width = wrapWidth(lines.map((l) => l.text), 2);
  const short = (l: Line) => !nearWidth(l.text, width);
  // A line that reads as page furniture only for the date it gives, and runs as wide as the paragraphs,
  // may be a piece of one ("한미는 2026년 5월 12일 서울에서 한미 우주정책"), unless it is labelled as a
  // row ("Posted on November 14, 2025 by U.S. Embassy Seoul"). Into or out of any other (a
  // date row under a title, a byline "November 14, 2025 | By …", a breadcrumb over the title), a line
  // runs on only if it is a piece of a paragraph already (a line runs into it: "…summit held" / "August
  // 18, 2023 at Camp David") or ends where no title or row ends (on a comma, a function word, a particle).
  const piece = (l: Line) =>
    l.kind !== 'chrome' ||
    (!short(l) && isDateLine(l.text) && !ROW_LABEL.test(l.text) && !l.text.includes(' | ') && !CHROME_LINE.some((re) => re.test(l.text)));
  const starts = pageParagraphStarts(lines, rawLines, width);
  const link: boolean[] = [];
  lines.forEach((l, i) => {
    const next = lines[i + 1];
    link[i] = next !== undefined && next.kind !== 'stop' && !URL_LINE.test(next.text) && !starts[i + 1] &&
      ((piece(l) && piece(next)) || link[i - 1] === true || STOPS_MID_PHRASE.test(l.text));
  });
  const joins = lines.map(() => false);
  let start = 0;
  for (let i = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i]!.kind !== 'blank') continue;
    // A row runs into no line and no line runs into it; a short one of page furniture ("Nov. 14, 2025"
    // under a title that runs on into it) or a stop line is one anyway.
    const row = (k: number) => {
      const l = lines[k]!;
      const into = k > start && link[k - 1] === true;
      return !link[k] && (l.kind === 'stop' || (l.kind === 'chrome' && short(l)) || (l.kind !== 'body' && !into));
    };
    let rows = false;
    for (let k = start; k < i; k++) if (row(k)) rows = true;
    // A block without rows stays one paragraph however its lines end, as before paragraphStarts was asked
    // here: an e-mail's blank-line block is one, and these joins only score the page and find its title
    // (the splitter reads the text extractStatementBody returns again, and splits the block where it should).
    for (let k = start; k + 1 < i; k++) joins[k] = rows ? link[k]! : true;
    start = i + 1;
  }
  return joins;
}

/**
 * Which of a hard-wrapped page's lines open a paragraph (`starts[i]`), each blank-line block read as the
 * splitter reads a block (paragraphStarts), so the same rules tell where a wrapped line ends its
 * paragraph: on a colon before a capitalised line, at a full line ending a sentence before an opening
 * the page gives its paragraphs; and a line goes on over a dash the wrap carried over ("(SPD)" /
 * "- 우주상황인식 …"), and an item over a line hanging under its text. The page's facts stand in for a
 * clean text's: its wrap `width` (the third widest line, see paragraphJoins), whether a line runs on by
 * the page's own test (a cut near the width on no stop), its lines' indentation (from `rawLines`), its
 * list items (BULLET). The page reader finds its title by itself (findTitle).
 */
function pageParagraphStarts(lines: Line[], rawLines: readonly string[], width: number): boolean[] {
  const texts = lines.map((l) => l.text);
  const blocks: { start: number; end: number }[] = [];
  for (let i = 0, start = 0; i <= lines.length; i++) {
    if (i < lines.length && lines[i]!.kind !== 'blank') continue;
    if (i > start) blocks.push({ start, end: i });
    start = i + 1;
  }
  const blankLines = blocks.length > 1;
  const indents = rawLines.map((r) => columns(/^\s*/u.exec(r)![0]));
  const rawWidth = wrapWidth(rawLines.map((r) => r.trimEnd()), 2);
  const opensItem = (t: string) => BULLET.test(t);
  // (Sentence ends are told alike in every language.)
  const cuts = (t: string) => sentenceCuts(t, 'en');
  let words: Set<string> | undefined;
  const wordsOf = () => (words ??= latinWords(texts.join(' ')));
  const starts: boolean[] = lines.map(() => true);
  for (const { start, end } of blocks) {
    const block = texts.slice(start, end);
    // Without blank lines the block is the whole page, and its habits tell (see splitParagraphs).
    const habits = !blankLines;
    const got = paragraphStarts(block, {
      // (`chars` opens no list on a page: see WrapReading.page.)
      wrapped: true, blankLines, width, chars: width, indents: indents.slice(start, end), rawWidth, opensItem,
      title: { end: -1, titleCase: 0 }, wordsOf, page: { runsInto: (k) => runsOn(lines, start + k, width, STOP_END) },
      openings: habits ? paragraphOpenings(block, width, { bodyStart: 0, opensItem, cuts }) : new Map(),
      oneSentence: habits && block.filter(opensItem).length < 2 && oneSentenceParagraphs(block, width, opensItem, cuts),
    });
    got.forEach((s, k) => (starts[start + k] = s));
  }
  return starts;
}

/** A wrapped paragraph's lines as one, as the splitter joins them (Japanese without a space). */
const joinWrapped = (block: Line[]): string => joinWrappedLines(block.map((l) => l.text));

/** Scores each paragraph of a hard-wrapped text (lines that `joins` holds together) as one, sharing the score among its lines. */
function scoreByBlock(lines: Line[], joins: boolean[]): void {
  let start = 0;
  for (let i = 0; i < lines.length; i++) {
    if (joins[i]) continue;
    const block = lines.slice(start, i + 1).filter((l) => l.kind !== 'blank');
    start = i + 1;
    if (block.length < 2) continue;
    // A title that runs on into a byline row and the byline into the first paragraph ("…Ministers'
    // Meeting" / "November 14, 2025 | By …" / "Secretary of Defense …") read as the row they hold: read
    // without it, they are a paragraph, and the row is still the page's.
    const whole = classify(joinWrapped(block));
    const prose = block.filter((l) => l.kind !== 'chrome');
    const rowless = whole.kind !== 'body' && prose.length >= 2 && prose.length < block.length;
    const [members, { kind, score }] = rowless ? [prose, classify(joinWrapped(prose))] : [block, whole];
    if (kind !== 'body') continue;
    // A bare URL under a wrapped paragraph stays page chrome. (Other chrome patterns do not hold for a
    // piece of a wrapped line: "3국 장관은 2026년 6월 3일 싱가포르에서" reads like a dateline.)
    for (const l of members) {
      if (URL_LINE.test(l.text)) continue;
      l.kind = kind;
      l.score = score / members.length;
    }
  }
}

/**
 * The title above the body: its line, or in a hard-wrapped text its block of lines ("Joint Statement
 * on the Fifth Meeting of the U.S.-ROK Nuclear" / "Consultative Group"), read as one. Empty if none.
 */
function findTitle(lines: Line[], bodyStart: number, wrapped: boolean, joins: boolean[]): Line[] {
  if (wrapped) {
    // Each paragraph above the body (a blank-line block, or the lines that run on into each other in a
    // page copied without blank lines: not "RELEASE" over the title) as one line, standing for its lines.
    const blocks: Line[][] = [];
    for (let i = bodyStart - 1; i >= 0 && blocks.length < 12; i--) {
      const l = lines[i]!;
      if (l.kind === 'stop') break;
      if (l.kind === 'blank') continue;
      const prev = lines[i + 1];
      const chrome = (x: Line) => x.kind === 'chrome';
      if (blocks.length && prev && joins[i] && !chrome(prev) && !chrome(l) && i + 1 < bodyStart) blocks[blocks.length - 1]!.unshift(l);
      else blocks.push([l]);
    }
    const joined = blocks.map((b): Line => {
      const text = joinWrapped(b);
      return { text, index: b[0]!.index, ...classify(text) };
    });
    const pick = titleAmong(joined, joined);
    return pick ? blocks[joined.indexOf(pick)]! : [];
  }
  const above: Line[] = [];
  for (let i = bodyStart - 1; i >= 0 && above.length < 12; i--) {
    const l = lines[i]!;
    if (l.kind === 'blank') continue;
    if (l.kind === 'stop') break;
    above.push(l);
  }
  const pick = titleAmong(above, lines);
  return pick ? [{ ...pick, text: unlabelled(pick.text) }] : [];
}

/**
 * A board page's row puts a field label before the title ("제목 제9차 한미 국방우주정책대화 공동보도문",
 * "Subject: …"), its cells joined on one line; the label is no part of the title.
 */
const FIELD_LABEL = /^(?:(?:제목|글제목|件名|表題|タイトル)(?:\s*[:：]\s*|\s+)|(?:title|subject)\s*[:：]\s*)(?=\S)/iu;

function unlabelled(s: string): string {
  return s.replace(FIELD_LABEL, '');
}

/**
 * Heading lines between the title and the body ("Allies Agree to Share Space Situational Awareness Data")
 * of a text that opens with its title: no page stands above it, so they are the statement's subtitle, not a
 * page's byline or menu. None if anything else (a date row, an office name) stands between the two.
 */
function subtitles(lines: Line[], title: Line[], bodyStart: number): Line[] {
  const at = title.length === 1 ? title[0]!.index : -1;
  if (at < 0 || lines.slice(0, at).some((l) => l.kind !== 'blank')) return [];
  const between = lines.slice(at + 1, bodyStart).filter((l) => l.kind !== 'blank');
  return between.every((l) => l.kind === 'weak' && isTitleLike(l.text)) ? between : [];
}

/** The likeliest title among the lines above the body (nearest first); `all` are counted for repeats. */
function titleAmong(above: Line[], all: Line[]): Line | null {
  // A line the page shows twice (heading + breadcrumb, or the title repeated over the body) is the title.
  const counts = new Map<string, number>();
  for (const l of all) {
    if (l.kind === 'blank') continue;
    const keys = new Set([norm(unlabelled(l.text))]);
    if (l.kind === 'chrome') {
      const crumbs = splitBreadcrumb(l.text);
      const last = crumbs[crumbs.length - 1];
      if (last) keys.add(norm(last));
    }
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  // A clean body's first line is its title, however short ("Joint Statement").
  const top = above[0];
  if (above.length === 1 && top && top.kind === 'weak' && top.text.length >= 2) return top;
  const candidates = above.filter((l) => (l.kind === 'weak' || l.kind === 'body') && isTitleLike(unlabelled(l.text)));
  // Longer is likelier the title than a menu label; being repeated (breadcrumb, heading over
  // the body, a board row's labelled title) doubles the odds, distance from the body halves them.
  let best: Line | null = null;
  let bestScore = 0;
  for (const l of candidates) {
    const text = unlabelled(l.text);
    const repeated = (counts.get(norm(text)) ?? 0) >= 2;
    const score = text.length * (repeated ? 2 : 1) * (above.indexOf(l) < 6 ? 1 : 0.5);
    if (score > bestScore) {
      best = l;
      bestScore = score;
    }
  }
  return best;
}
