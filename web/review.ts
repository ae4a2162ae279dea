// Review screen (`/statements/:id`): side-by-side rows, alignment edits with undo, text edits, findings, flags, versions, export.
// ReviewPage holds what is shared (the statement, its rows, findings, the current row, the filter,
// the panel tab) and does the keyboard, the row tools, confirmations, undo and reloads; each part
// of the page is a module given only what it reads and the page's callbacks it calls: the head
// (statement-head.ts), the rows (bead-table.ts), the export bar (export-bar.ts), the flag form and
// the split dialog (flag-form.ts, split-dialog.ts), the paragraph editor (paragraph-editor.ts) and
// the side panel's tabs (flags-panel.ts, findings-panel.ts, sentences.ts, versions-panel.ts). The
// head, the forms, the editor and the tabs each take their members of the one ReviewHost the page
// makes (review-host.ts).
import {
  ApiError,
  editBead,
  getFindings,
  getMeta,
  getStatement,
  listGlossary,
  reportUrl,
  undoRedo,
  type Alignment,
  type Bead,
  type EditRequest,
  type Finding,
  type StatementSummary,
} from './api.ts';
import { buildNameIndex, type NameIndex } from './anchors.ts';
import { beadRow, beadTable, type BeadRowContext } from './bead-table.ts';
import { byId, clear, h } from './dom.ts';
import { exportBar } from './export-bar.ts';
import { FindingsPanel } from './findings-panel.ts';
import { FlagForm } from './flag-form.ts';
import { FlagsPanel } from './flags-panel.ts';
import { describeAction, plural } from './format.ts';
import { langChips, progressBar } from './list.ts';
import { ParagraphEditor } from './paragraph-editor.ts';
import { SentencesPanel } from './sentences.ts';
import { SplitDialog } from './split-dialog.ts';
import type { PanelTab, ReviewHost } from './review-host.ts';
import { CONFLICT_MESSAGE, STALE_MESSAGE, WAIT_MESSAGE, staleScreen } from './stale.ts';
import { renderCrumbs, StatementHead } from './statement-head.ts';
import { VersionsPanel } from './versions-panel.ts';
import {
  FILTERS,
  filterCounts,
  findNext,
  firstChangedRow,
  isLow,
  langName,
  matchesFilter,
  openFlagCount,
  rowState,
  shortcutKey,
  statementLabel,
  stepVisible,
  type FilterId,
} from './model.ts';
import { announce, anyDialogOpen, clearError, isTypingTarget, openHelp, reportError, requireReviewer, showError } from './ui.ts';

// Used when /api/meta is unreachable so the flag form still works; the server stays the authority.
const FALLBACK_CATEGORIES = ['omission', 'addition', 'meaning', 'number', 'name', 'terminology', 'style', 'alignment'];
const FALLBACK_SEVERITIES = ['minor', 'major', 'critical'];

interface RowTool {
  id: string;
  text: string;
  /** The button's name: it holds the visible text's words, so a voice-control user who says what they see ("click EN") finds it. */
  label: string;
  key: string;
  run: () => void;
  enabled: (b: Bead, i: number) => boolean;
}

const SHOW_INFO_KEY = 'twintext:show-info';

/** Informational suggestions are hidden until a reviewer asks for them: most are hints, and shown by default they buried the errors and warnings. */
function readShowInfo(): boolean {
  try {
    return localStorage.getItem(SHOW_INFO_KEY) === 'true';
  } catch {
    return false; // storage blocked: the default
  }
}

export class ReviewPage {
  private statement!: StatementSummary;
  private alignment!: Alignment;
  private beads: Bead[] = [];
  private rows: HTMLTableRowElement[] = [];
  private findings: Finding[] = [];
  private allFindings: Finding[] = [];
  private findingsByBead = new Map<number, Finding[]>();
  /** Informational suggestions (most of them, on a typical statement) can be hidden; the choice is remembered. */
  private showInfo = readShowInfo();
  private infoToggle = h('input', { type: 'checkbox', id: 'show-info' });
  private current = -1;
  private filter: FilterId = 'all';
  private readonly pending = new Set<number>();
  private categories = FALLBACK_CATEGORIES;
  private severities = FALLBACK_SEVERITIES;
  private panelTab: PanelTab = 'flags';
  private names: NameIndex | null = null;

