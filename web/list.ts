// Statement list screen (`/`): search box, one row per statement with languages, progress and open flags.
import { listStatements, type StatementSummary } from './api.ts';
import { clear, h } from './dom.ts';
import { langName, progressPercent } from './model.ts';
import { reportError, clearError } from './ui.ts';

export function progressBar(confirmed: number, total: number, label: string, suffix = ''): HTMLElement {
  const pct = progressPercent(confirmed, total);
  const fill = h('div', { class: pct === 100 ? 'progress-fill done' : 'progress-fill' });
  // Through CSSOM, not a style="" attribute, so a strict style-src CSP cannot blank the bar.
  fill.style.width = `${pct}%`;
  return h(
    'div',
    { class: 'progress' },
    h(
      'div',
      {
        class: 'progress-track',
        role: 'progressbar',
        'aria-label': label,
        'aria-valuemin': 0,
        'aria-valuemax': total,
        'aria-valuenow': confirmed,
        'aria-valuetext': `${confirmed} of ${total} confirmed (${pct}%)`,
      },
      fill,
    ),
    h('span', { class: 'progress-text' }, `${confirmed}/${total}${suffix}`),
  );
}

export function langChips(langs: readonly string[]): HTMLElement {
  return h('span', { class: 'langs' }, ...langs.map((l) => h('abbr', { class: 'lang-chip', title: langName(l) }, l.toUpperCase())));
}

function statementRow(s: StatementSummary): HTMLTableRowElement {
  return h(
    'tr',
    null,
    h('td', { class: 'col-title' }, h('a', { href: `/statements/${s.id}` }, s.title || `Statement ${s.id}`)),
    h('td', { class: 'col-date' }, s.date ? h('time', { datetime: s.date }, s.date) : h('span', { class: 'muted' }, '—')),
    h('td', { class: 'col-langs' }, langChips(s.languages)),
    h('td', { class: 'col-progress' }, progressBar(s.confirmed, s.beads, `Review progress of ${s.title}`)),
    h(
      'td',
      { class: 'col-flags' },
      s.openFlags > 0
        ? h('span', { class: 'flag-count', title: `${s.openFlags} open flag${s.openFlags === 1 ? '' : 's'}` }, `⚑ ${s.openFlags}`)
        : h('span', { class: 'muted', 'aria-label': 'no open flags' }, '0'),
    ),
  );
}

export async function renderList(root: HTMLElement): Promise<void> {
  document.title = 'Statements · twintext';
  const initialQ = new URLSearchParams(location.search).get('q') ?? '';
  const search = h('input', {
    type: 'search',
    id: 'search',
    name: 'q',
    placeholder: 'Search titles and text in any language',
    autocomplete: 'off',
    value: initialQ,
  });
  const tbody = h('tbody');
  const summary = h('p', { class: 'list-summary muted', 'aria-live': 'polite' });
  const table = h(
    'table',
    { class: 'statements' },
    h('caption', { class: 'visually-hidden' }, 'Statements'),
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        h('th', { scope: 'col' }, 'Title'),
        h('th', { scope: 'col' }, 'Date'),
        h('th', { scope: 'col' }, 'Languages'),
        h('th', { scope: 'col' }, 'Progress'),
        h('th', { scope: 'col' }, 'Open flags'),
      ),
    ),
    tbody,
  );

  clear(root);
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, 'Statements'),
      h(
        'form',
        { class: 'search', role: 'search', onsubmit: (e: Event) => e.preventDefault() },
        h('label', { for: 'search', class: 'visually-hidden' }, 'Search statements'),
        search,
      ),
    ),
    summary,
    table,
  );

  // Only the latest query may paint: a slow early response must not overwrite a newer one.
  let seq = 0;
  const load = async (q: string): Promise<void> => {
    const mine = ++seq;
    try {
      const { statements } = await listStatements(q);
      if (mine !== seq) return;
      clearError();
      clear(tbody);
      const frag = document.createDocumentFragment();
      for (const s of statements) frag.append(statementRow(s));
      tbody.append(frag);
      if (statements.length === 0) {
        tbody.append(h('tr', null, h('td', { colspan: 5, class: 'empty' }, q ? `No statement matches “${q}”.` : 'No statements yet.')));
      }
      summary.textContent = q
        ? `${statements.length} statement${statements.length === 1 ? '' : 's'} matching “${q}”`
        : `${statements.length} statement${statements.length === 1 ? '' : 's'}`;
    } catch (err) {
      if (mine === seq) reportError(err);
    }
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const q = search.value.trim();
      const url = q ? `/?q=${encodeURIComponent(q)}` : '/';
      history.replaceState(null, '', url);
      void load(q);
    }, 200);
  });

  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement !== search && !(e.target instanceof HTMLInputElement) && !(e.target instanceof HTMLTextAreaElement)) {
      e.preventDefault();
      search.focus();
      search.select();
    }
  });

  await load(initialQ.trim());
}
