// Use case: a report of flags and open findings, as CSV (for spreadsheets) or a standalone HTML page to send around.
import { stringify } from 'csv-stringify/sync';
import type { Db } from '../store/db.ts';
import { listReportRows, type ReportRow } from '../store/findings.ts';
import { listBeads, listAlignments } from '../store/beads.ts';
import { getStatement } from '../store/statements.ts';
import { CSV_OPTIONS } from '../formats/export/tabular.ts';

export type ReportFormat = 'csv' | 'html';

const COLUMNS = ['kind', 'id', 'statement_id', 'statement_title', 'statement_date', 'row', 'src_lang', 'tgt_lang', 'category', 'severity', 'status', 'author', 'comment', 'created_at', 'source_text', 'target_text', 'thread'] as const;

/** How the page names a language pair, as the review page's tabs do: "EN–KO". */
const pairLabel = (r: { srcLang: string; tgtLang: string }) => `${r.srcLang.toUpperCase()}–${r.tgtLang.toUpperCase()}`;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The statements of a report: these (all when none), and of them those the statement list's search for
 * `search` finds (store statementSearch: the list page's report of a search's matches, however many).
 */
export interface StatementSelection {
  ids?: number[];
  search?: string;
}

/**
 * Flags (every status) and open findings of the statements (all by default). Informational findings
 * ("'nuclear' should be rendered as '핵'") are left out unless `includeInfo`, as the review page hides
 * them unless asked: they would bury the flags and count as open items nobody has to act on.
 */
export function buildReport(db: Db, format: ReportFormat, statements: number[] | StatementSelection = [], generatedAt = new Date().toISOString(), includeInfo = false): string {
  const { ids: statementIds = [], search } = Array.isArray(statements) ? { ids: statements } : statements;
  for (const id of statementIds) getStatement(db, id);
  const all = listReportRows(db, statementIds, search);
  const rows = includeInfo ? all : all.filter((r) => r.kind !== 'finding' || r.severity !== 'info');
  const infoLeftOut = all.length - rows.length;
  // Texts of the rows the report points at, fetched per statement rather than per row.
  const texts = new Map<number, { src: string; tgt: string }>();
  for (const sid of new Set(rows.map((r) => r.statementId)))
    for (const a of listAlignments(db, sid))
      for (const b of listBeads(db, a.id))
        texts.set(b.id, { src: b.src.map((p) => p.text).join('\n'), tgt: b.tgt.map((p) => p.text).join('\n') });
  const text = (r: ReportRow) => (r.beadId === null ? undefined : texts.get(r.beadId));
  if (format === 'csv') {
    // A cell starting with = + - @ would run as a formula in a spreadsheet: the report is for people, so it is defused.
    const cell = (v: string | number) => (typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    const body = rows.map((r) => [r.kind, r.id, r.statementId, r.statementTitle, r.statementDate ?? '', r.beadPosition ?? '', r.srcLang, r.tgtLang, r.category, r.severity, r.status, r.author, r.comment, r.createdAt, text(r)?.src ?? '', text(r)?.tgt ?? '', r.thread ?? ''].map(cell));
    return '\ufeff' + stringify([[...COLUMNS], ...body], CSV_OPTIONS);
  }
  const open = rows.filter((r) => r.status === 'open' || r.status === 'suggested').length;
  const byStatement = new Map<number, ReportRow[]>();
  for (const r of rows) (byStatement.get(r.statementId) ?? byStatement.set(r.statementId, []).get(r.statementId)!).push(r);
  const sections = [...byStatement.values()]
    .map((list) => {
      const s = list[0]!;
      // A trilateral statement's rows are numbered per pair: each says its pair. Otherwise the heading does.
      const pairs = [...new Set(list.map(pairLabel))];
      const items = list
        .map((r) => {
          const t = text(r);
          const pair = pairs.length > 1 ? `<div class="pair">${esc(pairLabel(r))}</div>` : '';
          return `<tr class="${r.kind} ${esc(r.status)}"><td>${r.beadPosition ?? '—'}${pair}</td><td>${r.kind === 'flag' ? 'Flag' : 'Check'}<br><b>${esc(r.category)}</b></td><td>${esc(r.severity)}<br>${esc(r.status)}</td><td>${esc(r.comment)}<div class="who">${esc(r.author)} · ${esc(r.createdAt.slice(0, 10))}</div>${r.thread ? `<div class="thread">${r.thread.split('\n').map(esc).join('<br>')}</div>` : ''}</td><td lang="${esc(r.srcLang)}">${esc(t?.src ?? '')}</td><td lang="${esc(r.tgtLang)}">${esc(t?.tgt ?? '')}</td></tr>`;
        })
        .join('\n');
      return `<section><h2>${esc(s.statementTitle)}</h2><p class="meta">Statement ${s.statementId}${s.statementDate ? ' · ' + esc(s.statementDate) : ''} · ${esc(pairs.join(', '))} · ${list.length} item${list.length === 1 ? '' : 's'}</p>
<table><thead><tr><th>Row</th><th>What</th><th>Severity / status</th><th>Comment</th><th>Source</th><th>Target</th></tr></thead><tbody>
${items}
</tbody></table></section>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>twintext report</title>
<style>
body{font:14px/1.5 system-ui,"Noto Sans KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;margin:2rem;color:#1d2330}
h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}.meta,.who,.pair{color:#667085;font-size:12px}.pair{white-space:nowrap}.thread{margin-top:.3rem;padding-left:.5rem;border-left:2px solid #e4e7ec;font-size:13px}
table{border-collapse:collapse;width:100%}th,td{border-bottom:1px solid #e4e7ec;padding:.4rem .5rem;vertical-align:top;text-align:left}
th{background:#f5f6f8;font-weight:600}tr.finding td:nth-child(2){color:#6941c6}tr.resolved,tr.wontfix{opacity:.6}
[lang=ko]{word-break:keep-all}
</style></head><body>
<h1>twintext report</h1>
<p class="meta">Generated ${esc(generatedAt)} · ${rows.length} item${rows.length === 1 ? '' : 's'}, ${open} open${infoLeftOut ? ` · ${infoLeftOut} informational suggestion${infoLeftOut === 1 ? '' : 's'} of the checks left out` : ''}</p>
${sections || '<p>No flags or open findings.</p>'}
</body></html>
`;
}
