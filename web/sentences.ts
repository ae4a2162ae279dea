// The Sentences panel of the review page: the current row's sentences, paired as the sentence-level
// export pairs them, so a reviewer sees inside a long or merged row what the corpus will hold.
import type { BeadSentences } from './api.ts';
import { h } from './dom.ts';
import { confidenceBand, formatConfidence, langName } from './model.ts';

/** One entry per sentence bead; a side with no sentence says so (the other side adds or leaves out a sentence). */
export function sentencesView(s: BeadSentences, row: number): HTMLElement {
  const pairs = s.beads.filter((b) => b.src.length || b.tgt.length);
  const unpaired = pairs.filter((b) => !b.src.length || !b.tgt.length).length;
  const side = (idx: number[], texts: string[], lang: string, other: string) =>
    h(
      'div',
      { class: idx.length ? 'sentence-side' : 'sentence-side empty-side', lang, 'data-side-label': langName(lang) },
      idx.length ? idx.map((i) => texts[i]).join(' ') : h('span', { class: 'omitted', lang: 'en' }, `— no ${langName(lang)} sentence for this ${langName(other)} one —`),
    );
  return h(
    'section',
    { class: 'sentences', 'aria-label': `Sentences of row ${row + 1}` },
    h(
      'p',
      { class: 'sentences-summary' },
      `Row ${row + 1}: ${s.src.length} ${langName(s.srcLang)} and ${s.tgt.length} ${langName(s.tgtLang)} sentence${s.tgt.length === 1 ? '' : 's'}, in ${pairs.length} pair${pairs.length === 1 ? '' : 's'}`,
      unpaired ? `; ${unpaired} without a counterpart` : '',
      '.',
    ),
    h(
      'ol',
      { class: 'sentence-pairs' },
      ...pairs.map((b, k) => {
        const band = confidenceBand(b.confidence);
        const one = !b.src.length || !b.tgt.length;
        return h(
          'li',
          { class: `sentence-pair conf-${band}${one ? ' unpaired' : ''}`, 'data-pair': k + 1 },
          h('span', { class: `chip conf conf-${band}`, title: `Sentence alignment confidence ${formatConfidence(b.confidence)}` }, h('span', { class: 'dot', 'aria-hidden': 'true' }), formatConfidence(b.confidence)),
          side(b.src, s.src, s.srcLang, s.tgtLang),
          side(b.tgt, s.tgt, s.tgtLang, s.srcLang),
        );
      }),
    ),
  );
}
