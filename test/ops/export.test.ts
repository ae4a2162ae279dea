// Tests for server/ops/export.ts: corpus units built from the database, list markers left out.
import { expect } from 'chai';
import { parse as parseCsv } from 'csv-parse/sync';
import { PassThrough } from 'node:stream';
import { importStatement } from '../../server/ops/import.ts';
import { getStatementView } from '../../server/ops/review.ts';
import { editAlignment } from '../../server/ops/edit.ts';
import { importAlignedCorpus } from '../../server/ops/import-aligned.ts';
import { openDb, type Db } from '../../server/store/db.ts';
import { corpusUnits, exportCorpus, firstPair } from '../../server/ops/export.ts';
import type { ExportFormat } from '../../server/formats/export/types.ts';
import { useTempDb } from '../helpers.ts';
import { RATIO_DOC } from '../fixtures/ratio-doc.ts';
import { SENTENCES } from '../fixtures/import-aligned/statements.ts';

// English from an HTML list (no markers), Korean in ministry bullet style, one paragraph a line.
const EN = [
  'The 51st Military Committee Meeting',
  'The Chairmen reviewed the security situation on the Korean Peninsula.',
  'The Chairmen endorsed the revised Strategic Planning Guidance (SPG).',
  'They agreed to hold the next meeting in Seoul. Both sides will prepare the agenda.',
  'Temperatures fell to -3°C during the exercise.',
].join('\n');
const KO = [
  '제51차 군사위원회 회의',
  '□ 양 의장은 한반도 안보 상황을 평가하였다.',
  ' - 양 의장은 개정된 전략기획지침(SPG)을 승인하였다.',
  'ㅇ 양측은 차기 회의를 서울에서 개최하기로 합의하였다. 양측은 의제를 준비할 것이다.',
  '-3°C까지 기온이 떨어진 가운데 연습이 진행되었다.',
].join('\n');

const MARKER_START = /^(?:[□■ㅇ❍○◦∙·•※*\-–]\s|\d{1,2}[.)]\s|[가-하][.)]\s)/u;

