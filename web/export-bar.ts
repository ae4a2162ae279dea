// The review page's export toolbar: this statement's pair in each format, with the export's filters,
// and the flag report; a download that would be an empty file is refused with the reason instead.
import { exportUrl, reportUrl, type Bead, type StatementSummary } from './api.ts';
import { h } from './dom.ts';
import { baseLanguage } from '../server/core/lang.ts';
import { exportableRows } from './model.ts';
import { canEdit, clearError, showError } from './ui.ts';

const EXPORT_FORMATS: ReadonlyArray<[string, string]> = [
  ['tmx', 'TMX'],
  ['xliff', 'XLIFF'],
  ['tsv', 'TSV'],
  ['csv', 'CSV'],
  ['jsonl', 'JSONL'],
];

/** Why a row with text on both sides can still be missing from an export (the bead's `exportable`, from the server). */
const WORDLESS_NOTE = 'exports leave out a pair whose side is empty or only a bullet or a mark, such as “ㅇ”, “-” or “[…]”';

/**
 * The export group of the page head. `beads` gives the rows as they are when a link is clicked;
 * `showInfo` whether the report holds the informational suggestions (as the page shows them).
 */
export function exportBar(s: StatementSummary, langs: { srcLang: string; tgtLang: string }, beads: () => readonly Bead[], showInfo: boolean): HTMLElement {
  const confirmedOnly = h('input', { type: 'checkbox', id: 'export-confirmed', checked: true });
  const noOpenFlags = h('input', { type: 'checkbox', id: 'export-no-open-flags' });
  const bySentence = h('input', { type: 'checkbox', id: 'export-sentences' });
  // This page's language pair only: a trilateral statement's EN–JA page exports EN–JA. The export
  // names a pair by base codes (a text stored as ja-JP is of the en-ja pair).
  const pair = `${baseLanguage(langs.srcLang)}-${baseLanguage(langs.tgtLang)}`;
  const links = EXPORT_FORMATS.map(([fmt, label]) =>
    h('a', { class: 'button small', href: exportUrl(fmt, s.id, 'confirmed', false, 'paragraph', pair), download: true, 'data-format': fmt, 'aria-label': `Download ${label}` }, label),
  );
  const update = () => {
    for (const a of links) a.href = exportUrl(a.dataset['format'] ?? 'tmx', s.id, confirmedOnly.checked ? 'confirmed' : 'all', noOpenFlags.checked, bySentence.checked ? 'sentence' : 'paragraph', pair);
  };
  confirmedOnly.addEventListener('change', update);
  noOpenFlags.addEventListener('change', update);
  bySentence.addEventListener('change', update);
  for (const a of links) {
    a.addEventListener('click', (e) => {
      // An empty file downloaded without a word looks like a broken export.
      const why = emptyExportReason(beads(), confirmedOnly.checked, noOpenFlags.checked);
      if (why) {
        e.preventDefault();
        showError(why);
      } else clearError();
    });
  }
  if (!canEdit()) {
    return h('div', { class: 'export', role: 'group', 'aria-label': 'Export' }, h('span', { class: 'muted small' }, 'Exports and flag reports are for editors: ask one to export this statement.'));
  }
  return h(
    'div',
    { class: 'export', role: 'group', 'aria-label': 'Export' },
    h('span', { class: 'export-label' }, 'Export'),
    ...links,
    h('label', { for: 'export-confirmed', class: 'check-label' }, confirmedOnly, 'Confirmed only'),
    h('label', { for: 'export-no-open-flags', class: 'check-label', title: 'Leave out rows that still have an open flag' }, noOpenFlags, 'No open flags'),
    h('label', { for: 'export-sentences', class: 'check-label', title: 'One unit per sentence pair (see the Sentences panel) instead of one per row' }, bySentence, 'By sentence'),
    h('a', { class: 'button small report-link', href: reportUrl(s.id, showInfo), target: '_blank', rel: 'noopener' }, 'Report'),
  );
}

/** Why an export of this page's pair with these filters would be a header-only file, or null when it has pairs. */
function emptyExportReason(beads: readonly Bead[], confirmedOnly: boolean, noOpenFlags: boolean): string | null {
  if (exportableRows(beads, confirmedOnly, noOpenFlags) > 0) return null;
  if (confirmedOnly && !beads.some((b) => b.status === 'confirmed'))
    return 'No row of this statement is confirmed yet: confirm rows, or untick “Confirmed only” to export every pair.';
  if (exportableRows(beads, confirmedOnly, false) > 0)
    return confirmedOnly
      ? 'Every confirmed row still has an open flag: resolve the flags, or untick “No open flags” to export the confirmed rows.'
      : 'Every row still has an open flag: resolve the flags, or untick “No open flags” to export every pair.';
  if (confirmedOnly && exportableRows(beads, false, noOpenFlags) > 0)
    return `No confirmed row has words on both sides (${WORDLESS_NOTE}): confirm rows, or untick “Confirmed only” to export every pair.`;
  return `No row of this statement has words on both sides (${WORDLESS_NOTE}): there is no pair to export.`;
}
