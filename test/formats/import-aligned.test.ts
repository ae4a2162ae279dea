import { expect } from 'chai';
import { InputError } from '../../server/core/types.ts';
import { writeExport } from '../../server/formats/export/index.ts';
import { parseCsv, parseJsonl, parseTmx, parseTsv } from '../../server/formats/import-aligned.ts';
import type { ExportUnit } from '../../server/formats/export/types.ts';
import { Collector, omissionUnit, sampleUnits } from './export-helpers.ts';

/** Units of three alignments as an export of three statements lists them: English→Korean, Korean→English, English→Japanese. */
function mixedUnits(): ExportUnit[] {
  const [enKo] = sampleUnits();
  return [
    enKo!,
    { ...enKo!, statementId: 8, title: '한-베트남 영사국장회의', beadId: 201, srcLang: 'ko', tgtLang: 'en', src: '양측은 "재외국민 보호", 사건·사고 대응을 논의하였다.', tgt: 'They discussed "protecting nationals abroad", incidents and accidents.', srcParagraphs: [2], tgtParagraphs: [2], flags: [] },
    { ...enKo!, statementId: 9, beadId: 301, tgtLang: 'ja', src: 'The Ministers met in Tokyo.\u2028Line separator inside.', tgt: '外相は東京で会談した。', srcParagraphs: [1], tgtParagraphs: [1], flags: [] },
  ];
}

