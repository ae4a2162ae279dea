// TMX 1.4b writer: one <tu> per bead with provenance props and flag notes, valid against the TMX 1.4 DTD.
import { Sink } from './sink.ts';
import { flagText, hasBothSides, paragraphList, peekFirst } from './units.ts';
import type { ExportOptions, UnitSource } from './types.ts';
import { escapeXml, langTag } from './xml.ts';

export async function writeTmx(units: UnitSource, out: NodeJS.WritableStream, opts: ExportOptions = {}): Promise<{ count: number }> {
  const sink = new Sink(out);
  const { first, rest } = await peekFirst(units);
  const srcLang = langTag(first?.srcLang ?? opts.srcLang ?? 'en', opts.langTags);
  await sink.write(
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
      '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' +
      '<tmx version="1.4">\n' +
      `  <header creationtool="twintext" creationtoolversion="${escapeXml(opts.toolVersion ?? '0.0.0')}"` +
      ` segtype="${opts.segtype ?? 'paragraph'}" o-tmf="twintext" adminlang="en" srclang="${escapeXml(srcLang)}"` +
      ' datatype="plaintext"/>\n' +
      '  <body>\n',
  );
  let count = 0;
  let u = first;
  while (u) {
    if (hasBothSides(u)) {
      count++;
      const props: [string, string][] = [
        ['x-statement-id', String(u.statementId)],
        ['x-title', u.title],
      ];
      if (u.date !== null) props.push(['x-date', u.date]);
      props.push(
        ['x-bead-id', String(u.beadId)],
        ['x-position', String(u.position)],
        ['x-src-paragraphs', paragraphList(u.srcParagraphs)],
        ['x-tgt-paragraphs', paragraphList(u.tgtParagraphs)],
        ['x-status', u.status],
        ['x-confidence', String(u.confidence)],
      );
      // A statement aligned the other way round says so: the header's srclang is the first unit's.
      const own = langTag(u.srcLang, opts.langTags);
      let s = own === srcLang ? `    <tu tuid="${u.beadId}">\n` : `    <tu tuid="${u.beadId}" srclang="${escapeXml(own)}">\n`;
      for (const [type, value] of props) s += `      <prop type="${type}">${escapeXml(value)}</prop>\n`;
      for (const f of u.flags) s += `      <note>${escapeXml(flagText(f))}</note>\n`;
      s += `      <tuv xml:lang="${escapeXml(langTag(u.srcLang, opts.langTags))}"><seg>${escapeXml(u.src)}</seg></tuv>\n`;
      s += `      <tuv xml:lang="${escapeXml(langTag(u.tgtLang, opts.langTags))}"><seg>${escapeXml(u.tgt)}</seg></tuv>\n`;
      s += '    </tu>\n';
      await sink.write(s);
    }
    const r = await rest.next();
    u = r.done ? null : r.value;
  }
  await sink.write('  </body>\n</tmx>\n');
  await sink.flush();
  return { count };
}
