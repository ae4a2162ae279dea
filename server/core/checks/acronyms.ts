// Acronym check: Latin acronyms on both sides must agree, allowing the usual native renderings.
import type { Anchor } from '../anchors.ts';
import type { Glossary } from '../glossary.ts';
import { baseLang, langName } from './side.ts';
import { inPartyCompound } from './terminology.ts';
import type { RawFinding, Unit } from './types.ts';

// Renderings a Korean text uses instead of the Latin acronym; a glossary adds to these.
const BUILTIN: Record<string, Record<string, string[]>> = {
  ko: {
    US: ['미국', '미측', '미'], USA: ['미국'], ROK: ['한국', '대한민국', '한측', '한미', '우리'], DPRK: ['북한', '북측', '조선민주주의인민공화국'],
    PRC: ['중국'], UN: ['유엔', '국제연합'], UNSC: ['안보리', '안전보장이사회'], EU: ['유럽연합'], NATO: ['나토', '북대서양조약기구'],
    ASEAN: ['아세안'], IAEA: ['국제원자력기구'], WMD: ['대량살상무기'], ICBM: ['대륙간탄도미사일'], SLBM: ['잠수함발사탄도미사일'],
    SRBM: ['단거리'], IRBM: ['중거리'], USFK: ['주한미군'], CFC: ['연합사', '연합군사령부'], JCS: ['합참', '합동참모본부'],
    NSC: ['국가안보회의', '국가안전보장회의'], SCM: ['안보협의회의'], MCM: ['군사위원회'], FOC: ['완전운용능력'], IOC: ['기본운용능력'],
    DMZ: ['비무장지대'], NLL: ['북방한계선'], THAAD: ['사드'], MOU: ['양해각서'], FTA: ['자유무역협정'], AI: ['인공지능'],
    COVID: ['코로나'], DC: ['워싱턴'], UNC: ['유엔사', '유엔군사령부'], DOD: ['국방부'], MND: ['국방부'], MOFA: ['외교부'],
    NCG: ['핵협의그룹'], EDSCG: ['확장억제전략협의체'], DSC: ['억제전략위원회'], KIDD: ['통합국방협의체'], OPCON: ['작전통제권', '전작권'],
    TTX: ['도상연습'], UFS: ['을지 자유의 방패', '을지프리덤실드'], CNI: ['재래식-핵 통합', '재래식 핵 통합'], APEC: ['에이펙'], KRW: ['원'], USD: ['달러'], JPY: ['엔'],
  },
  // As Japan's foreign and defence ministries write them in trilateral statements.
  ja: {
    US: ['米国', '米', 'アメリカ', '合衆国'], USA: ['米国', 'アメリカ合衆国'], ROK: ['韓国', '大韓民国', '日韓', '日米韓', '韓'], DPRK: ['北朝鮮', '朝鮮民主主義人民共和国'],
    PRC: ['中国', '中華人民共和国'], UN: ['国連', '国際連合'], UNSC: ['安保理', '安全保障理事会'], EU: ['欧州連合'], NATO: ['北大西洋条約機構'],
    ASEAN: ['東南アジア諸国連合'], IAEA: ['国際原子力機関'], WMD: ['大量破壊兵器'], ICBM: ['大陸間弾道ミサイル'], SLBM: ['潜水艦発射弾道ミサイル'],
    SRBM: ['短距離'], IRBM: ['中距離'], USFJ: ['在日米軍'], USFK: ['在韓米軍'], JCS: ['統合参謀本部'], NSC: ['国家安全保障会議'],
    DMZ: ['非武装地帯'], MOU: ['覚書'], FTA: ['自由貿易協定'], AI: ['人工知能'], DC: ['ワシントン'], DOD: ['国防総省', '国防省'], MOFA: ['外務省'], MOD: ['防衛省'],
    JSDF: ['自衛隊'], SDF: ['自衛隊'], APEC: ['アジア太平洋経済協力'], USD: ['ドル'], JPY: ['円'], KRW: ['ウォン'], G7: ['G7'],
  },
};

const STOP = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', '&', 'a', 'an']);

function renderings(acr: string, lang: string, g: Glossary | undefined, srcLang: string): string[] {
  const out = [...(BUILTIN[baseLang(lang)]?.[acr] ?? [])];
  if (g) {
    for (const t of g.terms) {
      const mine = t.terms[srcLang] ?? [];
      if (mine.some((s) => s.replace(/\./g, '').toUpperCase() === acr && /^[\p{Lu}\d.&/-]+$/u.test(s))) out.push(...(t.terms[lang] ?? []));
    }
  }
  return out;
}

/**
 * Whether `text` renders the acronym in its own words: one of its renderings, or, in Korean, the
 * country's one-syllable abbreviation inside a compound of parties (한-아세안, 한일, 북미), as the
 * terminology check reads them.
 */
function rendered(acr: string, lang: string, text: string, g: Glossary | undefined, otherLang: string): boolean {
  const rs = renderings(acr, lang, g, otherLang);
  return rs.some((r) => r && text.includes(r)) || ((baseLang(lang) === 'ko' || baseLang(lang) === 'ja') && inPartyCompound(text, rs, []));
}

