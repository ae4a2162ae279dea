// The Japanese planting of bench/plant.ts (npm run bench:checks): each plant changes what its note
// says and nothing else, and leaves a number, a date, an acronym or a name that Japanese would write.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { kanjiNumber } from '../../server/core/anchors.ts';
import { parseGlossary } from '../../server/core/glossary.ts';
import { fullWidth, japaneseNumberValue, kanjiNumeral, plant, splitJaSentences, type Category, type Doc, type Planted } from '../../bench/plant.ts';
import { rng } from '../../bench/synthetic.ts';

const glossary = parseGlossary(readFileSync(fileURLToPath(new URL('../../data/glossary.tsv', import.meta.url)), 'utf8'));

/** A one-paragraph English–Japanese document (statements written for these tests). */
const doc = (en: string, ja: string): Doc => ({ id: 't', en: [en], tgt: [ja], beads: [{ src: [0], tgt: [0], confidence: 1 }] });

/** Every distinct plant of `category` over 40 draws. */
function plants(d: Doc, category: Category): Planted[] {
  const r = rng(7);
  const seen = new Map<string, Planted>();
  for (let i = 0; i < 40; i++) {
    const p = plant(d, category, r, glossary, 'ja');
    if (p) seen.set(p.doc.tgt.join('\n'), p);
  }
  return [...seen.values()];
}

/** The changed span: what `after` has where `before` differs (common prefix and suffix taken off). */
function change(before: string, after: string): { from: string; to: string; at: number } {
  let a = 0;
  while (a < before.length && before[a] === after[a]) a++;
  let b = 0;
  while (b < before.length - a && b < after.length - a && before[before.length - 1 - b] === after[after.length - 1 - b]) b++;
  return { from: before.slice(a, before.length - b), to: after.slice(a, after.length - b), at: a };
}

/** The whole number around a changed span (its digits, kanji numerals and myriad units). */
function numberAt(text: string, at: number, len: number): string {
  const num = /[\d０-９,，.．〇一二三四五六七八九十百千万億兆]/u;
  let s = at, e = at + len;
  while (s > 0 && num.test(text[s - 1]!)) s--;
  while (e < text.length && num.test(text[e]!)) e++;
  return text.slice(s, e);
}

describe('bench/plant: Japanese numbers', () => {
  it('writes kanji numbers as Japanese does, the inverse of kanjiNumber', () => {
    const cases: [number, string][] = [[10, '十'], [26, '二十六'], [150, '百五十'], [1000, '千'], [35000, '三万五千'], [5e11, '五千億'], [3e9, '三十億'], [1.2e12, '一兆二千億']];
    for (const [n, k] of cases) {
      expect(kanjiNumeral(n), String(n)).to.equal(k);
      expect(kanjiNumber(k), k).to.equal(n);
    }
    for (let n = 1; n < 20000; n += 37) expect(kanjiNumber(kanjiNumeral(n)), String(n)).to.equal(n);
  });

  it('reads digits, full-width digits and kanji with their myriad units', () => {
    expect(japaneseNumberValue('5万5千')).to.equal(55000);
    expect(japaneseNumberValue('１，０００')).to.equal(1000);
    expect(japaneseNumberValue('120億')).to.equal(1.2e10);
    expect(japaneseNumberValue('五千億')).to.equal(5e11);
    expect(fullWidth('1,200')).to.equal('１，２００');
  });

  it('changes one number the English gives, into another well-formed number of the same script', () => {
    const d = doc('Japan will invest 500 billion yen over five years; about 55,000 personnel and 1,200 sailors in 9 ships took part, on March 4, 2026.',
      '日本は五年間で五千億円を投資し、約5万5千人の要員と、艦艇９隻の１，２００名が２０２６年３月４日に参加した。');
    const ps = plants(d, 'number');
    expect(ps.length).to.be.greaterThan(4);
    const was = new Set(['五', '五千億', '5万5千', '９', '１，２００']);
    const changed = new Set<string>();
    for (const p of ps) {
      const c = change(d.tgt[0]!, p.doc.tgt[0]!);
      const before = numberAt(d.tgt[0]!, c.at, c.from.length), after = numberAt(p.doc.tgt[0]!, c.at, c.to.length);
      expect(was.has(before), `${p.note}: ${before}`).to.equal(true);
      changed.add(before);
      expect(japaneseNumberValue(after), p.note).to.be.a('number').and.not.equal(japaneseNumberValue(before));
      // Kanji stay kanji, full-width digits full-width (with their full-width comma), digits digits.
      if (/[０-９]/.test(before)) expect(after, p.note).to.match(/^[０-９，]+$/);
      else if (/\d/.test(before)) expect(after, p.note).to.match(/^\d+万5千$/);
      else {
        expect(kanjiNumber(after), p.note).to.equal(japaneseNumberValue(after));
        expect(after, p.note).to.not.equal('一');
      }
      if (before === '１，２００') expect(after).to.match(/^１，[０-９]{3}$/);
      expect(p.tgt).to.deep.equal([0]);
    }
    // The year and the date are left to the date plants.
    expect([...changed].sort()).to.deep.equal([...was].sort());
  });

  it('leaves a number the English does not give, a year, a clock time and a list marker alone', () => {
    expect(plants(doc('1. In 2026, at 3 p.m., the 5 Ministers met.', '１．閣僚は2026年午後3時に会談した。'), 'number')).to.deep.equal([]);
  });
});