describe('formats/import-aligned', () => {
  describe('#parseTmx', () => {
    it('gives back the exported units, texts and props', async () => {
      const out = new Collector();
      const units = sampleUnits();
      units[1]!.src = 'Tabs\tand control chars.\r\nwith a CR';
      await writeExport('tmx', [...units, omissionUnit()], out, { langTags: { en: 'en-US', ko: 'ko-KR' } });
      const parsed = parseTmx(out.text());
      expect(parsed.srcLang).to.equal('en-US');
      expect(parsed.tgtLang).to.equal('ko-KR');
      expect(parsed.units.map((u) => [u.srcLang, u.tgtLang, u.src, u.tgt])).to.deep.equal(units.map((u) => ['en-US', 'ko-KR', u.src, u.tgt]));
      expect(parsed.units.map((u) => u.where)).to.deep.equal(['TMX unit 1 (tuid 101)', 'TMX unit 2 (tuid 102)']);
      expect(parsed.units[0]!.props).to.deep.equal({
        'x-statement-id': '7',
        'x-title': 'Joint Statement <script>&"\'',
        'x-date': '2025-06-26',
        'x-bead-id': '101',
        'x-position': '1',
        'x-src-paragraphs': '2,3',
        'x-tgt-paragraphs': '2',
        'x-status': 'confirmed',
        'x-confidence': '0.95',
      });
      expect(parsed.units[0]!.notes).to.deep.equal(['omission [major, open] kim: a <b> & "c"\tdropped']);
    });

    it('picks the source variant by srclang whatever the tuv order, and leaves out inline codes (native markup), keeping <hi> text', () => {
      const xml =
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="en-GB" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/>' +
        '<body><tu><tuv xml:lang="ja-JP"><seg>日米<ph>&lt;b/&gt;</ph>協力</seg></tuv><tuv xml:lang="en"><seg>Cooperation</seg></tuv></tu>' +
        '<tu><tuv xml:lang="en"><seg>met the <bpt i="1">&lt;b&gt;</bpt>Ambassador<ept i="1">&lt;/b&gt;</ept> in <hi type="place">Seoul</hi><it pos="begin">&lt;i&gt;</it></seg></tuv>' +
        '<tuv xml:lang="ja-JP"><seg>ソウルで<ut>{\\b}</ut>大使と会談</seg></tuv></tu></body></tmx>';
      expect(parseTmx(xml)).to.deep.equal({
        srcLang: 'en-GB',
        tgtLang: 'ja-JP',
        units: [
          { srcLang: 'en', tgtLang: 'ja-JP', src: 'Cooperation', tgt: '日米協力', props: {}, notes: [], where: 'TMX unit 1' },
          { srcLang: 'en', tgtLang: 'ja-JP', src: 'met the Ambassador in Seoul', tgt: 'ソウルで大使と会談', props: {}, notes: [], where: 'TMX unit 2' },
        ],
      });
      // A standalone code (a line break) left out between two words stands for a space.
      const br = parseTmx(xml.replace('<seg>Cooperation</seg>', '<seg>The ministers met in Seoul.<ph>&lt;br/&gt;</ph>They agreed in<ph/>Busan.</seg>'));
      expect(br.units[0]!.src).to.equal('The ministers met in Seoul. They agreed in Busan.');
    });

    it("gives each unit its own pair: the unit's srclang, else the header's, and the other variant's xml:lang", async () => {
      const out = new Collector();
      await writeExport('tmx', mixedUnits(), out);
      const xml = out.text();
      expect(xml).to.include('<tu tuid="201" srclang="ko">');
      const parsed = parseTmx(xml);
      expect([parsed.srcLang, parsed.tgtLang]).to.deep.equal(['en', 'ko']);
      expect(parsed.units.map((u) => [u.srcLang, u.tgtLang, u.src, u.tgt])).to.deep.equal(mixedUnits().map((u) => [u.srcLang, u.tgtLang, u.src, u.tgt]));
    });

    it('takes the first variant as the source when neither the unit nor the header names one (srclang="*all*")', () => {
      const xml = '<tmx version="1.4"><header srclang="*all*"/><body><tu><tuv xml:lang="ko"><seg>회담</seg></tuv><tuv xml:lang="en"><seg>Talks</seg></tuv></tu></body></tmx>';
      expect(parseTmx(xml)).to.deep.include({ srcLang: 'ko', tgtLang: 'en' });
      expect(parseTmx(xml).units[0]).to.deep.include({ srcLang: 'ko', tgtLang: 'en', src: '회담', tgt: 'Talks' });
    });

    it('refuses a unit whose srclang names none of its variants, or one with three variants, naming it', () => {
      const tu = (attrs: string, tuvs: string) => `<tmx version="1.4"><header srclang="en"/><body><tu tuid="1"><tuv xml:lang="en"><seg>Talks</seg></tuv><tuv xml:lang="ko"><seg>회담</seg></tuv></tu><tu ${attrs}>${tuvs}</tu></body></tmx>`;
      const enKo = '<tuv xml:lang="en"><seg>Talks</seg></tuv><tuv xml:lang="ko"><seg>회담</seg></tuv>';
      expect(() => parseTmx(tu('tuid="7" srclang="ja"', enKo))).to.throw(InputError, /^TMX unit 2 \(tuid 7\): srclang "ja" names none of its variants \(en, ko\)$/);
      expect(() => parseTmx(tu('', enKo + '<tuv xml:lang="ja"><seg>会談</seg></tuv>'))).to.throw(InputError, /^TMX unit 2: 3 language variants \(en, ko, ja\); twintext imports units of two languages$/);
    });

    it('throws InputError on malformed XML', () => {
      expect(() => parseTmx('<tmx><body><tu>')).to.throw(InputError, /malformed TMX/);
    });
  });

  describe('#parseTsv', () => {
    it('gives back exactly the exported units, omissions and escapes included', async () => {
      const out = new Collector();
      const units = [...sampleUnits(), omissionUnit()];
      units[0]!.src = 'back\\slash\\n literal, tab\tand\r\nCRLF';
      await writeExport('tsv', units, out);
      expect(parseTsv(out.text())).to.deep.equal({ srcLang: 'en', tgtLang: 'ko', units, where: ['TSV line 2', 'TSV line 3', 'TSV line 4'] });
    });

    it("keeps each row's own pair", async () => {
      const out = new Collector();
      await writeExport('tsv', mixedUnits(), out);
      expect(parseTsv(out.text()).units).to.deep.equal(mixedUnits());
    });

    it('reports the line of a malformed row', () => {
      const text = 'src_lang\ttgt_lang\tsrc\ttgt\nen\tko\tonly three';
      expect(() => parseTsv(text)).to.throw(InputError, /TSV line 2: 3 fields, the header has 4/);
      expect(() => parseTsv('a\tb\n')).to.throw(InputError, /lacks the "src_lang" column/);
    });
  });

  describe('#parseCsv', () => {
    it('gives back exactly the exported units: each its own pair, omissions, quotes, commas and line breaks', async () => {
      const out = new Collector();
      const units = [...mixedUnits(), omissionUnit()];
      units[0]!.src = 'Quoted "words", commas,\nand a line break';
      units[3]!.src = 'A CR LF\r\ninside, last';
      await writeExport('csv', units, out);
      const parsed = parseCsv(out.text());
      expect(parsed.units).to.deep.equal(units);
      // The first record spans three lines (a line break on each side): the next one starts on line 5.
      expect(parsed.where).to.deep.equal(['CSV line 2', 'CSV line 5', 'CSV line 6', 'CSV line 7']);
    });

    it('names the line of a bad record and a missing column', () => {
      const header = 'src_lang,tgt_lang,src,tgt,status';
      expect(() => parseCsv(`${header}\r\nen,ko,"two\nlines",둘,auto\r\nen,ko,x,y\r\n`)).to.throw(InputError, /^CSV line 4: 4 fields, the header has 5$/);
      expect(() => parseCsv(`${header}\r\nen,ko,x,y,done\r\n`)).to.throw(InputError, /^CSV line 2: bad status "done"$/);
      // Blank lines (an editor's, or a spreadsheet's) are skipped, and counted in the line named.
      expect(() => parseCsv(`${header}\r\n\r\nen,ko,x,y,auto\r\n\r\n\r\nen,ko,"한,\r\n둘",y,done\r\n`)).to.throw(InputError, /^CSV line 6: bad status "done"$/);
      expect(() => parseCsv(`\ufeff${header}\n\nen,ko,x,y,auto\n\nen,ko,x\n`)).to.throw(InputError, /^CSV line 5: 3 fields, the header has 5$/);
      expect(() => parseCsv('src,tgt\r\nx,y\r\n')).to.throw(InputError, /^CSV header lacks the "src_lang" column/);
      expect(() => parseCsv(`${header}\r\nen,ko,"open,x,y,auto\r\n`)).to.throw(InputError, /^malformed CSV: /);
    });
  });

  describe('#parseJsonl', () => {
    it('gives back exactly the exported units: each its own pair, omissions and U+2028 included', async () => {
      const out = new Collector();
      const units = [...mixedUnits(), omissionUnit()];
      await writeExport('jsonl', units, out);
      expect(parseJsonl(out.text())).to.deep.equal({ srcLang: 'en', tgtLang: 'ko', units, where: ['JSONL line 1', 'JSONL line 2', 'JSONL line 3', 'JSONL line 4'] });
    });

    it('reads a bare translation pair with defaults, and names the line of a bad one', () => {
      const bare = parseJsonl('\n{"translation":{"ko":"회담","en":"Talks"}}\n');
      expect(bare.where).to.deep.equal(['JSONL line 2']);
      expect(bare.units[0]).to.deep.include({ srcLang: 'ko', tgtLang: 'en', src: '회담', tgt: 'Talks', statementId: 0, status: 'auto', srcParagraphs: [] });
      // No confidence in the file: taken as given (1), as TMX does, not as the lowest.
      expect(bare.units[0]!.confidence).to.equal(1);
      const ok = '{"translation":{"en":"Talks","ko":"회담"}}';
      expect(() => parseJsonl(`${ok}\n{"translation":{"en":"Talks"}}`)).to.throw(InputError, /^JSONL line 2: "translation" must hold two texts/);
      expect(() => parseJsonl(`${ok}\n[1]`)).to.throw(InputError, /^JSONL line 2: not a JSON object$/);
      expect(() => parseJsonl(`${ok}\n{"translation":`)).to.throw(InputError, /^JSONL line 2: not JSON/);
      expect(() => parseJsonl('{"translation":{"en":"a","ko":"b"},"src_paragraphs":[0]}')).to.throw(InputError, /^JSONL line 1: "src_paragraphs" must be a list of paragraph numbers from 1, got \[0\]$/);
      expect(() => parseJsonl('{"translation":{"en":"a","ko":"b"},"statement_id":"7"}')).to.throw(InputError, /^JSONL line 1: "statement_id" must be a number, got "7"$/);
    });
  });
});
