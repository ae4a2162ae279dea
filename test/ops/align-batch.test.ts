import { expect } from 'chai';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { alignParagraphs } from '../../server/core/align.ts';
import { InputError } from '../../server/core/errors.ts';
import { parseGlossary } from '../../server/core/glossary.ts';
import { alignBatch, alignFiles } from '../../server/ops/align-batch.ts';

const glossary = parseGlossary(readFileSync('data/glossary.tsv', 'utf8'));
const opts = { srcLang: 'en', tgtLang: 'ko', glossary };
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Statement-like documents written from templates, with merges and omissions, so beads differ in shape. */
function documents(count: number, paras: number): { src: string[]; tgt: string[] }[] {
  return Array.from({ length: count }, (_, k) => {
    const src: string[] = [], tgt: string[] = [];
    for (let i = 1; i <= paras; i++) {
      const m = 1 + ((i + k) % 12), d = 1 + ((i * 7 + k) % 28);
      const en = `The delegations reviewed item ${i} of the ${k + 1}th work plan and agreed to report on it by ${MONTHS[m - 1]} ${d}, 2026.`;
      const ko = `양측 대표단은 제${k + 1}차 작업계획 제${i}항을 검토하고, 2026년 ${m}월 ${d}일까지 결과를 보고하기로 합의하였다.`;
      src.push(en);
      if (i % 9 === 0) continue; // omitted in the Korean version
      if (i % 11 === 0 && tgt.length) tgt[tgt.length - 1] += ' ' + ko; // merged with the previous paragraph
      else tgt.push(ko);
    }
    return { src, tgt };
  });
}

describe('ops/align-batch', () => {
  it('gives the same beads as aligning each document alone, with worker threads doing part of the work', async function () {
    this.timeout(60000);
    const docs = documents(120, 40);
    const one = docs.map((d) => alignParagraphs(d.src, d.tgt, opts));
    const threads = new Set<number>();
    let last = 0;
    const many = await alignBatch(docs, opts, 2, (done, thread) => {
      expect(done).to.be.greaterThan(last);
      last = done;
      threads.add(thread);
    });
    expect(many).to.deep.equal(one);
    expect(last).to.equal(docs.length);
    expect([...threads].sort()).to.deep.equal([0, 1]);
  });

  it('aligns a small batch on the calling thread alone', async () => {
    const docs = documents(3, 10);
    const threads = new Set<number>();
    const beads = await alignBatch(docs, opts, 4, (_done, thread) => threads.add(thread));
    expect(beads).to.deep.equal(docs.map((d) => alignParagraphs(d.src, d.tgt, opts)));
    expect([...threads]).to.deep.equal([0]);
    // The omitted ninth paragraph is a 1-0 bead.
    expect(beads[0]!.some((b) => b.src.length === 1 && b.src[0] === 8 && b.tgt.length === 0)).to.equal(true);
  });

  describe('#alignFiles', () => {
    let dir = '';
    beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'twintext-batch-'))));
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    /** Writes the documents as pre-split files (one paragraph per line), the Korean ones in CP949 for half of them. */
    function writeDocs(docs: { src: string[]; tgt: string[] }[]) {
      return docs.map((d, k) => {
        const f = { src: join(dir, `${k}.en.txt`), tgt: join(dir, `${k}.ko.txt`) };
        writeFileSync(f.src, d.src.join('\n') + '\n');
        const ko = d.tgt.join('\n') + '\n';
        writeFileSync(f.tgt, k % 2 ? iconv.encode(ko, 'cp949') : ko);
        return f;
      });
    }

    it('reads and aligns each document on the thread that takes it, with the same beads as one by one', async function () {
      this.timeout(60000);
      // About 2 MB of files: enough for the batch to be shared with a worker thread.
      const docs = documents(200, 40);
      const files = writeDocs(docs);
      const threads = new Set<number>();
      const beads = await alignFiles(files, opts, true, 2, (_done, thread) => threads.add(thread));
      expect(beads).to.deep.equal(docs.map((d) => alignParagraphs(d.src, d.tgt, opts)));
      expect([...threads].sort()).to.deep.equal([0, 1]);
    });

    it('names the first unreadable file of the batch, in batch order, whichever thread met it', async function () {
      this.timeout(60000);
      const files = writeDocs(documents(200, 40));
      // The batch is cut into six slices of about 34 documents; the worker takes the first two, the
      // calling thread the third. The error at 70 is found first (early in the calling thread's
      // slice), the one at 64 later (late in the worker's second slice): 64 must be the one named.
      rmSync(files[70]!.tgt);
      rmSync(files[64]!.src);
      for (const threads of [1, 2]) {
        const err = await alignFiles(files, opts, true, threads).then(() => null, (e: unknown) => e);
        expect(err).to.be.instanceOf(InputError);
        expect((err as Error).message).to.equal(`${files[64]!.src}: no such file`);
      }
    });

    it('refuses a document whose files are in the wrong order, naming the file, on any thread', async function () {
      this.timeout(60000);
      const files = writeDocs(documents(200, 40));
      // The manifest line's two files swapped: the Korean file stands where English belongs.
      files[90] = { src: files[90]!.tgt, tgt: files[90]!.src };
      for (const threads of [1, 2]) {
        const err = await alignFiles(files, opts, true, threads).then(() => null, (e: unknown) => e);
        expect(err).to.be.instanceOf(InputError);
        expect((err as Error).message).to.match(new RegExp(`^${files[90]!.src.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: the en text does not look like English`));
      }
    });

    it('splits files that are not pre-split with the importer, as the single-file align does', async () => {
      writeFileSync(join(dir, 'a.en.txt'), 'First paragraph, hard-wrapped\nacross two lines.\n\nSecond paragraph.\n');
      writeFileSync(join(dir, 'a.ko.txt'), '첫째 문단은 두 줄에\n걸쳐 있다.\n\n둘째 문단은 한 줄이다.\n');
      const [beads] = await alignFiles([{ src: join(dir, 'a.en.txt'), tgt: join(dir, 'a.ko.txt') }], opts, false, 2);
      expect(beads!.map((b) => [b.src, b.tgt])).to.deep.equal([[[0], [0]], [[1], [1]]]);
    });
  });
});
