import { expect } from 'chai';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { openDb, type Db } from '../../server/store/db.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { addFlag, changeFlag, getStatementView, setBeadConfirmed } from '../../server/ops/review.ts';
import { exportCorpus } from '../../server/ops/export.ts';
import { importAlignedCorpus, importMosesCorpus } from '../../server/ops/import-aligned.ts';
import { importStatement, type ImportInput } from '../../server/ops/import.ts';
import { findStatement, listCurrentTexts } from '../../server/store/statements.ts';
import { listAlignments, listBeads } from '../../server/store/beads.ts';
import { InputError } from '../../server/core/errors.ts';
import { tempDir, dbDigest, runCli } from '../helpers.ts';
import { BILINGUAL, KOREAN_FIRST, SENTENCES, TRILATERAL } from '../fixtures/import-aligned/statements.ts';

async function exported(db: Db, format: 'tmx' | 'xliff' | 'tsv' | 'csv' | 'jsonl', q: Parameters<typeof exportCorpus>[2] = {}): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportCorpus(db, format, q, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

/** Each statement's languages (the source first) and alignments, as stored. */
function shape(db: Db, ids: number[]) {
  return ids.map((id) => ({
    id,
    langs: listCurrentTexts(db, id).map((t) => t.lang),
    pairs: listAlignments(db, id).map((a) => `${a.srcLang}-${a.tgtLang}`),
  }));
}

describe('ops/import-aligned', () => {
  let tmp: ReturnType<typeof tempDir>;
  let a: Db;
  let b: Db;
  /** The demo statements in `a`, a trilateral one among them: every one of them must come back. */
  let seeded: number[];
  beforeEach(() => {
    tmp = tempDir();
    a = openDb(join(tmp.dir, 'a.db'));
    b = openDb(join(tmp.dir, 'b.db'));
    seeded = seedDemo(a);
    const id = seeded[0];
    const beads = getStatementView(a, id!).alignment!.beads;
    setBeadConfirmed(a, beads[1]!.id, true, beads[1]!.version, 'alice');
    addFlag(a, beads[2]!.id, { category: 'meaning', severity: 'minor', comment: 'two English paragraphs: one Korean' }, 'alice');
    const f = addFlag(a, beads[4]!.id, { category: 'style', comment: 'ok: "quoted" & <marked>' }, 'bob');
    changeFlag(a, f.id, { status: 'resolved', version: f.version }, 'erin');
  });
  afterEach(() => {
    a.close();
    b.close();
    tmp.cleanup();
  });

  for (const format of ['tmx', 'xliff', 'tsv'] as const) {
    it(`export → import → export gives an identical ${format.toUpperCase()} file`, async () => {
      const first = await exported(a, format);
      const r = importAlignedCorpus(b, first, format, 'importer');
      expect(r.statementIds).to.have.length(seeded.length);
      expect(await exported(b, format)).to.equal(first);
    });
  }

  it('a sentence-level export comes back with each flag once, on the first sentence of its bead', async () => {
    const id = (a.prepare('SELECT MIN(id) AS id FROM statements').get() as { id: number }).id;
    // A bead whose paragraphs hold several sentences a side, so it exports as several units.
    const bead = getStatementView(a, id).alignment!.beads.find((x) => x.src.length === 1 && x.tgt.length === 1 && /\. \S/.test(x.src[0]!.text) && /\. \S/.test(x.tgt[0]!.text))!;
    addFlag(a, bead.id, { category: 'number', severity: 'major', comment: 'the year differs' }, 'alice');
    const text = await exported(a, 'jsonl', { level: 'sentence', statementIds: [id] });
    const units = text.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(units.filter((u) => u.bead_id === bead.id && u.flags.length === 1)).to.have.length.greaterThan(1);
    const r = importAlignedCorpus(b, text, 'jsonl', 'importer');
    const flagsOf = (db: Db, statementId: number) =>
      db.prepare('SELECT f.category, f.comment FROM flags f JOIN beads x ON x.id = f.bead_id JOIN alignments al ON al.id = x.alignment_id WHERE al.statement_id = ? ORDER BY x.position, f.id').all(statementId);
    expect(flagsOf(b, r.statementIds[0]!)).to.deep.equal(flagsOf(a, id));
  });

  it('does not import the same corpus twice', async () => {
    const tmx = await exported(a, 'tmx');
    importAlignedCorpus(b, tmx, 'tmx', 'importer');
    const before = dbDigest(b);
    const again = importAlignedCorpus(b, tmx, 'tmx', 'importer');
    expect(again.statementIds).to.deep.equal([]);
    expect(again.skipped).to.have.length(seeded.length);
    expect(dbDigest(b)).to.equal(before);
  });

  it('stores a title with a line break or no-break space on one line with single spaces', async () => {
    const tmx = (await exported(a, 'tmx')).replace(/(<prop type="x-title">)([^<]*)/g, (_m, open: string, t: string) => `${open}  ${t.replace(' ', '\u00a0').replace(' ', '\n   ')} `);
    const r = importAlignedCorpus(b, tmx, 'tmx', 'importer');
    const titles = r.statementIds.map((id) => findStatement(b, id)!.title);
    expect(titles).to.have.length(seeded.length);
    for (const t of titles) expect(t).to.match(/^\S+(?: \S+)+$/);
    expect(titles).to.deep.equal(seeded.map((id) => findStatement(a, id)!.title));
  });

  it('imports XLIFF 1.2 from a CAT tool: a statement per file, approved or signed-off targets confirmed, notes as flags, units without a target left out', () => {
    // Written for this test, as a CAT tool saves a project of two documents.
    const xlf = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="C:\\Projects\\kidd27-statement.docx" source-language="en-US" target-language="ko-KR" datatype="x-docx">
    <body>
      <group id="p1">
        <trans-unit id="1" approved="yes">
          <source>The 27th Korea-U.S. Integrated Defense Dialogue was held in Seoul on <g id="1">March 4, 2026</g>.</source>
          <seg-source><mrk mtype="seg" mid="1">The 27th Korea-U.S. Integrated Defense Dialogue was held in Seoul.</mrk></seg-source>
          <target state="translated">제27차 한미 통합국방협의체가 <g id="1">2026년 3월 4일</g> 서울에서 개최되었다.</target>
        </trans-unit>
        <trans-unit id="2">
          <source>The two sides reaffirmed<x id="2"/>the ironclad commitment of the Alliance.</source>
          <target state="signed-off">양측은 동맹의 철통같은 공약을 재확인하였다.</target>
          <note from="reviewer">Check the register of 철통같은.</note>
        </trans-unit>
        <trans-unit id="3">
          <source>They agreed to meet again in the second half of the year.</source>
          <target state="translated"><ph id="3">&lt;b&gt;</ph>양측은 하반기에 다시 만나기로 합의하였다.<ph id="4">&lt;/b&gt;</ph></target>
        </trans-unit>
        <trans-unit id="4"><source>Untranslated closing line.</source></trans-unit>
        <trans-unit id="5"><source>Another line left empty.</source><target/></trans-unit>
      </group>
    </body>
  </file>
  <file original="ncg6-readout.txt" source-language="en-US" target-language="ko-KR" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>The Nuclear Consultative Group held its sixth meeting.</source><target state="final">핵협의그룹은 제6차 회의를 개최하였다.</target></trans-unit>
    </body>
  </file>
</xliff>`;
    const r = importAlignedCorpus(b, xlf, 'xliff', 'importer');
    expect(r).to.deep.include({ units: 4, untranslated: 2 });
    expect(r.statementIds).to.have.length(2);
    const [first, second] = r.statementIds.map((id) => getStatementView(b, id));
    expect(first!.statement.title).to.equal('kidd27-statement');
    expect(second!.statement.title).to.equal('ncg6-readout');
    const rows = first!.alignment!.beads.map((x) => [x.src.map((p) => p.text).join(' '), x.tgt.map((p) => p.text).join(' '), x.status, x.flags.map((f) => `${f.category}: ${f.comment}`)]);
    expect(rows).to.deep.equal([
      ['The 27th Korea-U.S. Integrated Defense Dialogue was held in Seoul on March 4, 2026.', '제27차 한미 통합국방협의체가 2026년 3월 4일 서울에서 개최되었다.', 'confirmed', []],
      ['The two sides reaffirmed the ironclad commitment of the Alliance.', '양측은 동맹의 철통같은 공약을 재확인하였다.', 'confirmed', ['meaning: Check the register of 철통같은.']],
      ['They agreed to meet again in the second half of the year.', '양측은 하반기에 다시 만나기로 합의하였다.', 'auto', []],
    ]);
    expect(second!.alignment!.beads.map((x) => x.status)).to.deep.equal(['confirmed']);
    // The same file again is already there.
    const again = importAlignedCorpus(b, xlf, 'xliff', 'importer');
    expect(again.statementIds).to.deep.equal([]);
    expect(again.skipped).to.have.length(2);
  });

  it('an export and the files it was made from find each other, list markers and one-sided rows included', async () => {
    // Written for this test: bullets, and a Korean paragraph the English leaves out.
    const texts = {
      en: 'Joint Statement on Maritime Security\n\nThe two sides agreed to expand combined maritime patrols.\n\nThey will meet again in Busan in October.',
      ko: '해양안보 공동성명\n\n□ 양측은 연합 해상초계를 확대하기로 합의하였다.\n\n  ㅇ 해군은 세부 계획을 마련할 예정이다.\n\n□ 양측은 10월 부산에서 다시 만날 예정이다.',
    };
    const fresh = openDb(join(tmp.dir, 'fresh.db'));
    try {
      const { statementId } = importStatement(a, { texts }, 'x');
      const tsv = await exported(a, 'tsv', { oneSided: true, statementIds: [statementId] });
      const r = importAlignedCorpus(fresh, tsv, 'tsv', 'importer');
      expect(r.statementIds).to.have.length(1);
      expect(importStatement(fresh, { texts }, 'x')).to.deep.equal({ statementId: r.statementIds[0], created: false });
    } finally {
      fresh.close();
    }
  });

  it('imports two statements of one file that differ only in a row the export leaves out, into an empty database', async () => {
    const en = 'Joint Statement on Cyber Cooperation\nThe two sides agreed to share information on cyber threats.';
    const one = importStatement(a, { preSplit: true, title: 'Cyber 1', texts: { en, ko: '사이버 협력 공동성명\n양측은 사이버 위협 정보를 공유하기로 합의하였다.' } }, 'x').statementId;
    const two = importStatement(a, { preSplit: true, title: 'Cyber 2', texts: { en, ko: '사이버 협력 공동성명\n양측은 사이버 위협 정보를 공유하기로 합의하였다.\n국방부는 관계 부처와 긴밀히 협조할 예정이다.' } }, 'x').statementId;
    const tmx = await exported(a, 'tmx', { statementIds: [one, two] });
    const r = importAlignedCorpus(b, tmx, 'tmx', 'importer');
    expect(r.skipped).to.deep.equal([]);
    expect(r.statementIds).to.deep.equal([one, two]);
  });

  it('recognises its own XLIFF export, which has no paragraph numbers and leaves out one-sided rows, as the statement it came from', async () => {
    const { statementId } = importStatement(a, { texts: {
      en: 'Joint Statement on Cyber Talks\n\nThe sides met in Seoul on March 3, 2026.\n\nThey noted 34 ransomware incidents reported across 12 agencies since January 2025.\n\nThey agreed to meet again in Washington in the fall.',
      ko: '사이버 회담 공동성명\n\n양측은 2026년 3월 3일 서울에서 만났다.\n\n양측은 가을에 워싱턴에서 다시 만나기로 합의하였다.',
    } }, 'x');
    // The third English paragraph has no Korean: the export leaves its row out.
    expect(getStatementView(a, statementId).alignment!.beads.map((x) => x.tgt.length)).to.deep.equal([1, 1, 0, 1]);
    const before = dbDigest(a);
    const r = importAlignedCorpus(a, await exported(a, 'xliff', { statementIds: [statementId] }), 'xliff', 'importer');
    expect([r.statementIds, r.skipped]).to.deep.equal([[], [statementId]]);
    expect(dbDigest(a)).to.equal(before);
  });

  it('reads what a CAT tool puts around the text for what it is: matches, untranslated units, wrapping, codes, segment states, notes', () => {
    // Written for this test, in the shapes Trados, memoQ and OmegaT files take.
    const xlf = `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="ssd-readout.docx" source-language="en-US" target-language="ko-KR" datatype="x-docx"><body>
    <trans-unit id="1">
      <source>The Ministers met at the summit<ph id="1">&lt;br/&gt;</ph>.</source>
      <target state="translated">장관들은 정상회담<ph id="1">&lt;br/&gt;</ph>에서 만났다.</target>
      <alt-trans match-quality="100"><source>The Ministers met in Seoul.</source><target>장관들은 서울에서 만났다.</target></alt-trans>
      <note from="Kim Eun-ji">Check 정상회담 against the glossary.</note>
    </trans-unit>
    <trans-unit id="2">
      <source>The sides agreed
        to meet again.</source>
      <target state="translated"><mrk mtype="seg" mid="1">양측은 다시 만나기로 합의하였다.</mrk><mrk mtype="seg" mid="2">일정은 추후 정한다.</mrk></target>
    </trans-unit>
    <trans-unit id="3"><source>Untranslated, copied.</source><target state="needs-translation">Untranslated, copied.</target></trans-unit>
    <trans-unit id="4"><source>Only a memory match.</source><alt-trans><target>메모리 일치만 있다.</target></alt-trans></trans-unit>
  </body></file>
</xliff>`;
    const r = importAlignedCorpus(b, xlf, 'xliff', 'importer');
    expect(r).to.deep.include({ units: 2, untranslated: 2 });
    const beads = getStatementView(b, r.statementIds[0]!).alignment!.beads;
    expect(beads.map((x) => [x.src.map((p) => p.text).join('|'), x.tgt.map((p) => p.text).join('|')])).to.deep.equal([
      ['The Ministers met at the summit.', '장관들은 정상회담에서 만났다.'],
      ['The sides agreed to meet again.', '양측은 다시 만나기로 합의하였다. 일정은 추후 정한다.'],
    ]);
    expect(beads[0]!.flags.map((f) => [f.category, f.author, f.comment])).to.deep.equal([['meaning', 'Kim Eun-ji', 'Check 정상회담 against the glossary.']]);
    // XLIFF 2: a match module is no text, a unit is confirmed only when every segment is, and a unit
    // one of whose segments has no target is not a pair.
    const x2 = `<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" xmlns:mtc="urn:oasis:names:tc:xliff:matches:2.0" version="2.0" srcLang="en" trgLang="ko">
  <file id="f1" original="cyber.txt">
    <unit id="u1"><mtc:matches><mtc:match ref="#s1"><source>They met on Monday.</source><target>그들은 월요일에 만났다.</target></mtc:match></mtc:matches>
      <notes><note category="comment">Client asked for 사이버 in full.</note></notes>
      <segment id="s1" state="initial"><source>They met on Tuesday.</source><target>그들은 화요일에 만났다.</target></segment>
      <segment id="s2" state="final"><source>They agreed on cyber norms.</source><target>그들은 사이버 규범에 합의하였다.</target></segment></unit>
    <unit id="u2"><segment state="final"><source>One.</source><target>하나.</target></segment><segment><source>Two.</source></segment></unit>
  </file>
</xliff>`;
    const r2 = importAlignedCorpus(b, x2, 'xliff', 'importer');
    expect(r2).to.deep.include({ units: 1, untranslated: 1 });
    const [u1] = getStatementView(b, r2.statementIds[0]!).alignment!.beads;
    expect([u1!.src.map((p) => p.text).join(''), u1!.tgt.map((p) => p.text).join(''), u1!.status]).to.deep.equal([
      'They met on Tuesday. They agreed on cyber norms.', '그들은 화요일에 만났다. 그들은 사이버 규범에 합의하였다.', 'auto',
    ]);
    expect(u1!.flags.map((f) => [f.category, f.comment])).to.deep.equal([['meaning', 'Client asked for 사이버 in full.']]);
  });

  it('refuses a file that is not XLIFF, or one without languages, and writes nothing', () => {
    const before = dbDigest(b);
    expect(() => importAlignedCorpus(b, '<tmx version="1.4"><body/></tmx>', 'xliff', 'x')).to.throw(InputError, /not an XLIFF file/);
    expect(() => importAlignedCorpus(b, '<xliff version="2.1"><file id="f1"><unit id="u1"><segment><source>a</source>', 'xliff', 'x')).to.throw(InputError, /malformed XLIFF/);
    expect(() => importAlignedCorpus(b, '<xliff version="1.2"><file original="a.txt"><body><trans-unit id="1"><source>Hello.</source><target>안녕.</target></trans-unit></body></file></xliff>', 'xliff', 'x'))
      .to.throw(InputError, /XLIFF file 1 \(a\.txt\), unit 1 \(id 1\): no source or target language/);
    // Languages swapped: the "Korean" side is English.
    const swapped = '<xliff version="1.2"><file original="memo.txt" source-language="ko" target-language="en"><body><trans-unit id="1"><source>The ministers met in Seoul and agreed to meet again in the fall.</source><target>장관들은 서울에서 만나 가을에 다시 만나기로 합의하였다.</target></trans-unit></body></file></xliff>';
    expect(() => importAlignedCorpus(b, swapped, 'xliff', 'x')).to.throw(InputError, /^"memo" in the XLIFF file: the ko text does not look like Korean/);
    expect(dbDigest(b)).to.equal(before);
  });

  it('stores escaped control characters and CR line breaks of a JSONL or TSV corpus as a text import would, so every export carries the segments back', async () => {
    const unit = (id: number, en: string, ko: string) =>
      JSON.stringify({ translation: { en, ko }, statement_id: id, title: 'Korea–Canada Energy Policy Dialogue', date: '2026-03-04', bead_id: id, position: 1, src_paragraphs: [1, 2], tgt_paragraphs: [1, 2], status: 'auto', confidence: 0.9, flags: [] });
    // Windows line breaks, a page break (form feed) between paragraphs, Word's vertical tab, a stray separator.
    const jsonl = unit(1, 'The two sides met in Ottawa.\r\nThey agreed\u000b to launch a joint study.', '양측은 오타와에서 만났다.\f양측은 공동연구를\u001e 시작하기로 합의하였다.') + '\n';
    const header = 'src_lang\ttgt_lang\tsrc\ttgt\tstatement_id\ttitle\tdate\tbead_id\tposition\tsrc_paragraphs\ttgt_paragraphs\tstatus\tconfidence\tflags';
    const tsv = `${header}\nen\tko\tThe fifth dialogue will be held in Seoul.\\r\\nBoth sides thanked the hosts.\t제5차 대화는 서울에서 개최될 예정이다.\\r양측은 주최 측에 사의를 표하였다.\t2\tFifth dialogue\t2026-03-05\t2\t1\t1,2\t1,2\tauto\t0.9\t\n`;
    importAlignedCorpus(b, jsonl, 'jsonl', 'importer');
    importAlignedCorpus(b, tsv, 'tsv', 'importer');
    const stored = (b.prepare('SELECT content FROM paragraphs ORDER BY id').all() as { content: string }[]).map((r) => r.content);
    expect(stored).to.deep.equal([
      'The two sides met in Ottawa.', 'They agreed to launch a joint study.', '양측은 오타와에서 만났다.', '양측은 공동연구를 시작하기로 합의하였다.',
      'The fifth dialogue will be held in Seoul.', 'Both sides thanked the hosts.', '제5차 대화는 서울에서 개최될 예정이다.', '양측은 주최 측에 사의를 표하였다.',
    ]);
    // Each unit keeps its two paragraphs, numbered as in the file.
    const again = (await exported(b, 'jsonl')).trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(again.map((u) => [u.src_paragraphs, u.tgt_paragraphs])).to.deep.equal([[[1, 2], [1, 2]], [[1, 2], [1, 2]]]);
  });

  it('rejects malformed input without writing anything', () => {
    const before = dbDigest(b);
    expect(() => importAlignedCorpus(b, '<tmx><body><tu>', 'tmx', 'x')).to.throw(InputError, /malformed TMX/);
    expect(() => importAlignedCorpus(b, 'src\ttgt\nonly\tfour', 'tsv', 'x')).to.throw(InputError, /header lacks/);
    expect(() => importAlignedCorpus(b, '<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body/></tmx>', 'tmx', 'x')).to.throw(InputError, /no translation units/);
    const header = 'src_lang\ttgt_lang\tsrc\ttgt\tstatement_id\ttitle\tdate\tbead_id\tposition\tsrc_paragraphs\ttgt_paragraphs\tstatus\tconfidence\tflags';
    const row = (over: Record<number, string>) => ['en', 'ko', 'The sides met.', '양측은 만났다.', '1', 'T', '2026-01-01', '1', '1', '1', '1', 'auto', '0.9', ''].map((v, i) => over[i] ?? v).join('\t');
    expect(() => importAlignedCorpus(b, `${header}\n${row({ 4: '1.5' })}`, 'tsv', 'x')).to.throw(InputError, /statementId must be a whole number/);
    expect(() => importAlignedCorpus(b, `${header}\n${row({ 13: '{}' })}`, 'tsv', 'x')).to.throw(InputError, /flags must be a list/);
    expect(() => importAlignedCorpus(b, `${header}\n${row({ 13: '[{"category":"vibes","severity":"minor","status":"open","comment":"","author":""}]' })}`, 'tsv', 'x')).to.throw(InputError, /unknown flag category "vibes"/);
    expect(() => importAlignedCorpus(b, `${header}\n${row({ 6: 'yesterday' })}`, 'tsv', 'x')).to.throw(InputError, /date must be a calendar date as YYYY-MM-DD/);
    expect(() => importAlignedCorpus(b, `${header}\n${row({ 6: '2025-02-29' })}`, 'tsv', 'x')).to.throw(InputError, /got "2025-02-29"/);
    expect(dbDigest(b)).to.equal(before);
  });
});

/** The trilateral statement with its Japanese under the tag ja-JP (as a version posted as ja-JP stores it). */
const TAGGED: ImportInput = { ...TRILATERAL, texts: { en: TRILATERAL.texts.en!, ko: TRILATERAL.texts.ko!, 'ja-JP': TRILATERAL.texts.ja! } };

describe('ops/import-aligned: round trips of bilingual, Korean-first and trilateral statements', () => {
  let tmp: ReturnType<typeof tempDir>;
  let a: Db;
  let b: Db;
  beforeEach(() => {
    tmp = tempDir();
    a = openDb(join(tmp.dir, 'a.db'));
    b = openDb(join(tmp.dir, 'b.db'));
  });
  afterEach(() => {
    a.close();
    b.close();
    tmp.cleanup();
  });

  /** Imports the statements into the source database, confirms and flags a bead of each alignment; their ids. */
  function source(inputs: ImportInput[]): number[] {
    return inputs.map((input, k) => {
      const { statementId } = importStatement(a, input, 'alice');
      for (const al of listAlignments(a, statementId)) {
        const beads = listBeads(a, al.id).filter((x) => x.src.length > 0 && x.tgt.length > 0);
        setBeadConfirmed(a, beads[0]!.id, true, beads[0]!.version, 'alice');
        addFlag(a, beads[1]!.id, { category: 'meaning', severity: 'minor', comment: `check the ${al.tgtLang} wording (${k})` }, 'bob');
      }
      return statementId;
    });
  }

  const scenarios: [string, ImportInput[]][] = [
    ['a bilingual English→Korean statement with omissions', [BILINGUAL]],
    ['a Korean-first statement', [KOREAN_FIRST]],
    ['a trilateral English/Korean/Japanese statement', [TRILATERAL]],
    ['bilingual, Korean-first and trilateral statements together', [BILINGUAL, KOREAN_FIRST, TRILATERAL]],
    ['the same three with the Korean-first one first (the TMX header says ko)', [KOREAN_FIRST, TRILATERAL, BILINGUAL]],
    ['a trilateral statement whose Japanese is stored as ja-JP (the tag kept)', [TAGGED]],
  ];
  for (const format of ['tmx', 'tsv', 'csv', 'jsonl'] as const) {
    for (const [name, inputs] of scenarios) {
      it(`${format.toUpperCase()}: ${name}: export → import → export is identical, ids and languages kept`, async () => {
        const ids = source(inputs);
        const first = await exported(a, format);
        const r = importAlignedCorpus(b, first, format, 'importer');
        expect(r.statementIds).to.deep.equal(ids);
        expect(shape(b, ids)).to.deep.equal(shape(a, ids));
        expect(await exported(b, format)).to.equal(first);
      });
    }
  }

  for (const format of ['tmx', 'tsv', 'csv', 'jsonl'] as const) {
    it(`${format.toUpperCase()}: an export imported back into the database it came from skips every statement (list markers and one-sided rows are not in the file)`, async () => {
      const ids = source([BILINGUAL, KOREAN_FIRST, TRILATERAL]);
      const file = await exported(a, format);
      const before = dbDigest(a);
      const r = importAlignedCorpus(a, file, format, 'importer');
      expect(r.statementIds).to.deep.equal([]);
      expect([...r.skipped].sort((x, y) => x - y)).to.deep.equal([...ids].sort((x, y) => x - y));
      expect(dbDigest(a)).to.equal(before);
    });
  }

  for (const format of ['tmx', 'xliff', 'tsv', 'csv', 'jsonl'] as const) {
    it(`${format.toUpperCase()}: a sentence-level export imported back into the database it came from skips its statements, trilateral included`, async () => {
      const ids = source([SENTENCES, BILINGUAL]);
      const file = await exported(a, format, { level: 'sentence' });
      // Sentences, not paragraphs: a paragraph of two sentences is two units.
      expect(file).to.match(/[>\t",]A working group will prepare the agenda\.[<\t",]/);
      const before = dbDigest(a);
      const r = importAlignedCorpus(a, file, format, 'importer');
      expect(r.statementIds).to.deep.equal([]);
      expect([...r.skipped].sort((x, y) => x - y)).to.deep.equal([...ids].sort((x, y) => x - y));
      expect(dbDigest(a)).to.equal(before);
      // Into another database it is a statement of its own, and then a second import skips it there.
      const into = importAlignedCorpus(b, file, format, 'importer');
      expect(into.statementIds.length).to.be.greaterThan(0);
      expect(importAlignedCorpus(b, file, format, 'importer').statementIds).to.deep.equal([]);
    });
  }

  for (const format of ['tsv', 'csv', 'jsonl'] as const) {
    it(`${format.toUpperCase()} with one-sided rows: the omissions and additions come back as rows, with their flags, and the file is the same again`, async () => {
      const ids = source([BILINGUAL, KOREAN_FIRST, TRILATERAL]);
      // A flag on an omission, the kind a round trip used to lose.
      const oneSidedBead = listAlignments(a, ids[0]!).flatMap((al) => listBeads(a, al.id)).find((x) => x.src.length === 0 || x.tgt.length === 0)!;
      addFlag(a, oneSidedBead.id, { category: 'omission', severity: 'major', comment: 'left out in Korean' }, 'alice');
      const first = await exported(a, format, { oneSided: true });
      const r = importAlignedCorpus(b, first, format, 'importer');
      expect(r.statementIds).to.deep.equal(ids);
      const rows = (db: Db) => ids.map((id) => listAlignments(db, id).map((al) => listBeads(db, al.id).map((x) => `${x.src.length}|${x.tgt.length}:${x.status}`).join(' ')));
      expect(rows(b)).to.deep.equal(rows(a));
      const flags = (db: Db) => db.prepare('SELECT category, comment, status FROM flags ORDER BY comment').all();
      expect(flags(b)).to.deep.equal(flags(a));
      expect(await exported(b, format, { oneSided: true })).to.equal(first);
      // Without it, the one-sided rows stay out, as a corpus for training wants.
      expect((await exported(a, format)).length).to.be.lessThan(first.length);
    });
  }

  it('refuses one-sided rows in formats that cannot hold them', async () => {
    source([BILINGUAL]);
    for (const [format, level] of [['tmx', 'paragraph'], ['jsonl', 'sentence']] as const) {
      let err: unknown = null;
      try {
        await exportCorpus(a, format, { oneSided: true, level }, new PassThrough());
      } catch (e) {
        err = e;
      }
      expect(err, format).to.be.instanceOf(InputError);
    }
  });

  it('a statement of the same id whose texts differ is no reason to skip: it is imported (under a new id)', async () => {
    const [id] = source([BILINGUAL]);
    const file = await exported(a, 'jsonl');
    // Another database whose statement of that id is a different one.
    importStatement(b, { title: 'Unrelated', preSplit: true, texts: { en: 'The sides met in Oslo.\nThey agreed on fisheries.', ko: '양측은 오슬로에서 만났다.\n양측은 어업에 합의하였다.' } }, 'x');
    expect(listCurrentTexts(b, id!).length).to.equal(2);
    const r = importAlignedCorpus(b, file, 'jsonl', 'importer');
    expect(r.skipped).to.deep.equal([]);
    expect(r.statementIds).to.have.length(1);
    expect(r.statementIds[0]).to.not.equal(id);
  });

  it('the sources really hold omissions, a Korean-first alignment and a trilateral statement', () => {
    const [bi, ko, tri] = source([BILINGUAL, KOREAN_FIRST, TRILATERAL]);
    const oneSided = (id: number) => listAlignments(a, id).flatMap((al) => listBeads(a, al.id)).filter((x) => x.src.length === 0 || x.tgt.length === 0).length;
    expect(oneSided(bi!)).to.be.greaterThan(0);
    expect(oneSided(tri!)).to.be.greaterThan(0);
    expect(shape(a, [ko!, tri!])).to.deep.equal([
      { id: ko, langs: ['ko', 'en'], pairs: ['ko-en'] },
      { id: tri, langs: ['en', 'ko', 'ja'], pairs: ['en-ko', 'en-ja'] },
    ]);
  });

  it('XLIFF: the English–Japanese pair of a statement stored as ja-JP comes back as ja-JP, and its export is identical', async () => {
    const [id] = source([TAGGED]);
    const first = await exported(a, 'xliff', { pair: ['en', 'ja'] });
    expect(first).to.include('trgLang="ja-JP"');
    const r = importAlignedCorpus(b, first, 'xliff', 'importer');
    expect(shape(b, r.statementIds)).to.deep.equal([{ id, langs: ['en', 'ja-JP'], pairs: ['en-ja-JP'] }]);
    expect(await exported(b, 'xliff', { pair: ['en', 'ja'] })).to.equal(first);
  });

  it('keeps a tag a unit gives (ko-KR), writes a code\'s language subtag as twintext does (kor, EN), and refuses two tags of one language', () => {
    const header = 'src_lang\ttgt_lang\tsrc\ttgt\tstatement_id\ttitle\tdate\tbead_id\tposition\tsrc_paragraphs\ttgt_paragraphs\tstatus\tconfidence\tflags';
    const row = (src: string, tgt: string, id: number) => `${src}\t${tgt}\tThe two sides met in Jeju on June 2, 2026.\t양측은 2026년 6월 2일 제주에서 만났다.\t${id}\tJeju talks ${id}\t2026-06-02\t0\t1\t1\t1\tauto\t0.9\t[]`;
    const r = importAlignedCorpus(b, [header, row('en-US', 'ko-KR', 7), row('EN', 'kor', 8)].join('\n') + '\n', 'tsv', 'importer');
    expect(shape(b, r.statementIds)).to.deep.equal([
      { id: 7, langs: ['en-US', 'ko-KR'], pairs: ['en-US-ko-KR'] },
      { id: 8, langs: ['en', 'ko'], pairs: ['en-ko'] },
    ]);
    const before = dbDigest(b);
    expect(() => importAlignedCorpus(b, [header, row('en', 'en-GB', 9)].join('\n') + '\n', 'tsv', 'importer')).to.throw(InputError, /a unit needs two different language codes \(en, ko, ja…\), got "en" and "en-GB"/);
    expect(dbDigest(b)).to.equal(before);
  });

  it('stores a trilateral statement once: the English text once, Japanese as Japanese, two alignments', async () => {
    const [id] = source([TRILATERAL]);
    const tmx = await exported(a, 'tmx');
    importAlignedCorpus(b, tmx, 'tmx', 'importer');
    const texts = listCurrentTexts(b, id!);
    expect(texts.map((t) => t.lang)).to.deep.equal(['en', 'ko', 'ja']);
    expect(texts.find((t) => t.lang === 'ja')!.body).to.match(/^日米韓外相は/);
    expect(texts.find((t) => t.lang === 'ko')!.body).not.to.match(/[ぁ-ん]/);
    expect(texts.find((t) => t.lang === 'en')!.body.split('\n')).to.have.length(4);
  });

  it('keeps a trilateral statement whole when the pairs come in another order or interleaved with other statements', async () => {
    const ids = source([BILINGUAL, TRILATERAL]);
    const lines = (await exported(a, 'tsv')).replace(/\n$/, '').split('\n');
    // English→Japanese rows first, then the bilingual statement, then English→Korean.
    const [header, ...rows] = lines;
    const ja = rows.filter((l) => l.startsWith('en\tja\t'));
    const bi = rows.filter((l) => l.split('\t')[4] === String(ids[0]));
    const ko = rows.filter((l) => l.startsWith('en\tko\t') && l.split('\t')[4] === String(ids[1]));
    const shuffled = [header, ...ja, ...bi, ...ko].join('\n') + '\n';
    const r = importAlignedCorpus(b, shuffled, 'tsv', 'importer');
    expect(r.statementIds).to.deep.equal([ids[1], ids[0]]);
    expect(shape(b, [ids[1]!])).to.deep.equal([{ id: ids[1], langs: ['en', 'ja', 'ko'], pairs: ['en-ja', 'en-ko'] }]);
    // The alignments are made in the file's order, so the export gives the file back.
    expect(await exported(b, 'tsv')).to.equal(shuffled);
  });

  it('a statement whose pairs disagree on the source text (an edited file) becomes one statement per pair, nothing lost', async () => {
    const [id] = source([TRILATERAL]);
    const rows = (await exported(a, 'tsv')).split('\n');
    const k = rows.findIndex((l) => l.startsWith('en\tja\t'));
    rows[k] = rows[k]!.replace(/^en\tja\t[^\t]*/, 'en\tja\tThe Foreign Ministers of Japan, the Republic of Korea and the United States met in Tokyo.');
    const r = importAlignedCorpus(b, rows.join('\n'), 'tsv', 'importer');
    expect(r.statementIds).to.have.length(2);
    expect(r.statementIds[0]).to.equal(id);
    expect(shape(b, r.statementIds).map((x) => x.pairs)).to.deep.equal([['en-ko'], ['en-ja']]);
  });

  it('refuses a bad unit anywhere in the file, naming it, and writes nothing (not even the statements before it)', async () => {
    source([BILINGUAL, KOREAN_FIRST, TRILATERAL]);
    const before = dbDigest(b);
    const tsv = (await exported(a, 'tsv')).replace(/\n$/, '').split('\n');
    const last = tsv.length;
    tsv[last - 1] = tsv[last - 1]!.replace(/^en\tja\t/, 'en\ten\t');
    let err: unknown;
    try {
      importAlignedCorpus(b, tsv.join('\n'), 'tsv', 'x');
    } catch (e) {
      err = e;
    }
    // The statements before the bad row are not written either.
    expect(dbDigest(b)).to.equal(before);
    expect(err).to.be.instanceOf(InputError).with.property('message').that.matches(new RegExp(`^TSV line ${last}: a unit needs two different language codes \\(en, ko, ja…\\), got "en" and "en"`));
    const csv = (await exported(a, 'csv')).split('\r\n');
    csv[2] = csv[2]!.replace(/^[^,]*,/, '');
    expect(() => importAlignedCorpus(b, csv.join('\r\n'), 'csv', 'x')).to.throw(InputError, /^CSV line 3: 13 fields, the header has 14/);
    const jsonl = (await exported(a, 'jsonl')).split('\n');
    expect(() => importAlignedCorpus(b, [jsonl[0], '{"translation":', ...jsonl.slice(1)].join('\n'), 'jsonl', 'x')).to.throw(InputError, /^JSONL line 2: not JSON/);
    expect(() => importAlignedCorpus(b, [jsonl[0], jsonl[1]!.replace('"status":"auto"', '"status":"done"').replace('"status":"confirmed"', '"status":"done"')].join('\n'), 'jsonl', 'x')).to.throw(InputError, /^JSONL line 2: "status" must be "auto" or "confirmed", got "done"/);
    expect(() => importAlignedCorpus(b, [jsonl[0], '{"translation":{"en":"Only one side."}}'].join('\n'), 'jsonl', 'x')).to.throw(InputError, /^JSONL line 2: "translation" must hold two texts/);
    // Rows with no text: empty on both sides, or a paragraph of spaces.
    expect(() => importAlignedCorpus(b, `${tsv[0]}\n${tsv[1]!.split('\t').map((f, k) => (k === 2 || k === 3 ? '' : f)).join('\t')}`, 'tsv', 'x')).to.throw(InputError, /^TSV line 2: both segments are empty/);
    expect(() => importAlignedCorpus(b, [jsonl[0], '{"translation":{"en":"They met.\\n   ","ko":"만났다."}}'].join('\n'), 'jsonl', 'x')).to.throw(InputError, /^JSONL line 2: a segment has an empty paragraph/);
    const tmx = await exported(a, 'tmx');
    const n = (tmx.match(/<tu /g) ?? []).length;
    const lastTu = tmx.lastIndexOf('<tu tuid="');
    const tuid = /<tu tuid="(\d+)"/.exec(tmx.slice(lastTu))![1];
    const wrong = tmx.slice(0, lastTu) + tmx.slice(lastTu).replace(/<tu tuid="(\d+)"[^>]*>/, '<tu tuid="$1" srclang="fr">');
    expect(() => importAlignedCorpus(b, wrong, 'tmx', 'x')).to.throw(InputError, new RegExp(`^TMX unit ${n} \\(tuid ${tuid}\\): srclang "fr" names none of its variants \\(en, ja\\)`));
    const three = tmx.slice(0, lastTu) + tmx.slice(lastTu).replace('</tu>', '<tuv xml:lang="zh"><seg>外长会谈</seg></tuv></tu>');
    expect(() => importAlignedCorpus(b, three, 'tmx', 'x')).to.throw(InputError, new RegExp(`^TMX unit ${n} \\(tuid ${tuid}\\): 3 language variants \\(en, ja, zh\\)`));
    // A variant in a language no code names ("xx" for Korean) is refused, not stored as an eighth language.
    const unknown = tmx.slice(0, lastTu) + tmx.slice(lastTu).replace(/xml:lang="ja(-[A-Za-z]+)?"/, 'xml:lang="xx"');
    expect(() => importAlignedCorpus(b, unknown, 'tmx', 'x')).to.throw(InputError, /: "xx" is not a known language code/);
    expect(dbDigest(b)).to.equal(before);
  });

  it('CLI: import --xliff prints the new statement and says how many units had no target', async () => {
    const file = join(tmp.dir, 'project.xlf');
    writeFileSync(file, '<xliff version="1.2"><file original="memo.txt" source-language="en" target-language="ko"><body>'
      + '<trans-unit id="1"><source>The ministers met in Seoul.</source><target>장관들은 서울에서 만났다.</target></trans-unit>'
      + '<trans-unit id="2"><source>Not yet translated.</source></trans-unit></body></file></xliff>');
    const to = join(tmp.dir, 'xliff.db');
    const r = await runCli(['import', '--xliff', file, '--db', to]);
    expect([r.code, r.stdout, r.stderr]).to.deep.equal([0, '1\n', 'twintext: left out 1 unit without a target\n']);
    const both = await runCli(['import', '--xliff', file, '--tmx', file, '--db', to]);
    expect(both.code).to.not.equal(0);
    expect(both.stderr).to.match(/give one of --en\/--ko files, --manifest, --tmx, --xliff, --tsv, --csv, --jsonl or --moses, not --tmx and --xliff/);
  });

  it('CLI: export → import --tmx/--tsv/--csv/--jsonl → export gives identical files', async () => {
    const ids = source([KOREAN_FIRST, BILINGUAL, TRILATERAL]);
    a.close();
    const from = join(tmp.dir, 'a.db');
    for (const format of ['tmx', 'tsv', 'csv', 'jsonl'] as const) {
      const file = join(tmp.dir, `corpus.${format}`);
      const again = join(tmp.dir, `again.${format}`);
      const to = join(tmp.dir, `cli-${format}.db`);
      expect((await runCli(['export', '--format', format, '--out', file, '--db', from])).code).to.equal(0);
      const r = await runCli(['import', `--${format}`, file, '--db', to]);
      expect([r.code, r.stderr, r.stdout]).to.deep.equal([0, '', ids.map((id) => `${id}\n`).join('')]);
      expect((await runCli(['export', '--format', format, '--out', again, '--db', to])).code).to.equal(0);
      expect(readFileSync(again, 'utf8'), format).to.equal(readFileSync(file, 'utf8'));
      const list = await runCli(['list', '--db', to]);
      const langs = new Map(list.stdout.split('\n').filter(Boolean).map((l) => [Number(l.split('\t')[0]), l.split('\t')[3]]));
      expect(ids.map((id) => langs.get(id)), format).to.deep.equal(['ko,en', 'en,ko', 'en,ko,ja']);
    }
    a = openDb(from);
  });
});

describe('ops/import-aligned: Moses corpora', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  beforeEach(() => {
    tmp = tempDir();
    db = openDb(join(tmp.dir, 'm.db'));
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });

  const en = (text: string) => ({ lang: 'en', text, name: 'talks.en' });
  const ko = (text: string) => ({ lang: 'ko', text, name: 'talks.ko' });
  /** Each bead of the statement's alignment as [English, Korean, status], a side's paragraphs joined by " / ". */
  const rows = (id: number) => {
    const text = (ps: { text: string }[]) => ps.map((p) => p.text).join(' / ');
    return listBeads(db, listAlignments(db, id)[0]!.id).map((b) => [text(b.src), text(b.tgt), b.status]);
  };

  it('pairs the two files line by line as one statement under the title and date given; a line blank on one side is an omission', () => {
    const r = importMosesCorpus(
      db,
      en('\ufeffThe ministers met in Seoul on May 2.\r\nThey reaffirmed the alliance.\r\n\r\nThe next meeting is in 2027.\r\n   \r\n'),
      ko('장관들은 5월 2일 서울에서 만났다.\r\n양측은 동맹을 재확인하였다.\r\n\r\n다음 회의는 2027년에 열린다.\r\n※ 붙임: 참석자 명단\r\n'),
      { title: 'Seoul talks', date: '2026-05-02' },
      'mira',
    );
    expect([r.statementIds.length, r.skipped, r.units]).to.deep.equal([1, [], 4]);
    const id = r.statementIds[0]!;
    expect(findStatement(db, id)).to.include({ title: 'Seoul talks', date: '2026-05-02' });
    expect(listCurrentTexts(db, id).map((t) => [t.lang, t.sourceFormat, t.sourceName])).to.deep.equal([['en', 'moses', 'talks.en'], ['ko', 'moses', 'talks.ko']]);
    expect(rows(id)).to.deep.equal([
      ['The ministers met in Seoul on May 2.', '장관들은 5월 2일 서울에서 만났다.', 'auto'],
      ['They reaffirmed the alliance.', '양측은 동맹을 재확인하였다.', 'auto'],
      ['The next meeting is in 2027.', '다음 회의는 2027년에 열린다.', 'auto'],
      ['', '※ 붙임: 참석자 명단', 'auto'],
    ]);
    // The same files again: the statement is there already.
    const again = importMosesCorpus(db, en('The ministers met in Seoul on May 2.\nThey reaffirmed the alliance.\nThe next meeting is in 2027.\n\n'), ko('장관들은 5월 2일 서울에서 만났다.\n양측은 동맹을 재확인하였다.\n다음 회의는 2027년에 열린다.\n※ 붙임: 참석자 명단\n'), { title: 'Other' }, 'mira');
    expect([again.statementIds, again.skipped]).to.deep.equal([[], [id]]);
  });

  it('refuses files that do not pair, a language twice or not written in its script, and writes nothing', () => {
    const before = dbDigest(db);
    expect(() => importMosesCorpus(db, en('One.\nTwo.\n'), ko('하나.\n'), { title: 'T' }, 'x')).to.throw(InputError, /^talks\.en has 2 lines and talks\.ko 1: the two files of a Moses corpus pair line by line$/);
    expect(() => importMosesCorpus(db, en('One.\n'), { lang: 'en', text: 'Two.\n', name: 'b.en' }, { title: 'T' }, 'x')).to.throw(InputError, /are both "en"/);
    expect(() => importMosesCorpus(db, en('One.\n'), { lang: 'kor', text: '하나.\n', name: 'talks.kor' }, { title: 'T' }, 'x')).to.throw(InputError, /^talks\.kor: "kor" is written "ko"/);
    expect(() => importMosesCorpus(db, en('\n\n'), ko(' \n\n'), { title: 'T' }, 'x')).to.throw(InputError, /^the Moses files hold no translation units$/);
    expect(() => importMosesCorpus(db, en('장관들은 서울에서 만나 동맹을 재확인하였다.\n'), ko('The ministers met in Seoul and reaffirmed the alliance.\n'), { title: 'Swapped' }, 'x')).to.throw(InputError, /^"Swapped" in the Moses files: /);
    expect(() => importMosesCorpus(db, en('One.\n'), ko('하나.\n'), { title: 'T', date: '2026-13-01' }, 'x')).to.throw(InputError, /line 1 of talks\.en and talks\.ko: /);
    expect(dbDigest(db)).to.equal(before);
  });

  it('CLI: export --format moses → import --moses PATH → export gives identical files; the files found from either one, or named', async () => {
    const { statementId } = importStatement(db, BILINGUAL, 'alice');
    db.close();
    const from = join(tmp.dir, 'm.db');
    const out = join(tmp.dir, 'corpus');
    expect((await runCli(['export', '--format', 'moses', '--out', out, '--db', from])).code).to.equal(0);
    const to = join(tmp.dir, 'moses.db');
    const r = await runCli(['import', '--moses', out, '--date', '2026-03-04', '--db', to]);
    expect([r.code, r.stderr, r.stdout]).to.deep.equal([0, '', '1\n']);
    const again = join(tmp.dir, 'again');
    expect((await runCli(['export', '--format', 'moses', '--out', again, '--db', to])).code).to.equal(0);
    for (const l of ['en', 'ko']) expect(readFileSync(`${again}.${l}`, 'utf8'), l).to.equal(readFileSync(`${out}.${l}`, 'utf8'));
    const list = await runCli(['list', '--db', to]);
    expect(list.stdout.split('\t').slice(0, 4)).to.deep.equal(['1', 'corpus', '2026-03-04', 'en,ko']);
    // Given as one of its two files: the same corpus, already there (its id printed as an import's).
    const same = await runCli(['import', '--moses', `${out}.ko`, '--db', to]);
    expect([same.code, same.stderr, same.stdout]).to.deep.equal([0, 'twintext: already imported as statement 1\n', '1\n']);
    // Named, Korean first (the first file is the source), or turned round with --src-lang.
    const k1 = join(tmp.dir, 'k1.db'), k2 = join(tmp.dir, 'k2.db');
    expect((await runCli(['import', '--moses', `${out}.ko`, `${out}.en`, '--title', '에너지정책대화', '--db', k1])).code).to.equal(0);
    expect((await runCli(['import', '--moses', out, '--src-lang', 'ko', '--db', k2])).code).to.equal(0);
    for (const k of [k1, k2]) expect((await runCli(['list', '--db', k])).stdout.split('\t')[3]).to.equal('ko,en');
    expect((await runCli(['list', '--db', k1])).stdout.split('\t')[1]).to.equal('에너지정책대화');
    void statementId;
  });

  it('CLI: refuses a missing or third file, lines that do not pair and options a Moses corpus cannot take, in one line, storing nothing', async () => {
    const dir = tmp.dir;
    writeFileSync(join(dir, 'c.en'), 'The ministers met.\nThey agreed.\n');
    writeFileSync(join(dir, 'c.ko'), '장관들은 만났다.\n');
    writeFileSync(join(dir, 'solo.en'), 'Alone.\n');
    writeFileSync(join(dir, 'tri.en'), 'One.\n');
    writeFileSync(join(dir, 'tri.ko'), '하나.\n');
    writeFileSync(join(dir, 'tri.ja'), '一つ。\n');
    writeFileSync(join(dir, 'tri.bak'), 'old\n');
    const to = join(dir, 'refused.db');
    const cases: [string[], number, RegExp][] = [
      [['--moses', join(dir, 'c')], 1, /^twintext: .*c\.en has 2 lines and .*c\.ko 1: the two files of a Moses corpus pair line by line\n$/],
      [['--moses', join(dir, 'solo')], 1, /^twintext: .*solo: found only .*solo\.en; a Moses corpus is two files named PATH\.<language>\n$/],
      [['--moses', join(dir, 'none')], 1, /found no .*none\.en, .*none\.ko…/],
      [['--moses', join(dir, 'tri')], 1, /found .*tri\.en, .*tri\.ja, .*tri\.ko; name the two to pair \(--moses .*tri\.en .*tri\.ja\)\n$/],
      [['--moses', join(dir, 'tri.en'), join(dir, 'tri.txt')], 2, /--moses .*tri\.txt: name each file with its language as last suffix/],
      [['--moses', join(dir, 'tri.en'), join(dir, 'tri.ko'), join(dir, 'tri.ja')], 2, /--moses takes PATH \(for PATH\.en and PATH\.ko\) or the two files, got 3 paths/],
      [['--moses', join(dir, 'tri.en'), join(dir, 'tri.ko'), '--src-lang', 'ja'], 2, /--src-lang ja: the Moses files are en and ko/],
      [['--moses', join(dir, 'tri.en'), join(dir, 'tri.ko'), '--pre-split'], 2, /--pre-split: not for --moses \(a Moses corpus takes --title, --date and --src-lang\)/],
    ];
    for (const [args, code, message] of cases) {
      const r = await runCli(['import', ...args, '--db', to]);
      expect([r.code, r.stdout], args.join(' ')).to.deep.equal([code, '']);
      expect(r.stderr, args.join(' ')).to.match(message);
    }
    const list = await runCli(['list', '--db', to]);
    expect(list.stdout).to.equal('');
    // The pair named out of three is imported.
    const ok = await runCli(['import', '--moses', join(dir, 'tri.ja'), join(dir, 'tri.ko'), '--title', '三か国', '--db', to]);
    expect([ok.code, ok.stdout]).to.deep.equal([0, '1\n']);
  });
});
