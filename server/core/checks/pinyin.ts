// Chinese names as Korean writes them: Pinyin read into Hangul by Korean's rules for transcribing
// Mandarin (쑨 for sun, 궁 for gong, 쥔 for jun, 원 for wen, 자오 for zhao), so that the names check can
// tell a Chinese name in its Chinese reading (쑨원, 궁쥔, 양쥔) from an ordinary word that only sounds
// alike (순간, 궁전, 중국). Pure.

/** Initials, longest first, and the Hangul initial (choseong index) Korean writes for each. */
const INITIALS: [string, number][] = [
  ['zh', 12], ['ch', 14], ['sh', 9], ['b', 7], ['p', 17], ['m', 6], ['f', 17], ['d', 3], ['t', 16], ['n', 2], ['l', 5],
  ['g', 0], ['k', 15], ['h', 18], ['j', 12], ['q', 14], ['x', 9], ['r', 5], ['z', 13], ['c', 14], ['s', 10], ['y', 11], ['w', 11], ['', 11],
];
// Hangul vowels (jungseong) and finals (jongseong) by index.
const A = 0, YA = 2, EO = 4, E = 5, YE = 7, O = 8, WA = 9, U = 13, WO = 14, WE = 15, WI = 16, YU = 17, EU = 18, I = 20;
const N = 4, L = 8, NG = 21;

/** A final: its vowel and final consonant, and the syllables Korean writes after it (ai 아이, ao 아오, ou 어우). */
type Final = [vowel: number, coda: number, rest?: string];
const FINALS: Record<string, Final> = {
  a: [A, 0], o: [O, 0], e: [EO, 0], ai: [A, 0, '이'], ei: [E, 0, '이'], ao: [A, 0, '오'], ou: [EO, 0, '우'],
  an: [A, N], en: [EO, N], ang: [A, NG], eng: [EO, NG], ong: [U, NG], er: [EO, L],
  i: [I, 0], ia: [YA, 0], ie: [YE, 0], iao: [YA, 0, '오'], iu: [YU, 0], ian: [YE, N], in: [I, N], iang: [YA, NG], ing: [I, NG], iong: [YU, NG],
  u: [U, 0], ua: [WA, 0], uo: [WO, 0], uai: [WA, 0, '이'], ui: [U, 0, '이'], uan: [WA, N], un: [U, N], uang: [WA, NG],
  v: [WI, 0], ve: [WE, 0], van: [WI, 0, '안'], vn: [WI, N],
};
/** What y and w write before a final (ya is ia, wei 웨이, wen 원). */
const Y_FINAL: Record<string, string> = { a: 'ia', e: 'ie', ao: 'iao', ou: 'iu', an: 'ian', in: 'in', ang: 'iang', ing: 'ing', ong: 'iong', i: 'i', u: 'v', ue: 've', uan: 'van', un: 'vn' };
const W_FINAL: Record<string, Final> = {
  a: FINALS.ua!, o: FINALS.uo!, ai: FINALS.uai!, ei: [WE, 0, '이'], an: FINALS.uan!, en: [WO, N], ang: FINALS.uang!, eng: [WO, NG], u: FINALS.u!,
};
/** After j, q and x a u is ü (ju 쥐, jun 쥔, xue 쉐, juan 쥐안). */
const U_AS_V: Record<string, string> = { u: 'v', ue: 've', uan: 'van', un: 'vn' };

