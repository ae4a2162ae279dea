// Review screen (`/statements/:id`): side-by-side bead rows, confirm/flag actions, filters, flags panel, shortcuts.
import {
  ApiError,
  confirmBead,
  createFlag,
  editBead,
  undoRedo,
  undoState,
  exportUrl,
  getMeta,
  getStatement,
  updateFlag,
  type Alignment,
  type Bead,
  type EditRequest,
  type Flag,
  type FlagStatus,
  type Paragraph,
  type StatementSummary,
} from './api.ts';
import { byId, clear, h } from './dom.ts';
import { langChips, progressBar } from './list.ts';
import {
  beadShape,
  confidenceBand,
  FILTERS,
  filterCounts,
  findNext,
  formatConfidence,
  isLow,
  langName,
  matchesFilter,
  stepVisible,
  type FilterId,
} from './model.ts';
import { announce, anyDialogOpen, clearError, isTypingTarget, openHelp, reportError, requireReviewer, showError } from './ui.ts';

// Used when /api/meta is unreachable so the flag form still works; the server stays the authority.
const FALLBACK_CATEGORIES = ['omission', 'addition', 'meaning', 'number', 'name', 'terminology', 'style', 'alignment'];
const FALLBACK_SEVERITIES = ['minor', 'major', 'critical'];

const EXPORT_FORMATS: ReadonlyArray<[string, string]> = [
  ['tmx', 'TMX'],
  ['xliff', 'XLIFF'],
  ['tsv', 'TSV'],
  ['csv', 'CSV'],
  ['jsonl', 'JSONL'],
];

function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

export class ReviewPage {
  private statement!: StatementSummary;
  private alignment!: Alignment;
  private beads: Bead[] = [];
  private rows: HTMLTableRowElement[] = [];
  private current = -1;
  private filter: FilterId = 'all';
  private readonly pending = new Set<number>();
  private categories = FALLBACK_CATEGORIES;
  private severities = FALLBACK_SEVERITIES;

  private tbody = h('tbody');
  private noRows = h('p', { class: 'no-rows muted', hidden: true }, 'No rows match this filter.');
  private progressSlot = h('div', { class: 'progress-slot' });
  private filterBar = h('div', { class: 'filters', role: 'group', 'aria-label': 'Show rows' });
  private flagsPanel = h('aside', { class: 'flags-panel', 'aria-labelledby': 'flags-title' });
  private flagDialog: HTMLDialogElement | null = null;
  private flagBeadIndex = -1;
  private editDialog: HTMLDialogElement | null = null;
  private editBeadIndex = -1;
  private rowCount = h('span', { class: 'muted' });
  private undoButton = h('button', { type: 'button', class: 'small', onclick: () => void this.undoRedo('undo') }, '↶ Undo');
  private redoButton = h('button', { type: 'button', class: 'small', onclick: () => void this.undoRedo('redo') }, '↷ Redo');
  private busy = false;

  constructor(
    private readonly root: HTMLElement,
    private readonly statementId: number,
    /** From `?lang=`: which target language to review when the statement has more than two. */
    private readonly tgtLang: string | null = null,
  ) {}

  async load(): Promise<void> {
    const metaP = getMeta().catch(() => null);
    let data: { statement: StatementSummary; alignment: Alignment | null };
    try {
      data = await getStatement(this.statementId, this.tgtLang);
    } catch (err) {
      this.renderFailure(err);
      return;
    }
    const meta = await metaP;
    if (meta) {
      if (meta.flagCategories.length) this.categories = meta.flagCategories;
      if (meta.flagSeverities.length) this.severities = meta.flagSeverities;
    }
    performance.mark('twintext:data');
    this.statement = data.statement;
    if (!data.alignment) {
      this.renderUnaligned();
      return;
    }
    this.alignment = data.alignment;
    this.beads = data.alignment.beads.slice().sort((a, b) => a.position - b.position);
    this.render();
    document.addEventListener('keydown', (e) => this.onKey(e));
  }

  /** Put focus back in the table, e.g. after leaving the name field with Enter/Escape. */
  focusCurrent(): void {
    if (this.rows.length === 0) return;
    this.focusRow(this.current >= 0 ? this.current : this.firstVisible());
  }

