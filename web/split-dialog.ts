// The split dialog of the review page: per side, how many of a row's paragraphs stay in it; the
// rest form a new row below. The split is made on the row the dialog was opened on, wherever the
// rows have moved it meanwhile, or refused when that row changed.
import type { Side } from './bead-table.ts';
import { clear, h } from './dom.ts';
import { snippet } from './format.ts';
import { langName } from './model.ts';
import { rowForDialog, type ReviewHost } from './review-host.ts';
import { CONFLICT_MESSAGE } from './stale.ts';
import { restoreFocusUnlessMoved } from './ui.ts';

/**
 * What the split dialog reads from the page and what it asks the page to do: the pair's languages
 * give each side's legend and the language of its paragraphs; while an alignment edit is being
 * saved (busy) no dialog opens, and the rebuilt rows take the focus.
 */
export type SplitDialogHost = Pick<ReviewHost, 'beads' | 'alignment' | 'busy' | 'reloadWithMessage'> & {
  /** Put the focus back on the current row (the dialog closed without a split). */
  focusCurrentRow(): void;
  /** Split row i: `at` paragraphs of each side stay in it. */
  split(i: number, at: { src: number; tgt: number }): void;
};

export class SplitDialog {
  private dialog: HTMLDialogElement | null = null;

  constructor(private readonly host: SplitDialogHost) {}

  private ensureDialog(): HTMLDialogElement {
    if (this.dialog) return this.dialog;
    const dialog = h('dialog', { id: 'split-dialog', 'aria-labelledby': 'split-title' });
    // While a split is being applied the rebuilt rows take the focus instead.
    dialog.addEventListener('close', () => {
      if (!this.host.busy()) restoreFocusUnlessMoved(dialog, () => this.host.focusCurrentRow());
    });
    document.body.append(dialog);
    this.dialog = dialog;
    return dialog;
  }

  /** Split dialog: per side, radio buttons "keep k paragraphs in this row", each labelled with the paragraph it ends on. */
  open(i: number): void {
    const b = rowForDialog(this.host, i);
    if (!b) return;
    const dialog = this.ensureDialog();
    const langs = this.host.alignment();
    // The first paragraph of each side stays; when that is the whole row (1:1), the target side moves
    // down, so the choice offered first is always a split that can be made.
    const stay = { src: Math.min(1, b.src.length), tgt: Math.min(1, b.tgt.length) };
    if (stay.src === b.src.length && stay.tgt === b.tgt.length) {
      if (stay.tgt > 0) stay.tgt = 0;
      else stay.src = 0;
    }
    const side = (s: Side): HTMLFieldSetElement => {
      const lang = s === 'src' ? langs.srcLang : langs.tgtLang;
      const paras = b[s];
      const fallback = stay[s];
      return h(
        'fieldset',
        { class: 'split-side' },
        h('legend', null, `${langName(lang)} paragraphs staying in row ${i + 1}`),
        ...Array.from({ length: paras.length + 1 }, (_, k) =>
          h(
            'label',
            { class: 'radio' },
            h('input', { type: 'radio', name: `split-${s}`, value: k, checked: k === fallback }),
            k === 0 ? h('span', null, 'None (all move to the new row)') : h('span', { lang }, h('b', { lang: 'en' }, `Up to ¶${paras[k - 1]!.n}`), ' ', snippet(paras[k - 1]!.text, 70)),
          ),
        ),
      );
    };
    const problem = h('div', { class: 'form-error', role: 'alert', hidden: true });
    const form = h(
      'form',
      { class: 'split-form' },
      h('h2', { id: 'split-title' }, `Split row ${i + 1}`),
      h('p', { class: 'muted small' }, 'The rest of each side forms a new row below. Every change can be undone (u).'),
      side('src'),
      side('tgt'),
      problem,
      h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'ghost', onclick: () => dialog.close() }, 'Cancel'), h('button', { type: 'submit', class: 'primary' }, 'Split')),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const val = (s: Side): number => Number(form.querySelector<HTMLInputElement>(`input[name="split-${s}"]:checked`)?.value ?? 0);
      const at = { src: val('src'), tgt: val('tgt') };
      if (at.src + at.tgt === 0 || (at.src === b.src.length && at.tgt === b.tgt.length)) {
        // Said inside the dialog: the page's alert region sits behind the modal.
        problem.textContent = 'Choose a split that leaves paragraphs in both rows.';
        problem.hidden = false;
        return;
      }
      dialog.close();
      // The rows may have been rebuilt while the dialog was open: split the row it was opened on,
      // wherever it now is, or say it changed.
      const beads = this.host.beads();
      const now = beads.findIndex((x) => x.id === b.id);
      if (now < 0 || beads[now]!.version !== b.version) {
        void this.host.reloadWithMessage(CONFLICT_MESSAGE, Math.max(0, now));
        return;
      }
      this.host.split(now, at);
    });
    clear(dialog);
    dialog.append(form);
    dialog.showModal();
    form.querySelector<HTMLInputElement>('input:checked')?.focus();
  }
}
