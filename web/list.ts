// Statement list screen (`/`): search box, one row per statement with progress, flags and findings, and the import form.
import { exportUrl, fileToUpload, getConsistency, reportUrl, importStatement, listStatements, uploadVersion, type ConsistencyWarning, type ImportBody, type StatementChoice, type StatementSummary, type UploadFile } from './api.ts';
import { byId, clear, h } from './dom.ts';
import { langName, matchPieces, progressPercent, statementLabel } from './model.ts';
import { canEdit, reportError, clearError, requireReviewer, showError } from './ui.ts';

export function progressBar(confirmed: number, total: number, label: string, suffix = '', pairs = 1): HTMLElement {
  const pct = progressPercent(confirmed, total);
  // A trilateral statement has a bead list per language pair: the counts are summed over them, and said so.
  const over = pairs > 1 ? ` over ${pairs} language pairs` : '';
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
        'aria-valuetext': `${confirmed} of ${total} confirmed${over} (${pct}%)`,
      },
      fill,
    ),
    h('span', { class: 'progress-text' }, `${confirmed}/${total}${suffix}`),
  );
}

export function langChips(langs: readonly string[]): HTMLElement {
  return h('span', { class: 'langs' }, ...langs.map((l) => h('abbr', { class: 'lang-chip', title: langName(l) }, l.toUpperCase())));
}

/** The search text marked in `text`: <mark> elements around text nodes, so a title can never become markup. */
export function highlighted(text: string, q: string): Array<Node> {
  return matchPieces(text, q).map((p) => (p.match ? h('mark', { class: 'hit' }, p.text) : document.createTextNode(p.text)));
}

function statementRow(s: StatementSummary, q: string): HTMLTableRowElement {
  const label = statementLabel(s.title, s.id);
  const pieces = highlighted(label, q);
  // The API matched the paragraphs, not the title: say so, since nothing on the row is marked.
  const inText = q && !pieces.some((n) => n instanceof HTMLElement);
  return h(
    'tr',
    null,
    h(
      'td',
      { class: 'col-title' },
      h('a', { href: `/statements/${s.id}` }, ...pieces),
      inText ? h('span', { class: 'match-note' }, `“${q.replace(/\s+/g, ' ').trim()}” is in the text`) : null,
    ),
    h('td', { class: 'col-date' }, s.date ? h('time', { datetime: s.date }, s.date) : h('span', { class: 'muted' }, '—')),
    h('td', { class: 'col-langs' }, langChips(s.languages)),
    h(
      'td',
      { class: 'col-progress' },
      progressBar(s.confirmed, s.beads, `Review progress of ${label}`, '', s.pairs ?? 1),
      (s.pairs ?? 1) > 1 ? h('div', { class: 'progress-pairs' }, `over ${s.pairs} language pairs`) : null,
    ),
    h(
      'td',
      { class: 'col-flags' },
      s.openFlags > 0
        ? h('span', { class: 'flag-count', title: `${s.openFlags} open flag${s.openFlags === 1 ? '' : 's'}` }, `⚑ ${s.openFlags}`)
        : h('span', { class: 'muted', 'aria-label': 'no open flags' }, '0'),
    ),
    h(
      'td',
      { class: 'col-findings' },
      s.findings
        ? h('span', { class: 'finding-count', title: `${s.findings} suggestion${s.findings === 1 ? '' : 's'} from the automatic checks` }, `◇ ${s.findings}`)
        : h('span', { class: 'muted', 'aria-label': 'no suggestions' }, '0'),
    ),
  );
}

/** The languages a statement's versions may be in (imports and added versions). */
export const IMPORT_LANGS = ['en', 'ko', 'ja'];
/** Versions beyond the second are optional: trilateral statements add a third language. */
const MAX_VERSIONS = IMPORT_LANGS.length;
const ORDINALS = ['First', 'Second', 'Third'];

interface ImportSide {
  lang: HTMLSelectElement;
  file: HTMLInputElement;
  text: HTMLTextAreaElement;
  box: HTMLFieldSetElement;
}

/**
 * Import form: two or three versions, each with its language chosen (the first is the source the
 * others are aligned to) and given as a file or pasted text. The pair is chosen, not assumed.
 */
