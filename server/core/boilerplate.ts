// Page-chrome stripping: reduces text copied from a statement's web page to its title and body (pure, no I/O).

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
  /\b\d{4}[-./]\d{1,2}[-./]\d{1,2}\b/,
  /\b\d{1,2}\/\d{1,2}\/\d{4}\b/,
  /\d{4}\s*년\s*\d{1,2}\s*월(?:\s*\d{1,2}\s*일)?/,
];

/** Lines that end the body: what follows them is related lists, comments or page footers. */
const STOP_LINE =
  /^(?:recent (?:news|posts|releases|stories)|related(?: (?:news|releases|articles|stories|links|content|posts|resources))?|more (?:news|stories|releases)|latest (?:news|releases)|subscribe\b.*|previous (?:post|article)|next (?:post|article)|최근 게시물|최근 소식|관련 (?:기사|뉴스|게시물|자료|소식)|이전글|다음글|이전 글|다음 글|목록|목록으로|공공누리.*)$/i;

/** Phrases that only page chrome uses; matched against the whole trimmed line. */
const CHROME_LINE: RegExp[] = [
  /^skip to (?:main )?content$/i,
  /official website of the united states government/i,
  /^here['’]s how you know/i,
  /^official websites use\b/i,
  /\.(?:gov|mil) website/i,
  /^secure \.(?:gov|mil)/i,
  /https?:\/\//i,
  /share sensitive information only/i,
  /\bofficial website of\b/i,
  /external links? (?:to|policy)/i,
  /^(?:immediate release|for immediate release|press release|news release|archived content)$/i,
  /^\d+\s+min(?:ute)?s?\s+read$/i,
  /^(?:by|posted by|written by)\s.{1,80}\|/i,
  /^(?:topics?|tags?|categories|category|filed under)\s*:/i,
  /^(?:share|share this|print|email|e-mail|facebook|twitter|x|linkedin|whatsapp|copy link|back to top|top)$/i,
  /^(?:privacy(?: policy| program)?|accessibility(?: statement)?|copyright.*|disclaimer|.*\bdisclaimer|foia|no fear act|usa\.gov|help center|site map|sitemap|contact us|inspector general|office of inspector general)$/i,
  /^copyright\b|©|\(c\)\s*\d{4}|all rights reserved/i,
  /\((?:[A-Z][\w.]*\s){0,4}[\w.]*\s*photo by\b[^)]*\)\s*$/i,
  // Korean ministry / embassy page rows.
  /^(?:본문 바로가기|주메뉴 바로가기|메뉴 바로가기|내용으로 건너뛰기|바로가기)$/,
  /미국 정부 공식 웹사이트/,
  /공식 웹사이트입니다/,
  /^(?:통합검색|검색|전체메뉴(?: 열기| 닫기)?|메뉴|로그인|회원가입|사이트맵)$/,
  /^(?:작성자|작성일|등록일|수정일|조회수?|담당자|담당부서|부서|연락처|전화번호|첨부파일|첨부|출처)(?:\s|:|$)/,
  /(?:미리보기|다운로드)$/,
  /^(?:인쇄하기|인쇄|SNS 공유하기|공유하기|스크랩|글자 ?크기)$/,
  /^※\s*(?:영문본|국문본|원문|첨부)/,
  /^(?:즉시\s*배포(?:용)?|보도시점\s*:?.*|엠바고.*)$/,
  /^(?:게시|주제)\s*:/,
  /(?:개인정보\s*(?:처리방침|보호정책)|저작권(?:정책| 및 면책)|이메일\s*무단\s*수집\s*거부|찾아오시는 ?길|웹 접근성)/,
  /^\(\d{5}\)/,
  /\.(?:hwpx?|pdf|docx?|xlsx?|pptx?|zip|jpg|png)\b/i,
];

