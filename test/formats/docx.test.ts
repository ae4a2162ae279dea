import { expect } from 'chai';
import { strToU8, zipSync } from 'fflate';
import { splitParagraphs } from '../../server/core/segment.ts';
import { InputError } from '../../server/core/types.ts';
import { docxToText, formatNumber } from '../../server/formats/docx.ts';
import { readStatementBuffer } from '../../server/formats/read.ts';
import { buildDocx, buildDocxFromBody, numbering, para, withDeclaredSize } from './docx-helpers.ts';

const markersOf = (text: string, lang: 'en' | 'ko' | 'ja') => splitParagraphs(text, lang).map((p) => [p.marker, p.level]);

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

    it('opens a list paragraph with its bullet, so Korean ministry bullets get the levels they get in text', async () => {
      const docx = buildDocxFromBody(
        para('제5차 한미 국방협력 실무회의 결과') +
          para('한미 국방부는 2026년 3월 12일 서울에서 제5차 국방협력 실무회의를 개최하였다.', { num: [4, 0] }) +
          para('이번 회의에는 양국 국방부 관계관 20여 명이 참석하였다.', { num: [4, 1] }) +
          para('양측은 상반기 연합훈련 일정을 점검하였다.', { num: [4, 2] }) +
          para('양측은 차기 회의를 워싱턴에서 개최하기로 하였다.', { num: [4, 0] }),
        { numbering: numbering({ 4: [['bullet', '□'], ['bullet', 'ㅇ'], ['bullet', '-']] }) },
      );
      const text = await docxToText(docx);
      expect(text).to.equal(
        '제5차 한미 국방협력 실무회의 결과\n' +
          '□ 한미 국방부는 2026년 3월 12일 서울에서 제5차 국방협력 실무회의를 개최하였다.\n' +
          'ㅇ 이번 회의에는 양국 국방부 관계관 20여 명이 참석하였다.\n' +
          '- 양측은 상반기 연합훈련 일정을 점검하였다.\n' +
          '□ 양측은 차기 회의를 워싱턴에서 개최하기로 하였다.',
      );
      expect(markersOf(text, 'ko')).to.deep.equal([[null, 0], ['□', 0], ['ㅇ', 1], ['-', 2], ['□', 0]]);
    });

    it('numbers list paragraphs as Word shows them: per list and level, restarted where the list says so', async () => {
      const lists =
        '<w:abstractNum w:abstractNumId="10">' +
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>' +
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf0b7"/><w:rPr><w:rFonts w:ascii="Symbol" w:hAnsi="Symbol"/></w:rPr></w:lvl>' +
        '</w:abstractNum>' +
        '<w:abstractNum w:abstractNumId="20">' +
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>' +
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2"/><w:isLgl/></w:lvl>' +
        '</w:abstractNum>' +
        '<w:num w:numId="1"><w:abstractNumId w:val="10"/></w:num>' +
        '<w:num w:numId="2"><w:abstractNumId w:val="20"/></w:num>' +
        '<w:num w:numId="3"><w:abstractNumId w:val="10"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
      const docx = buildDocxFromBody(
        para('The two sides agreed to deepen cooperation in three areas:') +
          para('Sharing of missile warning data in real time;', { num: [1, 0] }) +
          para('Combined participation in the Schriever Wargame; and', { num: [1, 0] }) +
          para('including observer status for the ROK', { num: [1, 1] }) +
          para('A common training curriculum for space operators.', { num: [1, 0] }) +
          para('Space', { num: [2, 0] }) +
          para('Situational awareness', { num: [2, 1] }) +
          para('Launch notification', { num: [2, 1] }) +
          para('Cyber', { num: [2, 0] }) +
          para('They also agreed to:') +
          para('Hold the next dialogue in Seoul.', { num: [3, 0] }),
        { numbering: lists },
      );
      const text = await docxToText(docx);
      expect(text.split('\n')).to.deep.equal([
        'The two sides agreed to deepen cooperation in three areas:',
        '1. Sharing of missile warning data in real time;',
        '2. Combined participation in the Schriever Wargame; and',
        '• including observer status for the ROK',
        '3. A common training curriculum for space operators.',
        'I. Space',
        // Legal numbering (isLgl) writes the levels above in decimal too.
        '1.1 Situational awareness',
        '1.2 Launch notification',
        'II. Cyber',
        'They also agreed to:',
        '1. Hold the next dialogue in Seoul.',
      ]);
      expect(markersOf(text, 'en').slice(0, 5)).to.deep.equal([[null, 0], ['1.', 0], ['2.', 0], ['•', 1], ['3.', 0]]);
    });

    it("takes a list from the paragraph's style, and not the numbering a tracked change took away", async () => {
      const styles =
        '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="ListBullet2"><w:name w:val="List Bullet 2"/><w:basedOn w:val="ListBullet"/><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr></w:pPr></w:style>';
      const lists =
        '<w:abstractNum w:abstractNumId="0">' +
        '<w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="\uf06f"/><w:rPr><w:rFonts w:ascii="Wingdings" w:hAnsi="Wingdings"/></w:rPr></w:lvl>' +
        '<w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/><w:lvlText w:val="o"/><w:rPr><w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/></w:rPr></w:lvl>' +
        '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="0"/></w:num>';
      const docx = buildDocxFromBody(
        para('양국 외교장관은 다음 사항에 합의하였다.', { style: 'ListBullet' }) +
          para('공급망 협력 강화', { style: 'ListBullet2' }) +
          '<w:p><w:pPr><w:pStyle w:val="ListBullet"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="0"/></w:numPr></w:pPr><w:r><w:t>목록에서 뺀 문단이다.</w:t></w:r></w:p>' +
          '<w:p><w:pPr><w:pPrChange w:id="9" w:author="Editor" w:date="2026-03-12T09:00:00Z"><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="5"/></w:numPr></w:pPr></w:pPrChange></w:pPr>' +
          '<w:r><w:t>목록이던 문단이다.</w:t></w:r></w:p>',
        { numbering: lists, styles },
      );
      expect(await docxToText(docx)).to.equal('□ 양국 외교장관은 다음 사항에 합의하였다.\n◦ 공급망 협력 강화\n목록에서 뺀 문단이다.\n목록이던 문단이다.');
    });

    it('reads the styles after one that holds a tracked change (a Strong style with its rPrChange before List Bullet)', async () => {
      const styles =
        '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/><w:rPrChange w:id="3" w:author="Editor" w:date="2026-03-12T09:00:00Z"><w:rPr/></w:rPrChange></w:rPr></w:style>' +
        '<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:pPr><w:numPr><w:numId w:val="5"/></w:numPr></w:pPr></w:style>';
      const lists = numbering({ 5: [['bullet', '□']] });
      const docx = buildDocxFromBody(para('양국은 공급망 협력을 강화하기로 합의하였다.', { style: 'ListBullet' }), { numbering: lists, styles });
      expect(await docxToText(docx)).to.equal('□ 양국은 공급망 협력을 강화하기로 합의하였다.');
    });

    it('writes Japanese and Korean list numbers as Word shows them, so they are list markers (一、 ア． （一） 일.)', async () => {
      const lists = numbering({
        1: [['japaneseCounting', '%1、'], ['aiueoFullWidth', '%2．'], ['japaneseCounting', '（%3）']],
        2: [['decimalFullWidth', '%1．'], ['koreanDigital', '%2.']],
      });
      const body =
        para('総論', { num: [1, 0] }) + para('日米韓の協力を強化する。', { num: [1, 1] }) + para('細目について協議した。', { num: [1, 2] }) +
        para('各論', { num: [1, 0] }) + para('次回会合を開催する。', { num: [1, 1] }) +
        para('三閣僚は会合を開催した。', { num: [2, 0] }) + para('양측은 합의하였다.', { num: [2, 1] });
      const text = await docxToText(buildDocxFromBody(body, { numbering: lists }));
      expect(text.split('\n')).to.deep.equal([
        '一、 総論', 'ア． 日米韓の協力を強化する。', '（一） 細目について協議した。', '二、 各論', 'ア． 次回会合を開催する。', '１． 三閣僚は会合を開催した。', '일. 양측은 합의하였다.',
      ]);
      expect(markersOf(text, 'ja').slice(0, 6)).to.deep.equal([['一、', 0], ['ア．', 1], ['（一）', 2], ['二、', 0], ['ア．', 1], ['１．', 0]]);
      expect(markersOf(text, 'ko')[6]).to.deep.equal(['일.', 1]);
    });

    it('counts in kanji as Word does, legal forms included', () => {
      const counted = [1, 10, 11, 20, 23, 100, 105, 110, 1200, 2024].map((n) => formatNumber(n, 'japaneseCounting'));
      expect(counted).to.deep.equal(['一', '十', '十一', '二十', '二十三', '百', '百五', '百十', '千二百', '二千二十四']);
      expect([1, 2, 3, 10, 11].map((n) => formatNumber(n, 'japaneseLegal'))).to.deep.equal(['壱', '弐', '参', '壱拾', '壱拾壱']);
      expect([10, 2024].map((n) => formatNumber(n, 'ideographDigital'))).to.deep.equal(['一〇', '二〇二四']);
      expect(formatNumber(12, 'decimalFullWidth')).to.equal('１２');
    });

    it('leaves out tracked deletions and moved-away text, and keeps insertions and moved-to text', async () => {
      const change = 'w:author="Editor" w:date="2026-03-12T09:00:00Z"';
      const docx = buildDocxFromBody(
        `<w:p><w:r><w:t xml:space="preserve">The dialogue was co-chaired by </w:t></w:r><w:del w:id="1" ${change}><w:r><w:delText xml:space="preserve">Mr. John Carter, Acting</w:delText></w:r></w:del>` +
          `<w:ins w:id="2" ${change}><w:r><w:t>Ms. Laura Bennett,</w:t></w:r></w:ins><w:r><w:t xml:space="preserve"> Deputy Assistant Secretary.</w:t></w:r></w:p>` +
          `<w:p><w:pPr><w:rPr><w:del w:id="3" ${change}/></w:rPr></w:pPr><w:del w:id="4" ${change}><w:r><w:delText>The schedule of the exercise remains classified.</w:delText></w:r></w:del></w:p>` +
          `<w:p><w:moveFrom w:id="5" ${change}><w:r><w:t>They agreed to meet again in 2027.</w:t></w:r></w:moveFrom></w:p>` +
          para('Both sides condemned the launch.') +
          `<w:p><w:moveTo w:id="6" ${change}><w:r><w:t>They agreed to meet again in 2027.</w:t></w:r></w:moveTo></w:p>`,
      );
      expect(await docxToText(docx)).to.equal(
        'The dialogue was co-chaired by Ms. Laura Bennett, Deputy Assistant Secretary.\nBoth sides condemned the launch.\nThey agreed to meet again in 2027.',
      );
    });

    it("reads a field's result, not its code, a text box once, and neither headers nor footers", async () => {
      const docx = buildDocxFromBody(
        '<w:p><w:r><w:t xml:space="preserve">The full text is on </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>' +
          '<w:r><w:instrText xml:space="preserve"> HYPERLINK "https://www.defense.gov" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
          '<w:r><w:t>the Department\'s website</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>' +
          '<w:p><w:fldSimple w:instr=" DATE \\@ &quot;MMMM d, yyyy&quot; "><w:r><w:t>March 12, 2026</w:t></w:r></w:fldSimple></w:p>' +
          // A text box: Word writes the drawing and a fallback for older readers, both with the text.
          '<w:p><w:r><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
          '<mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r><w:t>Fact sheet attached.</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>' +
          '<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Fact sheet attached.</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>' +
          '</mc:AlternateContent></w:r></w:p>' +
          '<w:sectPr><w:headerReference w:type="default" r:id="rIdheader1"/><w:footerReference w:type="default" r:id="rIdfooter1"/></w:sectPr>',
        { header1: para('U.S. Department of Defense — Office of Public Affairs'), footer1: para('Page 1 of 1') },
      );
      expect(await docxToText(docx)).to.equal("The full text is on the Department's website.\nMarch 12, 2026\nFact sheet attached.");
    });

    it('starts a new paragraph at a line break before a list marker', async () => {
      const br = '<w:br/>';
      const docx = buildDocxFromBody(
        '<w:p><w:r><w:t>□ 한미 국방부는 2026년 3월 12일 서울에서 제5차 사이버협력 실무회의를 개최하였다.</w:t>' + br +
          '<w:t xml:space="preserve">  ㅇ 이번 회의에는 양국 관계관 30여 명이 참석하였다.</w:t>' + br +
          '<w:t>ㅇ 양측은 악의적 사이버 활동에 대한 평가를</w:t>' + br + '<w:t>공유하였다.</w:t></w:r></w:p>' +
          '<w:p><w:r><w:t>The two sides agreed to:</w:t>' + br + '<w:t>- expand personnel exchanges; and</w:t>' + br +
          '<w:t>- hold the next meeting in</w:t>' + br + '<w:t>Honolulu.</w:t></w:r></w:p>',
      );
      const text = await docxToText(docx);
      expect(text.split('\n')).to.deep.equal([
        '□ 한미 국방부는 2026년 3월 12일 서울에서 제5차 사이버협력 실무회의를 개최하였다.',
        'ㅇ 이번 회의에는 양국 관계관 30여 명이 참석하였다.',
        'ㅇ 양측은 악의적 사이버 활동에 대한 평가를 공유하였다.',
        'The two sides agreed to:',
        '- expand personnel exchanges; and',
        '- hold the next meeting in Honolulu.',
      ]);
      expect(markersOf(text, 'ko').slice(0, 3)).to.deep.equal([['□', 0], ['ㅇ', 1], ['ㅇ', 1]]);
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

    it('reads a table row as one paragraph, its cells separated by a middle dot', async () => {
      const cell = (text: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr>${text ? para(text) : '<w:p/>'}</w:tc>`;
      const row = (...cells: string[]) => `<w:tr>${cells.map(cell).join('')}</w:tr>`;
      const docx = buildDocxFromBody(
        para('The schedule of the visit:') +
          `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>` +
          row('Date', 'Event', 'Location') + row('June 11', 'Working-level talks', 'Pentagon') + row('June 12', '', 'Washington, D.C.') + '</w:tbl>' +
          // A one-cell table is a frame around paragraphs, not a row of cells.
          '<w:tbl><w:tr><w:tc>' + para('양측은 다음과 같이 합의하였다.') + para('차기 회의는 2027년 서울에서 개최한다.') + '</w:tc></w:tr></w:tbl>',
      );
      expect(await docxToText(docx)).to.equal(
        'The schedule of the visit:\nDate · Event · Location\nJune 11 · Working-level talks · Pentagon\nJune 12 · Washington, D.C.\n' +
          '양측은 다음과 같이 합의하였다.\n차기 회의는 2027년 서울에서 개최한다.',
      );
    });

    it('keeps footnotes and endnotes, numbered as Word shows them, after the paragraph that refers to them', async () => {
      const ref = (kind: 'footnote' | 'endnote', id: number) => `<w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr><w:${kind}Reference w:id="${id}"/></w:r>`;
      const note = (kind: 'footnote' | 'endnote', id: number, text: string) =>
        `<w:${kind} w:id="${id}"><w:p><w:r><w:${kind}Ref/></w:r><w:r><w:t xml:space="preserve"> ${text}</w:t></w:r></w:p></w:${kind}>`;
      const separators = (kind: 'footnote' | 'endnote') =>
        `<w:${kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:${kind}>` +
        `<w:${kind} w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:${kind}>`;
      const docx = buildDocxFromBody(
        `<w:p><w:r><w:t>양측은 제9차 국방우주정책대화</w:t></w:r>${ref('footnote', 7)}<w:r><w:t>를 개최하였다.</w:t></w:r></w:p>` +
          `<w:p><w:r><w:t>양측은 425사업</w:t></w:r>${ref('footnote', 3)}<w:r><w:t xml:space="preserve">의 완료에 주목하였다.</w:t></w:r>` +
          `<w:del w:id="20" w:author="Editor" w:date="2026-03-12T09:00:00Z">${ref('footnote', 5)}</w:del>${ref('endnote', 2)}</w:p>` +
          `<w:p><w:r><w:t>양측은 협력을 계속하기로 하였다.</w:t></w:r>${ref('footnote', 7)}</w:p>`,
        {
          footnotes: separators('footnote') + note('footnote', 3, '군 정찰위성 5기를 확보하는 사업') + note('footnote', 5, '삭제된 각주') + note('footnote', 7, '제8차 대화는 2024년 10월 서울에서 개최'),
          endnotes: separators('endnote') + note('endnote', 2, '국방부 보도자료 제2026-41호'),
        },
      );
      expect((await docxToText(docx)).split('\n')).to.deep.equal([
        '양측은 제9차 국방우주정책대화를 개최하였다.',
        '1) 제8차 대화는 2024년 10월 서울에서 개최',
        '양측은 425사업의 완료에 주목하였다.',
        '2) 군 정찰위성 5기를 확보하는 사업',
        '1) 국방부 보도자료 제2026-41호',
        '양측은 협력을 계속하기로 하였다.',
      ]);
    });
  });

  describe('with #readStatementBuffer', () => {
    it("keeps a statement's table and footnotes in its body, before its contact line", async () => {
      const docx = buildDocxFromBody(
        para('Joint Statement on the 9th Korea-U.S. Defense Space Policy Dialogue') +
          '<w:p><w:r><w:t>The two sides held the 9th Defense Space Policy Dialogue in Washington on June 12, 2026.</w:t></w:r>' +
          '<w:r><w:footnoteReference w:id="1"/></w:r></w:p>' +
          '<w:tbl><w:tr><w:tc>' + para('June 11') + '</w:tc><w:tc>' + para('Working-level talks') + '</w:tc><w:tc>' + para('Pentagon') + '</w:tc></w:tr>' +
          '<w:tr><w:tc>' + para('June 12') + '</w:tc><w:tc>' + para('Policy dialogue') + '</w:tc><w:tc>' + para('Washington, D.C.') + '</w:tc></w:tr></w:tbl>' +
          para('The two sides plan to hold the 10th dialogue in Seoul in the second half of 2027.') +
          para('Media contact: Lt. Col. Dana Whitfield, Pentagon Press Operations'),
        { footnotes: '<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> The 8th Dialogue was held in Seoul in October 2025.</w:t></w:r></w:p></w:footnote>' },
      );
      expect((await readStatementBuffer(docx, 'en.docx')).text.split('\n')).to.deep.equal([
        'Joint Statement on the 9th Korea-U.S. Defense Space Policy Dialogue',
        'The two sides held the 9th Defense Space Policy Dialogue in Washington on June 12, 2026.',
        '1) The 8th Dialogue was held in Seoul in October 2025.',
        'June 11 · Working-level talks · Pentagon',
        'June 12 · Policy dialogue · Washington, D.C.',
        'The two sides plan to hold the 10th dialogue in Seoul in the second half of 2027.',
      ]);
    });
  });
});
