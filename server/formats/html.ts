// HTML → statement text: block structure to lines, page chrome elements dropped, then body extraction.
import { Parser } from 'htmlparser2';
import { extractStatementBody } from '../core/boilerplate.ts';

/** Elements whose whole subtree is never statement text. */
const DROP_TAGS = new Set([
  'head', 'script', 'style', 'noscript', 'iframe', 'nav', 'header', 'footer', 'aside', 'form', 'button',
  'svg', 'template', 'select', 'option', 'object', 'embed', 'canvas', 'video', 'audio', 'map', 'dialog',
]);

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

// Token prefixes in class/id/role values that mark navigation and page furniture.
const CHROME_TOKEN = /^(?:nav|menu|breadcrumb|share|sharing|social|related|footer|banner|skip|navigation|contentinfo|sidebar|cookie|gnb|lnb|snb|print|sns)/;

function isChromeAttr(attrs: Record<string, string>): boolean {
  for (const name of ['class', 'id', 'role']) {
    const v = attrs[name];
    if (!v) continue;
    const tokens = v
      .replace(/([a-z])([A-Z])/g, '$1 $2')
      .toLowerCase()
      .split(/[\s_-]+/);
    if (tokens.some((t) => CHROME_TOKEN.test(t))) return true;
  }
  return attrs['aria-hidden'] === 'true' || 'hidden' in attrs;
}

/** Converts an HTML page (or fragment) to plain text, one block per line, reduced to the statement body. */
export function htmlToText(html: string): string {
  return extractStatementBody(htmlToLines(html));
}

/** The text of the page's visible, non-chrome blocks, one per line, blank lines between paragraphs. */
export function htmlToLines(html: string): string {
  const out: string[] = [];
  let line = '';
  // Depth of dropped subtrees we are inside; >0 swallows text.
  let dropDepth = 0;
  const stack: { name: string; counted: boolean }[] = [];
  let preDepth = 0;

  const flush = (paragraph: boolean): void => {
    const t = line.replace(/[ \t\u00a0]+/g, ' ').trim();
    if (t) out.push(t);
    line = '';
    if (paragraph && out.length > 0 && out[out.length - 1] !== '') out.push('');
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const drop = dropDepth > 0 || DROP_TAGS.has(name) || isChromeAttr(attrs);
        if (!VOID_TAGS.has(name)) {
          stack.push({ name, counted: drop });
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
        if (PARAGRAPH_TAGS.has(name)) flush(true);
        else if (LINE_TAGS.has(name)) flush(false);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush(false);
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