/** True when `acr` spells the initials of consecutive words of `text` (stop words may be skipped). */
export function spellsInitials(acr: string, text: string): boolean {
  const words = text.split(/[^\p{L}\d&]+/u).filter(Boolean);
  const target = acr.toLowerCase();
  const go = (wi: number, ai: number, used: number): boolean => {
    if (ai === target.length) return used >= 2 || target.length <= 2;
    if (wi >= words.length) return false;
    const w = words[wi]!.toLowerCase();
    // Each contributing word gives a prefix of one to three letters ("OPCON" = OPerational CONtrol).
    for (let k = Math.min(3, w.length); k >= 1; k--) {
      if (target.startsWith(w.slice(0, k), ai) && go(wi + 1, ai + k, used + 1)) return true;
    }
    // Stop words and dotted single letters ("U.S." in "Korea-U.S. Integrated …") may be passed over.
    return (STOP.has(w) || w.length === 1) && used > 0 ? go(wi + 1, ai, used) : false;
  };
  for (let i = 0; i < words.length; i++) if (go(i, 0, 0)) return true;
  return false;
}

/** The glossary lists the acronym next to a long form the source uses ("Integrated Defense Dialogue" for KIDD). */
function expandedInSource(g: Glossary, acr: string, lang: string, text: string): boolean {
  const lower = text.toLowerCase();
  return g.terms.some((t) => {
    const alts = t.terms[lang] ?? [];
    return alts.some((x) => x.replace(/\./g, '').toUpperCase() === acr && /^[\p{Lu}\d.&/-]+$/u.test(x))
      && alts.some((x) => x.length > acr.length + 2 && lower.includes(x.toLowerCase()));
  });
}

function isSubsequence(small: string, big: string): boolean {
  let j = 0;
  for (const ch of big) if (ch === small[j]) j++;
  return j === small.length && small.length < big.length;
}

export function checkAcronyms(u: Unit, as: Anchor[], at: Anchor[]): RawFinding[] {
  const S = langName(u.src.lang), T = langName(u.tgt.lang);
  const acrS = as.filter((a) => a.kind === 'acronym');
  const acrT = at.filter((a) => a.kind === 'acronym');
  const setS = new Set(acrS.map((a) => a.value));
  const setT = new Set(acrT.map((a) => a.value));
  const g = u.opts.glossary;
  // Source acronyms the target neither repeats nor renders in its own words.
  const lostS = acrS.filter((a, i) => !setT.has(a.value) && acrS.findIndex((b) => b.value === a.value) === i
    && !rendered(a.value, u.tgt.lang, u.tgt.text, g, u.src.lang));
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const a of acrT) {
    if (setS.has(a.value) || seen.has(a.value)) continue;
    seen.add(a.value);
    // "전시작전통제권(CFC)": the gloss must be the acronym of the term it glosses, whatever else the source spells.
    const host = /([\p{Script=Hangul}][\p{Script=Hangul}\s·∙-]*)\s?[(（]$/u.exec(u.tgt.text.slice(Math.max(0, a.start - 24), a.start))?.[1]?.replace(/\s/g, '');
    const glossed = host ? acrS.find((b) => b.value !== a.value && renderings(b.value, u.tgt.lang, g, u.src.lang).some((r) => r.length >= 2 && host.endsWith(r.replace(/\s/g, '')))) : undefined;
    if (glossed) {
      out.push({
        check: 'acronyms', severity: 'error',
        message: `${T} glosses the term for ${glossed.value} as ${a.value}`,
        key: `acronyms:${glossed.value}|${a.value}`, srcHits: [glossed], tgtHits: [a],
      });
      continue;
    }
    const rival = lostS.find((b) => isSubsequence(a.value, b.value) || isSubsequence(b.value, a.value));
    if (rival || (lostS.length && !spellsInitials(a.value, u.src.text))) {
      const r = rival ?? lostS[0]!;
      out.push({
        check: 'acronyms', severity: 'error',
        message: `${T} has ${a.value} where ${S} has ${r.value}`,
        key: `acronyms:${r.value}|${a.value}`, srcHits: [r], tgtHits: [a],
      });
      continue;
    }
    // "을지 자유의 방패(UFS)" for "Ulchi Freedom Shield": an acronym the source spells out is faithful.
    if (spellsInitials(a.value, u.src.text) || rendered(a.value, u.src.lang, u.src.text, g, u.tgt.lang)) continue;
    if (g && expandedInSource(g, a.value, u.src.lang, u.src.text)) continue;
    out.push({
      check: 'acronyms', severity: 'warning',
      message: `${T} acronym ${a.value} has no counterpart in ${S}`,
      key: `acronyms:tgt:${a.value}`, srcHits: [], tgtHits: [a],
    });
  }
  for (const b of lostS) {
    if (out.some((f) => f.key.startsWith(`acronyms:${b.value}|`))) continue;
    out.push({
      check: 'acronyms', severity: 'info',
      message: `${S} acronym ${b.value} is neither repeated nor rendered in ${T}`,
      key: `acronyms:src:${b.value}`, srcHits: [b], tgtHits: [],
    });
  }
  // The reverse direction (an acronym only the source has, while the target spells out another one) is
  // covered above; a source acronym the target lacks is only info because translators spell them out.
  return out;
}
