// Test helpers for the exporters: sample units and an in-memory writable stream.
import { Writable } from 'node:stream';
import type { ExportUnit } from '../../server/formats/export/types.ts';

export function sampleUnits(): ExportUnit[] {
  return [
    {
      statementId: 7,
      title: 'Joint Statement <script>&"\'',
      date: '2025-06-26',
      beadId: 101,
      position: 1,
      srcLang: 'en',
      tgtLang: 'ko',
      src: 'The two sides met in Seoul.\nThey agreed to meet again.',
      tgt: '양측은 서울에서 만났다.\n양측은 다시 만나기로 했다.',
      srcParagraphs: [2, 3],
      tgtParagraphs: [2],
      status: 'confirmed',
      confidence: 0.95,
      flags: [{ category: 'omission', severity: 'major', status: 'open', comment: 'a <b> & "c"\tdropped', author: 'kim' }],
    },
    {
      statementId: 7,
      title: 'Joint Statement <script>&"\'',
      date: null,
      beadId: 102,
      position: 2,
      srcLang: 'en',
      tgtLang: 'ko',
      src: 'Tabs\tand \u0001control chars.',
      tgt: '탭\t문자.',
      srcParagraphs: [4],
      tgtParagraphs: [3],
      status: 'auto',
      confidence: 0.5,
      flags: [],
    },
  ];
}

/** An omission bead: no target text. */
export function omissionUnit(): ExportUnit {
  return { ...sampleUnits()[1]!, beadId: 103, position: 3, src: 'Only in English.', tgt: '', tgtParagraphs: [] };
}

export class Collector extends Writable {
  chunks: Buffer[] = [];
  drains = 0;
  constructor(opts: { highWaterMark?: number; delayMs?: number } = {}) {
    super({ highWaterMark: opts.highWaterMark ?? 16 * 1024 });
    const delay = opts.delayMs ?? 0;
    this.on('drain', () => this.drains++);
    this._write = (chunk: Buffer, _enc, cb) => {
      this.chunks.push(Buffer.from(chunk));
      if (delay > 0) setTimeout(cb, delay);
      else cb();
    };
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}
