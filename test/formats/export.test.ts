import { expect } from 'chai';
import { parse as parseCsv } from 'csv-parse/sync';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SaxesParser } from 'saxes';
import { isExportFormat, writeExport } from '../../server/formats/export/index.ts';
import { mosesLine } from '../../server/formats/export/moses.ts';
import type { ExportOptions, ExportUnit } from '../../server/formats/export/types.ts';
import { Collector, omissionUnit, sampleUnits } from './export-helpers.ts';
import { validateWithDtd } from './xmllint.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dtdPath = path.resolve(repoRoot, '..', 'shared', 'formats', 'tmx14.dtd');
const OPTS = { toolVersion: '0.1.0', langTags: { en: 'en-US', ko: 'ko-KR' } };

async function render(format: 'tmx' | 'xliff' | 'tsv' | 'csv' | 'jsonl', units: ExportUnit[], opts: ExportOptions = OPTS): Promise<{ text: string; count: number }> {
  const out = new Collector();
  const { count } = await writeExport(format, units, out, opts);
  return { text: out.text(), count };
}

function wellFormed(xml: string): void {
  new SaxesParser({ xmlns: true }).write(xml).close();
}

const TITLE = 'Joint Statement &lt;script&gt;&amp;&quot;&apos;';

describe('formats/export', () => {
  describe('#isExportFormat', () => {
    it('accepts the six formats only', () => {
      expect(['tmx', 'xliff', 'tsv', 'csv', 'jsonl', 'moses', 'xml', 'TMX', ''].filter(isExportFormat)).to.deep.equal([
        'tmx', 'xliff', 'tsv', 'csv', 'jsonl', 'moses',
      ]);
    });
  });

  describe('tmx', () => {
    it('renders two units exactly, escaping markup and dropping XML-illegal characters', async () => {
      const { text, count } = await render('tmx', sampleUnits());
      expect(count).to.equal(2);
      expect(text).to.equal(
        [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
          '<tmx version="1.4">',
          '  <header creationtool="twintext" creationtoolversion="0.1.0" segtype="paragraph" o-tmf="twintext" adminlang="en" srclang="en-US" datatype="plaintext"/>',
          '  <body>',
          '    <tu tuid="101">',
          '      <prop type="x-statement-id">7</prop>',
          `      <prop type="x-title">${TITLE}</prop>`,
          '      <prop type="x-date">2025-06-26</prop>',
          '      <prop type="x-bead-id">101</prop>',
          '      <prop type="x-position">1</prop>',
          '      <prop type="x-src-paragraphs">2,3</prop>',
          '      <prop type="x-tgt-paragraphs">2</prop>',
          '      <prop type="x-status">confirmed</prop>',
          '      <prop type="x-confidence">0.95</prop>',
          '      <note>omission [major, open] kim: a &lt;b&gt; &amp; &quot;c&quot;\tdropped</note>',
          '      <tuv xml:lang="en-US"><seg>The two sides met in Seoul.\nThey agreed to meet again.</seg></tuv>',
          '      <tuv xml:lang="ko-KR"><seg>양측은 서울에서 만났다.\n양측은 다시 만나기로 했다.</seg></tuv>',
          '    </tu>',
          '    <tu tuid="102">',
          '      <prop type="x-statement-id">7</prop>',
          `      <prop type="x-title">${TITLE}</prop>`,
          '      <prop type="x-bead-id">102</prop>',
          '      <prop type="x-position">2</prop>',
          '      <prop type="x-src-paragraphs">4</prop>',
          '      <prop type="x-tgt-paragraphs">3</prop>',
          '      <prop type="x-status">auto</prop>',
          '      <prop type="x-confidence">0.5</prop>',
          '      <tuv xml:lang="en-US"><seg>Tabs\tand control chars.</seg></tuv>',
          '      <tuv xml:lang="ko-KR"><seg>탭\t문자.</seg></tuv>',
          '    </tu>',
          '  </body>',
          '</tmx>',
          '',
        ].join('\n'),
      );
    });

    it('skips units with an empty side and honours segtype and bare language codes', async () => {
      const { text, count } = await render('tmx', [omissionUnit(), sampleUnits()[1]!], { toolVersion: '1.2.3', segtype: 'sentence' } as never);
      expect(count).to.equal(1);
      expect(text).to.include('segtype="sentence"').and.include('srclang="en"').and.include('<tuv xml:lang="ko">');
      expect(text).not.to.include('Only in English');
    });

    it('is valid against the TMX 1.4 DTD', async () => {
      const units = [...sampleUnits(), omissionUnit(), { ...sampleUnits()[0]!, beadId: 104, src: 'Lone surrogate \ud800 and U+FFFE \ufffe.', flags: [] }];
      const { text } = await render('tmx', units);
      wellFormed(text);
      if (!existsSync(dtdPath)) {
        // Without shared/ (outside CI) check the header attributes the DTD requires instead.
        for (const a of ['creationtool', 'creationtoolversion', 'segtype', 'o-tmf', 'adminlang', 'srclang', 'datatype']) {
          expect(text).to.match(new RegExp(`<header[^>]* ${a}="[^"]+"`));
        }
        return;
      }
      const result = validateWithDtd(text, dtdPath, 'tmx');
      expect(result.output, `${result.engine}: ${result.output}`).to.not.match(/error|invalid/i);
      expect(result.valid, result.output).to.equal(true);
    });

    it('is still a valid document with no units', async () => {
      const { text, count } = await render('tmx', []);
      expect(count).to.equal(0);
      wellFormed(text);
      if (existsSync(dtdPath)) expect(validateWithDtd(text, dtdPath, 'tmx').valid).to.equal(true);
    });
  });

  describe('xliff', () => {
    it('renders two units exactly, with states from the review status and flags as notes', async () => {
      const { text, count } = await render('xliff', [...sampleUnits(), omissionUnit()]);
      expect(count).to.equal(2);
      expect(text).to.equal(
        [
          '<?xml version="1.0" encoding="UTF-8"?>',
          '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="en-US" trgLang="ko-KR">',
          '  <file id="f1" original="statement-7">',
          `    <notes><note category="title">${TITLE}</note><note category="date">2025-06-26</note></notes>`,
          '    <unit id="b101" name="1">',
          '      <notes><note category="omission" priority="3">[major, open] kim: a &lt;b&gt; &amp; &quot;c&quot;\tdropped</note></notes>',
          '      <segment id="s101" state="reviewed">',
          '        <source xml:space="preserve">The two sides met in Seoul.\nThey agreed to meet again.</source>',
          '        <target xml:space="preserve">양측은 서울에서 만났다.\n양측은 다시 만나기로 했다.</target>',
          '      </segment>',
          '    </unit>',
          '    <unit id="b102" name="2">',
          '      <segment id="s102" state="initial">',
          '        <source xml:space="preserve">Tabs\tand control chars.</source>',
          '        <target xml:space="preserve">탭\t문자.</target>',
          '      </segment>',
          '    </unit>',
          '  </file>',
          '</xliff>',
          '',
        ].join('\n'),
      );
      wellFormed(text);
    });

    it('writes the sentences of one bead as the segments of one unit, so unit ids stay unique', async () => {
      const [a, b] = sampleUnits();
      const s1 = { ...a!, src: 'The two sides met in Seoul.', tgt: '양측은 서울에서 만났다.' };
      const s2 = { ...a!, src: 'They agreed to meet again.', tgt: '양측은 다시 만나기로 했다.' };
      const { text, count } = await render('xliff', [s1, s2, b!], { ...OPTS, segtype: 'sentence' });
      expect(count).to.equal(3);
      wellFormed(text);
      expect(text.match(/<unit id="[^"]+"/g)).to.deep.equal(['<unit id="b101"', '<unit id="b102"']);
      expect(text.match(/<segment id="[^"]+"/g)).to.deep.equal(['<segment id="s101"', '<segment id="s101-2"', '<segment id="s102"']);
      // The bead's flags once, on its unit.
      expect(text.match(/<note category="omission"/g)).to.have.length(1);
    });

    it('opens a new file element per statement', async () => {
      const [a, b] = sampleUnits();
      const { text } = await render('xliff', [a!, { ...b!, statementId: 8 }, { ...a!, statementId: 7, beadId: 200 }]);
      wellFormed(text);
      expect(text.match(/<file id="f\d" original="statement-\d">/g)).to.deep.equal([
        '<file id="f1" original="statement-7">',
        '<file id="f2" original="statement-8">',
        '<file id="f3" original="statement-7">',
      ]);
    });
  });

  describe('tsv', () => {
    it('renders a header and one escaped line per unit, omissions included', async () => {
      const { text, count } = await render('tsv', [...sampleUnits(), omissionUnit()]);
      expect(count).to.equal(3);
      expect(text.split('\n')).to.deep.equal([
        'src_lang\ttgt_lang\tsrc\ttgt\tstatement_id\ttitle\tdate\tbead_id\tposition\tsrc_paragraphs\ttgt_paragraphs\tstatus\tconfidence\tflags',
        'en\tko\tThe two sides met in Seoul.\\nThey agreed to meet again.\t양측은 서울에서 만났다.\\n양측은 다시 만나기로 했다.\t7\tJoint Statement <script>&"\'\t2025-06-26\t101\t1\t2,3\t2\tconfirmed\t0.95\t' +
          '[{"category":"omission","severity":"major","status":"open","comment":"a <b> & \\\\"c\\\\"\\\\tdropped","author":"kim"}]',
        'en\tko\tTabs\\tand \u0001control chars.\t탭\\t문자.\t7\tJoint Statement <script>&"\'\t\t102\t2\t4\t3\tauto\t0.5\t',
        'en\tko\tOnly in English.\t\t7\tJoint Statement <script>&"\'\t\t103\t3\t4\t\tauto\t0.5\t',
        '',
      ]);
    });
  });

  describe('csv', () => {
    it('starts with a UTF-8 BOM and quotes fields with newlines, commas and quotes', async () => {
      const { text, count } = await render('csv', sampleUnits());
      expect(count).to.equal(2);
      expect(text.startsWith('\ufeffsrc_lang,tgt_lang,src,tgt,')).to.equal(true);
      expect(text.split('\r\n')[1]).to.equal(
        'en,ko,"The two sides met in Seoul.\nThey agreed to meet again.","양측은 서울에서 만났다.\n양측은 다시 만나기로 했다.",7,"Joint Statement <script>&""\'",2025-06-26,101,1,"2,3",2,confirmed,0.95,' +
          '"[{""category"":""omission"",""severity"":""major"",""status"":""open"",""comment"":""a <b> & \\""c\\""\\tdropped"",""author"":""kim""}]"',
      );
      const rows = parseCsv(text, { bom: true, columns: true }) as Record<string, string>[];
      expect(rows.map((r) => [r.src, r.tgt, r.date])).to.deep.equal([
        ['The two sides met in Seoul.\nThey agreed to meet again.', '양측은 서울에서 만났다.\n양측은 다시 만나기로 했다.', '2025-06-26'],
        ['Tabs\tand \u0001control chars.', '탭\t문자.', ''],
      ]);
    });
  });

  describe('jsonl', () => {
    it('renders one JSON object per line keyed by the actual languages', async () => {
      const { text, count } = await render('jsonl', sampleUnits());
      expect(count).to.equal(2);
      const lines = text.split('\n');
      expect(lines).to.have.length(3);
      expect(lines[2]).to.equal('');
      expect(lines[1]).to.equal(
        '{"translation":{"en":"Tabs\\tand \\u0001control chars.","ko":"탭\\t문자."},"statement_id":7,"title":"Joint Statement <script>&\\"\'",' +
          '"date":null,"bead_id":102,"position":2,"src_paragraphs":[4],"tgt_paragraphs":[3],"status":"auto","confidence":0.5,"flags":[]}',
      );
      expect(JSON.parse(lines[0]!)).to.deep.equal({
        translation: { en: 'The two sides met in Seoul.\nThey agreed to meet again.', ko: '양측은 서울에서 만났다.\n양측은 다시 만나기로 했다.' },
        statement_id: 7,
        title: 'Joint Statement <script>&"\'',
        date: '2025-06-26',
        bead_id: 101,
        position: 1,
        src_paragraphs: [2, 3],
        tgt_paragraphs: [2],
        status: 'confirmed',
        confidence: 0.95,
        flags: [{ category: 'omission', severity: 'major', status: 'open', comment: 'a <b> & "c"\tdropped', author: 'kim' }],
      });
    });

    it('keys translations by the pair it is given (en–ja)', async () => {
      const unit = { ...sampleUnits()[1]!, tgtLang: 'ja', tgt: '両国は協力を確認した。' };
      const { text } = await render('jsonl', [unit]);
      expect(JSON.parse(text).translation).to.deep.equal({ en: 'Tabs\tand \u0001control chars.', ja: '両国は協力を確認した。' });
    });
  });

  describe('moses', () => {
    it('writes two line-aligned files, newlines inside a unit turned into spaces', async () => {
      const src = new Collector();
      const tgt = new Collector();
      const { count } = await writeExport('moses', [...sampleUnits(), omissionUnit()], { src, tgt });
      expect(count).to.equal(2);
      expect(src.text()).to.equal('The two sides met in Seoul. They agreed to meet again.\nTabs\tand \u0001control chars.\n');
      expect(tgt.text()).to.equal('양측은 서울에서 만났다. 양측은 다시 만나기로 했다.\n탭\t문자.\n');
      expect(src.text().split('\n').length).to.equal(tgt.text().split('\n').length);
    });

    it('keeps one segment a line for readers that break lines at \\v, \\f and \\x1c–\\x1e too (Python splitlines)', async () => {
      const src = new Collector();
      const tgt = new Collector();
      const unit = { ...sampleUnits()[0]!, src: 'The two sides met in Seoul.\u000bThey agreed\u000c to meet\u001c again\u001d in\u001e May.', tgt: '양측은 서울에서 만났다.\u000c양측은 5월에 다시 만나기로 했다.' };
      await writeExport('moses', [unit], { src, tgt });
      expect(src.text()).to.equal('The two sides met in Seoul. They agreed to meet again in May.\n');
      expect(tgt.text()).to.equal('양측은 서울에서 만났다. 양측은 5월에 다시 만나기로 했다.\n');
      // Every character str.splitlines() breaks at, given a word on each side: one line, single spaces.
      expect(mosesLine('a\nb\rc\u000bd\u000ce\u001cf\u001dg\u001eh\u0085i\u2028j\u2029k')).to.equal('a b c d e f g h i j k');
    });

    it('refuses a single stream, as the other formats refuse a pair', async () => {
      let error: unknown = null;
      await writeExport('moses', [], new Collector()).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(TypeError);
      error = null;
      await writeExport('tsv', [], { src: new Collector(), tgt: new Collector() }).catch((e: unknown) => (error = e));
      expect(error).to.be.instanceOf(TypeError);
    });
  });

  describe('streaming', () => {
    it('waits for drain on a slow stream and writes everything from an async source', async () => {
      async function* many(): AsyncGenerator<ExportUnit> {
        for (let i = 0; i < 3000; i++) yield { ...sampleUnits()[0]!, beadId: i, position: i + 1 };
      }
      const out = new Collector({ highWaterMark: 1024, delayMs: 1 });
      const { count } = await writeExport('jsonl', many(), out);
      expect(count).to.equal(3000);
      expect(out.drains).to.be.greaterThan(0);
      const lines = out.text().trimEnd().split('\n');
      expect(lines).to.have.length(3000);
      expect(JSON.parse(lines[2999]!).bead_id).to.equal(2999);
    });
  });
});
