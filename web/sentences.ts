// The Sentences panel of the review page: the current row's sentences, paired as the sentence-level
// export pairs them, so a reviewer sees inside a long or merged row what the corpus will hold.
import { getBeadSentences, type BeadSentences } from './api.ts';
import { h } from './dom.ts';
import { confidenceBand, formatConfidence, langName } from './model.ts';
import type { ReviewHost } from './review-host.ts';

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

/** What the Sentences panel reads from the page. */
export type SentencesPanelHost = Pick<ReviewHost, 'beads' | 'current' | 'panelTab'>;

export class SentencesPanel {
  /** Sentence pairs by row and text: a row's sentences change only with its paragraphs. */
  private cache = new Map<string, BeadSentences>();
  /** Bumped when the rows change: a fetch started before then must not fill the cache afterwards. */
  private generation = 0;

  constructor(
    /** The side panel's body, which render() fills (the page empties it first). */
    private readonly body: HTMLElement,
    private readonly host: SentencesPanelHost,
  ) {}

  /**
   * The current row's sentences, paired (GET /api/beads/:id/sentences, what the sentence-level
   * export writes for the row). Fetched when the tab shows a row, not with the page.
   */
  render(): void {
    const panel = this.body;
    const i = this.host.current();
    const b = this.host.beads()[i];
    panel.append(h('h2', { id: 'sentences-title' }, 'Sentences'));
    if (!b) {
      panel.append(h('p', { class: 'muted small' }, 'Move to a row (j / k) to see its sentences paired.'));
      return;
    }
    const key = `${b.id}:${b.version}:${[...b.src, ...b.tgt].map((p) => `${p.id}=${p.text.length}:${p.text}`).join('|')}`;
    const hit = this.cache.get(key);
    if (hit) {
      panel.append(sentencesView(hit, i));
      return;
    }
    const wait = h('p', { class: 'muted small', role: 'status' }, `Pairing the sentences of row ${i + 1}…`);
    panel.append(wait);
    const generation = this.generation;
    void getBeadSentences(b.id).then(
      (data) => {
        if (generation === this.generation) this.cache.set(key, data);
        // Still on this tab and this row: the reviewer may have moved on meanwhile.
        if (this.host.panelTab() === 'sentences' && this.host.beads()[this.host.current()]?.id === b.id && wait.isConnected) wait.replaceWith(sentencesView(data, i));
      },
      (err: unknown) => {
        if (wait.isConnected) wait.textContent = `The sentences of row ${i + 1} could not be loaded: ${err instanceof Error ? err.message : String(err)}`;
      },
    );
  }

  /** Sentence pairs hang on the statement's length ratio as well as the row: any change of the rows may move them. */
  forget(): void {
    this.cache.clear();
    this.generation++;
  }
}
