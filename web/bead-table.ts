// The review page's table of rows: one bead (a row of paragraphs on each side) per table row, with
// the anchors (numbers, names) marked, the checks' findings highlighted in the text, the match
// chips, the Confirm and Flag buttons and the row's open flags and suggestions.
import type { Bead, Finding, Paragraph } from './api.ts';
import { isShared, pieces, rowAnchors, type Anchor, type NameIndex, type Overlay } from './anchors.ts';
import { h } from './dom.ts';
import { beadShape, confidenceBand, formatConfidence, langName } from './model.ts';

export type Side = 'src' | 'tgt';

/** What a row is drawn from besides its bead: the pair's languages, the names to mark, and the page's state of the bead. */
export interface BeadRowContext {
  srcLang: string;
  tgtLang: string;
  names: NameIndex | null;
  /** The suggestions shown on this bead (the page's choice: this alignment's, info ones only on request). */
  findingsOf(b: Bead): readonly Finding[];
  /** Whether a confirmation of this bead is on its way to the server. */
  pending(b: Bead): boolean;
}

/** The table around `tbody`, with the column heads named after the pair's languages. */
export function beadTable(srcLang: string, tgtLang: string, tbody: HTMLTableSectionElement): HTMLTableElement {
  return h(
    'table',
    { class: 'beads', 'aria-describedby': 'review-hint' },
    h('caption', { class: 'visually-hidden' }, `${langName(srcLang)} and ${langName(tgtLang)} paragraphs side by side`),
    h('colgroup', null, h('col', { class: 'c-pos' }), h('col', { class: 'c-text' }), h('col', { class: 'c-text' }), h('col', { class: 'c-match' }), h('col', { class: 'c-actions' })),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col', class: 'col-pos' }, h('abbr', { title: 'Row' }, '#')),
        h('th', { scope: 'col', class: 'col-text' }, langName(srcLang), ' ', h('span', { class: 'lang-code' }, srcLang.toUpperCase())),
        h('th', { scope: 'col', class: 'col-text' }, langName(tgtLang), ' ', h('span', { class: 'lang-code' }, tgtLang.toUpperCase())),
        h('th', { scope: 'col', class: 'col-match' }, 'Match'),
        h('th', { scope: 'col', class: 'col-actions' }, 'Review'),
      ),
    ),
    tbody,
  );
}

function paragraphCell(b: Bead, paras: Paragraph[], anchors: Anchor[][], shared: Set<string>, lang: string, side: Side, findings: readonly Finding[]): HTMLTableCellElement {
  // The label is shown only at phone width (style.css), where the two sides stack and the column headers are gone.
  const td = h('td', { class: `col-text ${side}`, lang, 'data-side-label': langName(lang) });
  if (paras.length === 0) {
    td.classList.add('empty-side');
    td.append(h('span', { class: 'omitted' }, '— omitted —'));
    return td;
  }
  const sideName = langName(lang);
  paras.forEach((p, k) => {
    const marks: Array<{ finding: Finding }> = [];
    const markOverlays: Overlay[] = [];
    for (const f of findings) {
      for (const sp of f.spans[side]) {
        if (sp.paragraphId !== p.id) continue;
        markOverlays.push({ start: sp.start, end: sp.end, ref: marks.length });
        marks.push({ finding: f });
      }
    }
    const list = anchors[k] ?? [];
    const anchorOverlays: Overlay[] = list.map((x, ref) => ({ start: x.start, end: x.end, ref }));
    const pt = h('span', { class: 'pt' });
    let mark: HTMLElement | null = null;
    let markRef: number | null = null;
    for (const piece of pieces(p.text, anchorOverlays, markOverlays)) {
      let node: Node = document.createTextNode(piece.text);
      if (piece.anchor !== null) {
        const ok = isShared(list[piece.anchor]!, shared);
        node = h('span', { class: ok ? 'anc anc-ok' : 'anc anc-miss', title: ok ? 'Also in the other text' : 'Not found in the other text' }, piece.text);
      }
      if (piece.mark === null) {
        mark = null;
        markRef = null;
        pt.append(node);
        continue;
      }
      if (!mark || markRef !== piece.mark) {
        const f = marks[piece.mark]!.finding;
        mark = h('mark', { class: `finding sev-${f.severity}`, title: f.message, 'data-finding-id': f.id });
        markRef = piece.mark;
        pt.append(mark);
      }
      mark.append(node);
    }
    const changed = p.changed === true && b.status !== 'confirmed';
    td.append(
      h(
        'div',
        { class: changed ? 'para changed' : 'para', 'data-n': p.n, 'data-para-id': p.id },
        h('span', { class: 'pn', title: `Paragraph ${p.n}`, lang: 'en' }, `¶${p.n}`, changed ? h('span', { class: 'changed-tag' }, 'changed') : null),
        pt,
        h('button', { type: 'button', class: 'para-edit', 'data-action': 'edit-text', 'data-para-id': p.id, 'aria-label': `Edit text of ${sideName} ¶${p.n}`, title: 'Edit text (t, or double-click)', lang: 'en' }, '✎'),
      ),
    );
  });
  return td;
}

