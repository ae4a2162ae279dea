// HTML → statement text: block structure to lines, page chrome elements dropped, then body extraction.
import { Parser } from 'htmlparser2';
import { extractStatementBody } from '../core/boilerplate.ts';
import { detectMarker } from '../core/segment.ts';

/** Elements whose whole subtree is never visible statement text. */
const DROP_TAGS = new Set([
  'head', 'script', 'style', 'noscript', 'iframe', 'button', 'svg', 'template', 'select', 'option', 'object',
  'embed', 'canvas', 'video', 'audio', 'map', 'dialog',
]);

/**
 * Page furniture by element: dropped as a chrome class is, unless it holds most of the page's text
 * (ASP.NET pages wrap the whole body in one <form>).
 */
const FURNITURE_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'form']);

/**
 * Furniture only outside the statement: a <header> inside the article is the statement's own (WordPress
 * themes put the h1 title and the byline with its date in <header class="entry-header">), while the
 * site's header, outside it, is the logo and menu.
 */
const CONTENT_HEADER_TAGS = new Set(['header']);

/** Whether an element opens the page's main content: <article>, <main>, their roles, or a microformat entry. */
function opensContent(name: string, attrs: Record<string, string>): boolean {
  if (name === 'article' || name === 'main') return true;
  const role = attrs['role']?.toLowerCase().trim();
  if (role === 'main' || role === 'article') return true;
  return attrWords(attrs['class'] ?? '').includes('hentry');
}

/** The page and its main content are never chrome, whatever their classes say (WordPress's "has-sidebar"). */
const NEVER_CHROME_TAGS = new Set(['html', 'body', 'main', 'article']);

/**
 * Blocks that end a paragraph (blank line after them). A list item is a paragraph of its own, as a
 * bullet is in text: on separate lines alone, the splitter would join a list's items like a hard wrap.
 */
const PARAGRAPH_TAGS = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'ul', 'ol', 'dl', 'table', 'section', 'article',
  'main', 'figure', 'address', 'hr', 'li', 'dt', 'dd',
]);

/** Blocks that start a new line. */
const LINE_TAGS = new Set([
  'div', 'tr', 'br', 'figcaption', 'caption', 'center', 'fieldset', 'legend', 'details', 'summary',
  'body', 'html', 'thead', 'tbody', 'tfoot',
]);

const CELL_TAGS = new Set(['td', 'th']);

const VOID_TAGS = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'source', 'track', 'wbr']);

/** Elements whose text is a block of its own: what a run of <br>s belongs to. */
function isBlock(name: string): boolean {
  return name !== 'br' && (PARAGRAPH_TAGS.has(name) || LINE_TAGS.has(name) || CELL_TAGS.has(name));
}

/**
 * Class/id/role words that mark navigation and page furniture: whole words, alone or compounded into
 * one ("topmenu", "footerwrap", "snsbox"). Not prefixes: those took "printArea", the box Korean
 * ministry pages put the statement in, for chrome, and "navy…" too.
 */
const CHROME_TOKEN = new RegExp(
  '^(?:top|sub|main|site|global|quick|left|right|util)?' +
    '(?:nav|navi|navbar|navigation|menu|menubar|gnb|lnb|snb|breadcrumbs?|share|sharing|social|sns|related' +
    '|footer|banner|skip|skipnav|contentinfo|sidebar|cookies?)' +
    '(?:wrap|wrapper|box|area|zone|list|links?|bar|btns?|buttons?|inner|container)?$',
);

/** A class, id or role value as words: split at spaces, - and _, and between camelCase halves. */
function attrWords(value: string): string[] {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[\s_-]+/)
    .filter(Boolean);
}

function isChromeElement(name: string, attrs: Record<string, string>, inContent: boolean): boolean {
  if (FURNITURE_TAGS.has(name) && !(inContent && CONTENT_HEADER_TAGS.has(name))) return true;
  if (NEVER_CHROME_TAGS.has(name)) return false;
  for (const key of ['class', 'id', 'role']) {
    const v = attrs[key];
    if (v && attrWords(v).some((w) => CHROME_TOKEN.test(w))) return true;
  }
  return attrs['aria-hidden'] === 'true' || 'hidden' in attrs;
}

/** Converts an HTML page (or fragment) to plain text, one block per line, reduced to the statement body. */
export function htmlToText(html: string): string {
  return extractStatementBody(htmlToLines(html));
}

/**
 * A run of text between two tags this long (non-space characters) reads as a sentence; menu items,
 * labels and links are shorter. Only such text decides which element holds most of a page.
 */
const SENTENCE_RUN = 20;

/** What the line builder needs to know about the whole page before it starts; elements by opening order. */
interface PageShape {
  /** Sentence-length text under each element, in non-space characters. */
  textUnder: number[];
  /** Sentence-length text of the whole page (outside DROP_TAGS). */
  total: number;
  /** Blocks that separate paragraphs with <br><br> (a double break directly in their text). */
  doubleBreak: Set<number>;
}

const PARSER_OPTIONS = { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true };

