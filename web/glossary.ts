// Glossary screen (`/#glossary`): team term list with search, add, edit and delete over /api/glossary.
import { deleteGlossaryTerm, listGlossary, saveGlossaryTerm, type GlossaryTerm } from './api.ts';
import { byId, clear, h } from './dom.ts';
import { langName } from './model.ts';
import { announce, canEdit, clearError, reportError, requireReviewer } from './ui.ts';

/** Terms are edited as "term | alternative" per language, the notation the API and data/glossary.tsv use. */
export function parseTerms(value: string): string[] {
  return value
    .split('|')
    .map((t) => t.trim())
    .filter(Boolean);
}

export async function renderGlossary(root: HTMLElement): Promise<void> {
  document.title = 'Glossary · twintext';
  const crumbs = byId('crumbs');
  clear(crumbs);
  crumbs.append(h('a', { href: '/' }, 'Statements'), h('span', { 'aria-hidden': 'true', class: 'sep' }, '/'), h('span', { 'aria-current': 'page' }, 'Glossary'));

  const editor = canEdit();
  let terms: GlossaryTerm[] = [];
  let editing: number | null = null;
  const search = h('input', { type: 'search', id: 'glossary-search', placeholder: 'Search terms in any language', autocomplete: 'off' });
  const thead = h('thead');
  const tbody = h('tbody');
  const summary = h('p', { class: 'list-summary muted', 'aria-live': 'polite' });
  const langsOf = (): string[] => {
    const set = new Set<string>(['en', 'ko']);
    for (const t of terms) for (const l of Object.keys(t.terms)) set.add(l);
    return [...set];
  };

  const form = h('form', { class: 'glossary-form', 'aria-labelledby': 'glossary-form-title' });
  /**
   * Leaving an edit (Cancel, Escape, a saved edit) rebuilds the form, taking away the control that had
   * the focus: it goes back to the term's Edit button, so a keyboard or screen-reader user is where they
   * were in the list; after an addition, to the first field for the next term.
   */
  const refocus = (termId: number | null): void => {
    const edit = termId === null ? null : tbody.querySelector<HTMLButtonElement>(`tr[data-term-id="${termId}"] button[data-act="edit"]`);
    (edit ?? form.querySelector<HTMLInputElement>('input'))?.focus();
  };
  const cancelEdit = (): void => {
    const id = editing;
    editing = null;
    buildForm(null);
    refocus(id);
  };
  // Escape leaves an edit as Cancel does (the add form has nothing to close).
  form.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || editing === null || e.defaultPrevented) return;
    e.preventDefault();
    cancelEdit();
  });
  const buildForm = (term: GlossaryTerm | null): void => {
    clear(form);
    const langs = langsOf();
    const inputs = langs.map((l) => {
      const input = h('input', { type: 'text', id: `term-${l}`, autocomplete: 'off', placeholder: 'term | alternative' });
      input.value = term?.terms[l]?.join(' | ') ?? '';
      return { l, input };
    });
    const note = h('input', { type: 'text', id: 'term-note', autocomplete: 'off' });
    note.value = term?.note ?? '';
    form.append(
      h('h2', { id: 'glossary-form-title' }, term ? `Edit term ${term.terms['en']?.[0] ?? term.id}` : 'Add a term'),
      h('div', { class: 'glossary-fields' }, ...inputs.map(({ l, input }) => h('label', { for: input.id }, `${langName(l)} terms`, input)), h('label', { for: 'term-note' }, 'Note', note)),
      h(
        'div',
        { class: 'form-actions' },
        term ? h('button', { type: 'button', class: 'ghost', onclick: cancelEdit }, 'Cancel') : null,
        h('button', { type: 'submit', class: 'primary' }, term ? 'Save term' : 'Add term'),
      ),
    );
    form.onsubmit = (e) => {
      e.preventDefault();
      if (!requireReviewer()) return;
      const entries: Array<[string, string[]]> = inputs.map(({ l, input }) => [l, parseTerms(input.value)]);
      const body = { terms: Object.fromEntries(entries.filter(([, v]) => v.length > 0)), note: note.value.trim() };
      void saveGlossaryTerm(editing, body)
        .then(({ term: saved }) => {
          clearError();
          announce(editing === null ? 'Term added.' : 'Term saved.');
          terms = editing === null ? [saved, ...terms] : terms.map((t) => (t.id === saved.id ? saved : t));
          const edited = editing;
          editing = null;
          buildForm(null);
          paint();
          refocus(edited);
        })
        .catch(reportError);
    };
  };

  const paint = (): void => {
    // Spaces compared as single spaces, a doubled or no-break one in the query included.
    const flat = (x: string) => x.replace(/\s+/g, ' ').toLowerCase();
    const q = flat(search.value.trim());
    const shown = q ? terms.filter((t) => Object.values(t.terms).some((list) => list.some((x) => flat(x).includes(q))) || flat(t.note).includes(q)) : terms;
    // A column for every language the glossary holds (Japanese, for trilateral statements).
    const langs = langsOf();
    clear(thead);
    thead.append(h('tr', null, ...langs.map((l) => h('th', { scope: 'col' }, langName(l))), h('th', { scope: 'col' }, 'Note'), h('th', { scope: 'col' }, 'Author'), h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Actions'))));
    clear(tbody);
    const frag = document.createDocumentFragment();
    for (const t of shown) {
      const first = t.terms['en']?.[0] ?? Object.values(t.terms)[0]?.[0] ?? `#${t.id}`;
      frag.append(
        h(
          'tr',
          { 'data-term-id': t.id },
          ...langs.map((l) => h('td', { lang: l }, (t.terms[l] ?? []).join(' | '))),
          h('td', { class: 'muted' }, t.note),
          h('td', { class: 'muted small' }, t.author),
          h(
            'td',
            { class: 'term-actions' },
            // Editing the glossary is an editor's (the server says so too); a translator reads it.
            ...(editor
              ? [
                  h('button', { type: 'button', class: 'small', 'data-act': 'edit', 'aria-label': `Edit ${first}` }, 'Edit'),
                  h('button', { type: 'button', class: 'small danger', 'data-act': 'delete', 'aria-label': `Delete ${first}` }, 'Delete'),
                ]
              : []),
          ),
        ),
      );
    }
    tbody.append(frag);
    summary.textContent = `${shown.length} of ${terms.length} terms`;
  };

  tbody.addEventListener('click', (e) => {
    const btn = (e.target as Element).closest<HTMLButtonElement>('button[data-act]');
    const id = Number(btn?.closest<HTMLElement>('tr')?.dataset['termId']);
    const term = terms.find((t) => t.id === id);
    if (!btn || !term) return;
    if (btn.dataset['act'] === 'edit') {
      editing = term.id;
      buildForm(term);
      form.querySelector('input')?.focus();
      return;
    }
    if (!requireReviewer()) return;
    if (!confirm(`Delete the term “${term.terms['en']?.[0] ?? term.id}”?`)) return;
    void deleteGlossaryTerm(term.id)
      .then(() => {
        clearError();
        terms = terms.filter((t) => t.id !== term.id);
        paint();
        announce('Term deleted.');
        search.focus();
      })
      .catch(reportError);
  });
  search.addEventListener('input', paint);

  clear(root);
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, 'Glossary'),
      h('form', { class: 'search', role: 'search', onsubmit: (e: Event) => e.preventDefault() }, h('label', { for: 'glossary-search', class: 'visually-hidden' }, 'Search glossary'), search),
    ),
    editor ? form : h('p', { class: 'muted small' }, 'The glossary is kept by editors; ask one to add or change a term.'),
    summary,
    // Focusable so that a keyboard user can scroll it sideways where it is wider than the window.
    h(
      'div',
      { class: 'table-scroll', role: 'region', 'aria-label': 'Glossary terms', tabindex: 0 },
      h(
        'table',
        { class: 'statements glossary' },
        h('caption', { class: 'visually-hidden' }, 'Glossary terms'),
        thead,
        tbody,
      ),
    ),
  );
  try {
    terms = (await listGlossary()).terms;
  } catch (err) {
    reportError(err);
  }
  buildForm(null);
  paint();
}