/** One row of the table: `i` is its place on the page (0-based), shown as its number. */
export function beadRow(b: Bead, i: number, ctx: BeadRowContext): HTMLTableRowElement {
  const confirmed = b.status === 'confirmed';
  const band = confidenceBand(b.confidence);
  const shape = beadShape(b);
  const openFlags = b.flags.filter((f) => f.status === 'open');
  const findings = ctx.findingsOf(b);
  const pending = ctx.pending(b);
  const anchors = rowAnchors(
    b.src.map((p) => p.text),
    b.tgt.map((p) => p.text),
    { src: ctx.srcLang, tgt: ctx.tgtLang },
    ctx.names,
  );
  return h(
    'tr',
    {
      class: `bead status-${b.status} conf-${band}${shape !== '1:1' ? ' non11' : ''}${openFlags.length ? ' has-flags' : ''}${findings.length ? ' has-suggestions' : ''}`,
      tabindex: -1,
      'data-index': i,
      'data-bead-id': b.id,
    },
    h('th', { scope: 'row', class: 'col-pos' }, String(i + 1)),
    paragraphCell(b, b.src, anchors.src, anchors.shared, ctx.srcLang, 'src', findings),
    paragraphCell(b, b.tgt, anchors.tgt, anchors.shared, ctx.tgtLang, 'tgt', findings),
    h(
      'td',
      { class: 'col-match' },
      h('span', { class: `chip conf conf-${band}`, title: `Alignment confidence ${formatConfidence(b.confidence)}` }, h('span', { class: 'dot', 'aria-hidden': 'true' }), formatConfidence(b.confidence)),
      h('span', { class: `chip shape${shape === '1:1' ? '' : ' shape-odd'}`, title: `${b.src.length} ${langName(ctx.srcLang)} : ${b.tgt.length} ${langName(ctx.tgtLang)} paragraphs` }, shape),
      h('span', { class: `status-label status-${b.status}` }, confirmed ? 'confirmed' : 'auto'),
    ),
    h(
      'td',
      { class: 'col-actions' },
      h(
        'div',
        { class: 'actions' },
        h('button', { type: 'button', class: confirmed ? 'confirm pressed' : 'confirm', 'data-action': 'confirm', 'aria-pressed': confirmed ? 'true' : 'false', disabled: pending }, h('span', { class: 'check', 'aria-hidden': 'true' }, '✓'), 'Confirm'),
        h('button', { type: 'button', class: 'flag', 'data-action': 'flag', 'aria-haspopup': 'dialog' }, h('span', { 'aria-hidden': 'true' }, '⚑'), 'Flag'),
      ),
      openFlags.length
        ? h('ul', { class: 'badges', 'aria-label': 'Open flags' }, ...openFlags.map((f) => h('li', { class: `badge sev-${f.severity}`, title: `${f.severity} · ${f.author}${f.comment ? `: ${f.comment}` : ''}` }, f.category)))
        : null,
      findings.length
        ? h(
            'ul',
            { class: 'suggestions', 'aria-label': 'Suggestions from the checks' },
            ...findings.map((f) =>
              h(
                'li',
                null,
                h(
                  'button',
                  { type: 'button', class: `suggestion sev-${f.severity}`, 'data-action': 'show-finding', 'data-finding-id': f.id, title: `${f.severity}: ${f.message}`, 'aria-label': `${f.check} suggestion (${f.severity}): ${f.message}` },
                  f.check,
                ),
              ),
            ),
          )
        : null,
    ),
  );
}