function pageShape(html: string): PageShape {
  const textUnder: number[] = [];
  const doubleBreak = new Set<number>();
  let total = 0;
  const stack: { name: string; order: number; hides: boolean }[] = [];
  let hidden = 0;
  let run = '';
  // <br>s since the last text, and the block they sit in.
  let breaks = 0;
  let breakBlock = -1;

  const endRun = (): void => {
    const n = run.replace(/\s+/g, '').length;
    run = '';
    if (n < SENTENCE_RUN) return;
    total += n;
    for (const e of stack) textUnder[e.order]! += n;
  };
  const nearestBlock = (): number => {
    for (let i = stack.length - 1; i >= 0; i--) if (isBlock(stack[i]!.name)) return stack[i]!.order;
    return -1;
  };

  const parser = new Parser(
    {
      onopentag(name) {
        endRun();
        if (name === 'br') {
          const block = nearestBlock();
          if (breaks > 0 && block === breakBlock && hidden === 0) doubleBreak.add(block);
          breaks++;
          breakBlock = block;
        } else if (isBlock(name)) breaks = 0;
        if (VOID_TAGS.has(name)) return;
        const hides = hidden > 0 || DROP_TAGS.has(name);
        stack.push({ name, order: textUnder.length, hides });
        textUnder.push(0);
        if (hides) hidden++;
      },
      ontext(text) {
        if (hidden > 0) return;
        run += text;
        if (/[^\s\u00a0]/.test(text)) breaks = 0;
      },
      onclosetag(name) {
        endRun();
        if (VOID_TAGS.has(name) || !stack.some((e) => e.name === name)) return;
        if (isBlock(name)) breaks = 0;
        let entry: { name: string; hides: boolean } | undefined;
        while ((entry = stack.pop())) {
          if (entry.hides) hidden--;
          if (entry.name === name) break;
        }
      },
    },
    PARSER_OPTIONS,
  );
  parser.write(html);
  parser.end();
  endRun();
  return { textUnder, total, doubleBreak };
}

/** The text of the page's visible, non-chrome blocks, one per line, blank lines between paragraphs. */
export function htmlToLines(html: string): string {
  const shape = pageShape(html);
  // Chrome by its name or class, unless it holds most of the page's sentences: then it is the page.
  const isChrome = (name: string, attrs: Record<string, string>, order: number): boolean =>
    isChromeElement(name, attrs, stack.some((e) => e.content)) && !(order >= 0 && shape.textUnder[order]! * 2 > shape.total);

  const out: string[] = [];
  let line = '';
  // Depth of dropped subtrees we are inside; >0 swallows text.
  let dropDepth = 0;
  const stack: { name: string; counted: boolean; order: number; content: boolean }[] = [];
  let nextOrder = 0;
  let preDepth = 0;
  // <br>s waiting for the text after them, in a block that separates paragraphs with <br><br>.
  let pendingBreaks = 0;

  const flush = (paragraph: boolean): void => {
    const t = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
    if (paragraph && out.length > 0 && out[out.length - 1] !== '') out.push('');
  };
  const nearestBlock = (): number => {
    for (let i = stack.length - 1; i >= 0; i--) if (isBlock(stack[i]!.name)) return stack[i]!.order;
    return -1;
  };
  // Where paragraphs are separated by <br><br>, a double break ends a paragraph and a single one is a
  // wrap, unless a bullet or number opens the line after it: a list item is a paragraph.
  const resolveBreaks = (next: string): void => {
    if (pendingBreaks >= 2 || detectMarker(next.replace(/^[\s\u00a0]+/, ''))) flush(true);
    else line += ' ';
    pendingBreaks = 0;
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const order = VOID_TAGS.has(name) ? -1 : nextOrder++;
        const drop = dropDepth > 0 || DROP_TAGS.has(name) || isChrome(name, attrs, order);
        if (order >= 0) {
          stack.push({ name, counted: drop, order, content: opensContent(name, attrs) });
          if (drop) dropDepth++;
        }
        if (dropDepth > 0) return;
        if (name === 'pre') preDepth++;
        // A line break inside a heading wraps its title ("Joint Statement<br>on the Trade Dialogue"):
        // the heading is one line.
        if (name === 'br' && stack.some((e) => /^h[1-6]$/.test(e.name))) {
          line += ' ';
          return;
        }
        if (name === 'br' && preDepth === 0 && shape.doubleBreak.has(nearestBlock())) {
          pendingBreaks++;
          return;
        }
        if (isBlock(name) && pendingBreaks > 0) resolveBreaks('');
        if (PARAGRAPH_TAGS.has(name)) flush(true);
        else if (LINE_TAGS.has(name)) flush(false);
        else if (CELL_TAGS.has(name) && line.trim()) line += ' ';
      },
      ontext(text) {
        if (dropDepth > 0) return;
        if (preDepth > 0) {
          const parts = text.split('\n');
          parts.forEach((p, i) => {
            if (i > 0) flush(false);
            line += p;
          });
          return;
        }
        if (pendingBreaks > 0 && /[^\s\u00a0]/.test(text)) resolveBreaks(text);
        line += text.replace(/\s+/g, ' ');
      },
      onclosetag(name, implied) {
        void implied;
        if (VOID_TAGS.has(name) || !stack.some((e) => e.name === name)) return;
        // Close up to the matching element; htmlparser2 already balances, so this is one pop normally.
        let entry: { name: string; counted: boolean } | undefined;
        while ((entry = stack.pop())) {
          if (entry.counted) dropDepth--;
          if (entry.name === name) break;
        }
        if (dropDepth > 0) return;
        if (name === 'pre') preDepth = Math.max(0, preDepth - 1);
        if (isBlock(name) && pendingBreaks > 0) resolveBreaks('');
        if (PARAGRAPH_TAGS.has(name)) flush(true);
        else if (LINE_TAGS.has(name)) flush(false);
      },
    },
    PARSER_OPTIONS,
  );
  parser.write(html);
  parser.end();
  flush(false);
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
