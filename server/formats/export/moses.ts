// Moses writer: two line-aligned plain-text files, one segment per line.
import { Sink } from './sink.ts';
import { hasBothSides } from './units.ts';
import type { UnitSource } from './types.ts';

/**
 * A unit's internal paragraph breaks become spaces: Moses is strictly one segment per line. Line
 * breaks are what any reader may take for one: besides CR and LF, the vertical tab, form feed and
 * the file, group and record separators (\x1c–\x1e), which Python's splitlines() breaks at.
 */
export function mosesLine(s: string): string {
  return s.replace(/\s*[\r\n\v\f\x1c-\x1e\u2028\u2029\u0085]+\s*/g, ' ').trim();
}

export async function writeMoses(
  units: UnitSource,
  out: { src: NodeJS.WritableStream; tgt: NodeJS.WritableStream },
): Promise<{ count: number }> {
  const src = new Sink(out.src);
  const tgt = new Sink(out.tgt);
  let count = 0;
  for await (const u of units) {
    if (!hasBothSides(u)) continue;
    count++;
    await src.write(mosesLine(u.src) + '\n');
    await tgt.write(mosesLine(u.tgt) + '\n');
  }
  await src.flush();
  await tgt.flush();
  return { count };
}
