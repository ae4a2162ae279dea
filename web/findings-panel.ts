// The Suggestions panel of the review page: the automatic checks' findings on this pair, row by row,
// to accept (as a flag, or onto the row's open flag) or dismiss; the dismissed ones, for an editor
// to restore; and the button that runs the checks again.
import { ApiError, decideFinding, runChecks, type Finding } from './api.ts';
import { h } from './dom.ts';
import type { ReviewHost } from './review-host.ts';
import { staleScreen } from './stale.ts';
import { announce, canEdit, clearError, reportError, requireReviewer } from './ui.ts';

/** What is decided on a finding: accepted (as a flag), dismissed, or restored after a dismissal. */
type Verdict = Parameters<typeof decideFinding>[1];

/** What the Suggestions panel reads from the page and what it asks the page to do. */
export type FindingsPanelHost = Pick<ReviewHost, 'statementId' | 'findings' | 'allFindings' | 'alignment' | 'beads' | 'current' | 'revealRow' | 'reloadAll' | 'reloadWithMessage'>;

export class FindingsPanel {
  constructor(
    /** The side panel's body, which render() fills (the page empties it first). */
    private readonly body: HTMLElement,
    private readonly host: FindingsPanelHost,
  ) {}

  render(): void {
    const panel = this.body;
    const run = h('button', { type: 'button', class: 'small', 'data-role': 'run-checks', onclick: () => void this.runChecks(run) }, 'Run checks');
    panel.append(h('h2', { id: 'suggestions-title' }, 'Suggestions ', h('span', { class: 'count' }, `${this.host.findings().length}`)), h('div', { class: 'panel-actions' }, run));
    const dismissed = this.dismissedList();
    if (this.host.findings().length === 0) {
      panel.append(h('p', { class: 'muted small' }, 'No open suggestions from the automatic checks.'));
      if (dismissed) panel.append(dismissed);
      return;
    }
    const indexOf = this.rowIndexOf();
    const sorted = this.host.findings().slice().sort((a, b) => (indexOf.get(a.beadId) ?? 0) - (indexOf.get(b.beadId) ?? 0) || a.id - b.id);
    panel.append(
      h(
        'ul',
        { class: 'finding-list' },
        ...sorted.map((f) =>
          this.findingItem(f, indexOf.get(f.beadId) ?? -1, 'open', (descId) => [
            this.decideButton(f, 'accept', 'Accept', descId),
            // Setting an error or a warning aside is an editor's decision; anyone may set a note aside.
            canEdit() || f.severity === 'info' ? this.decideButton(f, 'dismiss', 'Dismiss', descId) : h('span', { class: 'muted small' }, 'Dismissing is for editors'),
          ]),
        ),
      ),
    );
    if (dismissed) panel.append(dismissed);
  }

  /** Each bead's row, by bead id. */
  private rowIndexOf(): Map<number, number> {
    return new Map(this.host.beads().map((b, i) => [b.id, i]));
  }

  /**
   * A finding as either list shows it: its severity, check, row and message, then the list's
   * actions, each described by the message. An open finding is a focus target and its row a link
   * to the row; a dismissed one only names its row.
   */
  private findingItem(f: Finding, row: number, list: 'open' | 'dismissed', actions: (descId: string) => HTMLElement[]): HTMLLIElement {
    const open = list === 'open';
    const descId = `finding-${f.id}-msg`;
    return h(
      'li',
      { class: `${open ? 'finding-item' : 'dismissed-item'} sev-${f.severity}`, 'data-finding-id': f.id, tabindex: open ? -1 : null },
      h(
        'div',
        { class: 'flag-head' },
        h('span', { class: `sbadge sev-${f.severity}` }, f.severity),
        h('strong', null, f.check),
        row < 0 ? null : open ? h('button', { type: 'button', class: 'link small', onclick: () => this.host.revealRow(row) }, `Row ${row + 1}`) : h('span', { class: 'muted small' }, `Row ${row + 1}`),
      ),
      h('p', { id: descId, class: 'flag-comment' }, f.message),
      h('div', { class: 'flag-actions' }, ...actions(descId)),
    );
  }

  private decideButton(f: Finding, verdict: Verdict, label: string, descId: string): HTMLButtonElement {
    return h('button', { type: 'button', class: 'small', 'aria-describedby': descId, onclick: () => void this.decide(f, verdict) }, label);
  }

  /** The suggestions set aside on this pair, for an editor to bring back (Restore). */
  private dismissedList(): HTMLElement | null {
    const dismissed = this.host.allFindings().filter((f) => f.status === 'dismissed' && f.alignmentId === this.host.alignment().id);
    if (!dismissed.length || !canEdit()) return null;
    const indexOf = this.rowIndexOf();
    return h(
      'details',
      { class: 'dismissed-findings' },
      h('summary', null, `Dismissed (${dismissed.length})`),
      h('ul', { class: 'dismissed-list' }, ...dismissed.map((f) => this.findingItem(f, indexOf.get(f.beadId) ?? -1, 'dismissed', (descId) => [this.decideButton(f, 'restore', 'Restore', descId)]))),
    );
  }

  private async decide(f: Finding, verdict: Verdict): Promise<void> {
    if (!requireReviewer()) return;
    try {
      // A row already flagged for it (a number flag, then the number check's suggestion) gets the
      // suggestion on that flag's thread instead of a second flag.
      const had = new Set(this.host.beads().find((b) => b.id === f.beadId)?.flags.map((x) => x.id) ?? []);
      const { finding } = await decideFinding(f.id, verdict);
      clearError();
      // Accepting adds a flag to the row: reload so badges, counts and the flags panel agree.
      await this.host.reloadAll(this.host.current() >= 0 ? this.host.current() : 0, false);
      const joined = finding.flagId !== null && had.has(finding.flagId);
      announce(
        verdict === 'dismiss' ? `Suggestion dismissed: ${f.check}.`
          : verdict === 'restore' ? `Suggestion restored: ${f.check}.`
            : joined ? `Suggestion added to the row's open flag: ${f.check}.` : `Suggestion accepted as a flag: ${f.check}.`,
      );
      this.body.querySelector<HTMLElement>('.finding-list button, .panel-actions button')?.focus();
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) {
        // The server says why: decided by someone else, or the row it pointed at is gone.
        await this.host.reloadWithMessage(`${err.message} (The suggestions have been reloaded.)`, Math.max(this.host.current(), 0), false);
      } else if (staleScreen(err)) {
        await this.host.reloadWithMessage('This suggestion is no longer there: the checks ran again after a change to the statement. The suggestions have been reloaded.', Math.max(this.host.current(), 0), false);
      } else reportError(err);
    }
  }

  private async runChecks(button: HTMLButtonElement): Promise<void> {
    if (!requireReviewer()) return;
    button.disabled = true;
    try {
      await runChecks(this.host.statementId());
      clearError();
      await this.host.reloadAll(Math.max(this.host.current(), 0), false);
      // The panel was rebuilt: the focus goes back to its (new) Run checks button.
      this.body.querySelector<HTMLElement>('[data-role="run-checks"]')?.focus();
      announce(`Checks done: ${this.host.findings().length} suggestion${this.host.findings().length === 1 ? '' : 's'}.`);
    } catch (err) {
      reportError(err);
    } finally {
      button.disabled = false;
    }
  }
}
