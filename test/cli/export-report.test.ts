// `twintext export` and `twintext report` on a database the test fills through ops: options read and
// refused as the API reads its query, and what the commands say on stderr.
import { expect } from 'chai';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers.ts';
import { openDb } from '../../server/store/db.ts';
import { importStatement } from '../../server/ops/import.ts';
import { TRILATERAL } from '../fixtures/import-aligned/statements.ts';

const EN = 'The foreign ministers met in Tokyo on Monday.\nThey agreed to strengthen cooperation on supply chains.';
const JA = '両外相は月曜日に東京で会談した。\n両外相はサプライチェーンに関する協力を強化することで一致した。';

describe('cli export and report', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(() => {
    tmp = tempDir();
    db = join(tmp.dir, 'cli.db');
    const d = openDb(db);
    importStatement(d, { title: 'Japan–U.S. foreign ministers', preSplit: true, texts: { en: EN, 'ja-JP': JA } }, 'tester');
    d.close();
  });
  afterEach(() => tmp.cleanup());

  it('export --pair en-ja finds a text stored as ja-JP', async () => {
    const r = await runCli(['export', '--format', 'tsv', '--pair', 'en-ja', '--statement', '1', '--db', db]);
    expect(r.code, r.stderr).to.equal(0);
    expect(r.stdout.trimEnd().split('\n').slice(1).map((l) => l.split('\t').slice(0, 3))).to.deep.equal([
      ['en', 'ja-JP', 'The foreign ministers met in Tokyo on Monday.'],
      ['en', 'ja-JP', 'They agreed to strengthen cooperation on supply chains.'],
    ]);
  });

  it('import --tmx of the database\'s own sentence-level export skips the statement, ja-JP and all', async () => {
    const out = join(tmp.dir, 'sentences.tmx');
    const exp = await runCli(['export', '--format', 'tmx', '--level', 'sentence', '--out', out, '--db', db]);
    expect(exp.code, exp.stderr).to.equal(0);
    const imp = await runCli(['import', '--tmx', out, '--db', db]);
    expect(imp.code, imp.stderr).to.equal(0);
    const list = await runCli(['list', '--db', db]);
    expect(list.stdout.trimEnd().split('\n')).to.have.length(1);
  });

  it('refuses --pair with a code of no language and --min-confidence that is not a plain decimal from 0 to 1 (exit 2, one line)', async () => {
    for (const [args, message] of [
      [['--pair', 'en-xx'], 'twintext: --pair en-xx: "xx" is not a known language code (ISO 639, such as en, ko or ja)\n'],
      [['--min-confidence', ''], 'twintext: --min-confidence must be a number from 0 to 1 (such as 0.8), got ""\n'],
      [['--min-confidence', '0x1'], 'twintext: --min-confidence must be a number from 0 to 1 (such as 0.8), got "0x1"\n'],
    ] as const) {
      const r = await runCli(['export', '--format', 'tsv', ...args, '--db', db]);
      expect([r.code, r.stderr, r.stdout], args.join(' ')).to.deep.equal([2, message, '']);
    }
    const ok = await runCli(['export', '--format', 'tsv', '--min-confidence', '0.5', '--db', db]);
    expect(ok.code, ok.stderr).to.equal(0);
  });

  it('says on stderr what an XLIFF or Moses export of the whole corpus leaves out, and when no statement has the pair asked for', async () => {
    const d = openDb(db);
    importStatement(d, TRILATERAL, 'tester', { runChecks: false });
    d.close();
    // The first statement's pair is en-ja: the trilateral statement's English–Korean rows are left out.
    const enKo = (await runCli(['export', '--format', 'tsv', '--pair', 'en-ko', '--db', db])).stdout.trimEnd().split('\n').length - 1;
    expect(enKo).to.be.greaterThan(0);
    const message = `twintext: left out ${enKo} units of other language pairs (en-ko): XLIFF and Moses hold one pair (--pair chooses it)\n`;
    const xliff = await runCli(['export', '--format', 'xliff', '--db', db]);
    expect([xliff.code, xliff.stderr]).to.deep.equal([0, message]);
    expect(xliff.stdout).to.include('trgLang="ja-JP"');
    const moses = await runCli(['export', '--format', 'moses', '--out', join(tmp.dir, 'corpus'), '--db', db]);
    expect([moses.code, moses.stderr]).to.deep.equal([0, `twintext: exported ${moses.stderr.match(/exported (\d+)/)![1]} pairs\n${message}`]);
    // A pair asked for is what the user wants: nothing to say.
    expect((await runCli(['export', '--format', 'xliff', '--pair', 'en-ja', '--db', db])).stderr).to.equal('');
    // No statement has Korean–Japanese: the empty file comes with a word.
    const none = await runCli(['export', '--format', 'tsv', '--pair', 'ko-ja', '--db', db]);
    expect([none.code, none.stderr]).to.deep.equal([0, 'twintext: no statement has the language pair ko-ja, either way round (the pairs there: en-ja, en-ko)\n']);
    const notThatOne = await runCli(['export', '--format', 'tsv', '--pair', 'en-ko', '--statement', '1', '--db', db]);
    expect([notThatOne.code, notThatOne.stderr]).to.deep.equal([0, 'twintext: no statement asked for has the language pair en-ko, either way round (the pairs there: en-ja)\n']);
    // A pair that is there, every row of which a filter leaves out, is no such case.
    expect((await runCli(['export', '--format', 'tsv', '--pair', 'en-ko', '--status', 'confirmed', '--db', db])).stderr).to.equal('');
  });
});
