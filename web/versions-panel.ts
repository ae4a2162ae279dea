// The Versions panel of the review page: each language's text versions, a form to upload a new
// version (pasted or a file) or add a language, and the word diff between a text's last two
// versions in a dialog. A pasted text is kept as a draft while the panel is closed.
import { ApiError, fileToUpload, getDiff, getVersions, uploadVersion } from './api.ts';
import { clear, h } from './dom.ts';
import { formatWhen, renderDiff } from './format.ts';
import { IMPORT_LANGS } from './list.ts';
import { langName } from './model.ts';
import type { ReviewHost } from './review-host.ts';
import { announce, clearError, reportError, requireReviewer, showError } from './ui.ts';

/** What the Versions panel reads from the page and what it asks the page to do. */
export type VersionsPanelHost = Pick<ReviewHost, 'statementId' | 'statement' | 'alignment' | 'current' | 'panelTab' | 'renderPanel' | 'reloadAll' | 'reloadWithMessage'> & {
  /** Put the focus on the Versions tab (the panel was rebuilt under it). */
  focusTab(): void;
};

export class VersionsPanel {
  /** The text pasted in the form: closing the panel (Escape, another tab) must not lose it. */
  private draft = '';
  /** The language chosen for the draft: reopening the panel must not pair the pasted text with another language. */
  private draftLang: string | null = null;
  private diffDialog: HTMLDialogElement | null = null;

  constructor(
    /** The side panel's body, which render() fills (the page empties it first). */
    private readonly body: HTMLElement,
    private readonly host: VersionsPanelHost,
  ) {}

