import { expect } from 'chai';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../server/store/db.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { addFlag, changeFlag, commentOnFlag, getStatementView } from '../../server/ops/review.ts';
import { runStatementChecks, statementFindings, decideFinding } from '../../server/ops/checks.ts';
import { buildReport } from '../../server/ops/report.ts';
import { importVersion } from '../../server/ops/versions.ts';
import { NotFoundError } from '../../server/core/errors.ts';
import { importStatement } from '../../server/ops/import.ts';
import { listAlignments, listBeads } from '../../server/store/beads.ts';
import { TRILATERAL } from '../fixtures/import-aligned/statements.ts';
import { useTempDb } from '../helpers.ts';

describe('ops/report', () => {
  let db: Db;
  let ids: number[];
  useTempDb((opened) => {
    db = opened;
    ids = seedDemo(db, 'seed', { runChecks: false });
    const beads = getStatementView(db, ids[0]!).alignment!.beads;
    addFlag(db, beads[1]!.id, { category: 'name', comment: 'title <script>alert(1)</script> & "quotes"' }, 'alice');
    const f = addFlag(db, beads[3]!.id, { category: 'style', severity: 'minor', comment: 'fine' }, 'bob');
    changeFlag(db, f.id, { status: 'resolved', version: f.version }, 'erin');
  });

  it('writes a CSV with a BOM: one row per flag and per open finding, with the row texts', () => {
    runStatementChecks(db, ids[0]!, 'checker');
    const open = statementFindings(db, ids[0]!).filter((f) => f.status === 'suggested');
    const csv = buildReport(db, 'csv', [ids[0]!]);
    expect(csv.startsWith('\ufeffkind,id,statement_id')).to.equal(true);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.kind === 'flag').map((r) => [r.row, r.category, r.status])).to.deep.equal([
      ['2', 'name', 'open'],
      ['4', 'style', 'resolved'],
    ]);
    expect(rows.filter((r) => r.kind === 'finding')).to.have.length(open.filter((f) => f.severity !== 'info').length);
    expect(rows.find((r) => r.category === 'name')!.target_text).to.match(/^대한민국 국방부와/);
    addFlag(db, getStatementView(db, ids[0]!).alignment!.beads[5]!.id, { category: 'style', comment: '=HYPERLINK("http://x","click")' }, 'mallory');
    const again = parse(buildReport(db, 'csv', [ids[0]!]).slice(1), { columns: true }) as Record<string, string>[];
    expect(again.find((r) => r.author === 'mallory')!.comment).to.equal(`'=HYPERLINK("http://x","click")`);
  });

  it('keeps a row whose texts or thread span lines one CSV record, as a spreadsheet reads it', () => {
    // Row 3 merges two English paragraphs into one Korean one: its source text has a line break.
    const merged = getStatementView(db, ids[0]!).alignment!.beads.find((b) => b.src.length === 2)!;
    const flag = addFlag(db, merged.id, { category: 'omission', comment: 'Second sentence dropped?' }, 'alice');
    commentOnFlag(db, flag.id, { body: 'No: merged into one sentence.' }, 'erin');
    commentOnFlag(db, flag.id, { body: 'Agreed' }, 'bob');
    const csv = buildReport(db, 'csv', [ids[0]!]);
    // A bare LF outside quotes ends a record for Python's csv module and for Excel, as CRLF does.
    const rows = parse(csv.slice(1), { columns: true, record_delimiter: ['\r\n', '\n'] }) as Record<string, string>[];
    const row = rows.find((r) => r.kind === 'flag' && r.id === String(flag.id))!;
    expect(row.source_text!.split('\n')).to.have.length(2);
    expect(row.thread).to.equal('erin: No: merged into one sentence.\nbob: Agreed');
  });

  it('leaves out the informational suggestions unless asked, and says how many', () => {
    runStatementChecks(db, ids[0]!, 'checker');
    const open = statementFindings(db, ids[0]!).filter((f) => f.status === 'suggested');
    const info = open.filter((f) => f.severity === 'info').length;
    expect(info).to.be.above(0);
    const rows = parse(buildReport(db, 'csv', [ids[0]!]).slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.filter((r) => r.kind === 'finding').map((r) => r.severity).sort()).to.deep.equal(open.filter((f) => f.severity !== 'info').map((f) => f.severity).sort());
    const all = parse(buildReport(db, 'csv', [ids[0]!], undefined, true).slice(1), { columns: true }) as Record<string, string>[];
    expect(all.filter((r) => r.kind === 'finding')).to.have.length(open.length);
    expect(buildReport(db, 'html', [ids[0]!], '2026-01-01T00:00:00Z')).to.include(`informational suggestion${info === 1 ? '' : 's'} of the checks left out`);
  });

  it('carries each flag\'s thread, so a suggestion accepted onto a flag is in the report', () => {
    const beads = getStatementView(db, ids[0]!).alignment!.beads;
    const flag = beads[1]!.flags[0]!;
    commentOnFlag(db, flag.id, { body: 'Checked with the ministry: <b>keep</b> the title.' }, 'erin');
    const rows = parse(buildReport(db, 'csv', [ids[0]!]).slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.find((r) => r.kind === 'flag' && r.id === String(flag.id))!.thread).to.equal('erin: Checked with the ministry: <b>keep</b> the title.');
    expect(rows.find((r) => r.kind === 'flag' && r.id !== String(flag.id))!.thread).to.equal('');
    const html = buildReport(db, 'html', [ids[0]!], '2026-01-01T00:00:00Z');
    expect(html).to.include('<div class="thread">erin: Checked with the ministry: &lt;b&gt;keep&lt;/b&gt; the title.</div>');
  });

  it('leaves out dismissed findings', () => {
    runStatementChecks(db, ids[0]!, 'checker');
    const first = statementFindings(db, ids[0]!).find((f) => f.severity !== 'info');
    expect(parse(buildReport(db, 'csv', [ids[0]!]).slice(1), { columns: true }).some((r: any) => r.kind === 'finding' && r.id === String(first!.id))).to.equal(true);
    decideFinding(db, first!.id, 'dismiss', 'erin');
    const rows = parse(buildReport(db, 'csv', [ids[0]!]).slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.some((r) => r.kind === 'finding' && r.id === String(first!.id))).to.equal(false);
  });

  it('writes a standalone HTML page with every text escaped', () => {
    const html = buildReport(db, 'html', [], '2026-01-01T00:00:00Z');
    expect(html).to.match(/^<!doctype html>/);
    expect(html).to.include('title &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;');
    expect(html).not.to.include('<script>');
    expect(html).to.include('<h2>Joint Press Statement for the 26th Korea-U.S. Integrated Defense Dialogue</h2>');
    expect(html).to.include('Generated 2026-01-01T00:00:00Z · 2 items, 1 open');
  });

  it('reports the current version only: after a new version each flag and finding appears once, with its row\'s text', () => {
    runStatementChecks(db, ids[0]!, 'checker');
    const ko = getStatementView(db, ids[0]!).alignment!.beads.flatMap((b) => b.tgt.map((p) => p.text)).join('\n\n');
    importVersion(db, ids[0]!, 'ko', ko.replace('1조 4,028억 원', '1조 5,192억 원'), 'bob');
    const rows = parse(buildReport(db, 'csv', [ids[0]!]).slice(1), { columns: true }) as Record<string, string>[];
    const current = getStatementView(db, ids[0]!).alignment!;
    const open = statementFindings(db, ids[0]!).filter((f) => f.status === 'suggested' && f.alignmentId === current.id && f.severity !== 'info');
    expect(rows.filter((r) => r.kind === 'flag')).to.have.length(2);
    expect(rows.filter((r) => r.kind === 'finding').map((r) => Number(r.id)).sort()).to.deep.equal(open.map((f) => f.id).sort());
    expect(rows.every((r) => r.source_text !== '' || r.target_text !== '')).to.equal(true);
    // The number the new version fixed is no longer reported.
    expect(rows.some((r) => r.comment!.includes('1조 4,028억'))).to.equal(false);
  });

  it('says which language pair a row of a trilateral statement belongs to: CSV columns, a label on the page', () => {
    const { statementId } = importStatement(db, TRILATERAL, 'tester', { runChecks: false });
    for (const a of listAlignments(db, statementId)) {
      const row2 = listBeads(db, a.id).find((b) => b.position === 2)!;
      addFlag(db, row2.id, { category: 'meaning', comment: 'Is "clear violation" rendered the same way?' }, 'alice');
    }
    const rows = parse(buildReport(db, 'csv', [statementId]).slice(1), { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.row, r.src_lang, r.tgt_lang, r.target_text!.slice(0, 6)])).to.deep.equal([
      ['2', 'en', 'ko', '장관들은 6'],
      ['2', 'en', 'ja', '外相たちは、'],
    ]);
    const html = buildReport(db, 'html', [statementId], '2026-01-01T00:00:00Z');
    expect(html.match(/<td>2<div class="pair">(EN–KO|EN–JA)<\/div><\/td>/g)).to.deep.equal(['<td>2<div class="pair">EN–KO</div></td>', '<td>2<div class="pair">EN–JA</div></td>']);
    expect(html).to.include(`Statement ${statementId} · 2026-06-20 · EN–KO, EN–JA · 2 items`);
    // A bilingual statement names its one pair in its heading only.
    const bilingual = buildReport(db, 'html', [ids[0]!], '2026-01-01T00:00:00Z');
    expect(bilingual).to.include(' · EN–KO · 2 items').and.not.include('class="pair"');
  });

  it('names an unknown statement', () => {
    expect(() => buildReport(db, 'html', [99])).to.throw(NotFoundError, /statement 99/);
  });
});
