import { expect } from 'chai';
import iconv from 'iconv-lite';
import { InputError } from '../../server/core/types.ts';
import { decodeText, MAX_INPUT_BYTES } from '../../server/formats/decode.ts';

const KO = '한미 양국은 동맹의 억제태세를 강화하기로 합의했다.\n양측은 긴밀한 공조를 유지하기로 했다.';

function expectInputError(fn: () => unknown, pattern: RegExp): void {
  try {
    fn();
  } catch (err) {
    expect(err).to.be.instanceOf(InputError);
    expect((err as Error).message).to.match(pattern);
    return;
  }
  expect.fail('expected an InputError');
}

describe('formats/decode', () => {
  describe('#decodeText', () => {
    it('decodes plain UTF-8', () => {
      expect(decodeText(Buffer.from(KO, 'utf8'))).to.deep.equal({ text: KO, encoding: 'utf-8' });
    });

    it('strips a UTF-8 BOM', () => {
      const buf = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Joint Statement', 'utf8')]);
      expect(decodeText(buf)).to.deep.equal({ text: 'Joint Statement', encoding: 'utf-8' });
    });

    it('decodes UTF-16LE and UTF-16BE with a BOM', () => {
      const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(KO, 'utf-16le')]);
      const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(KO, 'utf-16be')]);
      expect(decodeText(le)).to.deep.equal({ text: KO, encoding: 'utf-16le' });
      expect(decodeText(be)).to.deep.equal({ text: KO, encoding: 'utf-16be' });
    });

    it('detects EUC-KR', () => {
      expect(decodeText(iconv.encode(KO, 'euc-kr'))).to.deep.equal({ text: KO, encoding: 'euc-kr' });
    });

    it('detects CP949 when the text uses its extended Hangul', () => {
      // 똠 and 햏 are outside the 2,350 EUC-KR syllables, so only CP949 encodes them.
      const text = '똠방각하와 햏자는 협의를 계속하기로 했다.';
      const buf = iconv.encode(text, 'cp949');
      expect(decodeText(buf)).to.deep.equal({ text, encoding: 'cp949' });
    });

    it('reads Japanese in Shift_JIS and EUC-JP, and an HTML page\'s declared charset, but never Korean as Japanese', () => {
      const ja = '第3回日米韓外相会合共同声明\n三閣僚は、2024年7月28日、東京において会合を開催し、北朝鮮の弾道ミサイル発射を強く非難した。';
      expect(decodeText(iconv.encode(ja, 'shift_jis'))).to.deep.equal({ text: ja, encoding: 'shift_jis' });
      expect(decodeText(iconv.encode(ja, 'euc-jp'))).to.deep.equal({ text: ja, encoding: 'euc-jp' });
      const page = `<html><head><meta charset="Shift_JIS"><title>外務省</title></head><body><p>${ja}</p></body></html>`;
      expect(decodeText(iconv.encode(page, 'shift_jis'))).to.deep.equal({ text: page, encoding: 'shift_jis' });
      // Korean stays Korean, in either legacy encoding.
      expect(decodeText(iconv.encode(KO, 'euc-kr')).encoding).to.equal('euc-kr');
      expect(decodeText(iconv.encode('똠방각하와 햏자는 협의를 계속하기로 했다.', 'cp949')).encoding).to.equal('cp949');
      // Kanji alone, without a kana (as a Korean text read as EUC-JP would be), is no Japanese prose.
      expectInputError(() => decodeText(iconv.encode('日米韓三国首脳会談開催。北朝鮮核問題協議。', 'euc-jp')), /not EUC-KR\/CP949 Korean or Shift_JIS\/EUC-JP Japanese/);
    });

    it('normalises CRLF and CR to LF and composes to NFC', () => {
      const decomposed = '한미'.normalize('NFD');
      const out = decodeText(Buffer.from(`line one\r\nline two\rline ${decomposed}`, 'utf8'));
      expect(out.text).to.equal('line one\nline two\nline 한미');
      expect(out.text).to.equal(out.text.normalize('NFC'));
    });

    it('rejects empty and whitespace-only input', () => {
      expectInputError(() => decodeText(new Uint8Array(0)), /empty/);
      expectInputError(() => decodeText(Buffer.from(' \r\n\t\n', 'utf8')), /empty/);
    });

    it('reads UTF-16 saved without a byte-order mark, little- and big-endian, Korean and English', () => {
      // 대 (U+B300) and 저 (U+C800) put a NUL on the other byte too.
      const ko = '제5차 한-호주 수산협력 대화\n양측은 2026년 3월 4일 서울에서 대화를 개최하였다. 저인망 어업도 논의하였다.';
      const le = Buffer.from(ko, 'utf16le');
      expect(decodeText(le)).to.deep.equal({ text: ko, encoding: 'utf-16le' });
      const en = 'Joint Press Statement on the 5th Fisheries Cooperation Dialogue\nThe two sides met in Seoul.';
      const be = Buffer.from(en, 'utf16le').swap16();
      expect(decodeText(be)).to.deep.equal({ text: en, encoding: 'utf-16be' });
      // NULs on one side of mostly control codes are still binary.
      expectInputError(() => decodeText(Buffer.from(Array.from({ length: 64 }, (_, i) => (i % 2 ? 0 : (i % 7) + 1)))), /binary/);
    });

    it('rejects binary input', () => {
      expectInputError(() => decodeText(Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02, 0xff])), /binary.*NUL/);
      const controls = Buffer.from('abc' + '\u0001\u0002\u0003'.repeat(20), 'utf8');
      expectInputError(() => decodeText(controls), /binary/);
    });

    it('rejects truncated UTF-8 that is not CP949 either, saying where', () => {
      const full = Buffer.from('Statement: 한미동맹', 'utf8');
      const cut = full.subarray(0, full.length - 1);
      expectInputError(() => decodeText(cut), /truncated UTF-8 .*offset 20.*not EUC-KR\/CP949/);
    });

    it('rejects Latin-1 text instead of decoding it as Korean mojibake', () => {
      expectInputError(() => decodeText(Buffer.from('Caf\xe9 au lait, cr\xe8me br\xfbl\xe9e', 'latin1')), /cannot decode/);
    });

    it('reads English saved as Windows-1252 (curly quotes, dashes) as such, not as CP949 mojibake', () => {
      // Each ’ or — before a letter is a valid (and rare) CP949 syllable: "ROK뭩 plan", "2026뾲he".
      const readout =
        'The Deputy Secretary welcomed the ROK’s plan to raise its defense budget by 7.5 percent in 2026—the largest rise in a decade.\n' +
        'Both sides reaffirmed the Alliance’s commitment to deterrence.';
      const quoted = `Readout of the Deputy Secretary’s Meeting\n\n${readout}\nHe called the Alliance “ironclad”… and thanked the Minister.`;
      for (const text of [readout, quoted]) {
        expect(decodeText(iconv.encode(text, 'windows-1252'))).to.deep.equal({ text, encoding: 'windows-1252' });
      }
    });

    it('honours the Windows-1252 or ISO-8859-1 charset an HTML page declares', () => {
      const body = '<body><p>Foreign Minister José Fernández met the Korean delegation at the Café Central in Vienna.</p></body></html>';
      for (const meta of ['<meta charset="windows-1252">', '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1">']) {
        const html = `<html><head>${meta}<title>Readout</title></head>${body}`;
        expect(decodeText(iconv.encode(html, 'windows-1252'))).to.deep.equal({ text: html, encoding: 'windows-1252' });
      }
      // Bytes Windows-1252 does not define are no text, whatever the page says.
      const undefinedByte = Buffer.concat([Buffer.from('<meta charset="windows-1252"><p>Seoul', 'latin1'), Buffer.from([0x81]), Buffer.from('</p>')]);
      expectInputError(() => decodeText(undefinedByte), /cannot decode/);
    });

    it('reads Korean as Korean even where the page declares ISO-8859-1', () => {
      const html = `<html><head><meta charset="iso-8859-1"></head><body><p>□ ${KO}</p><p>ㅇ 양측은 G7 정상회의 계기에 다시 만나기로 했다.</p></body></html>`;
      expect(decodeText(iconv.encode(html, 'euc-kr'))).to.deep.equal({ text: html, encoding: 'euc-kr' });
    });

    it('rejects input over the size limit', () => {
      expectInputError(() => decodeText(new Uint8Array(MAX_INPUT_BYTES + 1).fill(0x61)), /limit is 5242880 bytes/);
    });
  });
});
