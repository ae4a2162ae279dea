// The Flags panel of the review page: every flag of the statement's rows, filtered by status,
// category and author, each with its thread (comments, a reply form) and its status history; an
// editor resolves, dismisses or reopens a flag here, and anyone may raise its severity.
import { commentOnFlag, getFlagEvents, updateFlag, type Flag, type FlagStatus } from './api.ts';
import { clear, h } from './dom.ts';
import { flagChange, formatWhen, titleCase } from './format.ts';
import type { ReviewHost } from './review-host.ts';
import { staleScreen } from './stale.ts';
import { announce, canEdit, clearError, reportError, requireReviewer } from './ui.ts';

/** What the Flags panel reads from the page and what it asks the page to do: a flag changed here is put back on its bead. */
export type FlagsPanelHost = Pick<ReviewHost, 'beads' | 'severities' | 'current' | 'revealRow' | 'refreshRow' | 'renderPanel' | 'reloadWithMessage'>;

interface FlagFilter {
  status: string;
  category: string;
  author: string;
}

export class FlagsPanel {
  private filter: FlagFilter = { status: 'open', category: '', author: '' };

  constructor(
    /** The side panel's body, which render() fills (the page empties it first). */
    private readonly body: HTMLElement,
    private readonly host: FlagsPanelHost,
  ) {}

  render(): void {
    const entries: Array<{ flag: Flag; index: number }> = [];
    this.host.beads().forEach((b, index) => {
      for (const flag of b.flags) entries.push({ flag, index });
    });
    const openCount = entries.filter((e) => e.flag.status === 'open').length;
    const panel = this.body;
    panel.append(h('h2', { id: 'flags-title' }, 'Flags ', h('span', { class: 'count' }, `${openCount} open`)));
    if (entries.length === 0) {
      panel.append(h('p', { class: 'muted small' }, 'No flags yet. Press f on a row to flag a problem.'));
      return;
    }
    const select = (id: string, label: string, value: string, options: Array<[string, string]>, onChange: (v: string) => void): HTMLLabelElement => {
      const s = h('select', { id, class: 'small-select' }, ...options.map(([v, l]) => h('option', { value: v, selected: v === value }, l)));
      s.addEventListener('change', () => onChange(s.value));
      return h('label', { for: id }, label, s);
    };
    const authors = [...new Set(entries.map((e) => e.flag.author))].sort();
    const categories = [...new Set(entries.map((e) => e.flag.category))].sort();
    const refilter = (key: keyof FlagFilter, id: string) => (v: string) => {
      this.filter[key] = v;
      this.host.renderPanel();
      document.getElementById(id)?.focus();
    };
    panel.append(
      h(
        'div',
        { class: 'flag-filters' },
        select('flag-filter-status', 'Status', this.filter.status, [['open', 'Open'], ['resolved', 'Resolved'], ['wontfix', "Won't fix"], ['', 'All']], refilter('status', 'flag-filter-status')),
        select('flag-filter-category', 'Category', this.filter.category, [['', 'All'], ...categories.map((c): [string, string] => [c, titleCase(c)])], refilter('category', 'flag-filter-category')),
        select('flag-filter-author', 'Author', this.filter.author, [['', 'All'], ...authors.map((a): [string, string] => [a, a])], refilter('author', 'flag-filter-author')),
      ),
    );
    const f = this.filter;
    const shown = entries.filter((e) => (!f.status || e.flag.status === f.status) && (!f.category || e.flag.category === f.category) && (!f.author || e.flag.author === f.author));
    if (shown.length === 0) {
      panel.append(h('p', { class: 'muted small' }, 'No flags match.'));
      return;
    }
    panel.append(h('ul', { class: 'flag-list' }, ...shown.map((e) => this.flagItem(e.flag, e.index))));
  }

  private flagItem(flag: Flag, index: number): HTMLLIElement {
    const descId = `flag-${flag.id}-desc`;
    const act = (status: FlagStatus, label: string): HTMLButtonElement =>
      h('button', { type: 'button', class: 'small', 'aria-describedby': descId, onclick: () => void this.setFlagStatus(flag, index, status) }, label);
    const thread = h('div', { class: 'thread' });
    const details = h('details', { class: 'flag-thread' }, h('summary', null, `Thread${flag.comments?.length ? ` (${flag.comments.length})` : ''} & history`), thread);
    // Anyone who finds a problem worse may raise its severity; lowering it, or changing a closed flag,
    // is an editor's call (the server holds to the same rule).
    const all = this.host.severities();
    const rank = (x: string) => all.indexOf(x);
    const severities = all.filter((x) => canEdit() || rank(x) >= rank(flag.severity));
    let severity: HTMLSelectElement | null = null;
    if (severities.length > 1 && (flag.status === 'open' || canEdit())) {
      const sel = h('select', { class: 'flag-severity small', 'aria-label': `Severity of the ${flag.category} flag on row ${index + 1}` }, ...severities.map((x) => h('option', { value: x }, titleCase(x))));
      sel.value = flag.severity;
      sel.addEventListener('change', () => void this.setFlagSeverity(flag, index, sel.value));
      severity = sel;
    }
    details.addEventListener('toggle', () => {
      if (details.open) void this.fillThread(flag, index, thread);
    });
    return h(
      'li',
      { class: `flag-item status-${flag.status}`, 'data-flag-id': flag.id },
      h(
        'div',
        { class: 'flag-head' },
        h('span', { class: `badge sev-${flag.severity}` }, flag.severity),
        h('strong', null, flag.category),
        h('button', { type: 'button', class: 'link small', onclick: () => this.host.revealRow(index) }, `Row ${index + 1}`),
        flag.status !== 'open' ? h('span', { class: 'muted small' }, flag.status === 'wontfix' ? "won't fix" : 'resolved') : null,
        severity,
      ),
      h('p', { id: descId, class: 'flag-comment' }, flag.comment || h('span', { class: 'muted' }, '(no comment)')),
      h('p', { class: 'flag-by muted small' }, `${flag.author} · ${formatWhen(flag.createdAt)}`),
      // Resolving, dismissing and reopening are an editor's; a translator comments.
      canEdit() ? h('div', { class: 'flag-actions' }, ...(flag.status === 'open' ? [act('resolved', 'Resolve'), act('wontfix', "Won't fix")] : [act('open', 'Reopen')])) : null,
      details,
    );
  }

