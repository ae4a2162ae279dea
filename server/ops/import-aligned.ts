// Use case: import a pre-aligned corpus (TMX or TSV as twintext exports them) as aligned statements,
// keeping ids, paragraph numbers, positions, status, confidence and flags, so export → import → export is identical.
import type { Db } from '../store/db.ts';
import { InputError } from '../core/errors.ts';
import { parseTmx, parseTsv } from '../formats/import-aligned.ts';
import type { ExportFlag, ExportUnit } from '../formats/export/types.ts';
import { findStatementByHash, insertStatement, insertText } from '../store/statements.ts';
import { insertAlignment, insertFlag, listBeads, updateFlag } from '../store/beads.ts';
import { recordEvent } from '../store/events.ts';
import { contentHash, LIMITS } from './import.ts';
import { FLAG_CATEGORIES, FLAG_SEVERITIES, FLAG_STATUSES } from './review.ts';
import { checkStatementDate, nowIso, type OpsOptions } from './context.ts';

const FLAG_NOTE = /^(\S+) \[([^,\]]+), ([^\]]+)\](?: (.*?))?: ([\s\S]*)$/;

/** A TMX note written by flagText back into a flag; a foreign note becomes a comment. */
function flagOfNote(note: string): ExportFlag {
  const m = FLAG_NOTE.exec(note);
  const known = m && (FLAG_CATEGORIES as readonly string[]).includes(m[1]!) && (FLAG_SEVERITIES as readonly string[]).includes(m[2]!) && (FLAG_STATUSES as readonly string[]).includes(m[3]!);
  return known
    ? { category: m[1]!, severity: m[2]!, status: m[3]!, author: m[4] ?? '', comment: m[5]! }
    : { category: 'meaning', severity: 'minor', status: 'open', author: '', comment: note };
}

function unitsOfTmx(xml: string): ExportUnit[] {
  const tmx = parseTmx(xml);
  return tmx.units.map((u, i) => {
    const p = u.props;
    const nums = (s: string | undefined) => (s ? s.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0) : []);
    const num = (s: string | undefined, d: number) => (s !== undefined && s !== '' && Number.isFinite(Number(s)) ? Number(s) : d);
    return {
      statementId: num(p['x-statement-id'], 0),
      title: p['x-title'] ?? '',
      date: p['x-date'] ?? null,
      beadId: num(p['x-bead-id'], 0),
      position: num(p['x-position'], i + 1),
      srcLang: tmx.srcLang.split('-')[0]!.toLowerCase(),
      tgtLang: tmx.tgtLang.split('-')[0]!.toLowerCase(),
      src: u.src,
      tgt: u.tgt,
      srcParagraphs: nums(p['x-src-paragraphs']),
      tgtParagraphs: nums(p['x-tgt-paragraphs']),
      status: p['x-status'] === 'confirmed' ? 'confirmed' : 'auto',
      confidence: Math.min(1, Math.max(0, num(p['x-confidence'], 1))),
      flags: u.notes.map(flagOfNote),
    };
  });
}

/** Paragraphs of one side: the unit's lines, numbered as exported when the numbers are consistent. */
function sideParagraphs(units: ExportUnit[], side: 'src' | 'tgt') {
  const lists = units.map((u) => (u[side] === '' ? [] : u[side].split('\n')));
  const numbers = units.map((u) => (side === 'src' ? u.srcParagraphs : u.tgtParagraphs));
  const flat = numbers.flat();
  const consistent = lists.every((l, i) => l.length === numbers[i]!.length) && flat.every((n, i) => i === 0 || n > flat[i - 1]!);
  let k = 0;
  const perUnit = lists.map((l, i) => l.map((content, j) => ({ content, position: consistent ? numbers[i]![j]! : ++k })));
  return perUnit;
}

const isId = (n: unknown) => typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;