async function exported(db: Db, format: Exclude<ExportFormat, 'moses'>, level: 'paragraph' | 'sentence' = 'paragraph'): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportCorpus(db, format, { level }, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('ops/export', () => {
  let db: Db;
  useTempDb((opened) => {
    db = opened;
    importStatement(db, { date: '2026-10-13', preSplit: true, texts: { en: EN, ko: KO } }, 'tester');
  });

  it('keeps the markers in the stored text shown for review', () => {
    const view = getStatementView(db, 1);
    const ko = view.alignment!.beads.flatMap((b) => b.tgt.map((p) => p.text));
    expect(ko).to.include('- 양 의장은 개정된 전략기획지침(SPG)을 승인하였다.');
    expect(ko).to.include('□ 양 의장은 한반도 안보 상황을 평가하였다.');
  });

  for (const level of ['paragraph', 'sentence'] as const) {
    it(`builds ${level} units without list markers on either side, content dashes kept`, () => {
      const units = [...corpusUnits(db, { level })];
      expect(units.length).to.be.greaterThan(3);
      for (const u of units) {
        expect(u.src, u.src).to.not.match(MARKER_START);
        expect(u.tgt, u.tgt).to.not.match(MARKER_START);
      }
      const tgt = units.map((u) => u.tgt);
      expect(tgt.some((t) => t.startsWith('양 의장은 개정된 전략기획지침(SPG)을 승인하였다.'))).to.equal(true);
      expect(tgt.some((t) => t.startsWith('-3°C까지'))).to.equal(true);
      expect(units.map((u) => u.src).some((s) => s.startsWith('Temperatures fell to -3°C'))).to.equal(true);
    });
  }

  it('pairs the endorsed paragraph without its Korean bullet in TMX', async () => {
    const tmx = await exported(db, 'tmx');
    expect(tmx).to.contain(
      '<tuv xml:lang="en"><seg>The Chairmen endorsed the revised Strategic Planning Guidance (SPG).</seg></tuv>\n'
      + '      <tuv xml:lang="ko"><seg>양 의장은 개정된 전략기획지침(SPG)을 승인하였다.</seg></tuv>',
    );
    expect(tmx).to.not.match(/<seg>(?:- |□ |ㅇ )/u);
  });

  it('pairs the endorsed paragraph without its Korean bullet in TSV, at both levels', async () => {
    for (const level of ['paragraph', 'sentence'] as const) {
      const rows = parseCsv(await exported(db, 'tsv', level), { delimiter: '\t', columns: true, quote: false, relax_column_count: true }) as Record<string, string>[];
      const pair = rows.find((r) => r.src === 'The Chairmen endorsed the revised Strategic Planning Guidance (SPG).');
      expect(pair, level).to.not.equal(undefined);
      expect(pair!.tgt).to.equal('양 의장은 개정된 전략기획지침(SPG)을 승인하였다.');
      expect(rows.map((r) => r.tgt).filter((t) => MARKER_START.test(t ?? '')), level).to.deep.equal([]);
    }
  });

  it('leaves the markers out of JSONL, XLIFF and Moses too', async () => {
    const jsonl = (await exported(db, 'jsonl')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(JSON.stringify(jsonl)).to.contain('"양 의장은 개정된 전략기획지침(SPG)을 승인하였다."');
    expect(JSON.stringify(jsonl)).to.not.contain('"- 양 의장은');
    const xliff = await exported(db, 'xliff');
    expect(xliff).to.contain('>양 의장은 개정된 전략기획지침(SPG)을 승인하였다.<');
    expect(xliff).to.not.match(/>(?:- |□ |ㅇ )/u);
    const src = new PassThrough(), tgt = new PassThrough();
    const lines: Buffer[] = [];
    tgt.on('data', (c: Buffer) => lines.push(c));
    src.resume();
    await exportCorpus(db, 'moses', {}, { src, tgt });
    tgt.end();
    const ko = Buffer.concat(lines).toString('utf8').trimEnd().split('\n');
    expect(ko).to.include('양 의장은 개정된 전략기획지침(SPG)을 승인하였다.');
    expect(ko.filter((l) => MARKER_START.test(l))).to.deep.equal([]);
  });

  it('aligns sentences at the statement\'s length ratio: a sentence the Korean adds is left out of the sentence pairs', () => {
    const { statementId } = importStatement(db, { preSplit: true, texts: { en: RATIO_DOC.en.join('\n'), ko: RATIO_DOC.ko.join('\n') } }, 'tester');
    const units = [...corpusUnits(db, { level: 'sentence', statementIds: [statementId] })];
    const pairs = units.map((u) => [u.src, u.tgt]);
    expect(pairs).to.deep.include(['The second session looked at the budget for the joint training centre this year.', '둘째 회의는 올해 공동 훈련센터 예산을 살펴보았다.']);
    expect(pairs).to.deep.include(['The third session looked at the staff that the joint centre will need next year.', '셋째 회의는 내년에 센터에 필요한 인력을 살펴보았다.']);
    expect(pairs.filter(([, ko]) => ko!.includes('합동참모본부'))).to.deep.equal([]);
  });
});

describe('ops/export: sides without words', () => {
  let db: Db;
  useTempDb((opened) => {
    db = opened;
    // The aligner pairs the lone bullet with the first English paragraph.
    importStatement(db, { preSplit: true, texts: { en: 'The ministers met in Jeju.\nThey agreed to meet again.', ko: 'ㅇ\n양측은 다시 만나기로 합의하였다.' } }, 'tester');
  });

  it('leaves out a pair whose side is only a bullet', () => {
    const view = getStatementView(db, 1).alignment!;
    expect(view.beads[0]!.tgt.map((p) => p.text)).to.deep.equal(['ㅇ']);
    // The review view says which rows an export holds, so the page's export bar counts the same.
    expect(view.beads.map((b) => b.exportable)).to.deep.equal([false, true]);
    const units = [...corpusUnits(db, {})];
    expect(units.map((u) => [u.src, u.tgt])).to.deep.equal([['They agreed to meet again.', '양측은 다시 만나기로 합의하였다.']]);
  });
});

describe('ops/export: a bullet or a mark merged into a row', () => {
  let db: Db;
  useTempDb((opened) => {
    db = opened;
    importStatement(db, {
      preSplit: true,
      texts: {
        en: 'The vice ministers met in Seoul on October 2.\nThe two sides discussed regional security and agreed to expand joint exercises next year.\nThey will meet again in Washington.',
        ko: '양국 차관은 10월 2일 서울에서 회담하였다.\nㅇ\n[…]\n양측은 역내 안보 문제를 논의하고 내년 연합연습을 확대하기로 합의하였다.\n양측은 워싱턴에서 다시 만날 예정이다.',
      },
    }, 'tester');
    // A reviewer merges the lone bullet and the editorial mark into the row they stand above.
    for (let k = 0; k < 2; k++) {
      const b = getStatementView(db, 1).alignment!.beads.find((x) => x.tgt.some((p) => p.text.startsWith('양측은 역내')))!;
      editAlignment(db, { op: 'merge', beadId: b.id, version: b.version }, 'tester');
    }
  });

  it('leaves the paragraphs without words out of the segment, at both levels, and their numbers with them', async () => {
    const merged = getStatementView(db, 1).alignment!.beads[1]!;
    expect(merged.tgt.map((p) => p.text)).to.deep.equal(['ㅇ', '[…]', '양측은 역내 안보 문제를 논의하고 내년 연합연습을 확대하기로 합의하였다.']);
    for (const level of ['paragraph', 'sentence'] as const) {
      const unit = [...corpusUnits(db, { level })].find((u) => u.beadId === merged.id)!;
      expect(unit.tgt, level).to.equal('양측은 역내 안보 문제를 논의하고 내년 연합연습을 확대하기로 합의하였다.');
    }
    expect([...corpusUnits(db, {})].find((u) => u.beadId === merged.id)!.tgtParagraphs).to.deep.equal([4]);
    // Export → import → export stays identical: the paragraph numbers name the lines the unit holds.
    const tsv = await exported(db, 'tsv');
    const other = openDb(':memory:');
    try {
      importAlignedCorpus(other, tsv, 'tsv', 'tester');
      expect(await exported(other, 'tsv')).to.equal(tsv);
    } finally {
      other.close();
    }
  });
});

describe('ops/export: one language pair', () => {
  let db: Db;
  const JA = ['第51回軍事委員会会議', '両議長は朝鮮半島の安全保障情勢を評価した。', '両議長は改定された戦略企画指針を承認した。', '次回会議をソウルで開催することで合意した。両国は議題を準備する。', '演習中、気温は-3°Cまで下がった。'].join('\n');
  useTempDb((opened) => {
    db = opened;
    // Korean-first, then English-first with a Japanese version (two alignments: en-ko and en-ja).
    importStatement(db, { preSplit: true, srcLang: 'ko', texts: { ko: RATIO_DOC.ko.join('\n'), en: RATIO_DOC.en.join('\n') } }, 'tester');
    importStatement(db, { preSplit: true, texts: { en: EN, ko: KO, ja: JA } }, 'tester');
  });

  it('turns a Korean-first statement round and leaves other pairs out when a pair is given', () => {
    const units = [...corpusUnits(db, { pair: ['en', 'ko'] })];
    expect(new Set(units.map((u) => `${u.srcLang}-${u.tgtLang}`))).to.deep.equal(new Set(['en-ko']));
    expect(units.every((u) => /[A-Za-z]/.test(u.src) && /[가-힣]/.test(u.tgt))).to.equal(true);
    expect(units.some((u) => u.statementId === 1) && units.some((u) => u.statementId === 2)).to.equal(true);
    // Without a pair every alignment comes as it is.
    const all = [...corpusUnits(db, {})];
    expect(new Set(all.map((u) => `${u.srcLang}-${u.tgtLang}`))).to.deep.equal(new Set(['ko-en', 'en-ko', 'en-ja']));
  });

  it('writes Moses files of one pair, each in its own language', async () => {
    const src = new PassThrough(), tgt = new PassThrough();
    const a: Buffer[] = [], b: Buffer[] = [];
    src.on('data', (c: Buffer) => a.push(c));
    tgt.on('data', (c: Buffer) => b.push(c));
    await exportCorpus(db, 'moses', { pair: ['en', 'ko'] }, { src, tgt });
    const en = Buffer.concat(a).toString('utf8').trimEnd().split('\n'), ko = Buffer.concat(b).toString('utf8').trimEnd().split('\n');
    expect(en.length).to.equal(ko.length);
    expect(en.filter((l) => /[가-힣\u3040-\u30ff]/.test(l))).to.deep.equal([]);
    expect(ko.every((l) => /[가-힣]/.test(l))).to.equal(true);
    expect(en).to.include(RATIO_DOC.en[0]);
  });

  it('gives XLIFF the first statement\'s pair, and marks a TMX unit whose source language differs from the header\'s', async () => {
    const xliff = await exported(db, 'xliff');
    expect(xliff).to.contain('srcLang="ko" trgLang="en"');
    expect(xliff).to.not.match(/[\u3040-\u30ff]/u);
    expect(xliff).to.contain('<target xml:space="preserve">The two sides met in Seoul');
    const tmx = await exported(db, 'tmx');
    expect(tmx).to.contain('srclang="ko"');
    expect(tmx).to.match(/<tu tuid="\d+" srclang="en">/);
    expect(tmx).to.contain('xml:lang="ja"');
  });
});

describe('ops/export: a language stored with a subtag', () => {
  let db: Db;
  useTempDb((opened) => {
    db = opened;
    importStatement(db, {
      preSplit: true,
      texts: {
        en: 'The foreign ministers met in Tokyo on Monday.\nThey agreed to strengthen cooperation on supply chains.',
        'ja-JP': '両外相は月曜日に東京で会談した。\n両外相はサプライチェーンに関する協力を強化することで一致した。',
      },
    }, 'tester');
  });

  it('is found by its base language: en-ja holds the ja-JP text, ja-en turns it round, and the units keep the tag', () => {
    const units = [...corpusUnits(db, { pair: ['en', 'ja'] })];
    expect(units.map((u) => [u.srcLang, u.tgtLang, u.tgt])).to.deep.equal([
      ['en', 'ja-JP', '両外相は月曜日に東京で会談した。'],
      ['en', 'ja-JP', '両外相はサプライチェーンに関する協力を強化することで一致した。'],
    ]);
    const turned = [...corpusUnits(db, { pair: ['ja', 'en'], level: 'sentence' })];
    expect(turned.map((u) => [u.srcLang, u.src])).to.deep.equal([
      ['ja-JP', '両外相は月曜日に東京で会談した。'],
      ['ja-JP', '両外相はサプライチェーンに関する協力を強化することで一致した。'],
    ]);
    // Moses files and an XLIFF document without a pair take the first statement's, as base codes.
    expect(firstPair(db, {})).to.deep.equal(['en', 'ja']);
  });
});

describe('ops/export: Japanese sentences joined in one segment', () => {
  let db: Db;
  useTempDb((opened) => {
    db = opened;
    importStatement(db, {
      preSplit: true,
      texts: {
        en: 'The three ministers announced a new trilateral dialogue on economic security, which will be held in Tokyo in the spring of 2027 and will cover semiconductors and critical minerals.\nThe ministers will meet again next year.',
        ja: '三閣僚は、経済安全保障に関する新たな日米韓対話の立ち上げを発表した。同対話は2027年春に東京で開催される。また、半導体及び重要鉱物を取り上げる。\n三閣僚は来年再び会合する。',
      },
    }, 'tester');
  });

  it('writes no space between Japanese sentences of one segment, and recognises that export as the statement it came from', async () => {
    const units = [...corpusUnits(db, { level: 'sentence' })];
    const joined = units.filter((u) => (u.tgt.match(/。/g) ?? []).length > 1);
    expect(joined.length, 'a sentence pair with two Japanese sentences or more').to.be.at.least(1);
    for (const u of joined) expect(u.tgt).to.not.match(/。 /);
    const again = importAlignedCorpus(db, await exported(db, 'jsonl', 'sentence'), 'jsonl', 'tester');
    expect([again.statementIds, again.skipped]).to.deep.equal([[], [1]]);
  });
});

describe('ops/export: --min-confidence at sentence level', () => {
  let db: Db;
  useTempDb((opened) => {
    db = opened;
    importStatement(db, SENTENCES, 'tester');
  });

  it('leaves out a sentence pair below the threshold even when its row is above it', () => {
    const rows = new Map([...corpusUnits(db, {})].map((u) => [u.beadId, u.confidence]));
    const all = [...corpusUnits(db, { level: 'sentence' })];
    // The three English sentences Korean says in one: their row is sure, the pair much less.
    const weak = all.find((u) => u.src.startsWith('They agreed on catch quotas for 2026. The quotas'))!;
    const threshold = (weak.confidence + rows.get(weak.beadId)!) / 2;
    expect(rows.get(weak.beadId)!).to.be.above(threshold);
    const kept = [...corpusUnits(db, { level: 'sentence', minConfidence: threshold })];
    expect(kept.every((u) => u.confidence >= threshold)).to.equal(true);
    expect(kept.map((u) => u.src)).to.deep.equal(all.filter((u) => u.confidence >= threshold).map((u) => u.src));
    expect(kept.some((u) => u.beadId === weak.beadId)).to.equal(false);
  });
});