const BULLET = /^(?:[□■○●◦ㅇ▲△▶▷◆◇•∙·\-–*]|\d{1,2}[.)]|[가-하][.)]|\(\d{1,2}\)|[①-⑳])\s*\S/u;
const SENTENCE_END = /(?:[.!?。:;]|[.!?]["'”’)\]]|다|[)\]"”’])$/u;
const HANGUL = /[\uac00-\ud7a3]/u;
const ELLIPSIS_LINE = /^\[\s*(?:…|\.{3})\s*\]$|^\[[^\]]{1,40}\]$/u;

function wordCount(s: string): number {
  return s.split(/\s+/).filter(Boolean).length;
}

function isDateLine(s: string): boolean {
  if (s.length > 70) return false;
  if (!DATE_RES.some((re) => re.test(s))) return false;
  // A date with a few label words around it ("NEWS | Sept. 18, 2023", "Posted on …") is a date row; a sentence is not.
  let rest = s;
  for (const re of DATE_RES) rest = rest.replace(new RegExp(re.source, re.flags + 'g'), ' ');
  rest = rest.replace(/[|:·•,\-–—()]/g, ' ');
  return wordCount(rest) <= 4 && !/[.!?]$/.test(s.replace(/\d{4}\.?$/, ''));
}

function isBreadcrumb(s: string): boolean {
  const parts = splitBreadcrumb(s);
  if (parts.length < 2) return false;
  const first = (parts[0] ?? '').toLowerCase();
  return /^(?:home|홈|main|메인|처음으로)$/.test(first) || (parts.length >= 3 && parts.every((p) => p.length <= 90));
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
  return hangul ? s.length >= 20 && words >= 4 : words >= 6;
}

function classify(text: string): { kind: Line['kind']; score: number } {
  if (text === '') return { kind: 'blank', score: 0 };
  if (STOP_LINE.test(text)) return { kind: 'stop', score: -25 };
  if (CHROME_LINE.some((re) => re.test(text))) return { kind: 'chrome', score: -6 };
  if (isDateLine(text)) return { kind: 'chrome', score: -6 };
  // Teasers in related-news lists are cut short or start with their date.
  if (/(?:\.\.\.|…)$/.test(text) && !ELLIPSIS_LINE.test(text)) return { kind: 'chrome', score: -6 };
  const lead = /^(.{4,30}?)\s[-–—]\s/u.exec(text);
  if (lead && DATE_RES.some((re) => re.test(lead[1]!))) return { kind: 'chrome', score: -6 };
  if (text.includes(' | ') && (text.split(' | ').length >= 3 || DATE_RES.some((re) => re.test(text)))) {
    return { kind: 'chrome', score: -6 };
  }
  if (isBreadcrumb(text)) return { kind: 'chrome', score: -6 };
  if (ELLIPSIS_LINE.test(text)) return { kind: 'body', score: 0.5 };
  if (BULLET.test(text) && text.length >= 8) return { kind: 'body', score: 2 };
  if (isSentenceLike(text)) return { kind: 'body', score: text.length >= 120 ? 4 : 3 };
  if (text.length >= 160) return { kind: 'body', score: 3 };
  // Attribution lines ("The following is attributable to …:") open the body.
  if (/:$/.test(text) && (wordCount(text) >= 3 || text.length >= 12)) return { kind: 'body', score: 1 };
  return { kind: 'weak', score: -1 };
}

function norm(s: string): string {
  return s.replace(/\s+/g, ' ').trim().toLowerCase();
}

function isTitleLike(s: string): boolean {
  if (s.length < 8 || s.length > 300) return false;
  if (/[.!?]$/.test(s) && !/\b(?:[A-Z]\.|U\.S|D\.C|Jr|Sr|St)\.$/.test(s)) return false;
  if (/:$/.test(s)) return false;
  return HANGUL.test(s) ? wordCount(s) >= 2 : wordCount(s) >= 3;
}

