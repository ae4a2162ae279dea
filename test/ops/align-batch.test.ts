import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { alignParagraphs } from '../../server/core/align.ts';
import { parseGlossary } from '../../server/core/glossary.ts';
import { alignBatch } from '../../server/ops/align-batch.ts';

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
});