function importForm(): HTMLElement {
  const title = h('input', { type: 'text', id: 'import-title', name: 'title', autocomplete: 'off' });
  const date = h('input', { type: 'date', id: 'import-date', name: 'date' });
  const errorBox = h('div', { class: 'form-error', role: 'alert', id: 'import-error', hidden: true });
  // Texts imported before are not stored twice: the form says which statement holds them.
  const existingBox = h('div', { class: 'form-notice', role: 'status', id: 'import-existing', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Import');
  const sidesBox = h('div', { class: 'import-sides' });
  const addButton = h('button', { type: 'button', class: 'add-version' }, '+ Add a third language');
  const sides: ImportSide[] = [];

  const makeSide = (k: number, initial: string): ImportSide => {
    // Ids by position: the third version can be removed and added again.
    const key = k === 0 ? 'src' : k === 1 ? 'tgt' : `v${k + 1}`;
    const lang = h('select', { id: `import-${key}-lang` }, ...IMPORT_LANGS.map((l) => h('option', { value: l, selected: l === initial }, langName(l))));
    const fileLabel = h('span');
    const textLabel = h('span');
    const file = h('input', { type: 'file', id: `import-${key}-file`, accept: '.txt,.html,.htm,.docx' });
    const text = h('textarea', { id: `import-${key}-text`, rows: 5 });
    const role = h('span', { class: 'side-role', id: `import-${key}-role` }, k === 0 ? 'Source' : 'Translation');
    const relabel = (): void => {
      const name = langName(lang.value);
      lang.setAttribute('aria-label', `${ORDINALS[k] ?? `Version ${k + 1}`} language${k === 0 ? ' (source)' : ''}`);
      fileLabel.textContent = `${name} file`;
      textLabel.textContent = `${name} text`;
      text.placeholder = `…or paste the ${name} text here`;
    };
    lang.addEventListener('change', relabel);
    relabel();
    const remove =
      k >= 2
        ? h('button', { type: 'button', class: 'ghost small remove-version', 'aria-label': `Remove the ${ORDINALS[k]?.toLowerCase() ?? ''} language` }, 'Remove')
        : null;
    const box = h(
      'fieldset',
      // Named by its role and language alone: the legend also holds the Remove button, whose label is not the group's.
      { class: 'import-side', 'aria-labelledby': `${role.id} ${lang.id}` },
      h('legend', null, role, ' ', lang, remove),
      h('label', { for: file.id }, fileLabel, file),
      h('label', { for: text.id }, textLabel, text),
    );
    const side = { lang, file, text, box };
    remove?.addEventListener('click', () => {
      sides.splice(sides.indexOf(side), 1);
      box.remove();
      addButton.hidden = false;
      addButton.focus();
    });
    return side;
  };
  const addSide = (initial: string): ImportSide => {
    const side = makeSide(sides.length, initial);
    sides.push(side);
    sidesBox.append(side.box);
    addButton.hidden = sides.length >= MAX_VERSIONS;
    return side;
  };
  addSide('en');
  addSide('ko');
  addButton.addEventListener('click', () => {
    // The language no other version uses yet, so the common case needs no extra choice.
    const free = IMPORT_LANGS.find((l) => !sides.some((s) => s.lang.value === l)) ?? IMPORT_LANGS[0]!;
    addSide(free).lang.focus();
  });

  const form = h(
    'form',
    { class: 'import-form', 'aria-labelledby': 'import-title-h' },
    h('h2', { id: 'import-title-h' }, 'Import statement'),
    h(
      'p',
      { class: 'muted small' },
      'Upload .txt, .html or .docx files (any encoding) or paste the texts. The first language is the source the others are aligned to. They are split, aligned and checked.',
    ),
    h('div', { class: 'import-meta' }, h('label', { for: 'import-title' }, 'Title (optional)', title), h('label', { for: 'import-date' }, 'Date (optional)', date)),
    sidesBox,
    h('div', { class: 'import-more' }, addButton),
    errorBox,
    existingBox,
    h('div', { class: 'form-actions' }, submit),
  );
  const fail = (message: string): void => {
    errorBox.textContent = message;
    errorBox.hidden = false;
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    errorBox.hidden = true;
    existingBox.hidden = true;
    if (!requireReviewer()) return;
    void (async () => {
      const texts: Record<string, string> = {};
      const files: Record<string, UploadFile> = {};
      for (const s of sides) {
        const f = s.file.files?.[0];
        if (s.lang.value in texts || s.lang.value in files) return fail(`Choose a different language for each version (${langName(s.lang.value)} is chosen twice).`);
        if (f) files[s.lang.value] = await fileToUpload(f);
        else if (s.text.value.trim()) texts[s.lang.value] = s.text.value;
        else return fail(`Add the ${langName(s.lang.value)} text: choose a file or paste it.`);
      }
      // The API takes pasted and uploaded languages in one request, so one side can be a file and the other pasted.
      const parts: Record<string, unknown> = {};
      if (Object.keys(texts).length) parts['texts'] = texts;
      if (Object.keys(files).length) parts['files'] = files;
      const body = parts as ImportBody;
      // Sent, not implied by key order: files and pasted texts travel in separate objects.
      body.srcLang = sides[0]!.lang.value;
      body.languages = sides.map((s) => s.lang.value);
      if (title.value.trim()) body.title = title.value.trim();
      if (date.value) body.date = date.value;
      // Two of three texts already a statement: asked first (nothing is stored), see below.
      if (sides.length > 2) body.ifOverlap = 'ask';
      submit.disabled = true;
      try {
        const res = await importStatement(body);
        if (res.created) return location.assign(`/statements/${res.statement.id}`);
        submit.disabled = false;
        clear(existingBox);
        if (res.overlap && res.alsoIn?.length) {
          // A trilateral statement whose English and Korean are already a statement: its third text
          // can join that statement (one statement, its confirmations kept) or make a new one.
          const other = res.alsoIn[0]!;
          const third = body.languages!.find((l) => !other.langs.includes(l))!;
          // The date typed into the form: the statement takes it if it has none; its own date is kept otherwise.
          const theirs = res.statement.date;
          const typed = body.date;
          const addButton = h('button', { type: 'button', class: 'primary small' }, `Add the ${langName(third)} to statement ${other.statementId}`);
          const separate = h('button', { type: 'button', class: 'small' }, 'Import as a separate statement');
          addButton.addEventListener('click', () => {
            void (async () => {
              addButton.disabled = separate.disabled = true;
              try {
                const text = (body as { texts?: Record<string, string> }).texts?.[third];
                const file = (body as { files?: Record<string, UploadFile> }).files?.[third];
                await uploadVersion(other.statementId, { ...(file ? { files: { [third]: file } } : { texts: { [third]: text! } }), newLanguage: true, ...(typed && !theirs ? { date: typed } : {}) });
                location.assign(`/statements/${other.statementId}?lang=${encodeURIComponent(third)}`);
              } catch (err) {
                addButton.disabled = separate.disabled = false;
                reportError(err);
              }
            })();
          });
          separate.addEventListener('click', () => {
            void (async () => {
              addButton.disabled = separate.disabled = true;
              try {
                const made = await importStatement({ ...body, ifOverlap: undefined });
                location.assign(`/statements/${made.statement.id}`);
              } catch (err) {
                addButton.disabled = separate.disabled = false;
                reportError(err);
              }
            })();
          });
          existingBox.append(
            h('span', null, `Its ${other.langs.map(langName).join(' and ')} texts are already `,
              h('a', { href: `/statements/${other.statementId}` }, statementLabel(res.statement.title, other.statementId)),
              ` (statement ${other.statementId}); nothing was stored yet.`,
              typed && theirs && theirs !== typed ? ` It is dated ${theirs}, not ${typed}: adding the ${langName(third)} keeps its date.` : null),
            h('span', { class: 'form-actions' }, addButton, separate),
          );
          existingBox.hidden = false;
          addButton.focus();
          return;
        }
        existingBox.append(
          'These texts are already imported as ',
          h('a', { href: `/statements/${res.statement.id}` }, statementLabel(res.statement.title, res.statement.id)),
          ` (statement ${res.statement.id}); nothing new was stored${body.title && body.title !== res.statement.title ? ', and its title was kept' : ''}.`,
        );
        existingBox.hidden = false;
        existingBox.querySelector('a')?.focus();
      } catch (err) {
        submit.disabled = false;
        fail(err instanceof Error ? err.message : String(err));
        // The alert says what went wrong; the focus goes back to Import (disabled meanwhile, it had lost it).
        if (document.activeElement === document.body || !document.activeElement) submit.focus();
      }
    })().catch((err: unknown) => {
      submit.disabled = false;
      showError(err instanceof Error ? err.message : String(err));
    });
  });
  return form;
}

function consistencyItem(f: ConsistencyWarning): HTMLLIElement {
  // Each statement once, linking to its first row where the term appears.
  const seen = new Set<number>();
  const links: HTMLElement[] = [];
  for (const r of f.rows) {
    if (seen.has(r.statementId)) continue;
    seen.add(r.statementId);
    const label = `${statementLabel(r.title, r.statementId)}${r.date ? ` (${r.date})` : ''}, row ${r.position}`;
    links.push(h('li', null, h('a', { href: `/statements/${r.statementId}#bead-${r.beadId}` }, label)));
  }
  return h(
    'li',
    { class: `consistency-item sev-${f.severity}` },
    h('span', { class: `sbadge sev-${f.severity}` }, f.severity),
    ' ',
    h('span', { class: 'consistency-message' }, f.message),
    h('ul', { class: 'consistency-rows', 'aria-label': 'Where it appears' }, ...links),
  );
}

/**
 * Formats of the export of several statements. XLIFF holds one language pair, and a batch may hold
 * two (a trilateral statement's English–Japanese): it is downloaded from each statement's page.
 */
const CORPUS_FORMATS: ReadonlyArray<[string, string]> = [
  ['tmx', 'TMX'],
  ['tsv', 'TSV'],
  ['csv', 'CSV'],
  ['jsonl', 'JSONL'],
];

/**
 * The export and flag report of the statements listed (all of them, or a search's matches), so
 * that a day's batch is delivered as one TMX and one report instead of one download per statement.
 * `update` is called with each list the page shows.
 */
function corpusExportBar(): { bar: HTMLElement; update: (statements: readonly StatementSummary[], q: string) => void } {
  const label = h('span', { class: 'export-label' }, 'Export all');
  if (!canEdit()) {
    const bar = h('div', { class: 'export corpus-export', role: 'group', 'aria-label': 'Export the statements listed' }, h('span', { class: 'muted small' }, 'Exports and flag reports are for editors: ask one to export the statements.'));
    return { bar, update: () => {} };
  }
  const confirmedOnly = h('input', { type: 'checkbox', id: 'corpus-export-confirmed', checked: true });
  const noOpenFlags = h('input', { type: 'checkbox', id: 'corpus-export-no-open-flags' });
  let listed: readonly StatementSummary[] = [];
  let query = '';
  // Without a search the whole corpus; with one, its matches, which the server finds by the search
  // itself: no statement is named, so the links stay short however many there are.
  const which = (): StatementChoice => (query ? { q: query } : []);
  const links = CORPUS_FORMATS.map(([fmt, text]) => h('a', { class: 'button small', download: true, 'data-format': fmt, 'aria-label': `Download ${text} of the statements listed` }, text));
  const report = h('a', { class: 'button small report-link', target: '_blank', rel: 'noopener' }, 'Report');
  const refresh = (): void => {
    for (const a of links)
      a.href = exportUrl(a.dataset['format'] ?? 'tmx', which(), confirmedOnly.checked ? 'confirmed' : 'all', noOpenFlags.checked);
    report.href = reportUrl(which());
    label.textContent = query ? `Export the ${listed.length} listed` : 'Export all';
  };
  confirmedOnly.addEventListener('change', refresh);
  noOpenFlags.addEventListener('change', refresh);
  for (const a of [...links, report]) {
    a.addEventListener('click', (e) => {
      // An empty file downloaded without a word looks like a broken export.
      const why =
        listed.length === 0
          ? 'No statement is listed: there is nothing to export.'
          : confirmedOnly.checked && a !== report && !listed.some((s) => s.confirmed > 0)
            ? 'No row of the statements listed is confirmed yet: confirm rows, or untick “Confirmed only” to export every pair.'
            : null;
      if (why) {
        e.preventDefault();
        showError(why);
      } else clearError();
    });
  }
  refresh();
  const bar = h(
    'div',
    { class: 'export corpus-export', role: 'group', 'aria-label': 'Export the statements listed' },
    label,
    ...links,
    h('label', { for: 'corpus-export-confirmed', class: 'check-label' }, confirmedOnly, 'Confirmed only'),
    h('label', { for: 'corpus-export-no-open-flags', class: 'check-label', title: 'Leave out rows that still have an open flag' }, noOpenFlags, 'No open flags'),
    report,
  );
  return {
    bar,
    update: (statements, q) => {
      listed = statements;
      query = q;
      refresh();
    },
  };
}

/**
 * Corpus consistency: a glossary term rendered differently across statements. Computed on request,
 * because the server reads every statement to answer.
 */
function consistencyPanel(): HTMLElement {
  const result = h('div', { class: 'consistency-result', 'aria-live': 'polite' });
  const run = h('button', { type: 'button', id: 'consistency-run' }, 'Check consistency');
  run.addEventListener('click', () => {
    run.disabled = true;
    clear(result);
    result.append(h('p', { class: 'muted' }, 'Checking every statement…'));
    getConsistency()
      .then(({ findings }) => {
        clear(result);
        result.append(
          h('p', { class: 'consistency-summary' }, findings.length ? `${findings.length} term${findings.length === 1 ? ' is' : 's are'} rendered differently across statements.` : 'Every glossary term is rendered the same way across statements.'),
        );
        if (findings.length) result.append(h('ol', { class: 'consistency-list' }, ...findings.map(consistencyItem)));
      })
      .catch((err: unknown) => {
        clear(result);
        reportError(err);
      })
      .finally(() => {
        run.disabled = false;
        // Disabled while it ran, the button lost the focus: keyboard users continue from it.
        if (document.activeElement === document.body || !document.activeElement) run.focus();
      });
  });
  return h(
    'section',
    { class: 'consistency', 'aria-labelledby': 'consistency-h' },
    h('h2', { id: 'consistency-h' }, 'Consistency across statements'),
    h('p', { class: 'muted small' }, 'Glossary terms translated one way in one statement and another way elsewhere (English → Korean and back), and acronyms glossed with different names.'),
    run,
    result,
  );
}

let listKeysBound = false;

export async function renderList(root: HTMLElement): Promise<void> {
  document.title = 'Statements · twintext';
  // Back from /#glossary is a hash change, not a page load: the glossary's trail must not stay behind.
  clear(byId('crumbs'));
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
        h('th', { scope: 'col' }, 'Findings'),
      ),
    ),
    tbody,
  );

  const corpusExport = corpusExportBar();
  const importPanel = h('div', { class: 'import-panel', hidden: true }, importForm());
  const importToggle = h('button', { type: 'button', class: 'primary', 'aria-expanded': 'false', 'aria-controls': 'import-panel' }, '+ Import statement');
  importPanel.id = 'import-panel';
  importToggle.addEventListener('click', () => {
    importPanel.hidden = !importPanel.hidden;
    importToggle.setAttribute('aria-expanded', String(!importPanel.hidden));
    if (!importPanel.hidden) importPanel.querySelector<HTMLElement>('input, select, textarea')?.focus();
  });
  // Escape folds the import form away, as it closes the app's other panels, and gives the focus back to
  // its button; what was typed stays in the hidden form for the next time it is opened.
  importPanel.addEventListener('keydown', (e) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    e.preventDefault();
    importPanel.hidden = true;
    importToggle.setAttribute('aria-expanded', 'false');
    importToggle.focus();
  });

  clear(root);
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', null, 'Statements'),
      h('div', { class: 'head-actions' }, importToggle),
      h(
        'form',
        { class: 'search', role: 'search', onsubmit: (e: Event) => e.preventDefault() },
        h('label', { for: 'search', class: 'visually-hidden' }, 'Search statements'),
        search,
      ),
    ),
    importPanel,
    h('div', { class: 'list-bar' }, summary, corpusExport.bar),
    table,
    consistencyPanel(),
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
      for (const s of statements) frag.append(statementRow(s, q));
      tbody.append(frag);
      if (statements.length === 0) {
        tbody.append(h('tr', null, h('td', { colspan: 6, class: 'empty' }, q ? `No statement matches “${q}”.` : 'No statements yet.')));
      }
      summary.textContent = q
        ? `${statements.length} statement${statements.length === 1 ? '' : 's'} matching “${q}”`
        : `${statements.length} statement${statements.length === 1 ? '' : 's'}`;
      corpusExport.update(statements, q);
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

  if (listKeysBound) return load(initialQ.trim());
  listKeysBound = true;
  document.addEventListener('keydown', (e) => {
    const search = document.getElementById('search');
    if (!(search instanceof HTMLInputElement)) return;
    if (e.key === '/' && document.activeElement !== search && !(e.target instanceof HTMLInputElement) && !(e.target instanceof HTMLTextAreaElement)) {
      e.preventDefault();
      search.focus();
      search.select();
    }
  });

  await load(initialQ.trim());
}
