// What the review page lends its parts (the head, the forms, the editor, the side panel's tabs):
// one set of getters onto the page's state and the page's callbacks, made once by the page
// (review.ts). Each part names the members it uses (a Pick of ReviewHost), so it is given only
// what it reads; the getters are read on every use, so a reload (new arrays) is seen.
import type { Alignment, Bead, Finding, StatementSummary } from './api.ts';
import type { ReloadWithMessage } from './stale.ts';
import { requireReviewer } from './ui.ts';

/** The side panel's tabs. */
export type PanelTab = 'flags' | 'suggestions' | 'sentences' | 'versions';

export interface ReviewHost {
  statementId(): number;
  /** The statement as last fetched (its title and date, its languages, its number of pairs). */
  statement(): StatementSummary;
  /** The alignment (language pair) the page shows: its languages, and its id, which an edit is checked against. */
  alignment(): Alignment;
  /** The rows as the page holds them now: a flag or an edit saved by a part is put back on its bead. */
  beads(): readonly Bead[];
  /** The table rows, one per bead. */
  rows(): readonly HTMLTableRowElement[];
  /** The suggestions shown: still suggested, on this pair's alignment, the informational ones only on request. */
  findings(): readonly Finding[];
  /** Every finding of the statement as last fetched, decided ones included. */
  allFindings(): readonly Finding[];
  categories(): readonly string[];
  severities(): readonly string[];
  /** The current row, or -1. */
  current(): number;
  /** Whether an alignment edit is being saved: no form or dialog opens meanwhile. */
  busy(): boolean;
  /** The tab the side panel shows. */
  panelTab(): PanelTab;
  setCurrent(i: number): void;
  /** Put the focus on row i. */
  focusRow(i: number): void;
  /** Show row i (every row, if the filter hides it), focused and centred. */
  revealRow(i: number): void;
  /** Draw row i again from its bead (its flag badges). */
  refreshRow(i: number): void;
  /** Draw the side panel again (its content is the tab shown). */
  renderPanel(): void;
  /** Fetch the statement and its findings again and rebuild the rows and the panel, the focus on row focusIndex. */
  reloadAll(focusIndex: number, refocus?: boolean): Promise<void>;
  reloadWithMessage: ReloadWithMessage;
}

/**
 * The bead of row i when a dialog may open on it (the flag form, the split dialog): the row exists,
 * no alignment edit is being saved, and the reviewer has given a name (asked for here if not).
 */
export function rowForDialog(host: Pick<ReviewHost, 'beads' | 'busy'>, i: number): Bead | null {
  const b = host.beads()[i];
  if (!b || host.busy() || !requireReviewer()) return null;
  return b;
}