describe('bench/plant: Japanese dates', () => {
  it('moves an era year, a month or a day and keeps the era and the digits as written', () => {
    const d = doc('On March 12, 2026, the Ministers met in Washington.', '令和８年３月１２日、閣僚はワシントンで会談した。');
    const ps = plants(d, 'date');
    const fields = new Set<string>();
    for (const p of ps) {
      const m = /^令和([０-９]+)年([０-９]+)月([０-９]+)日、閣僚はワシントンで会談した。$/u.exec(p.doc.tgt[0]!);
      expect(m, p.note).to.not.equal(null);
      const [y, mo, day] = [m![1]!, m![2]!, m![3]!].map((x) => Number(x.replace(/[０-９]/g, (ch) => String(ch.charCodeAt(0) - 0xff10)))) as [number, number, number];
      const diff = [y !== 8 && 'y', mo !== 3 && 'm', day !== 12 && 'd'].filter(Boolean);
      expect(diff, p.note).to.have.length(1);
      fields.add(diff[0] as string);
      expect(mo, p.note).to.be.within(1, 12);
      expect(day, p.note).to.be.within(1, 28);
      // A day is moved by one.
      if (day !== 12) expect(Math.abs(day - 12), p.note).to.equal(1);
    }
    expect([...fields].sort()).to.deep.equal(['d', 'm', 'y']);
  });

  it('leaves spans of days and years, and a year written twice, alone', () => {
    expect(plants(doc('They trained for 5 days over 2 years, in 2024.', '5日間の訓練を2年間、令和6年（2024年）に行った。'), 'date')).to.deep.equal([]);
  });
});

describe('bench/plant: Japanese acronyms and names', () => {
  it('replaces an acronym by another the paragraph lacks, full-width where the text writes it so', () => {
    const d = doc('They discussed DICAS and the ICBM launch.', 'ＤＩＣＡＳ及びICBM発射について議論した。');
    const ps = plants(d, 'acronym');
    expect(ps.length).to.be.greaterThan(2);
    for (const p of ps) {
      const c = change(d.tgt[0]!, p.doc.tgt[0]!);
      if (c.at === 0) expect(p.doc.tgt[0]!, p.note).to.match(/^[Ａ-Ｚ]{2,6}及びICBM発射/u);
      else expect(p.doc.tgt[0]!, p.note).to.match(/^ＤＩＣＡＳ及び[A-Z]{2,6}発射/u);
      expect(p.doc.tgt[0]!).to.not.include('DICAS');
    }
  });

  it('replaces a katakana name before a title by another katakana surname, and takes no department for a name', () => {
    const d = doc('President Robert Hallworth met Secretary of Energy Laura Brennan.', 'ロバート・ハルワース米国大統領は、ローラ・ブレナン米エネルギー長官と会談した。');
    const ps = plants(d, 'name');
    expect(ps.length).to.be.greaterThan(2);
    for (const p of ps) {
      const t = p.doc.tgt[0]!;
      expect(t, p.note).to.match(/^(?:[\p{Script=Katakana}ー]+米国大統領は、ローラ・ブレナン|ロバート・ハルワース米国大統領は、[\p{Script=Katakana}ー]+)米エネルギー長官と会談した。$/u);
      expect(p.note).to.not.include('エネルギー →');
    }
  });
});

describe('bench/plant: Japanese sentences, paragraphs and terms', () => {
  it('drops one whole sentence, cut at 。', () => {
    expect(splitJaSentences('両首脳は会談した。「協力を深める。」と述べた。以上')).to.deep.equal(['両首脳は会談した。', '「協力を深める。」', 'と述べた。', '以上']);
    const ja = '閣僚は、日米同盟が地域の平和と安定の礎であることを再確認した。閣僚は、北朝鮮による弾道ミサイルの発射を強く非難した。';
    const ps = plants(doc('The Ministers reaffirmed the Alliance. They condemned the launches.', ja), 'sentence');
    expect(ps.map((p) => p.doc.tgt[0])).to.have.members(splitJaSentences(ja));
  });

  it('drops a Japanese paragraph and its bead side', () => {
    const d: Doc = { id: 't', en: ['A.', 'B.'], tgt: ['甲。', '乙。'], beads: [{ src: [0], tgt: [0], confidence: 1 }, { src: [1], tgt: [1], confidence: 1 }] };
    for (const p of plants(d, 'paragraph')) {
      expect(p.doc.tgt).to.have.length(1);
      expect(p.doc.beads.filter((b) => !b.tgt.length)).to.have.length(1);
      expect(p.doc.beads.flatMap((b) => b.tgt)).to.deep.equal([0]);
    }
  });

  it('replaces every rendering of a named body by another entry\'s Japanese, but not inside a longer term', () => {
    const d = doc('North Korea launched a missile; the Ministers condemned North Korea.', '北朝鮮はミサイルを発射し、閣僚は北朝鮮を非難した。');
    const ps = plants(d, 'term');
    expect(ps.length).to.be.greaterThan(0);
    for (const p of ps) {
      expect(p.doc.tgt[0]!, p.note).to.not.include('北朝鮮');
      const by = p.note.split(' → ')[1]!;
      expect(p.doc.tgt[0]!).to.equal(d.tgt[0]!.split('北朝鮮').join(by));
    }
    // 米国 of 米国防長官 is 米 and 国防長官 (the U.S. Secretary of Defense): not a rendering to swap.
    expect(plants(doc('The United States Secretary of Defense spoke.', 'ケスラー米国防長官が発言した。'), 'term')).to.deep.equal([]);
  });
});