  private tbody = h('tbody');
  private noRows = h('p', { class: 'no-rows muted', hidden: true }, 'No rows match this filter.');
  private progressSlot = h('div', { class: 'progress-slot' });
  private filterBar = h('div', { class: 'filters', role: 'group', 'aria-label': 'Show rows' });
  private sidePanel = h('aside', { class: 'side-panel', 'aria-label': 'Review panel' });
  /** The tab panel of the tabs below: one body whose content the selected tab chooses. */
  private panelBody = h('div', { class: 'panel-body', id: 'review-panel', role: 'tabpanel' });
  private panelTabs = h('div', { class: 'panel-tabs', role: 'tablist', 'aria-label': 'Panel' });
  private rowTools = h('div', { class: 'row-tools', role: 'toolbar', 'aria-label': 'Alignment of the current row' });
  private rowToolsLabel = h('span', { class: 'row-tools-label' });
  private rowToolButtons = new Map<string, HTMLButtonElement>();
  /** Shown at phone width only (style.css): there the row tools fold into this menu to keep the sticky toolbar short. */
  private rowToolsToggle = h('button', { type: 'button', class: 'small tools-toggle', 'aria-expanded': 'false' }, 'Row tools');
  private toolbar = h('div', { class: 'toolbar' });
  /**
   * Shown where the side panel sits below every row (windows of 1100 px and less, phones: style.css):
   * the toolbar's way to the flags and suggestions, and the panel's way back to the row.
   */
  private panelJump = h('button', { type: 'button', class: 'small panel-jump', 'aria-controls': 'review-side' });
  private panelBack = h('button', { type: 'button', class: 'small panel-back' });
  /** The words go on the narrowest phones (style.css), where the arrows and the names (aria-label) remain. */
  private undoButton = h('button', { type: 'button', class: 'small', 'data-history': 'undo' }, h('span', { 'aria-hidden': 'true' }, '↶'), h('span', { class: 'history-word' }, ' Undo'));
  private redoButton = h('button', { type: 'button', class: 'small', 'data-history': 'redo' }, h('span', { 'aria-hidden': 'true' }, '↷'), h('span', { class: 'history-word' }, ' Redo'));
  private busy = false;
  /**
   * What the head, the forms and the side panel's tabs are given (review-host.ts): getters onto the
   * page, so a reload (new arrays) is seen, and the page's callbacks; each part takes the members it uses.
   */
  private readonly host: ReviewHost = {
    statementId: () => this.statementId,
    statement: () => this.statement,
    alignment: () => this.alignment,
    beads: () => this.beads,
    rows: () => this.rows,
    findings: () => this.findings,
    allFindings: () => this.allFindings,
    categories: () => this.categories,
    severities: () => this.severities,
    current: () => this.current,
    busy: () => this.busy,
    panelTab: () => this.panelTab,
    setCurrent: (i) => this.setCurrent(i),
    focusRow: (i) => this.focusRow(i),
    revealRow: (i) => this.revealRow(i),
    refreshRow: (i) => this.refreshRow(i),
    renderPanel: () => this.renderPanel(),
    reloadAll: (focusIndex, refocus) => this.reloadAll(focusIndex, refocus),
    // Reload the statement and say why: what the panels and forms are given to recover with.
    reloadWithMessage: (message, focusIndex, refocus) => this.reloadWithMessage(message, focusIndex, refocus),
  };
  /** The title, date and languages at the top, with their form. */
  private readonly head = new StatementHead({
    ...this.host,
    setStatement: (s) => {
      this.statement = s;
    },
  });
  private readonly flagForm = new FlagForm(this.host);
  private readonly flagsPanel = new FlagsPanel(this.panelBody, this.host);
  private readonly findingsPanel = new FindingsPanel(this.panelBody, this.host);
  private readonly sentencesPanel = new SentencesPanel(this.panelBody, this.host);
  private readonly versionsPanel = new VersionsPanel(this.panelBody, {
    ...this.host,
    focusTab: () => this.panelTabs.querySelector<HTMLButtonElement>('button.tab[data-tab="versions"]')?.focus({ preventScroll: true }),
  });
  private readonly paragraphEditor = new ParagraphEditor(this.host);
  private readonly splitDialog = new SplitDialog({
    ...this.host,
    focusCurrentRow: () => this.focusRow(Math.max(0, Math.min(this.current, this.rows.length - 1))),
    split: (i, at) => void this.applyEdit(i, { op: 'split', at }),
  });
  /** Holds back the Sentences tab's following of the current row while j/k are pressed in a run. */
  private sentencesTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly root: HTMLElement,
    private readonly statementId: number,
    /** From `?lang=`: which target language to review when the statement has more than two. */
    private readonly tgtLang: string | null = null,
  ) {
    this.undoButton.addEventListener('click', () => void this.undoRedo('undo'));
    this.redoButton.addEventListener('click', () => void this.undoRedo('redo'));
    this.rowToolsToggle.addEventListener('click', () => this.openRowTools(this.rowToolsToggle.getAttribute('aria-expanded') !== 'true'));
    this.panelJump.addEventListener('click', () => this.jumpToPanel());
    this.panelBack.addEventListener('click', () => this.backFromPanel());
  }

  async load(): Promise<void> {
    const metaP = getMeta().catch(() => null);
    const findingsP = this.fetchFindings();
    // Names for the anchor marks; without the glossary the rows still show numbers and acronyms.
    const glossaryP = listGlossary().catch(() => null);
    let data: { statement: StatementSummary; alignment: Alignment | null };
    try {
      data = await getStatement(this.statementId, this.tgtLang);
    } catch (err) {
      this.renderFailure(err);
      return;
    }
    const [meta, findings, glossary] = await Promise.all([metaP, findingsP, glossaryP]);
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
    this.setFindings(findings?.findings ?? []);
    if (glossary) this.names = buildNameIndex(glossary.terms, [data.alignment.srcLang, data.alignment.tgtLang]);
    this.render();
    document.addEventListener('keydown', (e) => this.onKey(e));
    // "#bead-ID" (links from the consistency warnings on the list page) opens on that row.
    const target = /^#bead-(\d+)$/.exec(location.hash);
    if (target) {
      const i = this.beads.findIndex((b) => b.id === Number(target[1]));
      if (i >= 0) this.revealRow(i);
    }
  }

  /** Put focus back in the table, e.g. after leaving the name field with Enter/Escape. */
  focusCurrent(): void {
    if (this.rows.length === 0) return;
    this.focusRow(this.current >= 0 ? this.current : this.firstVisible());
  }

  /** The checks' suggestions, or null: the rows still work without them, but a reviewer is told they are missing. */
  private fetchFindings(): Promise<{ findings: Finding[] } | null> {
    return getFindings(this.statementId).catch((err: unknown) => {
      showError(`The checks' suggestions could not be loaded: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    });
  }

  private setFindings(all: Finding[]): void {
    this.allFindings = all;
    // Findings of an older alignment (before a version upload) point at beads that are gone.
    this.findings = all.filter((f) => f.status === 'suggested' && f.alignmentId === this.alignment.id && (this.showInfo || f.severity !== 'info'));
    this.findingsByBead = new Map();
    for (const f of this.findings) {
      const list = this.findingsByBead.get(f.beadId);
      if (list) list.push(f);
      else this.findingsByBead.set(f.beadId, [f]);
    }
  }

  private suggestionsOf = (b: Bead): number => this.findingsByBead.get(b.id)?.length ?? 0;

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

  private renderUnaligned(): void {
    renderCrumbs(this.statement);
    const s = this.statement;
    clear(this.root);
    this.root.append(
      h('div', { class: 'page-head' }, h('div', { class: 'head-main' }, h('h1', null, statementLabel(s.title, s.id)), h('p', { class: 'head-meta' }, langChips(s.languages)))),
      h('p', { class: 'failure' }, 'This statement has no alignment yet: it needs a text in at least two languages.'),
    );
  }

  private buildRowTools(): void {
    const a = this.alignment;
    const src = a.srcLang.toUpperCase();
    const tgt = a.tgtLang.toUpperCase();
    const srcName = langName(a.srcLang);
    const tgtName = langName(a.tgtLang);
    const last = (i: number): boolean => i === this.beads.length - 1;
    const op = (req: Omit<EditRequest, 'version'>) => () => void this.applyEdit(this.current, req);
    const tools: RowTool[] = [
      { id: 'merge', text: 'Merge', label: 'Merge', key: 'm', run: op({ op: 'merge' }), enabled: (_b, i) => i > 0 },
      { id: 'split', text: 'Split…', label: 'Split', key: 's', run: () => this.splitDialog.open(this.current), enabled: (b) => b.src.length + b.tgt.length > 1 },
      { id: 'up-src', text: `↑ ${src}`, label: `Move ${src} up (${srcName})`, key: '[', run: op({ op: 'move-up', side: 'src' }), enabled: (b, i) => i > 0 && b.src.length > 0 },
      { id: 'down-src', text: `↓ ${src}`, label: `Move ${src} down (${srcName})`, key: ']', run: op({ op: 'move-down', side: 'src' }), enabled: (b, i) => !last(i) && b.src.length > 0 },
      { id: 'up-tgt', text: `↑ ${tgt}`, label: `Move ${tgt} up (${tgtName})`, key: '{', run: op({ op: 'move-up', side: 'tgt' }), enabled: (b, i) => i > 0 && b.tgt.length > 0 },
      { id: 'down-tgt', text: `↓ ${tgt}`, label: `Move ${tgt} down (${tgtName})`, key: '}', run: op({ op: 'move-down', side: 'tgt' }), enabled: (b, i) => !last(i) && b.tgt.length > 0 },
      { id: 'empty-src', text: `∅ ${src}`, label: `Insert empty ${src} cell (${srcName})`, key: 'i', run: op({ op: 'insert-empty', side: 'src' }), enabled: (b) => b.src.length > 0 && b.tgt.length > 0 },
      { id: 'empty-tgt', text: `∅ ${tgt}`, label: `Insert empty ${tgt} cell (${tgtName})`, key: 'I', run: op({ op: 'insert-empty', side: 'tgt' }), enabled: (b) => b.src.length > 0 && b.tgt.length > 0 },
      { id: 'confirm-above', text: 'Confirm all above', label: 'Confirm all above', key: 'a', run: op({ op: 'confirm-above' }), enabled: () => true },
      { id: 'realign', text: 'Re-align', label: 'Re-align', key: 'r', run: op({ op: 'realign' }), enabled: (b) => b.status !== 'confirmed' },
      { id: 'edit-text', text: 'Edit text', label: 'Edit text', key: 't', run: () => this.paragraphEditor.openFirst(), enabled: (b) => b.src.length + b.tgt.length > 0 },
    ];
    this.rowToolDefs = tools;
    clear(this.rowTools);
    this.rowToolButtons.clear();
    this.rowTools.append(this.rowToolsLabel, this.rowToolsToggle);
    for (const t of tools) {
      const b = h('button', { type: 'button', class: 'small tool', 'data-tool': t.id, 'aria-label': t.label, title: `${t.label} (${t.key})`, 'aria-keyshortcuts': t.key }, t.text);
      this.rowToolButtons.set(t.id, b);
      this.rowTools.append(b);
    }
    this.rowTools.addEventListener('click', (e) => {
      const btn = (e.target as Element).closest<HTMLButtonElement>('button[data-tool]');
      if (!btn || btn.disabled) return;
      this.runTool(btn.dataset['tool'] ?? '');
    });
    // Escape closes the phone-width menu and gives the focus back to its toggle, as menus do; in the
    // wide toolbar (reached by e or Tab) it goes back to the row the tools act on.
    this.rowTools.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      const menu = this.rowToolsToggle.offsetParent !== null;
      if (menu && this.rowToolsToggle.getAttribute('aria-expanded') !== 'true') return;
      e.preventDefault();
      e.stopPropagation();
      if (menu) {
        this.openRowTools(false);
        this.rowToolsToggle.focus();
      } else if (this.current >= 0) this.focusRow(this.current);
    });
  }

  private rowToolDefs: RowTool[] = [];

  private openRowTools(open: boolean): void {
    this.rowToolsToggle.setAttribute('aria-expanded', String(open));
    this.rowTools.classList.toggle('open', open);
    // At phone width the open menu makes the sticky toolbar taller, which covered the row it acts on.
    if (open && this.rowToolsToggle.offsetParent !== null) this.keepCurrentRowClear();
  }

  /** Scrolls the current row, when the sticky toolbar covers it or it is out of view, to just below the toolbar. */
  private keepCurrentRowClear(): void {
    const row = this.rows[this.current];
    const bar = this.toolbar;
    if (!row || row.hidden || !bar.isConnected) return;
    // Now rather than when the ResizeObserver reports: rows scrolled into view later stop below this height.
    document.documentElement.style.setProperty('--toolbar-h', `${bar.offsetHeight}px`);
    const clear = (): void => {
      const top = bar.getBoundingClientRect().bottom + 8;
      const bottom = window.innerHeight - 8;
      const r = row.getBoundingClientRect();
      let dy = 0;
      if (r.top < top) dy = r.top - top;
      else if (r.bottom > bottom) dy = Math.min(r.top - top, r.bottom - bottom);
      if (Math.abs(dy) >= 1) window.scrollBy(0, dy);
    };
    clear();
    // Scroll anchoring may still move the page as the taller toolbar is laid out: check again then.
    requestAnimationFrame(clear);
  }

  /** The side panel, on the tab with something to act on, and the focus on that tab. */
  private jumpToPanel(): void {
    const openFlags = this.beads.reduce((n, b) => n + openFlagCount(b), 0);
    this.setPanel(openFlags > 0 ? 'flags' : this.findings.length > 0 ? 'suggestions' : this.panelTab);
    const side = byId('review-side');
    side.scrollIntoView({ block: 'start' });
    // Rows are drawn only near the view (content-visibility), so those the page passes by take their real
    // height a frame later and move the panel: aim again over the next frames (a no-op once it is there).
    let frames = 4;
    const again = (): void => {
      side.scrollIntoView({ block: 'start' });
      if (--frames > 0) requestAnimationFrame(again);
    };
    requestAnimationFrame(again);
    this.panelTabs.querySelector<HTMLButtonElement>(`button.tab[data-tab="${this.panelTab}"]`)?.focus({ preventScroll: true });
  }

  /** Back from the panel to the row being reviewed (or the first row shown). */
  private backFromPanel(): void {
    const i = this.current >= 0 ? this.current : this.firstVisible();
    if (i < 0) {
      this.root.querySelector('.table-wrap')?.scrollIntoView({ block: 'start' });
      return;
    }
    this.showRow(i);
  }

  private runTool(id: string): void {
    const t = this.rowToolDefs.find((x) => x.id === id);
    const b = this.beads[this.current];
    if (!t || !b) {
      announce('Move to a row first (j / k).');
      return;
    }
    if (!t.enabled(b, this.current)) {
      announce(`${t.label} is not possible on row ${this.current + 1}.`);
      return;
    }
    t.run();
  }

  private updateRowTools(): void {
    const i = this.current;
    const b = this.beads[i];
    this.rowToolsLabel.textContent = b ? `Row ${i + 1}` : 'No row selected';
    clear(this.panelBack);
    this.panelBack.append(h('span', { 'aria-hidden': 'true' }, '↑ '), b ? `Back to row ${i + 1}` : 'Back to the rows');
    for (const t of this.rowToolDefs) {
      const btn = this.rowToolButtons.get(t.id);
      if (btn) btn.disabled = !b || !t.enabled(b, i);
    }
  }

  private render(): void {
    const s = this.statement;
    const a = this.alignment;
    renderCrumbs(this.statement);
    this.infoToggle.checked = this.showInfo;
    this.infoToggle.onchange = () => {
      this.showInfo = this.infoToggle.checked;
      // The report then holds what the page shows.
      this.root.querySelector<HTMLAnchorElement>('a.report-link')?.setAttribute('href', reportUrl(this.statementId, this.showInfo));
      try {
        localStorage.setItem(SHOW_INFO_KEY, String(this.showInfo));
      } catch {
        // storage blocked: the choice lasts for this page only
      }
      this.setFindings(this.allFindings);
      this.renderRows();
    };

    const table = beadTable(a.srcLang, a.tgtLang, this.tbody);
    this.tbody.addEventListener('focusin', (e) => {
      const tr = (e.target as Element).closest('tr.bead');
      if (tr instanceof HTMLTableRowElement) this.setCurrent(Number(tr.dataset['index']));
    });
    // One listener for every row button: 500 rows would otherwise carry thousands of closures.
    this.tbody.addEventListener('click', (e) => this.onTableClick(e));
    this.tbody.addEventListener('dblclick', (e) => {
      const pt = (e.target as Element).closest<HTMLElement>('.para[data-para-id]');
      if (pt && !(e.target as Element).closest('form')) this.paragraphEditor.open(Number(pt.dataset['paraId']));
    });

    this.buildRowTools();
    this.renderPanelTabs();
    this.head.fill();

    clear(this.root);
    this.root.append(
      h(
        'div',
        { class: 'page-head' },
        this.head.element,
        h('div', { class: 'head-side' }, this.progressSlot, exportBar(s, a, () => this.beads, this.showInfo)),
      ),
      this.toolbar,
      h('div', { class: 'review-layout' }, h('div', { class: 'table-wrap' }, table, this.noRows), h('div', { class: 'side', id: 'review-side' }, this.panelBack, this.panelTabs, this.sidePanel)),
    );
    clear(this.toolbar);
    this.toolbar.append(
      h(
        'div',
        { class: 'toolbar-line' },
        this.filterBar,
        h('label', { class: 'info-toggle', for: 'show-info', title: 'Show the informational suggestions of the checks, not only errors and warnings' }, this.infoToggle, 'Info suggestions'),
        h('div', { class: 'history', role: 'group', 'aria-label': 'Alignment history' }, this.undoButton, this.redoButton),
        this.panelJump,
        h('p', { id: 'review-hint', class: 'hint muted' }, 'j/k move · c confirm · m merge · s split · u undo · ? help'),
      ),
      this.rowTools,
    );
    this.sidePanel.append(this.panelBody);
    // The sticky toolbar's height depends on the window's width (its lines wrap) and on the row tools:
    // the sticky table header sits below it, and a row scrolled into view stops below both.
    const toolbar = this.toolbar;
    if (typeof ResizeObserver === 'function') {
      new ResizeObserver(() => document.documentElement.style.setProperty('--toolbar-h', `${toolbar.offsetHeight}px`)).observe(toolbar);
    }

    this.renderRows();
  }

  /** (Re)build every row in one fragment; used on load and after edits that change the row set. */
  private renderRows(): void {
    this.sentencesPanel.forget();
    const drafts = this.paragraphEditor.takeDrafts(this.tbody);
    clear(this.tbody);
    const frag = document.createDocumentFragment();
    const ctx = this.rowContext();
    this.rows = this.beads.map((b, i) => {
      const tr = beadRow(b, i, ctx);
      frag.append(tr);
      return tr;
    });
    this.tbody.append(frag);
    if (this.current >= this.rows.length) this.current = this.rows.length - 1;
    this.rows[this.current]?.classList.add('current');
    this.head.rowCount.textContent = `${this.beads.length} rows`;
    this.renderFilters();
    this.renderProgress();
    this.renderPanel();
    this.renderHistory();
    this.updateRowTools();
    this.applyFilter();
    this.paragraphEditor.restoreDrafts(drafts);
  }

  private renderHistory(): void {
    const { canUndo, canRedo } = this.alignment;
    this.undoButton.disabled = !canUndo;
    this.redoButton.disabled = !canRedo;
    const undoName = canUndo ? `Undo ${describeAction(canUndo)}` : 'Undo';
    const redoName = canRedo ? `Redo ${describeAction(canRedo)}` : 'Redo';
    this.undoButton.setAttribute('aria-label', undoName);
    this.redoButton.setAttribute('aria-label', redoName);
    this.undoButton.title = canUndo ? `${undoName} (u, Ctrl+Z)` : 'Nothing to undo';
    this.redoButton.title = canRedo ? `${redoName} (Shift+U, Ctrl+Shift+Z)` : 'Nothing to redo';
  }

  /** What the rows are drawn from besides their beads, as the page holds it now. */
  private rowContext(): BeadRowContext {
    return {
      srcLang: this.alignment.srcLang,
      tgtLang: this.alignment.tgtLang,
      names: this.names,
      findingsOf: (b) => this.findingsByBead.get(b.id) ?? [],
      pending: (b) => this.pending.has(b.id),
    };
  }

  private onTableClick(e: Event): void {
    const btn = (e.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (!btn || btn.disabled) return;
    const tr = btn.closest<HTMLTableRowElement>('tr.bead');
    if (!tr) return;
    const i = Number(tr.dataset['index']);
    switch (btn.dataset['action']) {
      case 'confirm':
        void this.toggleConfirm(i);
        break;
      case 'flag':
        this.flagForm.open(i);
        break;
      case 'edit-text':
        this.setCurrent(i);
        this.paragraphEditor.open(Number(btn.dataset['paraId']));
        break;
      case 'show-finding':
        this.showFinding(Number(btn.dataset['findingId']));
        break;
    }
  }

  private replaceBead(i: number, bead: Bead): void {
    const old = this.beads[i];
    // Write endpoints may omit flags; the row must not lose its badges because of that.
    const merged: Bead = { ...bead, flags: Array.isArray(bead.flags) ? bead.flags : (old?.flags ?? []) };
    this.beads[i] = merged;
    this.refreshRow(i);
  }

  private refreshRow(i: number): void {
    this.sentencesPanel.forget();
    const b = this.beads[i];
    const oldRow = this.rows[i];
    if (!b || !oldRow) return;
    const hadFocus = oldRow.contains(document.activeElement);
    const focusedConfirm = document.activeElement instanceof HTMLElement && document.activeElement.classList.contains('confirm');
    const drafts = this.paragraphEditor.takeDrafts(oldRow);
    const row = beadRow(b, i, this.rowContext());
    row.hidden = oldRow.hidden;
    if (i === this.current) row.classList.add('current');
    oldRow.replaceWith(row);
    this.rows[i] = row;
    this.paragraphEditor.restoreDrafts(drafts);
    if (hadFocus) {
      const target = focusedConfirm ? row.querySelector<HTMLButtonElement>('button.confirm') : row;
      (target ?? row).focus({ preventScroll: true });
    }
    this.renderFilters();
    this.renderProgress();
    this.updateRowTools();
  }

  private renderProgress(): void {
    const confirmed = this.beads.filter((b) => b.status === 'confirmed').length;
    clear(this.progressSlot);
    this.progressSlot.append(progressBar(confirmed, this.beads.length, 'Review progress', ' confirmed'));
  }

  private renderFilters(): void {
    const counts = filterCounts(this.beads, this.suggestionsOf);
    const openFlags = this.beads.reduce((n, b) => n + openFlagCount(b), 0);
    const suggestions = this.findings.length;
    // "Flags" as the checks' findings are suggested flags; the name says which is which.
    clear(this.panelJump);
    this.panelJump.append(h('span', { 'aria-hidden': 'true' }, '⚑'), ` Flags (${openFlags + suggestions})`);
    this.panelJump.setAttribute('aria-label', `Flags (${openFlags + suggestions}): ${plural(openFlags, 'open flag')} and ${plural(suggestions, 'suggestion')}, in the panel below the rows`);
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
      row.hidden = !matchesFilter(b, this.filter, this.suggestionsOf(b));
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
    this.updateRowTools();
    // The Sentences tab follows the current row; held back while j/k are pressed in a run.
    if (this.panelTab === 'sentences') {
      clearTimeout(this.sentencesTimer);
      this.sentencesTimer = setTimeout(() => {
        if (this.panelTab === 'sentences') this.renderPanel();
      }, 150);
    }
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
    if (e.defaultPrevented || e.altKey) return;
    if (anyDialogOpen() || isTypingTarget(e.target)) return;
    const key = shortcutKey(e);
    if (e.ctrlKey || e.metaKey) {
      // Ctrl+Z / Ctrl+Shift+Z (Cmd on macOS), the editor convention; Ctrl+Y as the Windows redo.
      const k = key.toLowerCase();
      if (k === 'z') void this.undoRedo(e.shiftKey ? 'redo' : 'undo');
      else if (k === 'y') void this.undoRedo('redo');
      else return;
      e.preventDefault();
      return;
    }
    const needRow = (fn: () => void, structural = false): void => {
      // While an edit is saved the rows are about to be rebuilt: a key pressed now would act on a
      // row that may no longer exist. An edit that rewrites rows also waits for confirmations in
      // flight (it sends the versions it saw); confirming row after row does not.
      if (structural ? this.saving() : this.busy) announce(WAIT_MESSAGE);
      else if (this.current >= 0) fn();
      else announce('Move to a row first (j / k).');
    };
    const tool = this.rowToolDefs.find((t) => t.key === key);
    if (tool) {
      needRow(() => this.runTool(tool.id), true);
      e.preventDefault();
      return;
    }
    switch (key) {
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
      case 'g':
        this.jumpTo((b) => b.flags.some((f) => f.status === 'open') || this.findings.some((f) => f.beadId === b.id), 'flagged');
        break;
      case 'c':
        needRow(() => void this.toggleConfirm(this.current));
        break;
      case 'f':
        needRow(() => this.flagForm.open(this.current));
        break;
      case 'e':
        // The row toolbar holds every alignment edit; e puts the keyboard there.
        needRow(() => {
          this.openRowTools(true);
          this.rowTools.querySelector<HTMLButtonElement>('button.tool:not([disabled])')?.focus();
        });
        break;
      case 'u':
        void this.undoRedo('undo');
        break;
      case 'U':
        void this.undoRedo('redo');
        break;
      case 'S':
        needRow(() => this.showSentences());
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
    if (!b || this.pending.has(b.id) || this.busy) return;
    if (!requireReviewer()) return;
    const want = b.status !== 'confirmed';
    this.pending.add(b.id);
    try {
      // Through the edit endpoint like every other row operation: one undoable event, and the undo state comes back with it.
      const res = await editBead(b.id, { op: want ? 'confirm' : 'unconfirm', version: b.version });
      this.pending.delete(b.id);
      clearError();
      const bead = res.beads.find((x) => x.id === b.id) ?? res.beads[0];
      if (bead) this.replaceBead(i, bead);
      else this.refreshRow(i);
      this.alignment.canUndo = res.canUndo;
      this.alignment.canRedo = res.canRedo;
      this.alignment.undoEvent = res.undoEvent;
      this.alignment.redoEvent = res.redoEvent;
      this.renderHistory();
      announce(`Row ${i + 1} ${want ? 'confirmed' : 'unconfirmed'}.`);
    } catch (err) {
      this.pending.delete(b.id);
      if (err instanceof ApiError && err.status === 409) {
        if (await this.reloadBead(i)) showError(CONFLICT_MESSAGE);
      } else if (staleScreen(err)) {
        await this.reloadWithMessage(CONFLICT_MESSAGE, i);
      } else if (err instanceof ApiError && err.code === 'reviewer_required') {
        requireReviewer();
      } else {
        this.refreshRow(i);
        reportError(err);
      }
    }
  }

  /**
   * After a 409 on one row: that row as it is now, in place. When the row is gone (a new version of
   * a text was imported meanwhile, or the rows were rebuilt), the whole page is reloaded and said so;
   * false then, as the message is shown already.
   */
  private async reloadBead(i: number): Promise<boolean> {
    const b = this.beads[i];
    if (!b) return false;
    try {
      const data = await getStatement(this.statementId, this.alignment.tgtLang);
      // Only this row changed when the page's rows are still the rows there are; otherwise (a new
      // version, a merge or an undo elsewhere) a row could be missing or shown twice: all is reloaded.
      const mine = new Set(this.beads.map((y) => y.id));
      const sameRows = data.alignment?.id === this.alignment.id && data.alignment.beads.length === mine.size && data.alignment.beads.every((x) => mine.has(x.id));
      const fresh = sameRows ? data.alignment!.beads.find((x) => x.id === b.id) : undefined;
      if (!fresh) {
        await this.reloadWithMessage(STALE_MESSAGE, i);
        return false;
      }
      this.statement = data.statement;
      this.replaceBead(i, fresh);
      this.renderPanel();
      return true;
    } catch (err) {
      reportError(err);
      return false;
    }
  }

  // ---------- side panel ----------

  private renderPanelTabs(): void {
    clear(this.panelTabs);
    this.panelTabs.onkeydown = (e) => {
      this.onTabArrow(e);
      this.onPanelKey(e);
    };
    this.sidePanel.onkeydown = (e) => this.onPanelKey(e);
    const tabs: Array<[PanelTab, string]> = [
      ['flags', 'Flags'],
      ['suggestions', 'Suggestions'],
      ['sentences', 'Sentences'],
      ['versions', 'Versions'],
    ];
    for (const [id, label] of tabs) {
      this.panelTabs.append(h('button', { type: 'button', role: 'tab', class: 'tab', id: `panel-tab-${id}`, 'data-tab': id, 'aria-controls': 'review-panel', onclick: () => this.setPanel(id) }, label));
    }
    this.markPanelTab();
  }

  /**
   * The selected tab's state, in the one place that sets it: a tab list as screen readers know it has one
   * Tab stop (the selected tab), arrows between the tabs, and the panel labelled by the selected tab.
   * The buttons stay in place when the tab changes (only their state does): rebuilding them dropped the
   * focus of the one just pressed.
   */
  private markPanelTab(): void {
    for (const b of this.panelTabs.querySelectorAll<HTMLButtonElement>('button.tab')) {
      const selected = b.dataset['tab'] === this.panelTab;
      b.setAttribute('aria-selected', String(selected));
      b.tabIndex = selected ? 0 : -1;
    }
    this.panelBody.setAttribute('aria-labelledby', `panel-tab-${this.panelTab}`);
  }

  /**
   * Left/Right (Home/End) move the focus between the panel tabs; Enter or Space opens the one focused.
   * Opening on Enter rather than on arrival keeps arrowing past Versions from loading its history and
   * from leaving the Versions panel's draft behind.
   */
  private onTabArrow(e: KeyboardEvent): void {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
    const tabs = [...this.panelTabs.querySelectorAll<HTMLButtonElement>('button.tab')];
    const at = tabs.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const to = e.key === 'ArrowRight' ? (at + 1) % tabs.length : e.key === 'ArrowLeft' ? (at - 1 + tabs.length) % tabs.length : e.key === 'Home' ? 0 : e.key === 'End' ? tabs.length - 1 : -1;
    if (to < 0) return;
    e.preventDefault();
    tabs[to]?.focus();
  }

  private setPanel(tab: PanelTab): void {
    if (tab === this.panelTab) return;
    // Escape in the Versions panel goes back to the tab that was open before it.
    if (tab === 'versions') this.panelBeforeVersions = this.panelTab;
    this.panelTab = tab;
    this.markPanelTab();
    this.renderPanel();
  }

  private panelBeforeVersions: PanelTab = 'flags';

  /** Escape closes the Versions panel (its upload form is the side panel's one "open" state) and returns to its tab button. */
  private onPanelKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || e.defaultPrevented || this.panelTab !== 'versions' || anyDialogOpen()) return;
    e.preventDefault();
    this.setPanel(this.panelBeforeVersions);
    this.panelTabs.querySelector<HTMLButtonElement>('button.tab[data-tab="versions"]')?.focus();
    announce('Versions panel closed.');
  }

  private renderPanel(): void {
    clear(this.panelBody);
    if (this.panelTab === 'flags') this.flagsPanel.render();
    else if (this.panelTab === 'suggestions') this.findingsPanel.render();
    else if (this.panelTab === 'sentences') this.sentencesPanel.render();
    else void this.versionsPanel.render();
  }

  private revealRow(i: number): void {
    this.showRow(i);
    this.rows[i]?.scrollIntoView({ block: 'center' });
  }

  /** Focus row i, first showing every row if the current filter hides it. */
  private showRow(i: number): void {
    if (!this.isVisible(i)) {
      this.filter = 'all';
      this.renderFilters();
      this.applyFilter();
    }
    this.focusRow(i);
  }

  /** Shift+S: the Sentences tab, brought into view where the panel sits below the rows. */
  private showSentences(): void {
    this.setPanel('sentences');
    const side = byId('review-side');
    // Where the panel sits below the rows, the focus goes with the view (as with the Flags button): a
    // focus left on the row would scroll back there at the next j/k; "Back to row N" returns.
    if (side.getBoundingClientRect().top >= window.innerHeight) {
      side.scrollIntoView({ block: 'start' });
      this.panelTabs.querySelector<HTMLButtonElement>('button.tab[data-tab="sentences"]')?.focus({ preventScroll: true });
    }
    announce(`Sentences of row ${this.current + 1} in the panel.`);
  }

  private showFinding(id: number): void {
    if (this.panelTab !== 'suggestions') this.setPanel('suggestions');
    const item = this.panelBody.querySelector<HTMLElement>(`li[data-finding-id="${id}"]`);
    item?.scrollIntoView({ block: 'nearest' });
    item?.focus();
  }

  // ---------- alignment edits ----------

  /** After a refused change: the statement as it now is, and why (a reload that fails leaves the message alone). */
  private async reloadWithMessage(message: string, focusIndex = Math.max(this.current, 0), refocus = true): Promise<void> {
    await this.reloadAll(focusIndex, refocus).catch(() => undefined);
    showError(message);
  }

  /** Refetch the alignment (and findings) after an edit: merges and splits change the row set, so rows are rebuilt. */
  private async reloadAll(focusIndex: number, refocus = true): Promise<void> {
    const [data, findings] = await Promise.all([getStatement(this.statementId, this.alignment.tgtLang), this.fetchFindings()]);
    if (!data.alignment) return;
    this.statement = data.statement;
    this.alignment = data.alignment;
    this.beads = data.alignment.beads.slice().sort((a, b) => a.position - b.position);
    if (findings) this.setFindings(findings.findings);
    const hadRowFocus = document.activeElement === document.body || this.tbody.contains(document.activeElement);
    this.current = Math.max(-1, Math.min(this.current, this.beads.length - 1));
    this.renderRows();
    const i = Math.max(0, Math.min(focusIndex, this.rows.length - 1));
    if (refocus && hadRowFocus && this.rows.length) this.focusRow(i);
    else this.setCurrent(i);
  }

  private async undoRedo(which: 'undo' | 'redo'): Promise<void> {
    if (this.saving()) {
      announce(WAIT_MESSAGE);
      return;
    }
    const label = which === 'undo' ? this.alignment.canUndo : this.alignment.canRedo;
    if (!label) {
      announce(which === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    if (!requireReviewer()) return;
    this.setBusy(true);
    const before = this.beads.map(rowState);
    try {
      await undoRedo(this.alignment.id, which, which === 'undo' ? this.alignment.undoEvent : this.alignment.redoEvent);
      clearError();
      // The clicked Undo/Redo button may now be disabled, which drops the focus to the page body:
      // like the shortcuts, the buttons hand it to the row the change touched.
      const active = document.activeElement;
      const takeFocus = !active || active === document.body || this.tbody.contains(active) || active === this.undoButton || active === this.redoButton;
      await this.reloadAll(Math.max(this.current, 0), false);
      const changed = firstChangedRow(before, this.beads.map(rowState));
      const i = Math.max(0, Math.min(changed >= 0 ? changed : this.current, this.rows.length - 1));
      if (takeFocus && this.rows.length) this.showRow(i);
      else this.setCurrent(i);
      announce(`${which === 'undo' ? 'Undid' : 'Redid'} ${describeAction(label)}.${changed >= 0 ? ` Row ${i + 1}.` : ''}`);
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        await this.reloadWithMessage(`${err.message.replace(/[.!?]?$/, '.')} The rows have been reloaded.`);
      } else reportError(err);
    } finally {
      this.setBusy(false);
    }
  }

  private async applyEdit(i: number, req: Omit<EditRequest, 'version'>): Promise<void> {
    const b = this.beads[i];
    if (!b) return;
    if (this.saving()) {
      announce(WAIT_MESSAGE);
      return;
    }
    if (!requireReviewer()) return;
    this.setBusy(true);
    try {
      await editBead(b.id, { ...req, version: b.version, seen: Object.fromEntries(this.beads.map((x) => [String(x.id), x.version])) });
      clearError();
      // Merge and move-up pull content into the row above, so that is where the reviewer wants to look next.
      const focus = req.op === 'merge' ? i - 1 : i;
      await this.reloadAll(focus, false);
      this.focusRow(Math.max(0, Math.min(focus, this.rows.length - 1)));
      announce(`Row ${i + 1}: ${describeAction(`bead.${req.op}`)} done. Press u to undo.`);
    } catch (err) {
      if (staleScreen(err)) {
        await this.reloadWithMessage(CONFLICT_MESSAGE, i);
      } else reportError(err);
    } finally {
      this.setBusy(false);
    }
  }

  /** Whether an edit or a confirmation is on its way to the server: the next one waits for it. */
  private saving(): boolean {
    return this.busy || this.pending.size > 0;
  }

  /** aria-busy tells assistive tech (and tests) that the rows are being rebuilt. */
  private setBusy(on: boolean): void {
    this.busy = on;
    if (on) this.root.setAttribute('aria-busy', 'true');
    else this.root.removeAttribute('aria-busy');
  }
}
