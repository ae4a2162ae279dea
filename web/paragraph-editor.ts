// The paragraph editor of the review page: a paragraph's text edited in place (t, ✎ or a
// double-click), saved as an undoable edit, with its history of earlier texts; someone else's save
// meanwhile is shown above the reviewer's text. Editors open when their rows are rebuilt are
// carried over to the new rows (takeDrafts, restoreDrafts).
import { ApiError, editParagraph, paragraphHistory, type Bead, type Paragraph } from './api.ts';
import type { Side } from './bead-table.ts';
import { clear, h } from './dom.ts';
import { formatWhen, renderDiff } from './format.ts';
import { langName } from './model.ts';
import type { ReviewHost } from './review-host.ts';
import { CONFLICT_MESSAGE, STALE_MESSAGE, staleScreen } from './stale.ts';
import { announce, clearError, reportError, requireReviewer, showError } from './ui.ts';

/** A paragraph editor's unsaved text and the text it started from (see takeDrafts). */
export interface Draft { paraId: number; text: string; base: string; focus: boolean }

/** What the paragraph editor reads from the page (the editors open in its table rows) and what it asks the page to do. */
export type ParagraphEditorHost = Pick<ReviewHost, 'beads' | 'rows' | 'alignment' | 'current' | 'focusRow' | 'reloadAll' | 'reloadWithMessage'>;

export class ParagraphEditor {
  constructor(private readonly host: ParagraphEditorHost) {}

  private findParagraph(id: number): { para: Paragraph; bead: Bead; index: number; side: Side } | null {
    const beads = this.host.beads();
    for (let i = 0; i < beads.length; i++) {
      const b = beads[i]!;
      for (const side of ['src', 'tgt'] as const) {
        const para = b[side].find((p) => p.id === id);
        if (para) return { para, bead: b, index: i, side };
      }
    }
    return null;
  }

  /** The editor of the current row's first paragraph (t). */
  openFirst(): void {
    const b = this.host.beads()[this.host.current()];
    const p = b?.src[0] ?? b?.tgt[0];
    if (p) this.open(p.id);
  }