/** The Hangul for one Pinyin syllable (lower case, no tone), or undefined when it is none. */
function syllable(s: string, first = true): string | undefined {
  for (const [ini, cho] of INITIALS) {
    if (!s.startsWith(ini)) continue;
    // Inside a word a syllable without an initial follows an apostrophe (Xi'an): here it is none.
    if (ini === '' && !first) continue;
    let fin = s.slice(ini.length);
    let f: Final | undefined;
    if (ini === 'y') f = Y_FINAL[fin] !== undefined ? FINALS[Y_FINAL[fin]!] : undefined;
    else if (ini === 'w') f = W_FINAL[fin];
    else {
      if (ini === 'j' || ini === 'q' || ini === 'x') {
        fin = U_AS_V[fin] ?? fin;
        if (!/^[iv]/.test(fin)) continue;
      }
      // A bare o follows only b, p, m, f and l (bo, lo); er stands alone; a syllable without an initial
      // opens with a, o or e (i, u and ü are written yi, wu, yu).
      if ((fin === 'o' && !/^[bpmfl]?$/.test(ini)) || (fin === 'er' && ini !== '') || (ini === '' && !/^[aoe]/.test(fin))) continue;
      // Finals that open with i follow only b, p, m, d, t, n, l, j, q and x (zhi, si: the i is 으);
      // those with u and ong no labial (bu, but no bun or bong); ü only n, l, j, q and x.
      if (fin.startsWith('i') && !/^[bpmdtnljqx]$/.test(ini) && !(fin === 'i' && /^(?:zh|ch|sh|r|z|c|s)$/.test(ini))) continue;
      if (((fin.startsWith('u') && fin !== 'u') || fin === 'ong') && /^[bpmf]$/.test(ini)) continue;
      if (fin.startsWith('v') && !/^[nljqx]$/.test(ini)) continue;
      f = FINALS[fin];
    }
    if (!f) continue;
    let [vowel, coda, rest] = f;
    // zhi, chi, shi, ri, zi, ci, si: the vowel is 으 (즈, 츠, 스, 르, 쯔, 츠, 쓰).
    if (vowel === I && coda === 0 && !rest && /^(?:zh|ch|sh|r|z|c|s)$/.test(ini)) vowel = EU;
    // After ㅈ, ㅉ and ㅊ Korean writes ya, ye, yo, yu as a, e, o, u (jia 자, jie 제, jiu 주, jian 젠).
    if (cho === 12 || cho === 13 || cho === 14) vowel = ({ [YA]: A, [YE]: E, [YU]: U } as Record<number, number>)[vowel] ?? vowel;
    return String.fromCharCode(0xac00 + (cho * 21 + vowel) * 28 + coda) + (rest ?? '');
  }
  return undefined;
}

/**
 * The Hangul a romanized Chinese name (or part of one: "Sun", "Zhaoxu", "Jin-ping") is written in by
 * its Pinyin reading, one for each way its letters divide into syllables (xian 셴, xi'an 시안);
 * empty when it is no Pinyin ("Yat-sen", "Jung", "Kim").
 */
export function pinyinHangul(name: string): string[] {
  const parts = name.toLowerCase().split(/[\s’'-]+/u).filter(Boolean);
  if (!parts.length || parts.some((p) => !/^[a-zü]+$/u.test(p))) return [];
  let out = [''];
  for (const p of parts.map((x) => x.replace(/ü/gu, 'v'))) {
    const ways = readings(p, 0, new Map());
    if (!ways.length) return [];
    out = out.flatMap((o) => ways.map((w) => o + w));
    if (out.length > 16) out = out.slice(0, 16);
  }
  return [...new Set(out)];
}

function readings(p: string, at: number, memo: Map<number, string[]>): string[] {
  if (at === p.length) return [''];
  let v = memo.get(at);
  if (v) return v;
  v = [];
  for (let end = Math.min(p.length, at + 6); end > at; end--) {
    const h = syllable(p.slice(at, end), at === 0);
    if (h === undefined) continue;
    for (const r of readings(p, end, memo)) v.push(h + r);
  }
  memo.set(at, v);
  return v;
}

let inventory: Set<string> | undefined;
/**
 * Whether every syllable of a Hangul word is one Korean writes Mandarin with: a Chinese name in its
 * Chinese reading is, while most ordinary words are not (중국: Mandarin has no syllable ending in k;
 * 중요한, 충분히, 숭고한).
 */
export function transcribesMandarin(w: string): boolean {
  if (!inventory) {
    inventory = new Set();
    for (const [ini] of INITIALS) {
      for (const fin of [...Object.keys(FINALS), ...Object.keys(Y_FINAL), ...Object.keys(W_FINAL), 'ue']) {
        for (const ch of syllable(ini + fin) ?? '') inventory.add(ch);
      }
    }
  }
  return w.length > 0 && [...w].every((ch) => inventory!.has(ch));
}
