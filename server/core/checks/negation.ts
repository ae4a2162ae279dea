// Negation check: a sentence that says "not" where its counterpart says nothing negative has likely
// flipped its meaning ("will not tolerate" ↔ "용인할 것이다").
import { baseLang, langName } from './side.ts';
import { sentenceBeads, type LengthModel, type Sent } from './coverage.ts';
import type { Hit, RawFinding, Unit } from './types.ts';

/**
 * Per language: `cue` finds explicit negations; `loose` finds words that carry a negation inside
 * them, which the other language may or may not write as one ("unwavering" ↔ 흔들림 없는,
 * "unacceptable" ↔ 용납할 수 없는, 변함없는 ↔ "steadfast"). A side with loose words only is never
 * taken as saying nothing negative, so neither side of such a pair is reported.
 */
interface NegationCues { cue: RegExp; loose: RegExp; ignore?: RegExp; main: RegExp; subordinate?: RegExp }

const CUES: Record<string, NegationCues> = {
  en: {
    cue: /\b(?:not|never|cannot|unless|nor|neither|none|nothing|nobody|no(?=\s+(?!later\b|less\b|more\b|sooner\b|doubt\b)\p{Ll})|without)\b|\b\p{L}+n['’]t\b/giu,
    loose: /\b(?:un(?!i(?:t|on|que|vers|fi|form)|der|til|less\b|anim)\p{L}{4,}|(?:in|im|ir|il)(?:possib|capab|evitab|abilit|admissib|complet|suffici|accepta|tolera|valid|respons|legal|regular|relevan|definite)\p{L}*|\p{L}{3,}less(?:ly|ness)?|dis(?:agree|approv|continu|regard)\p{L}*|fail(?:s|ed|ing|ure)?|lack(?:s|ed|ing)?|absen(?:t|ce)|refus(?:e|ed|es|al)|den(?:y|ied|ies|ial)|reject(?:s|ed|ion)?|prevent(?:s|ed)?|prohibit(?:s|ed|ion)?|ban(?:s|ned)?|halt(?:s|ed)?|stop(?:s|ped)?|ceas(?:e|ed|es)|avoid(?:s|ed)?|\p{L}+-free|free\s+(?:of|from)|zero|hardly|barely|rarely|seldom|scarcely|yet|few|little|except|instead|rather|unknown|unclear|neglect\p{L}*|miss(?:ed|es|ing)?|lost|los(?:e|es|ing)|difficult|hard|impossible|refrain(?:s|ed)?|block(?:s|ed)?|premature)\b/giu,
    // "not only … but also", "whether or not", "if not", "not least", "no later than", "No. 5".
    // Litotes and fixed phrases that say something positive: "has never been stronger", "second to
    // none", "no fewer than", "cannot be overstated", "will not stand idly by".
    ignore: /\bnot\s+only\b|\bor\s+not\b|\bif\s+not\b|\bnot\s+least\b|\bno\s+(?:later|less|more|sooner|fewer)\s+than\b|\bnothing\s+(?:less|short)\s+of\b|\bnothing\s+less\s+than\b|\bsecond\s+to\s+none\b|\bnever\s+been\s+(?:\p{L}+er|more|better|stronger)\b|\b(?:cannot|can\s?not|could\s+not)\s+be\s+(?:overstated|overemphasized|overemphasised)\b|\bnot\s+(?:stand|sit)\s+idly\s+by\b|\bNo\.\s?\d/giu,
    // A negated verb: "will not", "did not", "has never", "cannot", "won't".
    main: /\b(?:do|does|did|will|would|shall|should|can|could|may|might|must|is|are|was|were|has|have|had)(?:\s+not|n['’]t)\b|\bcannot\b|\bwon['’]t\b|\bnever\b|\bnot\s+to\b|\bno\s+longer\b/giu,
  },
  ko: {
    // 않 (하지 않다), 못 (하지 못하다, 못 하다), 아니 (아니다, 아닌; not 뿐만 아니라), 없 (없다, 없이; not 없애다),
    // 안 (해서는 안 된다), 말 (하지 말).
    cue: /않|(?<![\p{Script=Hangul}])못(?=\s?\p{Script=Hangul})|지\s?못|아니|아닌|아닐|아님|없(?![애앴앤앨])|(?<![\p{Script=Hangul}])안\s?(?=[되돼된됩될하한했할])|지\s?말(?:고|아야|것)/gu,
    // Words with a negation built in (없, 불-, 비-, 무-, 미-) and verbs of refusing or stopping:
    // 끊임없이 (constantly), 흔들림 없는 (unwavering), 변함없는 (steadfast), 차질 없이 (smoothly),
    // 전례 없는 (unprecedented), 용납할 수 없는 (unacceptable), 적지 않은 (considerable), 거부 (refuse)…
    loose: /(?:적지|못지|마지|머지|만만치|심상치|녹록지|아끼지|좌시하지|우연치)\s?않|(?:않을|아닐|어쩔)\s?수\s?(?:없|밖에)|나위\s?없|못\s?미치|(?:끊임|틀림|빈틈|흔들림|변함|차질|아낌|거침|여지|어김|다름|관계|상관|빠짐|손색|예외|전례|유례|쉴\s?새|수\s?밖에|할\s?수|될\s?수|일\s?수|길이|필요|의심의\s?여지가|여지가|예외가|변함이|차질이|문제가|지체)\s?없|(?<![\p{Script=Hangul}])(?:불(?!과)\p{Script=Hangul}|비인도|비합법|비정상|무조건|무관|무효|무의미|무시|미흡|미비|미완|미정)|거부|거절|부인|부정|금지|중단|중지|저지|실패|결여|부족|부재|제외|배제|모르|몰라|몰랐|힘들|어렵|드물|거의|아직|뿐|밖에|말고|삼가|자제/gu,
    ignore: /뿐\s?(?:만\s?)?아니라/gu,
    // The negation in the sentence's last clause: "…하지 않았다.", "…할 수 없을 것이다.", "…이 아니다.",
    // "…철수하지 않을 것이라는 점을 분명히 했다.", and a bullet's "…실시하지 않기로 합의".
    main: /(?:않|못|없|아니|아닌|안\s?[되돼된됩될])[\p{Script=Hangul}\s]{0,22}(?=[.!?。][”"’』」)]*(?:\s|$)|[”"’』」)]*(?:\n|$))/gu,
    subordinate: /^\S*?(?:아|어|여|지만|는데|면서|므로|때문에|고(?!\s?있)|며|니|면|도록),?\s/u,
  },
};

function hits(re: RegExp, text: string): Hit[] {
  re.lastIndex = 0;
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Explicit negations of a text, those inside an ignored phrase ("not only") left out. */
function negations(c: NegationCues, text: string): Hit[] {
  const skip = c.ignore ? hits(c.ignore, text) : [];
  return hits(c.cue, text).filter((h) => !skip.some((s) => s.start <= h.start && h.end <= s.end));
}

/** Explicit negations that are not part of a loose word (없 of 흔들림 없는 is the word's). */
function explicit(c: NegationCues, text: string): { neg: Hit[]; loose: Hit[]; main: Hit[] } {
  const loose = hits(c.loose, text);
  const neg = negations(c, text).filter((h) => !loose.some((l) => l.start <= h.start && h.end <= l.end));
  // A Korean negation followed by a connective ending ("…하지 않아 실망했다", "…없어 …", "…않지만")
  // negates a subordinate clause, not what the sentence says ("않고 있다" is still the predicate).
  const main = hits(c.main, text).filter((m) => !c.subordinate?.test(text.slice(m.start, m.end)));
  return { neg, loose, main };
}

/**
 * Sentence by sentence (as the sentences of the bead pair up): a sentence that negates where its
 * counterpart has nothing negative, loose words included, may say the opposite. A negated main verb
 * ("will not", "…하지 않았다.") that vanished is a warning; a negation elsewhere (a noun phrase,
 * "no idea", "without") is often rephrased without one, and stays for review.
 */
export function checkNegation(u: Unit, m: LengthModel, sb = sentenceBeads(u, m)): RawFinding[] {
  const cs = CUES[baseLang(u.src.lang)], ct = CUES[baseLang(u.tgt.lang)];
  if (!cs || !ct || !sb) return [];
  const a = explicit(cs, u.src.text), b = explicit(ct, u.tgt.text);
  if (!a.neg.length && !b.neg.length) return [];
  const S = langName(u.src.lang), T = langName(u.tgt.lang);
  const inside = (hs: Hit[], xs: Sent[]) => hs.filter((h) => xs.some((x) => x.start <= h.start && h.start < x.end));
  const quote = (text: string, hs: Hit[]) => [...new Set(hs.map((h) => text.slice(h.start, h.end)))].map((x) => `"${x}"`).join(', ');
  const severity = (main: Hit[], neg: Hit[]) => (main.some((m) => neg.some((h) => m.start < h.end && h.start < m.end)) ? 'warning' as const : 'info' as const);
  const out: RawFinding[] = [];
  for (const [bi, bj] of sb.beads) {
    if (!bi.length || !bj.length) continue;
    const sa = bi.map((i) => sb.ss[i]!), tb = bj.map((j) => sb.ts[j]!);
    const na = inside(a.neg, sa), nb = inside(b.neg, tb);
    if (na.length && !nb.length && !inside(b.loose, tb).length) {
      out.push({
        check: 'negation', severity: severity(a.main, na),
        message: `${S} negation ${quote(u.src.text, na)} has no counterpart in ${T}: the meaning may be reversed`,
        key: `negation:${T}:${sa[0]!.text.slice(0, 30).toLowerCase()}`,
        srcHits: na, tgtHits: tb.map((x) => ({ start: x.start, end: x.end })),
      });
    } else if (nb.length && !na.length && !inside(a.loose, sa).length) {
      out.push({
        check: 'negation', severity: severity(b.main, nb),
        message: `${T} negation ${quote(u.tgt.text, nb)} has no counterpart in ${S}: the meaning may be reversed`,
        key: `negation:${S}:${tb[0]!.text.slice(0, 30).toLowerCase()}`,
        srcHits: sa.map((x) => ({ start: x.start, end: x.end })), tgtHits: nb,
      });
    }
  }
  return out;
}
