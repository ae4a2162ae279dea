// The flag form of the review page: a dialog that files a flag (category, severity, comment) on a
// row. A flag refused because its row changed meanwhile is kept as a draft for the next form.
import { createFlag } from './api.ts';
import { byId, h } from './dom.ts';
import { snippet, titleCase } from './format.ts';
import { rowForDialog, type ReviewHost } from './review-host.ts';
import { CONFLICT_MESSAGE, staleScreen } from './stale.ts';
import { announce, clearError, reportError, requireReviewer, restoreFocusUnlessMoved } from './ui.ts';

/**
 * What the flag form reads from the page and what it asks the page to do: a saved flag is added to
 * its bead; the pair's languages are those of the row's text quoted in the form.
 */
export type FlagFormHost = Pick<ReviewHost, 'beads' | 'alignment' | 'categories' | 'severities' | 'busy' | 'setCurrent' | 'focusRow' | 'refreshRow' | 'renderPanel' | 'reloadWithMessage'>;

export class FlagForm {
  private dialog: HTMLDialogElement | null = null;
  /** The row the open form flags, or -1. */
  private beadIndex = -1;
  /** A flag refused because its row changed: offered again by the next flag form. */
  private draft: { category: string; severity: string; comment: string } | null = null;

  constructor(private readonly host: FlagFormHost) {}

  private ensureDialog(): HTMLDialogElement {
    if (this.dialog) return this.dialog;
    // On a row with both sides nothing is preselected: a flag filed as an omission by default, when
    // the reviewer meant a wording, sends the editor looking for missing text.
    const category = h('select', { id: 'flag-category', name: 'category', required: true }, h('option', { value: '' }, 'Choose…'), ...this.host.categories().map((c) => h('option', { value: c }, titleCase(c))));
    const severity = h('select', { id: 'flag-severity', name: 'severity' }, ...this.host.severities().map((s) => h('option', { value: s }, titleCase(s))));
    const comment = h('textarea', { id: 'flag-comment', name: 'comment', rows: 4, placeholder: 'What is wrong with this row?' });
    const save = h('button', { type: 'submit', class: 'primary' }, 'Save');
    const form = h(
      'form',
      { class: 'flag-form' },
      h('h2', { id: 'flag-title' }, 'Flag row'),
      h('p', { id: 'flag-context', class: 'muted flag-context' }),
      h('div', { class: 'field-row' }, h('label', { for: 'flag-category' }, 'Category', category), h('label', { for: 'flag-severity' }, 'Severity', severity)),
      h('label', { for: 'flag-comment', class: 'block' }, 'Comment', comment),
      h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'ghost', onclick: () => dialog.close() }, 'Cancel'), save),
    );
    const dialog = h('dialog', { id: 'flag-dialog', 'aria-labelledby': 'flag-title' }, form);
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.save(category.value, severity.value, comment.value, save);
    });
    comment.addEventListener('keydown', (e) => {
      // Ctrl/Cmd+Enter saves from the comment box, the usual convention in review tools.
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    dialog.addEventListener('close', () => {
      const i = this.beadIndex;
      this.beadIndex = -1;
      if (i >= 0) restoreFocusUnlessMoved(dialog, () => this.host.focusRow(i));
    });
    document.body.append(dialog);
    this.dialog = dialog;
    return dialog;
  }

  /** The form for row i, with the category an empty side suggests, or the draft of a flag refused before. */
  open(i: number): void {
    const b = rowForDialog(this.host, i);
    if (!b) return;
    const dialog = this.ensureDialog();
    this.beadIndex = i;
    this.host.setCurrent(i);
    byId('flag-title').textContent = `Flag row ${i + 1}`;
    const first = b.src[0] ?? b.tgt[0];
    const context = byId('flag-context');
    context.textContent = first ? snippet(first.text, 140) : '';
    const langs = this.host.alignment();
    context.lang = b.src[0] ? langs.srcLang : langs.tgtLang;
    const category = byId<HTMLSelectElement>('flag-category');
    // Preselect the obvious category for an empty side; it is what reviewers flag most often there.
    category.value = b.src.length === 0 ? 'addition' : b.tgt.length === 0 ? 'omission' : '';
    const draft = this.draft;
    this.draft = null;
    const severity = byId<HTMLSelectElement>('flag-severity');
    const severities = this.host.severities();
    severity.value = severities.includes('major') ? 'major' : (severities[0] ?? '');
    byId<HTMLTextAreaElement>('flag-comment').value = draft?.comment ?? '';
    if (draft) {
      category.value = draft.category;
      severity.value = draft.severity;
    }
    dialog.showModal();
    category.focus();
  }

  private async save(category: string, severity: string, comment: string, save: HTMLButtonElement): Promise<void> {
    const i = this.beadIndex;
    const b = this.host.beads()[i];
    if (!b) return;
    if (!requireReviewer()) {
      this.dialog?.close();
      // The name field takes the focus; the close event (a task later) leaves it there.
      byId('reviewer').focus();
      return;
    }
    save.disabled = true;
    try {
      const { flag } = await createFlag(b.id, { category, severity, comment: comment.trim() });
      clearError();
      const cur = this.host.beads()[i];
      if (cur) cur.flags = [...cur.flags, flag];
      this.dialog?.close();
      this.host.refreshRow(i);
      this.host.renderPanel();
      announce(`Flag “${category}” saved on row ${i + 1}.`);
    } catch (err) {
      if (staleScreen(err)) {
        // Kept for the next flag form: the rows changed under it, not the reviewer's mind.
        this.draft = { category, severity, comment };
        this.dialog?.close();
        await this.host.reloadWithMessage(`${CONFLICT_MESSAGE} The flag was not saved; its comment is kept for the next flag you open (f).`, i);
      } else reportError(err);
    } finally {
      save.disabled = false;
    }
  }
}
