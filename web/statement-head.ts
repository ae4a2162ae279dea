// The head of the review page: the statement's title, date, languages, language-pair switcher,
// row count and source links, with a small form to correct the title and date in place; and the
// breadcrumbs and document title above it.
import { ApiError, editStatementInfo, getStatement, type StatementSummary } from './api.ts';
import { byId, clear, h } from './dom.ts';
import { langChips } from './list.ts';
import { statementLabel } from './model.ts';
import type { ReviewHost } from './review-host.ts';
import { announce, clearError, reportError, requireReviewer, showError } from './ui.ts';

/** The page's title and the breadcrumbs above it: Statements / this statement. */
export function renderCrumbs(s: StatementSummary): void {
  document.title = `${statementLabel(s.title, s.id)} · twintext`;
  const crumbs = byId('crumbs');
  clear(crumbs);
  crumbs.append(h('a', { href: '/' }, 'Statements'), h('span', { 'aria-hidden': 'true', class: 'sep' }, '/'), h('span', { 'aria-current': 'page' }, statementLabel(s.title, s.id)));
}

/** What the head reads from the page (the switcher marks the pair shown), and how it hands back a statement whose title or date changed. */
export type StatementHeadHost = Pick<ReviewHost, 'statement' | 'alignment'> & {
  setStatement(s: StatementSummary): void;
};

export class StatementHead {
  /** The title, date and languages at the top: rebuilt when the title or date is corrected. */
  readonly element = h('div', { class: 'head-main' });
  /** "N rows", kept up to date by the page. */
  readonly rowCount = h('span', { class: 'muted' });

  constructor(private readonly host: StatementHeadHost) {}

  /** The heading and its line of facts and actions, drawn from the statement as it now is. */
  fill(): void {
    const s = this.host.statement();
    const edit = h('button', { type: 'button', class: 'small', id: 'edit-info', title: 'Correct the title or the date' }, 'Edit title and date');
    edit.addEventListener('click', () => this.editInfo());
    clear(this.element);
    this.element.append(
      h('h1', null, statementLabel(s.title, s.id)),
      h('p', { class: 'head-meta' }, s.date ? h('time', { datetime: s.date }, s.date) : null, langChips(s.languages), this.pairSwitcher(), this.rowCount, this.sourceLinks(), edit),
    );
  }

  /**
   * Links to the pages the texts were published at (an import manifest's en_url, ko_url): a doubtful
   * paragraph is checked against the page it came from. Only web addresses become links: a manifest
   * is a spreadsheet anyone may have typed into, and a javascript: address must not run here.
   */
  private sourceLinks(): HTMLElement | null {
    const urls = Object.entries(this.host.statement().sourceUrls ?? {}).filter(([, u]) => /^https?:\/\//i.test(u));
    if (urls.length === 0) return null;
    return h(
      'span',
      { class: 'sources' },
      ...urls.map(([l, u]) => h('a', { href: u, target: '_blank', rel: 'noopener noreferrer', title: u }, `${l.toUpperCase()} page ↗`)),
    );
  }

  /** The title and date as a small form in place of the heading; saved as one change (PATCH). */
  private editInfo(): void {
    const s = this.host.statement();
    const title = h('input', { type: 'text', id: 'info-title', maxlength: 500, required: true, autocomplete: 'off' });
    title.value = s.title;
    const date = h('input', { type: 'date', id: 'info-date' });
    date.value = s.date ?? '';
    const save = h('button', { type: 'submit', class: 'primary small' }, 'Save');
    const cancel = h('button', { type: 'button', class: 'small' }, 'Cancel');
    const form = h(
      'form',
      { class: 'info-form', 'aria-label': 'Title and date of the statement' },
      h('label', { for: 'info-title' }, 'Title', title),
      h('label', { for: 'info-date' }, 'Date (optional)', date),
      h('span', { class: 'form-actions' }, save, cancel),
    );
    const back = (): void => {
      this.fill();
      byId('edit-info').focus();
    };
    cancel.addEventListener('click', back);
    form.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        back();
      }
    });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (!requireReviewer()) return;
      save.disabled = true;
      void (async () => {
        try {
          // Only what was changed here, with what it was changed from: another reviewer's change to
          // the other field stays, and one to the same field is a conflict (409), not overwritten.
          const change: { title?: string; date?: string | null; base: { title?: string; date?: string | null } } = { base: {} };
          if (title.value !== s.title) [change.title, change.base.title] = [title.value, s.title];
          if ((date.value || null) !== s.date) [change.date, change.base.date] = [date.value || null, s.date];
          if (change.title === undefined && change.date === undefined) {
            back();
            announce('Nothing to save: the title and date are as they were.');
            return;
          }
          const r = await editStatementInfo(s.id, change);
          clearError();
          this.host.setStatement(r.statement);
          renderCrumbs(this.host.statement());
          back();
          announce(r.changed ? 'Title and date saved.' : 'Nothing to save: the title and date are as they were.');
        } catch (err) {
          save.disabled = false;
          if (!(err instanceof ApiError && err.status === 409)) return reportError(err);
          // Someone changed it meanwhile: show theirs, and say so; the reviewer can edit again from there.
          try {
            this.host.setStatement((await getStatement(s.id, this.host.alignment().tgtLang)).statement);
            renderCrumbs(this.host.statement());
            back();
          } finally {
            showError(err.message);
          }
        }
      })();
    });
    clear(this.element);
    this.element.append(form);
    title.focus();
  }

  /** Trilateral statements have one alignment per target language; offer the others as links. */
  private pairSwitcher(): HTMLElement | null {
    const a = this.host.alignment();
    const s = this.host.statement();
    const targets = s.languages.filter((l) => l !== a.srcLang);
    if (targets.length < 2) return null;
    return h(
      'nav',
      { class: 'pairs', 'aria-label': 'Language pair' },
      ...targets.map((l) =>
        h(
          'a',
          { href: `/statements/${s.id}?lang=${encodeURIComponent(l)}`, class: 'pair', 'aria-current': l === a.tgtLang ? 'page' : null },
          `${a.srcLang.toUpperCase()}–${l.toUpperCase()}`,
        ),
      ),
    );
  }
}
