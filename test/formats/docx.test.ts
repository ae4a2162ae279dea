import { expect } from 'chai';
import { strToU8, zipSync } from 'fflate';
import { InputError } from '../../server/core/types.ts';
import { docxToText } from '../../server/formats/docx.ts';
import { buildDocx, buildDocxFromBody, withDeclaredSize } from './docx-helpers.ts';

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

describe('formats/docx', () => {
  describe('#docxToText', () => {
    it('returns one paragraph per line, empty paragraphs dropped', async () => {
      const docx = buildDocx([
        '제7차 한미 사이버정책협의회 공동보도문',
        '',
        '□ 한미는 2024년 9월 5일 워싱턴에서 제7차 사이버정책협의회를 개최하였다.',
        'ㅇ 양측은 악의적 사이버 활동에 공동 대응하기로 합의하였다.',
      ]);
      expect(await docxToText(docx)).to.equal(
        '제7차 한미 사이버정책협의회 공동보도문\n' +
          '□ 한미는 2024년 9월 5일 워싱턴에서 제7차 사이버정책협의회를 개최하였다.\n' +
          'ㅇ 양측은 악의적 사이버 활동에 공동 대응하기로 합의하였다.',
      );
    });

    it('reads a manual line break inside a paragraph as a space, not as nothing', async () => {
      const docx = buildDocxFromBody(
        '<w:p><w:r><w:t xml:space="preserve">The meeting was held in</w:t><w:br/><w:t>Busan on 12 June 2026.</w:t></w:r></w:p>' +
          '<w:p><w:r><w:t>양측은 합의하였다.</w:t><w:cr/><w:t>첫 훈련은 내년에 실시한다.</w:t></w:r>' +
          '<w:r><w:br w:type="page"/></w:r><w:r><w:t>끝.</w:t></w:r></w:p>',
      );
      expect(await docxToText(docx)).to.equal('The meeting was held in Busan on 12 June 2026.\n양측은 합의하였다. 첫 훈련은 내년에 실시한다. 끝.');
    });

    it('rejects bytes that are not a zip', async () => {
      await expectInputError(docxToText(strToU8('plain text, not a document')), /not a ZIP archive/);
    });

    it('rejects a truncated archive', async () => {
      const docx = buildDocx(['The two sides met in Seoul.']);
      await expectInputError(docxToText(docx.subarray(0, docx.length - 30)), /malformed \.docx/);
    });

    it('rejects a zip without word/document.xml', async () => {
      await expectInputError(docxToText(zipSync({ 'notes.txt': strToU8('hello') })), /no word\/document\.xml/);
    });

    it('refuses an archive whose declared uncompressed size exceeds 50 MB, before inflating it', async () => {
      const bomb = withDeclaredSize(buildDocx(['The two sides met in Seoul.']), 2_000_000_000);
      await expectInputError(docxToText(bomb), /expands to more than 50 MB/);
    });
  });
});
