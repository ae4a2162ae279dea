// Commitment and modality check: cue words of each strength must balance across the two sides.
import { baseLang, langName } from './side.ts';
import type { Hit, RawFinding, Unit } from './types.ts';

type Counter = RegExp | ((text: string) => Hit[]);

/**
 * Curated cue families. Levels run from strongest (index 0) to weakest; the cues of one level are
 * the ways each language says the same thing at that strength. Faithful renderings sit on the same
 * level ("strongly condemned" ↔ 규탄, "reaffirmed" ↔ 재확인); "agreed" ↔ 논의 crosses levels.
 */
interface Family { id: string; name: string[]; levels: Record<string, Counter>[]; strengthenSeverity: 'warning' | 'info' }

// Korean future/commitment endings "할 것이다", "될 것임", "하겠다": the syllable before 것 ends in ㄹ.
function koFuture(text: string): Hit[] {
  const out: Hit[] = [];
  for (const m of text.matchAll(/(\p{Script=Hangul})\s?것(?=이|임|을|으로)|(\p{Script=Hangul})겠/gu)) {
    const ch = m[1] ?? m[2]!;
    const code = ch.codePointAt(0)! - 0xac00;
    if (m[1] !== undefined && (code < 0 || code % 28 !== 8)) continue;
    out.push({ start: m.index, end: m.index + m[0].length });
  }
  return out;
}

export const FAMILIES: Family[] = [
  {
    id: 'agreement', name: ['agreement', 'planning', 'discussion'], strengthenSeverity: 'warning',
    levels: [
      {
        // "his decision to" carries the decision as firmly as "decided to", and Korean 결정 counts as a noun too.
        en: /\b(?:agreed|agrees|agree|decided|decides|decisions?|concurred|pledged|vowed|resolved\s+to|committed\s+to)\b/giu,
        ko: /기로\s?(?:합의|결정|약속|다짐|동의|했|하였|함)|합의(?!문|사항)|결정(?!적)|약속|다짐|동의/gu,
      },
      {
        en: /\b(?:pursue[sd]?|pursuing|plan(?:s|ned)?\s+to|intend(?:s|ed)?\s+to|push(?:ed)?\s+(?:for|ahead))\b/giu,
        ko: /추진(?!\s?현황)|추구|계획(?=하|이다|임|을\s?(?:세|수립))/gu,
      },
      {
        en: /\b(?:discuss(?:ed|es)?|discussions?|explor(?:e|ed|es|ing)|consider(?:ed|s)?|exchanged\s+views|consult(?:ed|s)?)\b/giu,
        ko: /논의|검토|모색|협의(?!그룹|체|회|기구)|의견을\s?(?:교환|나누)|견해를\s?(?:교환|나누)/gu,
      },
    ],
  },
  {
    id: 'affirm', name: ['reaffirmation', 'affirmation'], strengthenSeverity: 'info',
    levels: [
      { en: /\b(?:re-?affirm(?:ed|s|ing)?|reiterat(?:e|ed|es|ing)|reconfirm(?:ed|s)?)\b/giu, ko: /재확인|재천명|재강조|재다짐|거듭\s?확인|재차\s?확인/gu },
      { en: /\b(?<!re-?)(?:affirm(?:ed|s)?|confirm(?:ed|s)?|acknowledg(?:e|ed|es))\b/giu, ko: /(?<!재|거듭\s?|재차\s?)확인/gu },
    ],
  },
  {
    id: 'condemn', name: ['condemnation', 'concern'], strengthenSeverity: 'warning',
    levels: [
      { en: /\b(?:condemn(?:ed|s|ing|ation)?|denounc(?:e|ed|es)|deplor(?:e|ed|es))\b/giu, ko: /규탄|비난|개탄/gu },
      { en: /\b(?:concerns?|concerned|regret(?:s|ted)?)\b/giu, ko: /우려|유감/gu },
    ],
  },
  {
    id: 'intent', name: ['commitment', 'effort'], strengthenSeverity: 'warning',
    levels: [
      { en: /\b(?:will|shall|would)\b/giu, ko: koFuture },
      { en: /\b(?:seek(?:s|ing)?\s+to|sought\s+to|strive[sd]?|endeavou?r(?:s|ed)?|aim(?:s|ed)?\s+to|work(?:s|ed)?\s+(?:to|toward)|hope[sd]?\s+to|efforts?)\b/giu, ko: /노력|모색|지향|희망|힘쓰|힘써/gu },
    ],
  },
];

function count(c: Counter | undefined, text: string): Hit[] {
  if (!c) return [];
  if (typeof c === 'function') return c(text);
  c.lastIndex = 0;
  return [...text.matchAll(c)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

function quote(text: string, hits: Hit[]): string {
  return [...new Set(hits.map((h) => text.slice(h.start, h.end).trim()))].map((s) => `"${s}"`).join(', ');
}

export function checkModality(u: Unit): RawFinding[] {
  const ls = baseLang(u.src.lang), lt = baseLang(u.tgt.lang);
  const S = langName(u.src.lang), T = langName(u.tgt.lang);
  const out: RawFinding[] = [];
  for (const f of FAMILIES) {
    if (!f.levels.every((l) => l[ls] && l[lt])) continue;
    const hs = f.levels.map((l) => count(l[ls], u.src.text));
    const ht = f.levels.map((l) => count(l[lt], u.tgt.text));
    for (let lvl = 0; lvl < f.levels.length - 1; lvl++) {
      const diff = hs[lvl]!.length - ht[lvl]!.length;
      const lowerS = hs.slice(lvl + 1).flat(), lowerT = ht.slice(lvl + 1).flat();
      const excess = lowerT.length - lowerS.length;
      if (diff === 0) continue;
      // Fewer strong cues in the target and more weak ones: the target weakened the wording (or the reverse).
      if (diff > 0 && excess > 0) {
        out.push({
          check: 'modality', severity: 'warning',
          message: `${S} ${quote(u.src.text, hs[lvl]!)} (${f.name[lvl]}) is rendered with weaker wording in ${T}: ${quote(u.tgt.text, lowerT)}`,
          key: `modality:${f.id}:weaker:${lvl}`,
          srcHits: hs[lvl]!, tgtHits: lowerT,
        });
        break;
      }
      if (diff < 0 && excess < 0) {
        out.push({
          check: 'modality', severity: f.strengthenSeverity,
          message: `${T} ${quote(u.tgt.text, ht[lvl]!)} (${f.name[lvl]}) is stronger than the ${S} wording: ${quote(u.src.text, lowerS)}`,
          key: `modality:${f.id}:stronger:${lvl}`,
          srcHits: lowerS, tgtHits: ht[lvl]!,
        });
        break;
      }
    }
  }
  return out;
}
