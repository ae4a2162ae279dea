// Iteration helpers shared by the exporters: peeking at the first unit, and the per-unit text rules.
import type { ExportFlag, ExportUnit, UnitSource } from './types.ts';

async function* iterate(units: UnitSource): AsyncGenerator<ExportUnit, void, undefined> {
  for await (const u of units) yield u;
}

/** Takes the first unit off the stream: XML headers need the language pair before any unit is written. */
export async function peekFirst(units: UnitSource): Promise<{ first: ExportUnit | null; rest: AsyncIterator<ExportUnit> }> {
  const it = iterate(units);
  const r = await it.next();
  return { first: r.done ? null : r.value, rest: it };
}

/** TMX, XLIFF and Moses carry only real pairs: an omission/insertion bead has nothing to pair. */
export function hasBothSides(u: ExportUnit): boolean {
  return u.src.trim() !== '' && u.tgt.trim() !== '';
}

export function flagText(f: ExportFlag): string {
  const who = f.author ? ` ${f.author}` : '';
  return `${f.category} [${f.severity}, ${f.status}]${who}: ${f.comment}`;
}

export function paragraphList(ns: number[]): string {
  return ns.join(',');
}