  private renderFailure(err: unknown): void {
    clear(this.root);
    const notFound = err instanceof ApiError && err.status === 404;
    this.root.append(
      h(
        'div',
        { class: 'failure' },
        h('h1', null, notFound ? 'Statement not found' : 'Could not load this statement'),
        h('p', null, err instanceof Error ? err.message : String(err)),
        h('p', null, h('a', { href: '/' }, '← Back to all statements')),
      ),
    );
    if (!notFound) reportError(err);
  }

  private renderCrumbs(): void {
    const s = this.statement;
    document.title = `${s.title || `Statement ${s.id}`} · twintext`;
    const crumbs = byId('crumbs');
    clear(crumbs);
    crumbs.append(h('a', { href: '/' }, 'Statements'), h('span', { 'aria-hidden': 'true', class: 'sep' }, '/'), h('span', { 'aria-current': 'page' }, s.title || `Statement ${s.id}`));
  }

  private renderUnaligned(): void {
    this.renderCrumbs();
    const s = this.statement;
    clear(this.root);
    this.root.append(
      h('div', { class: 'page-head' }, h('div', { class: 'head-main' }, h('h1', null, s.title || `Statement ${s.id}`), h('p', { class: 'head-meta' }, langChips(s.languages)))),
      h('p', { class: 'failure' }, 'This statement has no alignment yet: it needs a text in at least two languages.'),
    );
  }

  /** Trilateral statements have one alignment per target language; offer the others as links. */
  private pairSwitcher(): HTMLElement | null {
    const a = this.alignment;
    const targets = this.statement.languages.filter((l) => l !== a.srcLang);
    if (targets.length < 2) return null;
    return h(
      'nav',
      { class: 'pairs', 'aria-label': 'Language pair' },
      ...targets.map((l) =>
        h(
          'a',
          { href: `/statements/${this.statement.id}?lang=${encodeURIComponent(l)}`, class: 'pair', 'aria-current': l === a.tgtLang ? 'page' : null },
          `${a.srcLang.toUpperCase()}–${l.toUpperCase()}`,
        ),
      ),
    );
  }

