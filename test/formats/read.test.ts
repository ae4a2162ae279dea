import { expect } from 'chai';
import iconv from 'iconv-lite';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../../server/core/types.ts';
import { MAX_INPUT_BYTES } from '../../server/formats/decode.ts';
import { readStatementBuffer, readStatementFile } from '../../server/formats/read.ts';
import { buildDocx } from './docx-helpers.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/formats');

async function expectInputError(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  try {
    await p;
  } catch (err) {
    expect(err).to.be.instanceOf(InputError);
    expect((err as Error).message).to.match(pattern);
    return;
  }
  expect.fail('expected an InputError');
}

describe('formats/read', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'twintext-read-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  describe('#readStatementBuffer', () => {
    it('reduces pasted page text to the body', async () => {
      const page = readFileSync(path.join(fixtures, 'pages/ministry-ko.page.txt'));
      const body = readFileSync(path.join(fixtures, 'pages/ministry-ko.body.txt'), 'utf8').replace(/\n$/, '');
      expect(await readStatementBuffer(page, 'statement.txt')).to.deep.equal({ text: body, format: 'txt', encoding: 'utf-8', date: '2024-03-14' });
    });

    it('reduces a hard-wrapped page copied without blank lines to its title and body, and dates it', async () => {
      const title = 'Joint Statement on the Tenth U.S.-ROK Space Policy Dialogue';
      const body = [
        'The United States and the Republic of Korea held the tenth Space Policy',
        'Dialogue in Seoul on November 13, shared their assessments of threats in the',
        'space domain, and reviewed the progress the Alliance has made in space',
        'cooperation over the past year.',
        'The two sides agreed to widen the real-time sharing of space situational',
        'awareness data and to set out the technical procedures for it by the first',
        'half of next year.',
        'The two sides agreed to hold the eleventh dialogue in Washington in 2026.',
      ];
      const page = ['Skip to main content', 'Home', 'News', 'RELEASE', title, 'Nov. 14, 2025', ...body, 'Related Releases', 'Nov. 10, 2025', 'Secretary Travels to the Indo-Pacific'];
      const out = await readStatementBuffer(Buffer.from(page.join('\n')), 'statement.txt');
      expect(out.text.split('\n').filter(Boolean)).to.deep.equal([title, ...body]);
      expect(out.date).to.equal('2025-11-14');
    });

    it('passes a clean EUC-KR body through unchanged', async () => {
      const body = '한미 공동성명\n양측은 동맹의 억제태세를 강화하기로 합의했다.\n양측은 긴밀한 공조를 유지하기로 했다.';
      expect(await readStatementBuffer(iconv.encode(body, 'euc-kr'))).to.deep.equal({ text: body, format: 'txt', encoding: 'euc-kr', date: null });
    });

    it('sniffs HTML by content even under a .txt name', async () => {
      const html = readFileSync(path.join(fixtures, 'embassy-page.html'));
      const out = await readStatementBuffer(html, 'saved.txt');
      expect(out.format).to.equal('html');
      expect(out.text.split('\n')[0]).to.equal('Joint Statement on the U.S.-ROK Space Policy Dialogue');
    });

    it('reads the title and date of a page that keeps them in a <header> inside its article', async () => {
      const out = await readStatementBuffer(readFileSync(path.join(fixtures, 'wordpress-embassy-page.html')), 'statement.html');
      expect(out.text.split('\n')[0]).to.equal('Joint Statement on the U.S.-ROK Energy Security Dialogue');
      // The byline's date, not the meeting's date in the first paragraph (March 11).
      expect(out.date).to.equal('2026-03-12');
      expect(out.text).not.to.include('Posted on');
    });

    it('decodes an EUC-KR HTML page before parsing it', async () => {
      const html =
        '<html><head><meta charset="euc-kr"><title>보도자료</title></head><body><nav>홈</nav>' +
        '<h1>한미 외교장관 회담</h1><p>양 장관은 한미동맹의 발전 방향에 대해 긴밀히 협의하였다.</p></body></html>';
      expect(await readStatementBuffer(iconv.encode(html, 'euc-kr'), 'page.htm')).to.deep.equal({
        text: '한미 외교장관 회담\n\n양 장관은 한미동맹의 발전 방향에 대해 긴밀히 협의하였다.',
        format: 'html',
        encoding: 'euc-kr',
        date: null,
      });
    });

    it('sniffs DOCX by its zip magic whatever the name', async () => {
      const docx = buildDocx(['Joint Statement', 'The two sides agreed to continue close consultations on all issues.']);
      expect(await readStatementBuffer(docx, 'upload.bin')).to.deep.equal({
        text: 'Joint Statement\nThe two sides agreed to continue close consultations on all issues.',
        format: 'docx',
        encoding: 'utf-8',
        date: null,
      });
    });

    it('rejects a .docx name on bytes that are not a zip, and legacy formats', async () => {
      await expectInputError(readStatementBuffer(Buffer.from('hello'), 'x.docx'), /x\.docx is not a \.docx file/);
      await expectInputError(readStatementBuffer(Buffer.from('hello'), 'x.hwp'), /\.hwp files are not supported/);
    });
  });

  describe('#readStatementFile', () => {
    it('reads a file from disk', async () => {
      const file = path.join(dir, 'ko.txt');
      writeFileSync(file, '제목\r\n양측은 긴밀한 공조를 유지하기로 합의했다.\r\n');
      expect(await readStatementFile(file)).to.deep.equal({
        text: '제목\n양측은 긴밀한 공조를 유지하기로 합의했다.\n',
        format: 'txt',
        encoding: 'utf-8',
        date: null,
      });
    });

    it('names the path of a missing file', async () => {
      const missing = path.join(dir, 'nope.txt');
      try {
        await readStatementFile(missing);
        expect.fail('expected an InputError');
      } catch (err) {
        expect(err).to.be.instanceOf(InputError);
        expect((err as InputError).message).to.equal(`${missing}: no such file`);
        expect((err as InputError).code).to.equal('not_found');
      }
    });

    it('rejects a directory and an oversized file before reading it', async () => {
      await expectInputError(readStatementFile(dir), /: is a directory$/);
      const big = path.join(dir, 'big.txt');
      writeFileSync(big, Buffer.alloc(MAX_INPUT_BYTES + 10, 0x61));
      await expectInputError(readStatementFile(big), /big\.txt is 5242890 bytes; the limit/);
    });
  });
});