  /**
   * `draft`: an editor the rows were rebuilt under (another row's save, a merge, an undo), opened
   * again with the reviewer's unsaved text and the text it started from, so a conflict is still seen.
   */
  open(paraId: number, draft?: Draft): void {
    const found = this.findParagraph(paraId);
    if (!found) return;
    if (!draft && !requireReviewer()) return;
    const row = this.host.rows()[found.index];
    const div = row?.querySelector<HTMLElement>(`.para[data-para-id="${paraId}"]`);
    if (!div || div.querySelector('form')) return;
    const a = this.host.alignment();
    const lang = found.side === 'src' ? a.srcLang : a.tgtLang;
    const label = `Text of ${langName(lang)} ¶${found.para.n}`;
    const area = h('textarea', { class: 'para-text', 'aria-label': label, rows: Math.min(14, Math.max(4, Math.ceil(found.para.text.length / 38))) });
    const para = draft ? { ...found.para, text: draft.base } : found.para;
    area.value = draft ? draft.text : found.para.text;
    const history = h('div', { class: 'para-history', hidden: true });
    const save = h('button', { type: 'submit', class: 'primary small' }, 'Save');
    const historyBtn = h('button', { type: 'button', class: 'small', 'aria-expanded': 'false' }, 'History');
    const form = h(
      'form',
      { class: 'para-editor', 'data-base': para.text },
      area,
      h('div', { class: 'editor-actions' }, save, h('button', { type: 'button', class: 'ghost small', 'data-role': 'cancel' }, 'Cancel'), historyBtn, h('span', { class: 'muted small' }, 'Ctrl+Enter saves · Esc cancels')),
      history,
    );
    const pt = div.querySelector<HTMLElement>('.pt');
    if (pt) pt.hidden = true;
    div.classList.add('editing');
    div.append(form);
    const close = (): void => {
      form.remove();
      div.classList.remove('editing');
      if (pt) pt.hidden = false;
      this.host.focusRow(found.index);
      // After a conflict the row on screen shows the text someone else replaced.
      if (form.dataset['stale']) {
        clearError();
        void this.host.reloadAll(found.index).catch(reportError);
      }
    };
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.saveParagraph(para, area.value, save, close);
    });
    form.querySelector('[data-role="cancel"]')?.addEventListener('click', close);
    historyBtn.addEventListener('click', () => {
      const open = history.hidden;
      history.hidden = !open;
      historyBtn.setAttribute('aria-expanded', String(open));
      if (open) void this.fillParagraphHistory(paraId, history);
    });
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.requestSubmit();
      } else if (e.key === 'Escape') {
        e.preventDefault();
        close();
      }
    });
    if (!draft || draft.focus) area.focus();
  }

  /** Open editors under `scope` holding unsaved text, before their rows are rebuilt. */
  takeDrafts(scope: HTMLElement): Draft[] {
    const out: Draft[] = [];
    for (const form of scope.querySelectorAll<HTMLFormElement>('form.para-editor')) {
      const id = Number(form.closest<HTMLElement>('.para[data-para-id]')?.dataset['paraId']);
      const area = form.querySelector('textarea');
      const base = form.dataset['base'] ?? '';
      if (!id || !area || area.value.replace(/\s+/g, ' ').trim() === base) continue;
      out.push({ paraId: id, text: area.value, base, focus: form.contains(document.activeElement) });
    }
    return out;
  }

  /** Opens again the editors the rebuilt rows still show, unless their text is what is now stored (just saved). */
  restoreDrafts(drafts: Draft[]): void {
    for (const d of drafts) {
      const found = this.findParagraph(d.paraId);
      if (found && d.text.replace(/\s+/g, ' ').trim() !== found.para.text) this.open(d.paraId, d);
    }
  }

  private async fillParagraphHistory(paraId: number, box: HTMLElement): Promise<void> {
    clear(box);
    box.append(h('p', { class: 'muted small' }, 'Loading…'));
    try {
      const { history } = await paragraphHistory(paraId);
      clear(box);
      if (!history.length) {
        box.append(h('p', { class: 'muted small' }, 'No earlier versions: this text has not been edited.'));
        return;
      }
      box.append(
        h(
          'ol',
          { class: 'history-list' },
          ...history.map((e) => h('li', null, h('p', { class: 'muted small' }, `${formatWhen(e.at)} · ${e.actor}`), renderDiff(e.diff))),
        ),
      );
    } catch (err) {
      clear(box);
      box.append(h('p', { class: 'muted small' }, `History unavailable: ${err instanceof Error ? err.message : String(err)}`));
    }
  }

  private async saveParagraph(para: Paragraph, text: string, save: HTMLButtonElement, close: () => void): Promise<void> {
    // The server stores text with its spaces collapsed: a stray newline is no change.
    if (text.replace(/\s+/g, ' ').trim() === para.text) {
      close();
      return;
    }
    if (!text.trim()) {
      showError('A paragraph cannot be empty. Use “Insert empty cell” to leave a side empty.');
      return;
    }
    save.disabled = true;
    try {
      await editParagraph(para.id, text, para.text, this.host.alignment().id);
      clearError();
      const i = this.findParagraph(para.id)?.index ?? Math.max(this.host.current(), 0);
      await this.host.reloadAll(i);
      this.host.focusRow(i);
      announce(`Text of ¶${para.n} saved. Press u to undo.`);
    } catch (err) {
      save.disabled = false;
      // A new version was imported since the page was opened: not someone's edit to weigh against this one.
      if (err instanceof ApiError && err.code === 'stale_version') await this.host.reloadWithMessage(`${STALE_MESSAGE} Your text for ¶${para.n} was not saved: ${text}`);
      else if (err instanceof ApiError && err.status === 409) await this.showParagraphConflict(para, save);
      else if (staleScreen(err)) {
        await this.host.reloadWithMessage(CONFLICT_MESSAGE);
      } else reportError(err);
    }
  }

  /**
   * Someone else saved this paragraph while it was being edited: the reviewer's text stays in the
   * editor, theirs is shown above it, and saving again (now from their text) replaces it knowingly.
   */
  private async showParagraphConflict(para: Paragraph, save: HTMLButtonElement): Promise<void> {
    const form = save.closest('form');
    try {
      const [latest] = (await paragraphHistory(para.id)).history;
      if (!form || !latest) throw new Error('no history');
      para.text = latest.after;
      form.dataset['base'] = latest.after;
      form.dataset['stale'] = '1';
      form.querySelector('.para-conflict')?.remove();
      form.prepend(
        h(
          'div',
          { class: 'para-conflict', role: 'note' },
          h('p', { class: 'small' }, `${latest.actor} changed this text ${formatWhen(latest.at)} while you were editing it. Theirs now reads:`),
          h('blockquote', { class: 'small' }, latest.after),
          h('p', { class: 'small muted' }, 'Your text is still below: Save replaces theirs with it; Cancel keeps theirs.'),
        ),
      );
      showError('This text was changed by someone else while you were editing it; your text was not saved yet.');
    } catch {
      await this.host.reloadWithMessage('This text was changed by someone else; reloaded. Your edit was not saved.');
    }
  }
}
