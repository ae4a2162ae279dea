// Building bead sides from paragraph lists and mapping joined-text offsets back to paragraphs.
import type { Lang } from '../types.ts';
import type { Finding, Hit, RawFinding, Side, Span } from './types.ts';

export function makeSide(lang: Lang, paras: number[], texts: string[]): Side {
  const starts: number[] = [];
  let pos = 0;
  for (const t of texts) {
    starts.push(pos);
    pos += t.length + 1;
  }
  return { lang, paras, texts, text: texts.join('\n'), starts };
}

/** The paragraph (document index) and in-paragraph span of a joined-text hit. */
export function locate(side: Side, hit: Hit): { paragraph: number; span: Span } {
  let k = 0;
  while (k + 1 < side.starts.length && side.starts[k + 1]! <= hit.start) k++;
  const base = side.starts[k] ?? 0;
  const t = side.texts[k] ?? '';
  const start = Math.max(0, hit.start - base);
  const end = Math.min(t.length, Math.max(start, hit.end - base));
  return { paragraph: side.paras[k] ?? -1, span: { start, end, text: t.slice(start, end) } };
}

function parasOf(side: Side, hits: Hit[], explicit: number[] | undefined): number[] {
  if (explicit) return [...new Set(explicit)].sort((a, b) => a - b);
  if (hits.length) return [...new Set(hits.map((h) => locate(side, h).paragraph))].sort((a, b) => a - b);
  return [...side.paras];
}

export function toFinding(src: Side, tgt: Side, r: RawFinding): Finding {
  return {
    check: r.check,
    severity: r.severity,
    message: r.message,
    src: parasOf(src, r.srcHits, r.srcParas),
    tgt: parasOf(tgt, r.tgtHits, r.tgtParas),
    srcSpans: r.srcHits.map((h) => locate(src, h)),
    tgtSpans: r.tgtHits.map((h) => locate(tgt, h)),
    key: r.key,
  };
}

const LANG_NAMES: Record<string, string> = {
  en: 'English', ko: 'Korean', ja: 'Japanese', zh: 'Chinese', fr: 'French', de: 'German', es: 'Spanish', ru: 'Russian',
};

/** Human name of a language code for messages ("ko" → "Korean"). */
export function langName(lang: Lang): string {
  return LANG_NAMES[lang.toLowerCase().split('-')[0] ?? ''] ?? lang;
}

/** The language family a cue table is keyed by ("en-US" → "en"). */
export function baseLang(lang: Lang): string {
  return lang.toLowerCase().split('-')[0] ?? lang;
}

export const HANGUL_RE = /\p{Script=Hangul}/u;