/** Refuses a unit the database would choke on, naming it, before anything is written. */
function checkUnit(u: ExportUnit, where: string): void {
  for (const k of ['statementId', 'beadId', 'position'] as const)
    if (!isId(u[k])) throw new InputError(`${where}: ${k} must be a whole number, got ${String(u[k])}`);
  if (u.date !== null) checkStatementDate(u.date, `${where}: `);
  if (u.title.length > LIMITS.maxTitleChars) throw new InputError(`${where}: the title is longer than ${LIMITS.maxTitleChars} characters`);
  for (const t of [u.src, u.tgt])
    if (t.length > LIMITS.maxParagraphChars * 4) throw new InputError(`${where}: a segment is longer than ${LIMITS.maxParagraphChars * 4} characters`, 'too_large');
  if (!Array.isArray(u.flags)) throw new InputError(`${where}: flags must be a list`);
  for (const f of u.flags as unknown[]) {
    const g = f as Record<string, unknown>;
    if (typeof f !== 'object' || f === null || !['category', 'severity', 'status', 'comment', 'author'].every((k) => typeof g[k] === 'string'))
      throw new InputError(`${where}: each flag needs category, severity, status, comment and author as text`);
    if (!(FLAG_CATEGORIES as readonly string[]).includes(g.category as string)) throw new InputError(`${where}: unknown flag category "${String(g.category)}"`);
    if (!(FLAG_SEVERITIES as readonly string[]).includes(g.severity as string)) throw new InputError(`${where}: unknown flag severity "${String(g.severity)}"`);
    if (!(FLAG_STATUSES as readonly string[]).includes(g.status as string)) throw new InputError(`${where}: unknown flag status "${String(g.status)}"`);
  }
}

export function importAlignedCorpus(db: Db, text: string, format: 'tmx' | 'tsv', actor: string, opts: OpsOptions = {}): { statementIds: number[]; skipped: number[]; units: number } {
  const units = format === 'tmx' ? unitsOfTmx(text) : parseTsv(text).units;
  if (units.length === 0) throw new InputError(`the ${format.toUpperCase()} file holds no translation units`);
  units.forEach((u, i) => checkUnit(u, `${format.toUpperCase()} unit ${i + 1}`));
  const groups = new Map<string, ExportUnit[]>();
  for (const u of units) {
    const key = `${u.statementId}\u0000${u.srcLang}\u0000${u.tgtLang}`;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(u);
  }
  const statementIds: number[] = [];
  const skipped: number[] = [];
  const at = nowIso(opts);
  for (const group of groups.values()) {
    const first = group[0]!;
    if (!first.srcLang || !first.tgtLang || first.srcLang === first.tgtLang) throw new InputError(`units need two different languages, got "${first.srcLang}" and "${first.tgtLang}"`);
    const src = sideParagraphs(group, 'src');
    const tgt = sideParagraphs(group, 'tgt');
    const bodies = { [first.srcLang]: src.flat().map((p) => p.content).join('\n'), [first.tgtLang]: tgt.flat().map((p) => p.content).join('\n') };
    const hash = contentHash(bodies);
    db.transaction(() => {
      const existing = findStatementByHash(db, hash);
      if (existing) return void skipped.push(existing.id);
      const statementId = insertStatement(db, {
        id: first.statementId > 0 ? first.statementId : undefined,
        title: first.title || src.flat()[0]?.content.slice(0, 200) || 'Imported corpus',
        date: first.date,
        contentHash: hash,
        at,
      });
      const text = (lang: string, ps: { content: string; position: number }[][]) =>
        insertText(db, {
          statementId,
          lang,
          version: 1,
          body: bodies[lang]!,
          sourceFormat: format,
          at,
          paragraphs: ps.flat().map((p) => ({ content: p.content, marker: null, level: 0, position: p.position })),
        });
      const s = text(first.srcLang, src);
      const t = text(first.tgtLang, tgt);
      let si = 0;
      let ti = 0;
      const positions = group.map((u) => u.position);
      const keepPositions = positions.every((p, i) => Number.isInteger(p) && p > 0 && (i === 0 || p > positions[i - 1]!));
      const alignmentId = insertAlignment(
        db,
        { statementId, srcTextId: s.textId, tgtTextId: t.textId, method: `import-${format}`, at },
        group.map((u, i) => ({
          id: u.beadId > 0 ? u.beadId : undefined,
          position: keepPositions ? u.position : i + 1,
          src: src[i]!.map(() => s.paragraphIds[si++]!),
          tgt: tgt[i]!.map(() => t.paragraphIds[ti++]!),
          confidence: Math.min(1, Math.max(0, u.confidence)),
          status: u.status,
        })),
      );
      const beadIds = listBeads(db, alignmentId).map((b) => b.id);
      group.forEach((u, i) => {
        for (const f of u.flags) {
          const flag = insertFlag(db, { beadId: beadIds[i]!, category: f.category, severity: f.severity, comment: f.comment, author: f.author || actor, at });
          if (f.status === 'resolved' || f.status === 'wontfix') updateFlag(db, flag.id, { status: f.status }, at);
        }
      });
      recordEvent(db, { at, actor, action: 'statement.import-aligned', statementId, entity: 'statement', entityId: statementId, after: { format, units: group.length } });
      statementIds.push(statementId);
    }).immediate();
  }
  return { statementIds, skipped, units: units.length };
}
