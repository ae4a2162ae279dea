// Entry point of the difference checks between aligned paragraphs: runs each check per bead, orders findings.
import type { Bead } from '../types.ts';
import { InputError } from '../types.ts';
import { baseLanguage } from '../lang.ts';
import { checkAcronyms } from './acronyms.ts';
import { checkEmpty, checkLength, checkSentences, contentLength, lengthModel, sentenceBeads, sentenceModel } from './coverage.ts';
import { blankDatelines } from '../dateline.ts';
import { checkModality } from './modality.ts';
import { checkNegation } from './negation.ts';
import { checkNames } from './names.ts';
import { checkDates, checkNumbers } from './numbers.ts';
import { extractQuantities } from './quantities.ts';
import { makeSide, toFinding } from './side.ts';
import { checkTerminology } from './terminology.ts';
import type { CheckOptions, Finding, RawFinding, Unit } from './types.ts';

export type { CheckOptions, Finding, Severity, Span } from './types.ts';
export { checkConsistency, type ConsistencyPair } from './consistency.ts';
export { FAMILIES as MODALITY_FAMILIES } from './modality.ts';

/** Every check name, in the order findings of one bead are listed. */
export const CHECKS = ['numbers', 'dates', 'acronyms', 'names', 'omission', 'addition', 'length', 'terminology', 'modality', 'negation', 'consistency'] as const;
const ORDER = new Map<string, number>(CHECKS.map((c, i) => [c, i]));

function validate(src: string[], tgt: string[], beads: Bead[], opts: CheckOptions): void {
  if (!opts.srcLang || !opts.tgtLang) throw new InputError('checks: srcLang and tgtLang are required');
  for (const c of opts.checks ?? []) {
    if (!ORDER.has(c)) throw new InputError(`checks: unknown check "${c}" (known: ${CHECKS.join(', ')})`);
  }
  beads.forEach((b, i) => {
    for (const [side, list, n] of [['src', b.src, src.length], ['tgt', b.tgt, tgt.length]] as const) {
      for (const x of list) {
        if (!Number.isInteger(x) || x < 0 || x >= n) throw new InputError(`checks: bead ${i} has ${side} index ${x} outside 0..${n - 1}`);
      }
    }
  });
}

/**
 * Findings for an aligned document: paragraph-level checks per bead and sentence-level checks inside
 * beads with text on both sides. Sorted by the bead's first paragraph, then by check.
 */
export function checkAlignment(src: string[], tgt: string[], beads: Bead[], given: CheckOptions): Finding[] {
  validate(src, tgt, beads, given);
  // The glossary is keyed by language ("ja"), whatever a text's tag ("ja-JP").
  const opts = given.srcLang.includes('-') || given.tgtLang.includes('-') ? { ...given, srcLang: baseLanguage(given.srcLang), tgtLang: baseLanguage(given.tgtLang) } : given;
  const want = (c: string) => !opts.checks || opts.checks.includes(c);
  // A news-agency dateline is not content the translation carries: it is blanked on both sides.
  src = src.map((t) => blankDatelines(t, opts.srcLang));
  tgt = tgt.map((t) => blankDatelines(t, opts.tgtLang));
  const doc = { src: src.join('\n'), tgt: tgt.join('\n') };
  const units: Unit[] = beads.map((b) => ({
    src: makeSide(opts.srcLang, b.src, b.src.map((i) => src[i]!)),
    tgt: makeSide(opts.tgtLang, b.tgt, b.tgt.map((i) => tgt[i]!)),
    opts,
    doc,
  }));
  const full = units.filter((u) => u.src.paras.length && u.tgt.paras.length);
  // The document's own length ratio is the yardstick: languages, scripts and house styles differ.
  const paraModel = lengthModel(full.map((u) => [contentLength(u.src.text), contentLength(u.tgt.text)]), 0.15);
  const sentModel = sentenceModel(full, paraModel);
  const all: { f: Finding; bead: number; at: number }[] = [];
  units.forEach((u, bi) => {
    const raw: RawFinding[] = [];
    if (!u.src.paras.length || !u.tgt.paras.length) {
      if (want('omission') || want('addition')) raw.push(...checkEmpty(u, [units[bi - 1], units[bi + 1]].filter((v) => v !== undefined)));
    } else {
      const qs = extractQuantities(u.src.text, u.src.lang);
      const qt = extractQuantities(u.tgt.text, u.tgt.lang);
      if (want('numbers')) raw.push(...checkNumbers(u, qs, qt));
      if (want('dates')) raw.push(...checkDates(u, qs, qt));
      if (want('acronyms')) raw.push(...checkAcronyms(u, qs.anchors, qt.anchors));
      if (want('names')) raw.push(...checkNames(u, qs.anchors, qt.anchors));
      // Sentences pair up once for the checks that read them.
      const sb = want('omission') || want('addition') || want('negation') ? sentenceBeads(u, sentModel) : null;
      if (want('omission') || want('addition')) raw.push(...checkSentences(u, sentModel, sb));
      if (want('length')) raw.push(...checkLength(u, paraModel));
      if (want('terminology')) raw.push(...checkTerminology(u));
      if (want('modality')) raw.push(...checkModality(u));
      if (want('negation')) raw.push(...checkNegation(u, sentModel, sb));
    }
    for (const r of raw) {
      if (!want(r.check)) continue;
      const f = toFinding(u.src, u.tgt, r);
      const starts = [...f.srcSpans, ...f.tgtSpans].map((s) => s.span.start);
      const at = starts.length ? Math.min(...starts) : 0;
      all.push({ f, bead: bi, at });
    }
  });
  all.sort((a, b) => a.bead - b.bead || ORDER.get(a.f.check)! - ORDER.get(b.f.check)! || a.at - b.at);
  return all.map((x) => x.f);
}