  private render(): void {
    const s = this.statement;
    const a = this.alignment;
    this.renderCrumbs();

    const exportSelect = h('select', { id: 'export-format', 'aria-label': 'Export format' }, ...EXPORT_FORMATS.map(([v, l]) => h('option', { value: v }, l)));
    const exportLink = h('a', { class: 'button', href: exportUrl('tmx', s.id, 'confirmed'), download: true }, 'Export confirmed');
    exportSelect.addEventListener('change', () => {
      exportLink.href = exportUrl(exportSelect.value, s.id, 'confirmed');
    });

    const table = h(
      'table',
      { class: 'beads', 'aria-describedby': 'review-hint' },
      h('caption', { class: 'visually-hidden' }, `${langName(a.srcLang)} and ${langName(a.tgtLang)} paragraphs side by side`),
      h('colgroup', null, h('col', { class: 'c-pos' }), h('col', { class: 'c-text' }), h('col', { class: 'c-text' }), h('col', { class: 'c-match' }), h('col', { class: 'c-actions' })),
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col', class: 'col-pos' }, h('abbr', { title: 'Row' }, '#')),
          h('th', { scope: 'col', class: 'col-text' }, langName(a.srcLang), ' ', h('span', { class: 'lang-code' }, a.srcLang.toUpperCase())),
          h('th', { scope: 'col', class: 'col-text' }, langName(a.tgtLang), ' ', h('span', { class: 'lang-code' }, a.tgtLang.toUpperCase())),
          h('th', { scope: 'col', class: 'col-match' }, 'Match'),
          h('th', { scope: 'col', class: 'col-actions' }, 'Review'),
        ),
      ),
      this.tbody,
    );
    this.tbody.addEventListener('focusin', (e) => {
      const tr = (e.target as Element).closest('tr.bead');
      if (tr instanceof HTMLTableRowElement) this.setCurrent(Number(tr.dataset['index']));
    });

    clear(this.root);
    this.root.append(
      h(
        'div',
        { class: 'page-head' },
        h(
          'div',
          { class: 'head-main' },
          h('h1', null, s.title || `Statement ${s.id}`),
          h('p', { class: 'head-meta' }, s.date ? h('time', { datetime: s.date }, s.date) : null, langChips(s.languages), this.pairSwitcher(), this.rowCount),
        ),
        h('div', { class: 'head-side' }, this.progressSlot, h('div', { class: 'export' }, exportSelect, exportLink)),
      ),
      h(
        'div',
        { class: 'toolbar' },
        this.filterBar,
        h('div', { class: 'history', role: 'group', 'aria-label': 'Alignment history' }, this.undoButton, this.redoButton),
        h('p', { id: 'review-hint', class: 'hint muted' }, 'j/k move · c confirm · f flag · e edit · ? help'),
      ),
      h('div', { class: 'review-layout' }, h('div', { class: 'table-wrap' }, table, this.noRows), this.flagsPanel),
    );

    this.renderRows();
  }

  /** (Re)build every row in one fragment; used on load and after edits that change the row set. */
  private renderRows(): void {
    clear(this.tbody);
    const frag = document.createDocumentFragment();
    this.rows = this.beads.map((b, i) => {
      const tr = this.buildRow(b, i);
      frag.append(tr);
      return tr;
    });
    this.tbody.append(frag);
    if (this.current >= this.rows.length) this.current = this.rows.length - 1;
    this.rows[this.current]?.classList.add('current');
    this.rowCount.textContent = `${this.beads.length} rows`;
    this.renderFilters();
    this.renderProgress();
    this.renderFlagsPanel();
    this.renderHistory();
    this.applyFilter();
  }

  private renderHistory(): void {
    const { canUndo, canRedo } = this.alignment;
    this.undoButton.disabled = !canUndo;
    this.redoButton.disabled = !canRedo;
    this.undoButton.title = canUndo ? `Undo ${describeAction(canUndo)} (u)` : 'Nothing to undo';
    this.redoButton.title = canRedo ? `Redo ${describeAction(canRedo)} (Shift+U)` : 'Nothing to redo';
  }

  private paragraphCell(paras: Paragraph[], lang: string, side: 'src' | 'tgt'): HTMLTableCellElement {
    const td = h('td', { class: `col-text ${side}`, lang });
    if (paras.length === 0) {
      td.classList.add('empty-side');
      td.append(h('span', { class: 'omitted' }, '— omitted —'));
      return td;
    }
    for (const p of paras) {
      td.append(h('div', { class: 'para', 'data-n': p.n }, h('span', { class: 'pn', title: `Paragraph ${p.n}`, lang: 'en' }, `¶${p.n}`), h('span', { class: 'pt' }, p.text)));
    }
    return td;
  }

  private buildRow(b: Bead, i: number): HTMLTableRowElement {
    const confirmed = b.status === 'confirmed';
    const band = confidenceBand(b.confidence);
    const shape = beadShape(b);
    const openFlags = b.flags.filter((f) => f.status === 'open');
    const pending = this.pending.has(b.id);
    const tr = h(
      'tr',
      {
        class: `bead status-${b.status} conf-${band}${shape !== '1:1' ? ' non11' : ''}${openFlags.length ? ' has-flags' : ''}`,
        tabindex: -1,
        'data-index': i,
        'data-bead-id': b.id,
      },
      h('th', { scope: 'row', class: 'col-pos' }, String(i + 1)),
      this.paragraphCell(b.src, this.alignment.srcLang, 'src'),
      this.paragraphCell(b.tgt, this.alignment.tgtLang, 'tgt'),
      h(
        'td',
        { class: 'col-match' },
        h('span', { class: `chip conf conf-${band}`, title: `Alignment confidence ${formatConfidence(b.confidence)}` }, h('span', { class: 'dot', 'aria-hidden': 'true' }), formatConfidence(b.confidence)),
        h('span', { class: `chip shape${shape === '1:1' ? '' : ' shape-odd'}`, title: `${b.src.length} ${langName(this.alignment.srcLang)} : ${b.tgt.length} ${langName(this.alignment.tgtLang)} paragraphs` }, shape),
        h('span', { class: `status-label status-${b.status}` }, confirmed ? 'confirmed' : 'auto'),
      ),
      h(
        'td',
        { class: 'col-actions' },
        h(
          'div',
          { class: 'actions' },
          h('button', { type: 'button', class: confirmed ? 'confirm pressed' : 'confirm', 'aria-pressed': confirmed ? 'true' : 'false', disabled: pending, onclick: () => void this.toggleConfirm(i) }, h('span', { class: 'check', 'aria-hidden': 'true' }, '✓'), 'Confirm'),
          h('button', { type: 'button', class: 'flag', 'aria-haspopup': 'dialog', onclick: () => this.openFlagForm(i) }, h('span', { 'aria-hidden': 'true' }, '⚑'), 'Flag'),
          h('button', { type: 'button', class: 'edit', 'aria-haspopup': 'dialog', onclick: () => this.openEditForm(i) }, h('span', { 'aria-hidden': 'true' }, '⇅'), 'Edit'),
        ),
        openFlags.length
          ? h('ul', { class: 'badges', 'aria-label': 'Open flags' }, ...openFlags.map((f) => h('li', { class: `badge sev-${f.severity}`, title: `${f.severity} · ${f.author}${f.comment ? `: ${f.comment}` : ''}` }, f.category)))
          : null,
      ),
    );
    return tr;
  }

  private replaceBead(i: number, bead: Bead): void {
    const old = this.beads[i];
    // Write endpoints may omit flags; the row must not lose its badges because of that.
    const merged: Bead = { ...bead, flags: Array.isArray(bead.flags) ? bead.flags : (old?.flags ?? []) };
    this.beads[i] = merged;
    this.refreshRow(i);
  }

  private refreshRow(i: number): void {
    const b = this.beads[i];
    const oldRow = this.rows[i];
    if (!b || !oldRow) return;
    const hadFocus = oldRow.contains(document.activeElement);
    const focusedConfirm = document.activeElement instanceof HTMLElement && document.activeElement.classList.contains('confirm');
    const row = this.buildRow(b, i);
    row.hidden = oldRow.hidden;
    if (i === this.current) row.classList.add('current');
    oldRow.replaceWith(row);
    this.rows[i] = row;
    if (hadFocus) {
      const target = focusedConfirm ? row.querySelector<HTMLButtonElement>('button.confirm') : row;
      (target ?? row).focus({ preventScroll: true });
    }
    this.renderFilters();
    this.renderProgress();
  }

  private renderProgress(): void {
    const confirmed = this.beads.filter((b) => b.status === 'confirmed').length;
    clear(this.progressSlot);
    this.progressSlot.append(progressBar(confirmed, this.beads.length, 'Review progress', ' confirmed'));
  }

  private renderFilters(): void {
    const counts = filterCounts(this.beads);
    clear(this.filterBar);
    for (const f of FILTERS) {
      this.filterBar.append(
        h(
          'button',
          {
            type: 'button',
            class: 'filter',
            'aria-pressed': this.filter === f.id ? 'true' : 'false',
            'data-filter': f.id,
            onclick: () => this.setFilter(f.id),
          },
          f.label,
          h('span', { class: 'count' }, String(counts[f.id])),
        ),
      );
    }
  }

  private setFilter(f: FilterId): void {
    this.filter = f;
    this.renderFilters();
    this.applyFilter();
    byId('app').querySelector<HTMLButtonElement>(`button.filter[data-filter="${f}"]`)?.focus();
  }

  private applyFilter(): void {
    let shown = 0;
    this.beads.forEach((b, i) => {
      const row = this.rows[i];
      if (!row) return;
      row.hidden = !matchesFilter(b, this.filter);
      if (!row.hidden) shown++;
    });
    this.noRows.hidden = shown > 0;
  }

  private isVisible(i: number): boolean {
    return this.rows[i]?.hidden === false;
  }

  private firstVisible(): number {
    return this.rows.findIndex((r) => !r.hidden);
  }

  private setCurrent(i: number): void {
    if (i === this.current) return;
    this.rows[this.current]?.classList.remove('current');
    this.current = i;
    this.rows[i]?.classList.add('current');
  }

  private focusRow(i: number): void {
    const row = this.rows[i];
    if (!row) return;
    this.setCurrent(i);
    row.focus({ preventScroll: true });
    row.scrollIntoView({ block: 'nearest' });
  }

  private move(dir: 1 | -1): void {
    if (this.current < 0 || !this.isVisible(this.current)) {
      const first = dir === 1 ? this.firstVisible() : findNext(this.rows.length, this.rows.length, -1, (i) => this.isVisible(i));
      if (first >= 0) this.focusRow(first);
      return;
    }
    this.focusRow(stepVisible(this.rows.length, this.current, dir, (i) => this.isVisible(i)));
  }

  private jumpTo(pred: (b: Bead) => boolean, what: string): void {
    const from = this.current < 0 ? -1 : this.current;
    const next = findNext(this.beads.length, from, 1, (i) => {
      const b = this.beads[i];
      return b !== undefined && pred(b);
    });
    if (next < 0) {
      announce(`No ${what} rows.`);
      return;
    }
    if (!this.isVisible(next)) {
      // The target is filtered out; showing everything beats refusing to go there.
      this.filter = 'all';
      this.renderFilters();
      this.applyFilter();
    }
    this.focusRow(next);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    if (anyDialogOpen() || isTypingTarget(e.target)) return;
    switch (e.key) {
      case 'j':
      case 'ArrowDown':
        this.move(1);
        break;
      case 'k':
      case 'ArrowUp':
        this.move(-1);
        break;
      case 'n':
        this.jumpTo((b) => b.status !== 'confirmed', 'unconfirmed');
        break;
      case 'l':
        this.jumpTo(isLow, 'low-confidence');
        break;
      case 'c':
        if (this.current >= 0) void this.toggleConfirm(this.current);
        else announce('Move to a row first (j / k).');
        break;
      case 'f':
        if (this.current >= 0) this.openFlagForm(this.current);
        else announce('Move to a row first (j / k).');
        break;
      case 'e':
        if (this.current >= 0) this.openEditForm(this.current);
        else announce('Move to a row first (j / k).');
        break;
      case 'u':
        void this.undoRedo('undo');
        break;
      case 'U':
        void this.undoRedo('redo');
        break;
      case '?':
        openHelp();
        break;
      default:
        return;
    }
    e.preventDefault();
  }

  private async toggleConfirm(i: number): Promise<void> {
    const b = this.beads[i];
    if (!b || this.pending.has(b.id)) return;
    if (!requireReviewer()) return;
    const want = b.status !== 'confirmed';
    this.pending.add(b.id);
    try {
      const { bead } = await confirmBead(b.id, b.version, want);
      this.pending.delete(b.id);
      clearError();
      this.replaceBead(i, bead);
      announce(`Row ${i + 1} ${want ? 'confirmed' : 'unconfirmed'}.`);
      // Confirming is undoable too; the buttons must say so without a full reload.
      undoState(this.alignment.id)
        .then((st) => {
          this.alignment.canUndo = st.canUndo;
          this.alignment.canRedo = st.canRedo;
          this.renderHistory();
        })
        .catch(() => undefined);
    } catch (err) {
      this.pending.delete(b.id);
      if (err instanceof ApiError && err.status === 409) {
        await this.reloadBead(i);
        showError(`Row ${i + 1} was changed by someone else in the meantime. It has been reloaded — check it and try again.`);
      } else if (err instanceof ApiError && err.code === 'reviewer_required') {
        requireReviewer();
      } else {
        this.refreshRow(i);
        reportError(err);
      }
    }
  }

  private async reloadBead(i: number): Promise<void> {
    const b = this.beads[i];
    if (!b) return;
    try {
      const data = await getStatement(this.statementId, this.alignment.tgtLang);
      this.statement = data.statement;
      const fresh = data.alignment?.beads.find((x) => x.id === b.id);
      if (fresh) this.replaceBead(i, fresh);
      else this.refreshRow(i);
      this.renderFlagsPanel();
    } catch (err) {
      reportError(err);
    }
  }

  private ensureFlagDialog(): HTMLDialogElement {
    if (this.flagDialog) return this.flagDialog;
    const category = h('select', { id: 'flag-category', name: 'category', required: true }, ...this.categories.map((c) => h('option', { value: c }, titleCase(c))));
    const severity = h('select', { id: 'flag-severity', name: 'severity' }, ...this.severities.map((s) => h('option', { value: s }, titleCase(s))));
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
      void this.saveFlag(category.value, severity.value, comment.value, save);
    });
    comment.addEventListener('keydown', (e) => {
      // Ctrl/Cmd+Enter saves from the comment box, the usual convention in review tools.
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        form.requestSubmit();
      }
    });
    dialog.addEventListener('close', () => {
      const i = this.flagBeadIndex;
      this.flagBeadIndex = -1;
      if (i >= 0) this.focusRow(i);
    });
    document.body.append(dialog);
    this.flagDialog = dialog;
    return dialog;
  }

  private openFlagForm(i: number): void {
    const b = this.beads[i];
    if (!b) return;
    if (!requireReviewer()) return;
    const dialog = this.ensureFlagDialog();
    this.flagBeadIndex = i;
    this.setCurrent(i);
    byId('flag-title').textContent = `Flag row ${i + 1}`;
    const first = b.src[0] ?? b.tgt[0];
    const context = byId('flag-context');
    context.textContent = first ? (first.text.length > 140 ? `${first.text.slice(0, 140)}…` : first.text) : '';
    context.lang = b.src[0] ? this.alignment.srcLang : this.alignment.tgtLang;
    const category = byId<HTMLSelectElement>('flag-category');
    // Preselect the obvious category for an empty side; it is what reviewers flag most often there.
    category.value = b.src.length === 0 ? 'addition' : b.tgt.length === 0 ? 'omission' : (this.categories[0] ?? '');
    if (!category.value) category.selectedIndex = 0;
    const severity = byId<HTMLSelectElement>('flag-severity');
    severity.value = this.severities.includes('major') ? 'major' : (this.severities[0] ?? '');
    byId<HTMLTextAreaElement>('flag-comment').value = '';
    dialog.showModal();
    category.focus();
  }

  private async saveFlag(category: string, severity: string, comment: string, save: HTMLButtonElement): Promise<void> {
    const i = this.flagBeadIndex;
    const b = this.beads[i];
    if (!b) return;
    if (!requireReviewer()) {
      this.flagDialog?.close();
      // close() refocused the row; the name field must win.
      byId('reviewer').focus();
      return;
    }
    save.disabled = true;
    try {
      const { flag } = await createFlag(b.id, { category, severity, comment: comment.trim() });
      clearError();
      const cur = this.beads[i];
      if (cur) cur.flags = [...cur.flags, flag];
      this.flagDialog?.close();
      this.refreshRow(i);
      this.renderFlagsPanel();
      announce(`Flag “${category}” saved on row ${i + 1}.`);
    } catch (err) {
      reportError(err);
    } finally {
      save.disabled = false;
    }
  }

  private renderFlagsPanel(): void {
    const entries: Array<{ flag: Flag; index: number }> = [];
    this.beads.forEach((b, index) => {
      for (const flag of b.flags) entries.push({ flag, index });
    });
    const open = entries.filter((e) => e.flag.status === 'open');
    const closed = entries.filter((e) => e.flag.status !== 'open');
    clear(this.flagsPanel);
    this.flagsPanel.append(h('h2', { id: 'flags-title' }, 'Flags ', h('span', { class: 'count' }, `${open.length} open`)));
    if (entries.length === 0) {
      this.flagsPanel.append(h('p', { class: 'muted small' }, 'No flags yet. Press f on a row to flag a problem.'));
      return;
    }
    if (open.length) this.flagsPanel.append(h('ul', { class: 'flag-list' }, ...open.map((e) => this.flagItem(e.flag, e.index))));
    else this.flagsPanel.append(h('p', { class: 'muted small' }, 'All flags are closed.'));
    if (closed.length) {
      this.flagsPanel.append(
        h('details', { class: 'closed-flags' }, h('summary', null, `${closed.length} closed`), h('ul', { class: 'flag-list' }, ...closed.map((e) => this.flagItem(e.flag, e.index)))),
      );
    }
  }

  private flagItem(flag: Flag, index: number): HTMLLIElement {
    const descId = `flag-${flag.id}-desc`;
    const act = (status: FlagStatus, label: string): HTMLButtonElement =>
      h('button', { type: 'button', class: 'small', 'aria-describedby': descId, onclick: () => void this.setFlagStatus(flag, index, status) }, label);
    return h(
      'li',
      { class: `flag-item status-${flag.status}`, 'data-flag-id': flag.id },
      h(
        'div',
        { class: 'flag-head' },
        h('span', { class: `badge sev-${flag.severity}` }, flag.severity),
        h('strong', null, flag.category),
        h('button', { type: 'button', class: 'link small', onclick: () => this.revealRow(index) }, `Row ${index + 1}`),
        flag.status !== 'open' ? h('span', { class: 'muted small' }, flag.status === 'wontfix' ? "won't fix" : 'resolved') : null,
      ),
      h('p', { id: descId, class: 'flag-comment' }, flag.comment || h('span', { class: 'muted' }, '(no comment)')),
      h('p', { class: 'flag-by muted small' }, `${flag.author} · ${formatWhen(flag.createdAt)}`),
      h('div', { class: 'flag-actions' }, ...(flag.status === 'open' ? [act('resolved', 'Resolve'), act('wontfix', "Won't fix")] : [act('open', 'Reopen')])),
    );
  }

  private revealRow(i: number): void {
    if (!this.isVisible(i)) {
      this.filter = 'all';
      this.renderFilters();
      this.applyFilter();
    }
    this.focusRow(i);
    this.rows[i]?.scrollIntoView({ block: 'center' });
  }

  private async setFlagStatus(flag: Flag, index: number, status: FlagStatus): Promise<void> {
    if (!requireReviewer()) return;
    try {
      const { flag: updated } = await updateFlag(flag.id, { status });
      clearError();
      const b = this.beads[index];
      if (b) b.flags = b.flags.map((f) => (f.id === updated.id ? updated : f));
      this.refreshRow(index);
      this.renderFlagsPanel();
      const label = status === 'open' ? 'reopened' : status === 'wontfix' ? "marked won't fix" : 'resolved';
      announce(`Flag on row ${index + 1} ${label}.`);
      // The clicked button is gone after the re-render; keep keyboard users inside the panel.
      this.flagsPanel.querySelector<HTMLElement>('.flag-list button, summary')?.focus();
    } catch (err) {
      reportError(err);
    }
  }

  /** Refetch the alignment after an edit: merges and splits change the row set, so rows are rebuilt. */
  private async reloadAll(focusIndex: number): Promise<void> {
    const data = await getStatement(this.statementId, this.alignment.tgtLang);
    if (!data.alignment) return;
    this.statement = data.statement;
    this.alignment = data.alignment;
    this.beads = data.alignment.beads.slice().sort((a, b) => a.position - b.position);
    const hadRowFocus = document.activeElement === document.body || this.tbody.contains(document.activeElement);
    this.renderRows();
    const i = Math.max(0, Math.min(focusIndex, this.rows.length - 1));
    if (hadRowFocus && this.rows.length) this.focusRow(i);
  }

  private async undoRedo(which: 'undo' | 'redo'): Promise<void> {
    if (this.busy) return;
    const label = which === 'undo' ? this.alignment.canUndo : this.alignment.canRedo;
    if (!label) {
      announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    if (!requireReviewer()) return;
    this.busy = true;
    try {
      await undoRedo(this.alignment.id, which);
      clearError();
      await this.reloadAll(Math.max(this.current, 0));
      announce(`${which === 'undo' ? 'Undid' : 'Redid'} ${describeAction(label)}.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        await this.reloadAll(Math.max(this.current, 0)).catch(() => undefined);
        showError(`${err.message} The rows have been reloaded.`);
      } else reportError(err);
    } finally {
      this.busy = false;
    }
  }

  private ensureEditDialog(): HTMLDialogElement {
    if (this.editDialog) return this.editDialog;
    const dialog = h('dialog', { id: 'edit-dialog', 'aria-labelledby': 'edit-title' });
    dialog.addEventListener('close', () => {
      const i = this.editBeadIndex;
      this.editBeadIndex = -1;
      if (i >= 0 && this.rows[i] && !this.busy) this.focusRow(Math.min(i, this.rows.length - 1));
    });
    document.body.append(dialog);
    this.editDialog = dialog;
    return dialog;
  }

  private openEditForm(i: number): void {
    const b = this.beads[i];
    if (!b) return;
    if (!requireReviewer()) return;
    const dialog = this.ensureEditDialog();
    this.editBeadIndex = i;
    this.setCurrent(i);
    const a = this.alignment;
    const src = a.srcLang.toUpperCase();
    const tgt = a.tgtLang.toUpperCase();
    const last = i === this.beads.length - 1;
    const op = (label: string, req: Omit<EditRequest, 'version'>, disabled: boolean): HTMLButtonElement =>
      h('button', { type: 'button', class: 'op', disabled, onclick: () => void this.applyEdit(i, req) }, label);
    const splitSrc = h('input', { type: 'number', id: 'split-src', min: 0, max: b.src.length, value: Math.min(1, b.src.length), inputmode: 'numeric' });
    const splitTgt = h('input', { type: 'number', id: 'split-tgt', min: 0, max: b.tgt.length, value: Math.min(1, b.tgt.length), inputmode: 'numeric' });
    const canSplit = b.src.length + b.tgt.length > 1;
    const splitButton = h('button', { type: 'submit', class: 'op', disabled: !canSplit }, 'Split row');
    const splitForm = h(
      'form',
      { class: 'split-form' },
      h('span', { class: 'split-label' }, 'Keep in this row:'),
      h('label', { for: 'split-src' }, `${src} paragraphs`, splitSrc),
      h('label', { for: 'split-tgt' }, `${tgt} paragraphs`, splitTgt),
      splitButton,
    );
    splitForm.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.applyEdit(i, { op: 'split', at: { src: Number(splitSrc.value), tgt: Number(splitTgt.value) } });
    });
    clear(dialog);
    dialog.append(
      h('h2', { id: 'edit-title' }, `Edit alignment of row ${i + 1}`),
      h('p', { class: 'muted small' }, `${b.src.length} ${src} : ${b.tgt.length} ${tgt} paragraphs. Every change can be undone (u).`),
      h(
        'div',
        { class: 'op-grid' },
        op('Merge with row above', { op: 'merge' }, i === 0),
        op('Confirm this and all rows above', { op: 'confirm-above' }, false),
        op(`Move first ${src} paragraph up`, { op: 'move-up', side: 'src' }, i === 0 || b.src.length === 0),
        op(`Move first ${tgt} paragraph up`, { op: 'move-up', side: 'tgt' }, i === 0 || b.tgt.length === 0),
        op(`Move last ${src} paragraph down`, { op: 'move-down', side: 'src' }, last || b.src.length === 0),
        op(`Move last ${tgt} paragraph down`, { op: 'move-down', side: 'tgt' }, last || b.tgt.length === 0),
        op(`Move ${src} text to its own row`, { op: 'insert-empty', side: 'src' }, b.src.length === 0 || b.tgt.length === 0),
        op(`Move ${tgt} text to its own row`, { op: 'insert-empty', side: 'tgt' }, b.src.length === 0 || b.tgt.length === 0),
        op('Realign unconfirmed rows around here', { op: 'realign' }, false),
      ),
      splitForm,
      h('div', { class: 'form-actions' }, h('button', { type: 'button', class: 'ghost', onclick: () => dialog.close() }, 'Cancel')),
    );
    dialog.showModal();
    dialog.querySelector<HTMLButtonElement>('button.op:not([disabled])')?.focus();
  }

  private async applyEdit(i: number, req: Omit<EditRequest, 'version'>): Promise<void> {
    const b = this.beads[i];
    if (!b || this.busy) return;
    if (!requireReviewer()) {
      this.editDialog?.close();
      byId('reviewer').focus();
      return;
    }
    this.busy = true;
    try {
      await editBead(b.id, { ...req, version: b.version });
      clearError();
      this.editDialog?.close();
      // Merge and move-up pull content into the row above, so that is where the reviewer wants to look next.
      const focus = req.op === 'merge' ? i - 1 : i;
      await this.reloadAll(focus);
      this.focusRow(Math.max(0, Math.min(focus, this.rows.length - 1)));
      announce(`Row ${i + 1}: ${describeAction(`bead.${req.op}`)} done. Press u to undo.`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        this.editDialog?.close();
        await this.reloadAll(i).catch(() => undefined);
        showError(`Row ${i + 1} was changed by someone else in the meantime. It has been reloaded — check it and try again.`);
      } else reportError(err);
    } finally {
      this.busy = false;
    }
  }
}

const ACTION_NAMES: Record<string, string> = {
  merge: 'merge',
  split: 'split',
  'move-up': 'move up',
  'move-down': 'move down',
  'insert-empty': 'separate row',
  'confirm-above': 'confirm above',
  realign: 'realign',
  confirm: 'confirm',
  unconfirm: 'unconfirm',
};

/** "bead.merge" → "merge": event names come from the server; unknown ones are shown as they are. */
function describeAction(action: string): string {
  const key = action.replace(/^[a-z]+\./, '');
  return ACTION_NAMES[key] ?? key.replace(/[-_.]/g, ' ');
}
