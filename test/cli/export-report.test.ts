// `twintext export` and `twintext report` on a database the test fills through ops: options read and
// refused as the API reads its query, and what the commands say on stderr.
import { expect } from 'chai';
import { join } from 'node:path';
import { runCli, tempDir } from '../helpers.ts';
import { openDb } from '../../server/store/db.ts';
import { importStatement } from '../../server/ops/import.ts';

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
});