  async render(): Promise<void> {
    const panel = this.body;
    const langs = this.host.statement().languages;
    const list = h('div', { class: 'versions' }, h('p', { class: 'muted small' }, 'Loading versions…'));
    // The draft's language, else the target language of the pair the page shows.
    const chosen = this.draftLang !== null && langs.includes(this.draftLang) ? this.draftLang : this.host.alignment().tgtLang;
    // A language the statement does not have yet is added, aligned to its source text (an
    // English–Korean statement that turns out trilateral).
    const more = IMPORT_LANGS.filter((l) => !langs.some((x) => x.split('-')[0] === l));
    const chosenLang = this.draftLang !== null && more.includes(this.draftLang) ? this.draftLang : chosen;
    const lang = h(
      'select',
      { id: 'version-lang' },
      ...langs.map((l) => h('option', { value: l, selected: l === chosenLang }, langName(l))),
      ...more.map((l) => h('option', { value: l, selected: l === chosenLang }, `${langName(l)} (add)`)),
    );
    const text = h('textarea', { id: 'version-text', rows: 4, placeholder: 'Paste the new text…' });
    // Closing the panel (Escape, another tab) must not lose a pasted text, nor the language it was pasted for.
    text.value = this.draft;
    text.addEventListener('input', () => {
      this.draft = text.value;
    });
    lang.addEventListener('change', () => {
      this.draftLang = lang.value;
    });
    const file = h('input', { type: 'file', id: 'version-file', accept: '.txt,.html,.htm,.docx' });
    const submit = h('button', { type: 'submit', class: 'primary small' }, 'Upload version');
    const form = h(
      'form',
      { class: 'version-form' },
      h('h3', null, 'New version'),
      h('label', { for: 'version-lang' }, 'Language', lang),
      h('label', { for: 'version-text' }, 'Paste text', text),
      h('label', { for: 'version-file' }, 'or a file', file),
      h('div', { class: 'form-actions' }, submit),
    );
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.uploadVersion(lang.value, text, file, submit);
    });
    panel.append(h('h2', { id: 'versions-title' }, 'Versions'), list, form);
    try {
      const { versions } = await getVersions(this.host.statementId());
      if (this.host.panelTab() !== 'versions' || !list.isConnected) return;
      clear(list);
      for (const l of langs) {
        const vs = versions[l] ?? [];
        list.append(
          h(
            'section',
            { class: 'version-lang' },
            h('h3', null, langName(l), vs.length >= 2 ? h('button', { type: 'button', class: 'link small', onclick: () => void this.showDiff(l) }, `Show changes (${l.toUpperCase()})`) : null),
            h(
              'ol',
              { class: 'version-list small' },
              ...vs.map((v) =>
                h('li', { class: v.isCurrent ? 'current-version' : null }, `v${v.version}`, v.isCurrent ? ' (current)' : '', ` · ${formatWhen(v.createdAt)}`, v.sourceName ? ` · ${v.sourceName}` : v.sourceFormat ? ` · ${v.sourceFormat}` : ''),
              ),
            ),
          ),
        );
      }
    } catch (err) {
      clear(list);
      list.append(h('p', { class: 'muted small' }, `Versions unavailable: ${err instanceof Error ? err.message : String(err)}`));
    }
  }

  private async uploadVersion(lang: string, text: HTMLTextAreaElement, file: HTMLInputElement, submit: HTMLButtonElement): Promise<void> {
    if (!requireReviewer()) return;
    const f = file.files?.[0];
    if (!f && !text.value.trim()) {
      showError('Paste the new text or choose a file first.');
      text.focus();
      return;
    }
    submit.disabled = true;
    try {
      // A language chosen as "(add)" must still be missing when the text arrives (not added meanwhile).
      const newLanguage = !this.host.statement().languages.includes(lang);
      const body = { ...(f ? { files: { [lang]: await fileToUpload(f) } } : { texts: { [lang]: text.value } }), newLanguage };
      const res = await uploadVersion(this.host.statementId(), body);
      clearError();
      this.draft = '';
      this.draftLang = null;
      if (res.added) {
        // A new language has no earlier version to compare with: its pair is opened instead (the
        // page, header and language switcher included, is built for the statement's languages).
        window.location.assign(`/statements/${this.host.statementId()}?lang=${encodeURIComponent(lang)}`);
        return;
      }
      await this.host.reloadAll(Math.max(this.host.current(), 0), false);
      const edits = (res.editsKept ? `; ${res.editsKept} text correction${res.editsKept === 1 ? '' : 's'} made in review kept (the new version publishes ${res.editsKept === 1 ? 'that paragraph' : 'those paragraphs'} as before)` : '')
        + (res.editsReplaced?.length ? `; the new text replaces the review's correction of ¶${res.editsReplaced.join(', ¶')} of version ${res.version - 1}` : '');
      const removed = res.removed ? `, ${res.removed} removed` : '';
      const pairs = (this.host.statement().pairs ?? 1) > 1 ? ` over its ${this.host.statement().pairs} language pairs` : '';
      announce(`${langName(lang)} version ${res.version} saved: ${res.changed} paragraph${res.changed === 1 ? '' : 's'} new or changed${removed}, ${res.carriedBeads} row${res.carriedBeads === 1 ? '' : 's'} kept${pairs}${edits}.`);
      // The panel was rebuilt: the diff dialog gives the focus back to the Versions tab, not to <body>.
      this.host.focusTab();
      await this.showDiff(lang);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // Someone added this language, or a version, meanwhile: show the statement as it now is
        // (languages, rows and the panel's choices), the pasted text kept for another try.
        await this.host.reloadWithMessage(`${err.message} (Reloaded: the statement as it now is.)`, Math.max(this.host.current(), 0), false);
        if (this.host.panelTab() === 'versions') this.host.renderPanel();
      } else reportError(err);
    } finally {
      submit.disabled = false;
      // A disabled button drops the focus: give it back when the form is still there (a refused upload).
      if ((document.activeElement === document.body || !document.activeElement) && submit.isConnected) submit.focus();
    }
  }

  private async showDiff(lang: string): Promise<void> {
    try {
      const { diff } = await getDiff(this.host.statementId(), lang);
      if (!this.diffDialog) {
        this.diffDialog = h('dialog', { id: 'diff-dialog', 'aria-labelledby': 'diff-title' });
        document.body.append(this.diffDialog);
      }
      const d = this.diffDialog;
      clear(d);
      const rows = diff.paragraphs.map((p) => {
        if (p.kind === 'changed') return h('li', { class: 'dp changed' }, h('span', { class: 'dp-kind' }, 'changed'), renderDiff(p.words));
        return h('li', { class: `dp ${p.kind}` }, h('span', { class: 'dp-kind' }, p.kind), p.kind === 'removed' ? h('del', null, p.text) : p.kind === 'added' ? h('ins', null, p.text) : h('span', null, p.text));
      });
      d.append(
        h('h2', { id: 'diff-title' }, `Changes in ${langName(diff.lang)}: version ${diff.from} → ${diff.to}`),
        h('ol', { class: 'diff-list', lang: diff.lang }, ...rows),
        h('form', { method: 'dialog', class: 'form-actions' }, h('button', { type: 'submit', class: 'primary' }, 'Close')),
      );
      if (!d.open) d.showModal();
    } catch (err) {
      reportError(err);
    }
  }
}
