// XLIFF 2.1 writer: one <file> per statement, one <unit> per bead (its sentences are its segments at
// sentence level), segment state from the review status.
import { Sink } from './sink.ts';
import { hasBothSides, peekFirst } from './units.ts';
import type { ExportFlag, ExportOptions, UnitSource } from './types.ts';
import { escapeXml, langTag } from './xml.ts';

const STATE = { auto: 'initial', confirmed: 'reviewed' } as const;
const PRIORITY: Record<string, number> = { critical: 1, major: 3, minor: 6 };

function note(f: ExportFlag): string {
  const priority = PRIORITY[f.severity] ?? 5;
  const who = f.author ? ` ${f.author}` : '';
  return `<note category="${escapeXml(f.category)}" priority="${priority}">[${escapeXml(f.severity)}, ${escapeXml(f.status)}]${escapeXml(who)}: ${escapeXml(f.comment)}</note>`;
}

export async function writeXliff(units: UnitSource, out: NodeJS.WritableStream, opts: ExportOptions = {}): Promise<{ count: number }> {
  const sink = new Sink(out);
  const { first, rest } = await peekFirst(units);
  const srcLang = langTag(first?.srcLang ?? opts.srcLang ?? 'en', opts.langTags);
  const tgtLang = langTag(first?.tgtLang ?? opts.tgtLang ?? 'ko', opts.langTags);
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="${escapeXml(srcLang)}" trgLang="${escapeXml(tgtLang)}">\n`,
  );
  let count = 0;
  let files = 0;
  let openStatement: number | null = null;
  // A bead's sentences (a sentence-level export) are the segments of one unit: unit ids stay unique.
  let openBead: number | null = null;
  let segments = 0;
  let u = first;
  while (u) {
    if (hasBothSides(u)) {
      count++;
      let s = '';
      const sameUnit = openStatement === u.statementId && openBead === u.beadId;
      if (!sameUnit && openBead !== null) s += '    </unit>\n';
      if (openStatement !== u.statementId) {
        if (openStatement !== null) s += '  </file>\n';
        files++;
        // Ids must be unique in the document even if a statement's units come back later.
        s += `  <file id="f${files}" original="statement-${u.statementId}">\n`;
        s += `    <notes><note category="title">${escapeXml(u.title)}</note>`;
        if (u.date !== null) s += `<note category="date">${escapeXml(u.date)}</note>`;
        s += '</notes>\n';
        openStatement = u.statementId;
      }
      if (!sameUnit) {
        s += `    <unit id="b${u.beadId}" name="${u.position}">\n`;
        if (u.flags.length > 0) s += `      <notes>${u.flags.map(note).join('')}</notes>\n`;
        openBead = u.beadId;
        segments = 0;
      }
      segments++;
      s += `      <segment id="s${u.beadId}${segments > 1 ? `-${segments}` : ''}" state="${STATE[u.status]}">\n`;
      s += `        <source xml:space="preserve">${escapeXml(u.src)}</source>\n`;
      s += `        <target xml:space="preserve">${escapeXml(u.tgt)}</target>\n`;
      s += '      </segment>\n';
      await sink.write(s);
    }
    const r = await rest.next();
    u = r.done ? null : r.value;
  }
  if (openStatement === null) {
    // XLIFF requires at least one <file>; an empty export still has to be a valid document.
    await sink.write('  <file id="f1"><unit id="empty"><segment><source/></segment></unit></file>\n');
  } else await sink.write('    </unit>\n  </file>\n');
  await sink.write('</xliff>\n');
  await sink.flush();
  return { count };
}
