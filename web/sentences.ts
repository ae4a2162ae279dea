// The Sentences panel of the review page: the current row's sentences, paired as the sentence-level
// export pairs them, so a reviewer sees inside a long or merged row what the corpus will hold.
import type { BeadSentences } from './api.ts';
import { h } from './dom.ts';
import { confidenceBand, formatConfidence, langName } from './model.ts';

/** One entry per sentence bead; a side with no sentence says so (the other side adds or leaves out a sentence). */
export function sentencesView(s: BeadSentences, row: number): HTMLElement {
  const pairs = s.beads.filter((b) => b.src.length || b.tgt.length);
  const paired = pairs.filter((b) => b.src.length && b.tgt.length).length;
  // Sentences of one side with none on the other, named by side: "1 Korean sentence without an English counterpart".
  const alone = (side: 'src' | 'tgt') => pairs.filter((b) => b[side].length && !b[side === 'src' ? 'tgt' : 'src'].length).reduce((n, b) => n + b[side].length, 0);
  const lone = ([['src', 'tgt'], ['tgt', 'src']] as const)
    .filter(([a]) => alone(a) > 0)
    .map(([a, o]) => `${alone(a)} ${langName(a === 'src' ? s.srcLang : s.tgtLang)} sentence${alone(a) === 1 ? '' : 's'} without ${/^[AEIOU]/.test(langName(o === 'src' ? s.srcLang : s.tgtLang)) ? 'an' : 'a'} ${langName(o === 'src' ? s.srcLang : s.tgtLang)} counterpart`);
  // A row with one side only pairs nothing: its sentences carry no confidence of their own.
  const oneSided = !s.src.length || !s.tgt.length;
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
      `Row ${row + 1}: ${s.src.length} ${langName(s.srcLang)} and ${s.tgt.length} ${langName(s.tgtLang)} sentence${s.tgt.length === 1 ? '' : 's'}`,
      paired ? `, in ${paired} pair${paired === 1 ? '' : 's'}` : '',
      lone.length ? `${paired ? ';' : ':'} ${lone.join(', ')}` : '',
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
          oneSided ? null : h('span', { class: `chip conf conf-${band}`, title: `Sentence alignment confidence ${formatConfidence(b.confidence)}` }, h('span', { class: 'dot', 'aria-hidden': 'true' }), formatConfidence(b.confidence)),
          side(b.src, s.src, s.srcLang, s.tgtLang),
          side(b.tgt, s.tgt, s.tgtLang, s.srcLang),
        );
      }),
    ),
  );
}
