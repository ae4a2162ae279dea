// Large exports through the HTTP server, compressed as browsers ask: streamed with backpressure, and
// gunzipped equal to the plain download.
import { expect } from 'chai';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { startServer, type RunningServer } from '../../server/http/server.ts';
import { openDb } from '../../server/store/db.ts';
import { importStatement } from '../../server/ops/import.ts';
import { rawGet, tempDir } from '../helpers.ts';

describe('http/export-stream: large compressed exports', () => {
  let tmp: ReturnType<typeof tempDir>;
  let server: RunningServer;

  before(async function () {
    this.timeout(60_000);
    tmp = tempDir();
    const dbPath = join(tmp.dir, 'export.db');
    const db = openDb(dbPath);
    // 10 statements × 150 paragraphs: a TMX of about 1.2 MB, a JSONL of about 0.8 MB, written in flushes
    // of 64 Ki characters (the old code had piled up 11 drain listeners by the end of the TMX).
    for (let s = 1; s <= 10; s++) {
      const en: string[] = [], ko: string[] = [];
      for (let i = 1; i <= 150; i++) {
        en.push(`Item ${s}.${i}: the two sides agreed to review the combined exercise schedule and the logistics plan for quarter ${i} of year ${2020 + s}, including maritime patrols.`);
        ko.push(`제${s}.${i}항: 양측은 ${2020 + s}년 ${i}분기 연합연습 일정과 군수 계획, 해상 초계의 세부 사항을 검토하기로 합의하였다.`);
      }
      importStatement(db, { title: `Exercise review ${s}`, texts: { en: en.join('\n'), ko: ko.join('\n') }, preSplit: true }, 'setup', { runChecks: false });
    }
    db.close();
    server = await startServer({ dbPath, port: 0, seed: false, log: () => {} });
  });
  after(async () => {
    await server.close();
    tmp.cleanup();
  });

  it('streams a gzipped TMX and JSONL without piling up drain listeners, equal to the plain download', async () => {
    // A listener per 64 KiB wait used to collect on the compressor (which the response's off() does not
    // reach), and Node warns past ten.
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      for (const format of ['tmx', 'jsonl']) {
        const plain = await rawGet(server.url, `/api/export?format=${format}`);
        const zipped = await rawGet(server.url, `/api/export?format=${format}`, { 'Accept-Encoding': 'gzip' });
        expect(plain.bytes.length, format).to.be.above(700_000);
        expect(zipped.headers['content-encoding'], format).to.equal('gzip');
        expect(gunzipSync(zipped.bytes).equals(plain.bytes), format).to.equal(true);
      }
      // Warnings are emitted on the next tick.
      await new Promise((r) => setImmediate(r));
      expect(warnings.map((w) => `${w.name}: ${w.message}`)).to.deep.equal([]);
    } finally {
      process.off('warning', onWarning);
    }
  });
});
