import { expect } from 'chai';
import { InputError } from '../../server/core/types.ts';
import { writeExport } from '../../server/formats/export/index.ts';
import { parseTmx, parseTsv } from '../../server/formats/import-aligned.ts';
import { Collector, omissionUnit, sampleUnits } from './export-helpers.ts';

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
      expect(parsed.units.map((u) => [u.src, u.tgt])).to.deep.equal(units.map((u) => [u.src, u.tgt]));
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

    it('picks the source variant by srclang whatever the tuv order, and keeps inline-markup text', () => {
      const xml =
        '<?xml version="1.0"?><tmx version="1.4"><header srclang="en-GB" creationtool="x" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" datatype="plaintext"/>' +
        '<body><tu><tuv xml:lang="ja-JP"><seg>日米<ph>&lt;b/&gt;</ph>協力</seg></tuv><tuv xml:lang="en"><seg>Cooperation</seg></tuv></tu></body></tmx>';
      expect(parseTmx(xml)).to.deep.equal({
        srcLang: 'en-GB',
        tgtLang: 'ja-JP',
        units: [{ src: 'Cooperation', tgt: '日米<b/>協力', props: {}, notes: [] }],
      });
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
      expect(parseTsv(out.text())).to.deep.equal({ srcLang: 'en', tgtLang: 'ko', units });
    });

    it('reports the line of a malformed row', () => {
      const text = 'src_lang\ttgt_lang\tsrc\ttgt\nen\tko\tonly three';
      expect(() => parseTsv(text)).to.throw(InputError, /TSV line 2: 3 fields, the header has 4/);
      expect(() => parseTsv('a\tb\n')).to.throw(InputError, /lacks the "src_lang" column/);
    });
  });
});