  /** Comments from the flag itself, its changes from its own event history (fetched when the thread opens). */
  private async fillThread(flag: Flag, index: number, thread: HTMLElement): Promise<void> {
    clear(thread);
    const comments = flag.comments ?? [];
    const list = h('ol', { class: 'thread-list' });
    for (const c of comments) list.append(h('li', { class: 'comment' }, h('p', { class: 'comment-body' }, c.body), h('p', { class: 'muted small' }, `${c.author} · ${formatWhen(c.createdAt)}`)));
    const input = h('textarea', { rows: 2, 'aria-label': 'Reply to this flag', placeholder: 'Reply…' });
    const form = h('form', { class: 'comment-form' }, input, h('button', { type: 'submit', class: 'small' }, 'Add comment'));
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      void this.addComment(flag, index, input.value);
    });
    const history = h('ol', { class: 'status-history muted small' }, h('li', null, 'Loading history…'));
    thread.append(list, form, h('h3', null, 'Status history'), history);
    try {
      const mine = (await getFlagEvents(flag.id)).events.filter((ev) => ev.action !== 'flag.comment').reverse();
      clear(history);
      for (const ev of mine) history.append(h('li', null, `${formatWhen(ev.at)} · ${ev.actor}: ${flagChange(ev)}`));
      if (!mine.length) history.append(h('li', null, 'No recorded changes.'));
    } catch (err) {
      clear(history);
      history.append(h('li', null, `History unavailable: ${err instanceof Error ? err.message : String(err)}`));
    }
  }

  private async addComment(flag: Flag, index: number, text: string): Promise<void> {
    if (!text.trim()) return;
    if (!requireReviewer()) return;
    try {
      const { flag: updated } = await commentOnFlag(flag.id, text.trim());
      clearError();
      const b = this.host.beads()[index];
      if (b) b.flags = b.flags.map((f) => (f.id === updated.id ? updated : f));
      this.host.renderPanel();
      const item = this.body.querySelector<HTMLDetailsElement>(`li[data-flag-id="${flag.id}"] details`);
      if (item) item.open = true;
      // The form is rebuilt with the panel: keep keyboard users on this flag's thread.
      item?.querySelector<HTMLElement>('summary')?.focus();
      announce('Comment added.');
    } catch (err) {
      reportError(err);
    }
  }

  /**
   * After a flag's status changed and the panel was rebuilt: the focus goes to that flag's buttons if
   * it is still listed, else to the flag now in its place (the next one), else to the last, and only
   * with no flag left to the panel's filter.
   */
  private focusFlagAfter(flagId: number, place: number): void {
    const items = [...this.body.querySelectorAll<HTMLElement>('.flag-list > li')];
    const item = items.find((li) => li.dataset['flagId'] === String(flagId)) ?? items[Math.min(place, items.length - 1)];
    (item?.querySelector<HTMLElement>('button') ?? this.body.querySelector<HTMLElement>('select'))?.focus();
  }

  private async setFlagStatus(flag: Flag, index: number, status: FlagStatus): Promise<void> {
    const label = status === 'open' ? 'reopened' : status === 'wontfix' ? "marked won't fix" : 'resolved';
    return this.changeFlag(flag, index, { status }, `Flag on row ${index + 1} ${label}.`);
  }

  private async setFlagSeverity(flag: Flag, index: number, severity: string): Promise<void> {
    return this.changeFlag(flag, index, { severity }, `Flag on row ${index + 1}: severity ${flag.severity} → ${severity}.`);
  }

  private async changeFlag(flag: Flag, index: number, change: { status?: FlagStatus; severity?: string }, done: string): Promise<void> {
    if (!requireReviewer()) return;
    const place = Math.max(0, [...this.body.querySelectorAll<HTMLElement>('.flag-list > li')].findIndex((li) => li.dataset['flagId'] === String(flag.id)));
    try {
      const { flag: updated } = await updateFlag(flag.id, { ...change, version: flag.version });
      clearError();
      const b = this.host.beads()[index];
      if (b) b.flags = b.flags.map((f) => (f.id === updated.id ? updated : f));
      this.host.refreshRow(index);
      this.host.renderPanel();
      announce(done);
      // The clicked button is gone after the re-render; keep keyboard users on the flags.
      this.focusFlagAfter(flag.id, place);
    } catch (err) {
      if (staleScreen(err)) {
        await this.host.reloadWithMessage('This flag was changed by someone else; reloaded. Check it before changing it again.', Math.max(this.host.current(), 0), false);
        // The clicked button went with the rebuilt panel: keep keyboard users in it.
        this.focusFlagAfter(flag.id, place);
      } else reportError(err);
    }
  }
}