/** Strips a wire/mirror dateline ("Washington, DC (STL.News) ", "SEOUL, June 26 — ", "date 2022-11-02 ") from a body line. */
function stripDateline(s: string): string {
  let out = s.replace(/^date\s+\d{4}-\d{2}-\d{2}\s+/i, '');
  const place = "[A-Z][A-Za-z.'’]+(?:\\s[A-Z][A-Za-z.'’]+){0,3}";
  const dateline = new RegExp(
    `^${place}(?:,\\s(?:${place}|${MONTHS}\\s\\d{1,2}(?:,\\s\\d{4})?))?\\s*(?:\\([^)]{1,30}\\)\\s*(?:[-–—]{1,2}\\s+)?|[-–—]{1,2}\\s+)(?=[A-Z"“])`,
    'i',
  );
  const m = dateline.exec(out);
  if (m && m[0].length <= 60 && /,|\(/.test(m[0])) out = out.slice(m[0].length);
  return out;
}

/**
 * Returns the statement body (title first, then every body paragraph) of text
 * copied from a web page; text that is already a clean body comes back unchanged.
 * `lang` is accepted for callers that know it; detection does not depend on it.
 */
export function extractStatementBody(text: string, lang?: string): string {
  void lang;
  const rawLines = text.split('\n');
  const lines: Line[] = rawLines.map((raw, index) => {
    const t = raw.replace(/\s+/g, ' ').trim();
    return { text: t, index, ...classify(t) };
  });
  const nonBlank = lines.filter((l) => l.kind !== 'blank');
  if (nonBlank.length === 0) return text;

  // Long runs of blank lines separate the article from what a page appends to it.
  const scored = lines.map((l, i) => {
    if (l.kind !== 'blank') return l.score;
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
  if (best <= 0) return text;

  const bodyLines = lines.slice(bestStart, bestEnd + 1).filter((l) => l.kind !== 'blank' && l.kind !== 'chrome' && l.kind !== 'stop');
  const title = findTitle(lines, bestStart, bodyLines);

  const kept: Line[] = [];
  if (title) kept.push(title);
  const titleKey = title ? norm(title.text) : null;
  for (const l of bodyLines) {
    if (l === title || (titleKey !== null && norm(l.text) === titleKey)) continue;
    kept.push(l);
  }

  // Datelines sit on the first body line(s) of mirrored releases.
  const firstBody = kept.findIndex((l) => l !== title);
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
    if (prev && l.index > prev.index && rawLines.slice(prev.index + 1, l.index).some((r) => r.trim() === '')) out.push('');
    out.push(l.text);
  }
  return out.join('\n');
}

function findTitle(lines: Line[], bodyStart: number, body: Line[]): Line | null {
  const above: Line[] = [];
  for (let i = bodyStart - 1; i >= 0 && above.length < 12; i--) {
    const l = lines[i]!;
    if (l.kind === 'blank') continue;
    if (l.kind === 'stop') break;
    above.push(l);
  }
  // A line the page shows twice (heading + breadcrumb, or the title repeated over the body) is the title.
  const counts = new Map<string, number>();
  for (const l of lines) {
    if (l.kind === 'blank') continue;
    const keys = new Set([norm(l.text)]);
    if (l.kind === 'chrome') {
      const crumbs = splitBreadcrumb(l.text);
      const last = crumbs[crumbs.length - 1];
      if (last) keys.add(norm(last));
    }
    for (const k of keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const firstBody = body[0];
  if (firstBody && isTitleLike(firstBody.text) && firstBody.kind !== 'body' && (counts.get(norm(firstBody.text)) ?? 0) >= 2) {
    return firstBody;
  }
  // A clean body's first line is its title, however short ("Joint Statement").
  const top = above[0];
  if (above.length === 1 && top && top.kind === 'weak' && top.text.length >= 2) return top;
  const candidates = above.filter((l) => (l.kind === 'weak' || l.kind === 'body') && isTitleLike(l.text));
  const repeated = candidates.find((l) => (counts.get(norm(l.text)) ?? 0) >= 2);
  if (repeated) return repeated;
  const near = candidates.filter((l) => above.indexOf(l) < 6);
  let best: Line | null = null;
  for (const l of near) if (!best || l.text.length > best.text.length) best = l;
  return best;
}
