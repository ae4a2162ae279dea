// Corpus consistency: one glossary term should get the same rendering in every statement.
import { findGlossaryTerms } from '../glossary.ts';
import { langName } from './side.ts';
import { contains, isProperTerm, translationsOf } from './terminology.ts';
import type { CheckOptions, Finding, Span } from './types.ts';

export interface ConsistencyPair { statementId: number; date: string | null; src: string; tgt: string }

interface Use { pair: number; statementId: number; date: string | null; span: Span; rendering: string; renderSpan: Span }

function spanAt(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

function firstRendering(text: string, alts: string[]): { alt: string; span: Span } | null {
  let best: { alt: string; span: Span } | null = null;
  // Longest alternative first so "한미동맹" is not reported as "동맹".
  for (const a of [...alts].sort((x, y) => y.length - x.length)) {
    if (!contains(text, a)) continue;
    const at = text.indexOf(a);
    if (at < 0) continue;
    if (!best || at < best.span.start) best = { alt: a, span: spanAt(text, at, at + a.length) };
  }
  return best;
}

/**
 * Pairs are aligned texts (a paragraph or a whole statement each); findings refer to them by their
 * index in `pairs` (in `src`/`tgt` and in the spans' `paragraph`).
 */
export function checkConsistency(pairs: ConsistencyPair[], opts: CheckOptions): Finding[] {
  const g = opts.glossary;
  if (!g) return [];
  const out: Finding[] = [];
  for (const [fromLang, toLang, dir] of [[opts.srcLang, opts.tgtLang, 'src'], [opts.tgtLang, opts.srcLang, 'tgt']] as const) {
    const uses = new Map<string, Use[]>();
    pairs.forEach((p, i) => {
      const from = dir === 'src' ? p.src : p.tgt;
      const to = dir === 'src' ? p.tgt : p.src;
      for (const h of findGlossaryTerms(from, fromLang, g)) {
        const surface = from.slice(h.start, h.end);
        const { alts, entries } = translationsOf(g, surface, fromLang, toLang);
        if (alts.length < 2) continue;
        const r = firstRendering(to, alts);
        if (!r) continue;
        const id = entries.join(',');
        uses.set(id, [...(uses.get(id) ?? []), {
          pair: i, statementId: p.statementId, date: p.date, span: spanAt(from, h.start, h.end), rendering: r.alt, renderSpan: r.span,
        }]);
      }
    });
    for (const [id, list] of [...uses.entries()].sort((a, b) => (a[1][0]!.pair - b[1][0]!.pair) || (a[0] < b[0] ? -1 : 1))) {
      const byRendering = new Map<string, Use[]>();
      for (const u of list) byRendering.set(u.rendering, [...(byRendering.get(u.rendering) ?? []), u]);
      if (byRendering.size < 2) continue;
      const statements = (us: Use[]) => [...new Map(us.map((u) => [u.statementId, u])).values()]
        .map((u) => `statement ${u.statementId}${u.date ? ` (${u.date})` : ''}`).join(', ');
      const parts = [...byRendering.entries()].map(([r, us]) => `"${r}" in ${statements(us)}`);
      const term = list[0]!.span.text;
      const srcSide = dir === 'src';
      const termSpans = list.map((u) => ({ paragraph: u.pair, span: u.span }));
      const renderSpans = list.map((u) => ({ paragraph: u.pair, span: u.renderSpan }));
      const idx = [...new Set(list.map((u) => u.pair))].sort((a, b) => a - b);
      out.push({
        check: 'consistency',
        severity: isProperTerm(term) ? 'warning' : 'info',
        message: `${langName(fromLang)} "${term}" is rendered differently in ${langName(toLang)}: ${parts.join('; ')}`,
        src: idx, tgt: idx,
        srcSpans: srcSide ? termSpans : renderSpans,
        tgtSpans: srcSide ? renderSpans : termSpans,
        key: `consistency:${dir}:${id}:${[...byRendering.keys()].sort().join('|')}`,
      });
    }
  }
  return out;
}
