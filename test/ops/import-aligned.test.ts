import { expect } from 'chai';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { openDb, type Db } from '../../server/store/db.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { addFlag, changeFlag, getStatementView, setBeadConfirmed } from '../../server/ops/review.ts';
import { exportCorpus } from '../../server/ops/export.ts';
import { importAlignedCorpus } from '../../server/ops/import-aligned.ts';
import { InputError } from '../../server/core/errors.ts';
import { tempDir, dbDigest } from '../helpers.ts';

async function exported(db: Db, format: 'tmx' | 'tsv'): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  await exportCorpus(db, format, {}, out);
  out.end();
  return Buffer.concat(chunks).toString('utf8');
}

describe('ops/import-aligned', () => {
  let tmp: ReturnType<typeof tempDir>;
  let a: Db;
  let b: Db;
  beforeEach(() => {
    tmp = tempDir();
    a = openDb(join(tmp.dir, 'a.db'));
    b = openDb(join(tmp.dir, 'b.db'));
    const [id] = seedDemo(a);
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

  for (const format of ['tmx', 'tsv'] as const) {
    it(`export → import → export gives an identical ${format.toUpperCase()} file`, async () => {
      const first = await exported(a, format);
      const r = importAlignedCorpus(b, first, format, 'importer');
      expect(r.statementIds).to.have.length(2);
      expect(await exported(b, format)).to.equal(first);
    });
  }

  it('does not import the same corpus twice', async () => {
    const tmx = await exported(a, 'tmx');
    importAlignedCorpus(b, tmx, 'tmx', 'importer');
    const before = dbDigest(b);
    const again = importAlignedCorpus(b, tmx, 'tmx', 'importer');
    expect(again.statementIds).to.deep.equal([]);
    expect(again.skipped).to.have.length(2);
    expect(dbDigest(b)).to.equal(before);
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
