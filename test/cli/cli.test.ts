import { expect } from 'chai';
import { join, resolve } from 'node:path';
import { readFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { runCli, tempDir } from '../helpers.ts';
import { openDb } from '../../server/store/db.ts';
import { editParagraph } from '../../server/ops/edit.ts';
import { importVersion } from '../../server/ops/versions.ts';

const fixtures = resolve('test/fixtures/cli');
const demo = resolve('data/demo');
const bin = resolve('bin/twintext.js');

describe('cli', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: string;
  beforeEach(() => {
    tmp = tempDir();
    db = join(tmp.dir, 'cli.db');
  });
  afterEach(() => tmp.cleanup());

  describe('split', () => {
    it('prints the paragraphs of a file, one per line, bullets kept', async () => {
      const r = await runCli(['split', '--lang', 'ko', join(demo, 'edscg6.ko.txt')]);
      expect(r.code).to.equal(0);
      const lines = r.stdout.trimEnd().split('\n');
      expect(lines).to.have.length(8);
      expect(lines[0]).to.equal('제6차 한미 확장억제전략협의체(EDSCG) 회의 공동성명');
      expect(lines[4]).to.match(/^ㅇ 양측은 북한의 무기 개발/);
    });

    it('joins blank-line separated English paragraphs into one line each', async () => {
      const r = await runCli(['split', '--lang', 'en', join(demo, 'kidd26.en.txt')]);
      expect(r.stdout.trimEnd().split('\n')).to.have.length(10);
    });
  });

  describe('align', () => {
    it('prints beads with 1-based line numbers for pre-split files, a merge as 3,4<TAB>3', async () => {
      const r = await runCli(['align', join(fixtures, 'mnd.en.txt'), join(fixtures, 'mnd.ko.txt'), '--pre-split']);
      expect(r.code).to.equal(0);
      expect(r.stdout).to.equal('1\t1\n2\t2\n3,4\t3\n5\t4\n6\t5\n');
    });

    it('adds a confidence column in [0,1] with --confidence', async () => {
      const r = await runCli(['align', '--pre-split', '--confidence', join(fixtures, 'mnd.en.txt'), join(fixtures, 'mnd.ko.txt')]);
      const rows = r.stdout.trimEnd().split('\n').map((l) => l.split('\t'));
      expect(rows).to.have.length(5);
      for (const row of rows) {
        expect(row).to.have.length(3);
        expect(Number(row[2])).to.be.within(0, 1);
      }
    });

    it('numbers refer to the split output without --pre-split, omissions shown as an empty side', async () => {
      const r = await runCli(['align', join(demo, 'kidd26.en.txt'), join(demo, 'kidd26.ko.txt')]);
      expect(r.stdout).to.equal('1\t1\n2\t2\n3,4\t3\n5\t4\n6\t5\n7\t6\n8\t7\n9\t\n10\t8\n');
    });

    it('prints sentence beads per paragraph bead as JSON with --sentences', async () => {
      const r = await runCli(['align', '--pre-split', '--sentences', join(fixtures, 'mnd.en.txt'), join(fixtures, 'mnd.ko.txt')]);
      const objs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(objs.map((o) => `${o.en}|${o.ko}`)).to.deep.equal(['1|1', '2|2', '3,4|3', '5|4', '6|5']);
      expect(objs[2].sentences.map((s: any) => `${s.en}|${s.ko}`)).to.deep.equal(['1,2|1']);
    });

    it('--sentences prints sentence texts without the list markers their paragraphs open with, as the export does', async () => {
      writeFileSync(join(tmp.dir, 'mk.en.txt'), '1. The two sides reaffirmed the alliance. They agreed to meet again in Seoul.\n- The ministers welcomed the progress of the working group.\n');
      writeFileSync(join(tmp.dir, 'mk.ko.txt'), 'ㅇ 양측은 동맹을 재확인하였다. 양측은 서울에서 다시 만나기로 하였다.\n- 장관들은 실무그룹의 진전을 환영하였다.\n');
      const r = await runCli(['align', '--pre-split', '--sentences', join(tmp.dir, 'mk.en.txt'), join(tmp.dir, 'mk.ko.txt')]);
      expect(r.code, r.stderr).to.equal(0);
      const texts = r.stdout.trimEnd().split('\n').flatMap((l) => JSON.parse(l).sentences.map((s: any) => `${s.text.en}|${s.text.ko}`));
      expect(texts).to.deep.equal([
        'The two sides reaffirmed the alliance.|양측은 동맹을 재확인하였다.',
        'They agreed to meet again in Seoul.|양측은 서울에서 다시 만나기로 하였다.',
        'The ministers welcomed the progress of the working group.|장관들은 실무그룹의 진전을 환영하였다.',
      ]);
    });

    it('takes the other language for the second file when only --src-lang ko is given', async () => {
      const r = await runCli(['align', '--pre-split', '--sentences', '--src-lang', 'ko', join(fixtures, 'mnd.ko.txt'), join(fixtures, 'mnd.en.txt')]);
      expect(r.code, r.stderr).to.equal(0);
      const objs = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(objs.map((o) => `${o.ko}|${o.en}`)).to.deep.equal(['1|1', '2|2', '3|3,4', '4|5', '5|6']);
    });

    it('with --two-pass aligns a batch again with a lexicon learned from its confident beads', async () => {
      const lines: string[] = [];
      for (let d = 0; d < 8; d++) {
        const en = Array.from({ length: 5 }, (_, i) => `The two sides reviewed item ${d * 5 + i + 1} of the combined defense work plan in Seoul.`);
        const ko = Array.from({ length: 5 }, (_, i) => `양측은 서울에서 연합 국방 작업계획 제${d * 5 + i + 1}항을 검토하였다.`);
        writeFileSync(join(tmp.dir, `d${d}.en.txt`), en.join('\n'));
        writeFileSync(join(tmp.dir, `d${d}.ko.txt`), ko.join('\n'));
        lines.push(`d${d}.en.txt\td${d}.ko.txt`);
      }
      writeFileSync(join(tmp.dir, 'm.tsv'), lines.join('\n'));
      const out = join(tmp.dir, 'two');
      const r = await runCli(['align', '--pre-split', '--two-pass', '--batch', join(tmp.dir, 'm.tsv'), out]);
      expect(r.code, r.stderr).to.equal(0);
      for (let d = 0; d < 8; d++) expect(readFileSync(join(out, `000${d}.tsv`), 'utf8')).to.equal('1\t1\n2\t2\n3\t3\n4\t4\n5\t5\n');
    });

    it('writes the same beads with --threads 2 as with --threads 1, and rejects --threads 0', async function () {
      this.timeout(60000);
      // 60 documents of 80 paragraphs: enough for the batch to be shared with a worker thread.
      const lines: string[] = [];
      for (let d = 0; d < 60; d++) {
        const en: string[] = [], ko: string[] = [];
        for (let i = 1; i <= 80; i++) {
          en.push(`Item ${i} of the ${d + 1}th consultation: the two sides agreed to review ${i * 3 + d} projects by ${1 + (i % 12)}/${1 + (i % 28)}/2027.`);
          if (i % 13 !== 0) ko.push(`제${d + 1}차 협의 ${i}항: 양측은 2027년 ${1 + (i % 12)}월 ${1 + (i % 28)}일까지 ${i * 3 + d}개 사업을 검토하기로 하였다.`);
        }
        writeFileSync(join(tmp.dir, `t${d}.en.txt`), en.join('\n'));
        writeFileSync(join(tmp.dir, `t${d}.ko.txt`), ko.join('\n'));
        lines.push(`t${d}.en.txt\tt${d}.ko.txt`);
      }
      writeFileSync(join(tmp.dir, 'm.tsv'), lines.join('\n'));
      const outs: string[][] = [];
      for (const threads of ['1', '2']) {
        const out = join(tmp.dir, `out${threads}`);
        const r = await runCli(['align', '--pre-split', '--threads', threads, '--batch', join(tmp.dir, 'm.tsv'), out]);
        expect(r.code, r.stderr).to.equal(0);
        outs.push(lines.map((_, d) => readFileSync(join(out, `${String(d).padStart(4, '0')}.tsv`), 'utf8')));
      }
      expect(outs[1]).to.deep.equal(outs[0]);
      expect(outs[0]![0]!.split('\n')[12]).to.equal('13\t');
      const bad = await runCli(['align', '--pre-split', '--threads', '0', '--batch', join(tmp.dir, 'm.tsv'), join(tmp.dir, 'x')]);
      expect(bad.code).to.equal(2);
      expect(bad.stderr).to.match(/^twintext: --threads must be a whole number/);
    });

    it('stops a batch at its first unreadable file, names it in one line, and writes nothing', async () => {
      const en = join(fixtures, 'mnd.en.txt'), ko = join(fixtures, 'mnd.ko.txt');
      writeFileSync(join(tmp.dir, 'm.tsv'), [`${en}\t${ko}`, `${en}\tgone.ko.txt`, `missing.en.txt\t${ko}`].join('\n'));
      const out = join(tmp.dir, 'none');
      const r = await runCli(['align', '--pre-split', '--batch', join(tmp.dir, 'm.tsv'), out]);
      expect([r.code, r.stderr]).to.deep.equal([1, `twintext: ${join(tmp.dir, 'gone.ko.txt')}: no such file\n`]);
      expect(existsSync(out)).to.equal(false);
    });

    it('aligns a batch manifest into OUT_DIR/NNNN.tsv in one process', async () => {
      const out = join(tmp.dir, 'beads');
      const r = await runCli(['align', '--pre-split', '--batch', join(fixtures, 'manifest.tsv'), out]);
      expect(r.code, r.stderr).to.equal(0);
      expect(readFileSync(join(out, '0000.tsv'), 'utf8')).to.equal('1\t1\n2\t2\n3,4\t3\n5\t4\n6\t5\n');
      expect(readFileSync(join(out, '0001.tsv'), 'utf8')).to.equal('1\t1\n2\t2\n3,4\t3\n5\t4\n6\t5\n7\t6\n8\t7\n9\t\n10\t8\n');
    });
  });

  describe('import, list, export', () => {
    it('imports a statement, prints its id last, lists it and exports it as TSV and TMX', async () => {
      const imp = await runCli(['import', '--en', join(demo, 'kidd26.en.txt'), '--ko', join(demo, 'kidd26.ko.txt'), '--title', 'KIDD 26', '--db', db]);
      expect(imp.code, imp.stderr).to.equal(0);
      expect(imp.stdout.trimEnd().split('\n').at(-1)).to.equal('1');
      const second = await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--db', db]);
      expect(second.stdout.trim()).to.equal('2');
      const list = await runCli(['list', '--db', db]);
      expect(list.stdout.trimEnd().split('\n').map((l) => l.split('\t').slice(0, 2))).to.deep.equal([
        ['2', "Readout of the ROK-U.S. Defense Ministers' Telephone Call"],
        ['1', 'KIDD 26'],
      ]);
      const tsv = await runCli(['export', '--format', 'tsv', '--statement', '1', '--db', db]);
      expect(tsv.code).to.equal(0);
      expect(tsv.stdout.trimEnd().split('\n')).to.have.length(1 + 8);
      const out = join(tmp.dir, 'all.tmx');
      const tmx = await runCli(['export', '--format', 'tmx', '--out', out, '--db', db]);
      expect(tmx.code, tmx.stderr).to.equal(0);
      expect((readFileSync(out, 'utf8').match(/<tu[ >]/g) ?? []).length).to.equal(8 + 5);
    });

    it('list, export and report take --search, the web list\'s search, instead of ids', async () => {
      await runCli(['import', '--en', join(demo, 'kidd26.en.txt'), '--ko', join(demo, 'kidd26.ko.txt'), '--title', 'KIDD 26', '--db', db]);
      await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--db', db]);
      // A phrase of the first statement's text (not its title), and a Korean word of the second's.
      const listed = async (text: string) => (await runCli(['list', '--search', text, '--db', db])).stdout.trimEnd().split('\n').filter(Boolean).map((l) => l.split('\t')[0]);
      expect(await listed('Integrated Defense Dialogue')).to.deep.equal(['1']);
      expect(await listed('통화')).to.deep.equal(['2']);
      expect(await listed('no statement says this')).to.deep.equal([]);
      const tsv = await runCli(['export', '--format', 'tsv', '--search', 'Integrated Defense Dialogue', '--db', db]);
      expect(tsv.code, tsv.stderr).to.equal(0);
      expect(tsv.stdout).to.equal((await runCli(['export', '--format', 'tsv', '--statement', '1', '--db', db])).stdout);
      // With --statement too: the statements named that the search finds (here none).
      const none = await runCli(['export', '--format', 'tsv', '--statement', '2', '--search', 'Integrated Defense Dialogue', '--db', db]);
      expect(none.stdout.trimEnd().split('\n')).to.have.length(1);
      const report = await runCli(['report', '--format', 'csv', '--info', '--search', '통화', '--db', db]);
      expect(report.code, report.stderr).to.equal(0);
      expect(report.stdout.trimEnd().split('\n').length).to.be.greaterThan(1);
      expect(report.stdout).to.equal((await runCli(['report', '--format', 'csv', '--info', '--statement', '2', '--db', db])).stdout);
      expect(report.stdout).not.to.equal((await runCli(['report', '--format', 'csv', '--info', '--db', db])).stdout);
      const empty = await runCli(['export', '--format', 'tsv', '--search', ' ', '--db', db]);
      expect([empty.code, empty.stderr]).to.deep.equal([2, 'twintext: --search needs a text to search for\n']);
    });

    it('tags languages in TMX as asked with --lang-tag', async () => {
      await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split', '--db', db]);
      const r = await runCli(['export', '--format', 'tmx', '--lang-tag', 'en=en-US', '--lang-tag', 'ko=ko-KR', '--db', db]);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.include('srclang="en-US"');
      expect((r.stdout.match(/<tuv xml:lang="ko-KR">/g) ?? []).length).to.equal(5);
      expect(r.stdout).to.include('creationtoolversion="0.1.0"');
      const bad = await runCli(['export', '--format', 'tmx', '--lang-tag', 'english', '--db', db]);
      expect([bad.code, bad.stderr]).to.deep.equal([2, 'twintext: --lang-tag must look like en=en-US, got "english"\n']);
    });

    it('import --into adds a language to a statement, then a new version of it, and says so; a trilateral import that overlaps asks first', async () => {
      const made = await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split', '--db', db]);
      const id = made.stdout.trim();
      // Written for this test: the readout's opening in Japanese.
      const ja = join(tmp.dir, 'mnd.ja.txt');
      writeFileSync(ja, '韓米国防相電話会談の結果\n韓国国防部長官と米国防長官は2026年3月4日に電話会談を行った。\n両長官は北朝鮮による3月2日の短距離弾道ミサイル2発の発射を非難した。\n');
      // An overlapping trilateral import stores nothing and says how to add only the Japanese, as a
      // command that can be pasted (a path with a space quoted, the options given kept), or to make a
      // statement of the three with --separate.
      const spaced = join(tmp.dir, 'mnd ja.txt');
      writeFileSync(spaced, readFileSync(ja));
      const tri = await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--ja', spaced, '--pre-split', '--date', '2026-03-04', '--db', db]);
      expect([tri.code, tri.stdout, tri.stderr]).to.deep.equal([1, '', `twintext: its en and ko texts are already statement ${id}; nothing was stored: add the ja text to it with \`twintext import --into ${id} --ja '${spaced}' --date 2026-03-04 --pre-split\`, or import the three as a new statement with --separate\n`]);
      expect((await runCli(['list', '--db', db])).stdout.trim().split('\n')).to.have.length(1);
      const added = await runCli(['import', '--into', id, '--ja', spaced, '--pre-split', '--date', '2026-03-04', '--db', db]);
      expect([added.code, added.stdout, added.stderr]).to.deep.equal([0, `${id}\n`, `twintext: added the ja text to statement ${id} (3 paragraphs, aligned and checked)\n`]);
      const list = (await runCli(['list', '--db', db])).stdout.split('\n').find((l) => l.startsWith(`${id}\t`))!;
      expect(list.split('\t')[3]).to.equal('en,ko,ja');
      writeFileSync(ja, readFileSync(ja, 'utf8') + '両長官は今秋ソウルで第58回韓米安保協議会議を開催することで一致した。\n');
      const v2 = await runCli(['import', '--into', id, '--ja', ja, '--pre-split', '--db', db]);
      expect([v2.code, v2.stderr]).to.deep.equal([0, `twintext: ja version 2 of statement ${id}: 3 paragraphs unchanged, 1 new or changed, 3 beads kept\n`]);
      // A reviewer's correction of the Japanese title: kept by a version that publishes it as before,
      // replaced by one that changes it, and the line says which.
      const cdb = openDb(db);
      const title = cdb.prepare("SELECT p.id, p.content FROM paragraphs p JOIN texts t ON t.id = p.text_id WHERE t.statement_id = ? AND t.lang = 'ja' AND t.is_current = 1 ORDER BY p.position LIMIT 1").get(Number(id)) as { id: number; content: string };
      editParagraph(cdb, title.id, { content: title.content + '（速報）', base: title.content }, 'kim');
      cdb.close();
      writeFileSync(ja, readFileSync(ja, 'utf8') + '両長官は緊密に連携していくことで一致した。\n');
      const v3 = await runCli(['import', '--into', id, '--ja', ja, '--pre-split', '--db', db]);
      expect(v3.stderr).to.equal(`twintext: ja version 3 of statement ${id}: 4 paragraphs unchanged, 1 new or changed, 4 beads kept; 1 correction made in review kept\n`);
      writeFileSync(ja, readFileSync(ja, 'utf8').replace('韓米国防相電話会談の結果', '韓米国防相の電話会談の結果'));
      const v4 = await runCli(['import', '--into', id, '--ja', ja, '--pre-split', '--db', db]);
      expect(v4.stderr).to.match(new RegExp(`^twintext: ja version 4 of statement ${id}: .*; the new text replaces the review's correction of ¶1 \\(it changes that paragraph\\)\n$`));
      // Refused, each with one line and nothing changed.
      const listed = (await runCli(['list', '--db', db])).stdout.split('\n').find((l) => l.startsWith(`${id}\t`))!;
      const ja3 = join(tmp.dir, 'mnd.ja3.txt');
      writeFileSync(ja3, readFileSync(ja, 'utf8') + '両長官は緊密な連携を続けることで一致した。\n');
      for (const [argv, code, message] of [
        [['import', '--into', id, '--en', join(fixtures, 'mnd.en.txt'), '--ja', ja], 2, /^twintext: --into takes one language file \(--en, --ko or --ja\), got 2$/m],
        [['import', '--into', id, '--ja', ja, '--title', 'x'], 2, /^twintext: --title: not for --into/],
        [['import', '--into', 'three', '--ja', ja], 2, /^twintext: --into must be a positive integer, got "three"$/m],
        [['import', '--into', '999', '--ja', ja], 1, /^twintext: statement 999 not found$/m],
        [['import', '--into', id, '--ja', ja, '--pre-split'], 1, /the new ja text is the same as version 4/],
        [['import', '--into', id, '--ja', ja3, '--date', '2026-03-05', '--pre-split'], 1, new RegExp(`statement ${id} is dated 2026-03-04, not 2026-03-05`)],
      ] as const) {
        const r = await runCli([...argv, '--db', db]);
        expect([r.code, r.stdout], argv.join(' ')).to.deep.equal([code, '']);
        expect(r.stderr.trimEnd().split('\n'), r.stderr).to.have.length(1);
        expect(r.stderr).to.match(message);
      }
      expect((await runCli(['list', '--db', db])).stdout.split('\n').find((l) => l.startsWith(`${id}\t`))).to.equal(listed);
      // With --separate the three texts are a statement of their own, and the output says which else holds two.
      const sep = await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--ja', ja3, '--pre-split', '--separate', '--db', db]);
      expect(sep.code, sep.stderr).to.equal(0);
      expect(sep.stderr).to.equal(`twintext: its en and ko texts are also statement ${id}\n`);
      expect(sep.stdout.trim()).to.not.equal(id);
    });

    it('import --en --ko --ja of a statement that holds the Japanese as ja-JP prints its id, storing nothing', async () => {
      const made = await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split', '--db', db]);
      const id = Number(made.stdout.trim());
      // Written for this test: the readout's opening in Japanese, added under the tag ja-JP (as the API can).
      const ja = join(tmp.dir, 'mnd.ja.txt');
      writeFileSync(ja, '韓米国防相電話会談の結果\n韓国国防部長官と米国防長官は2026年3月4日に電話会談を行った。\n両長官は北朝鮮による3月2日の短距離弾道ミサイル2発の発射を非難した。\n');
      const cdb = openDb(db);
      importVersion(cdb, id, 'ja-JP', readFileSync(ja, 'utf8'), 'kim', { preSplit: true, newLanguage: true });
      cdb.close();
      const listed = (await runCli(['list', '--db', db])).stdout;
      expect(listed.split('\t')[3]).to.equal('en,ko,ja-JP');
      const again = await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--ja', ja, '--pre-split', '--db', db]);
      expect([again.code, again.stdout, again.stderr]).to.deep.equal([0, `${id}\n`, `twintext: already imported as statement ${id}\n`]);
      expect((await runCli(['list', '--db', db])).stdout).to.equal(listed);
    });

    it('aligns the other versions to the one --src-lang names', async () => {
      const r = await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split', '--src-lang', 'ko', '--db', db]);
      expect(r.code, r.stderr).to.equal(0);
      const list = await runCli(['list', '--db', db]);
      expect(list.stdout.split('\t')[3]).to.equal('ko,en');
      const tsv = await runCli(['export', '--format', 'tsv', '--db', db]);
      expect(tsv.stdout.split('\n')[1]!.split('\t').slice(0, 2)).to.deep.equal(['ko', 'en']);
    });

    it('writes Moses files named after the pair, each in its own language, for a Korean-first statement too', async () => {
      await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split', '--src-lang', 'ko', '--db', db]);
      const base = join(tmp.dir, 'corpus');
      const r = await runCli(['export', '--format', 'moses', '--out', base, '--pair', 'en-ko', '--db', db]);
      expect(r.code, r.stderr).to.equal(0);
      const en = readFileSync(base + '.en', 'utf8'), ko = readFileSync(base + '.ko', 'utf8');
      expect(en).to.match(/^Readout of the ROK-U.S. Defense Ministers' Telephone Call\n/);
      expect(en).to.not.match(/[가-힣]/);
      expect(ko).to.match(/^한미 국방장관 전화통화 결과\n/);
      // Without --pair the files are named after the first statement's pair: Korean first here.
      const r2 = await runCli(['export', '--format', 'moses', '--out', base + '2', '--db', db]);
      expect(r2.code, r2.stderr).to.equal(0);
      expect(readFileSync(base + '2.ko', 'utf8')).to.equal(ko);
      // A pair no statement has: an empty document that names the pair asked for, not another.
      const none = await runCli(['export', '--format', 'xliff', '--pair', 'en-fr', '--db', db]);
      expect(none.code).to.equal(0);
      expect(none.stdout).to.contain('srcLang="en" trgLang="fr"');
      const noneTmx = await runCli(['export', '--format', 'tmx', '--pair', 'en-fr', '--db', db]);
      expect(noneTmx.stdout).to.match(/<header [^>]*srclang="en"/);
      const bad = await runCli(['export', '--format', 'moses', '--out', base, '--pair', 'english', '--db', db]);
      expect([bad.code, bad.stderr]).to.deep.equal([2, 'twintext: --pair must be two different language codes like en-ko, got "english"\n']);
    });

    it('uses TWINTEXT_DB when --db is absent', async () => {
      const r = await runCli(['import', '--pre-split', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt')], { env: { TWINTEXT_DB: db } });
      expect(r.code, r.stderr).to.equal(0);
      expect(existsSync(db)).to.equal(true);
    });

    it('writes PATH.en and PATH.ko for moses, line-aligned; confirmed-only exports nothing yet', async () => {
      await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split', '--db', db]);
      const base = join(tmp.dir, 'corpus');
      const r = await runCli(['export', '--format', 'moses', '--out', base, '--db', db]);
      expect(r.code, r.stderr).to.equal(0);
      const en = readFileSync(base + '.en', 'utf8').trimEnd().split('\n');
      const ko = readFileSync(base + '.ko', 'utf8').trimEnd().split('\n');
      expect(en).to.have.length(5);
      expect(ko).to.have.length(5);
      expect(en[2]).to.match(/^The two ministers condemned .* They agreed that/);
      const none = await runCli(['export', '--format', 'jsonl', '--status', 'confirmed', '--db', db]);
      expect(none.stdout).to.equal('');
    });
  });

  describe('import --manifest', () => {
    it('imports a CSV batch, reports what failed, and skips what is there on a re-run', async () => {
      const manifest = join(tmp.dir, 'batch.csv');
      writeFileSync(
        manifest,
        [
          'title,date,en,ko,en_url,ko_url',
          `"KIDD 26, demo",2025-09-23,${join(demo, 'kidd26.en.txt')},${join(demo, 'kidd26.ko.txt')},https://example.org/en,https://example.org/ko`,
          `EDSCG 6,2026-01-15,${join(demo, 'edscg6.en.txt')},${join(demo, 'edscg6.ko.txt')},,`,
          `Broken,,${join(fixtures, 'missing.en.txt')},${join(demo, 'edscg6.ko.txt')},,`,
        ].join('\n'),
      );
      const first = await runCli(['import', '--manifest', manifest, '--db', db]);
      expect(first.code).to.equal(1);
      expect(first.stdout).to.match(/failed\tline 4\tBroken\t.*missing\.en\.txt: no such file/);
      expect(first.stdout.trimEnd().split('\n').at(-1)).to.equal('imported 2, skipped 0, failed 1');
      expect(first.stderr).to.match(/\[#+\.*\] 1\/3 imported: KIDD 26, demo/);
      const again = await runCli(['import', '--manifest', manifest, '--db', db]);
      expect(again.stdout).to.include('imported 0, skipped 2, failed 1');
      const list = await runCli(['list', '--db', db]);
      expect(list.stdout.trimEnd().split('\n').map((l) => l.split('\t')[1])).to.deep.equal(['EDSCG 6', 'KIDD 26, demo']);
    });

    it('names a line without a title by the title its statement took, in the progress and on a re-run', async () => {
      const dir = join(tmp.dir, 'untitled');
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, 'talks.en.html'),
        '<html><body><nav><a href="/">Home</a> <a href="/press">Press</a></nav><h1>Joint Statement on Port Security Talks</h1>' +
          '<p>The two delegations met in Pyeongtaek on May 12, 2026, to review port security cooperation.</p>' +
          '<p>They agreed to hold a tabletop exercise for port authorities later this year.</p><footer>Privacy Policy</footer></body></html>',
      );
      writeFileSync(join(dir, 'talks.ko.txt'), '항만보안 협의 개최 결과\n\n양국 대표단은 2026년 5월 12일 평택에서 만나 항만보안 협력 현황을 점검하였다.\n\n양측은 연내 항만당국 대상 도상훈련을 실시하기로 합의하였다.\n');
      const manifest = join(dir, 'batch.csv');
      writeFileSync(manifest, 'title,date,en,ko\n,,talks.en.html,talks.ko.txt\n');
      const first = await runCli(['import', '--manifest', manifest, '--db', db]);
      expect(first.code, first.stderr).to.equal(0);
      const title = 'Joint Statement on Port Security Talks';
      expect((await runCli(['list', '--db', db])).stdout).to.contain(`\t${title}\t`);
      expect(first.stderr).to.contain(`1/1 imported: ${title}`);
      expect(first.stderr).not.to.contain('talks.en.html');
      const again = await runCli(['import', '--manifest', manifest, '--db', db]);
      expect(again.stdout).to.match(new RegExp(`^skipped\tline 2\t${title}\talready imported as statement \\d+$`, 'm'));
    });

    it('reads JSONL manifests too and rejects a line with one language', async () => {
      const manifest = join(tmp.dir, 'batch.jsonl');
      writeFileSync(manifest, JSON.stringify({ title: 'Call', en: join(fixtures, 'mnd.en.txt'), ko: join(fixtures, 'mnd.ko.txt') }) + '\n');
      const ok = await runCli(['import', '--manifest', manifest, '--db', db]);
      expect(ok.code, ok.stderr).to.equal(0);
      expect(ok.stdout).to.equal('imported 1, skipped 0, failed 0\n');
      writeFileSync(manifest, JSON.stringify({ title: 'Call', en: 'a.txt' }) + '\n');
      const bad = await runCli(['import', '--manifest', manifest, '--db', db]);
      expect(bad.code).to.equal(1);
      expect(bad.stderr).to.match(/line 1 needs files in at least two languages/);
      expect(existsSync(db)).to.equal(true); // from the first, successful import
    });

    it('takes other short columns (id, no) for what they are, names the real line after blank lines and quoted breaks, and refuses a date that is not text', async () => {
      const csv = join(tmp.dir, 'ids.csv');
      writeFileSync(
        csv,
        [
          'id,no,title,date,en,ko',
          `17,3,"Call,
second line",2026-04-09,${join(fixtures, 'mnd.en.txt')},${join(fixtures, 'mnd.ko.txt')}`,
          '',
          `18,4,Broken,2026-04-10,${join(fixtures, 'mnd.en.txt')}`,
        ].join('\n'),
      );
      const r = await runCli(['import', '--manifest', csv, '--db', db]);
      expect(r.code).to.equal(1);
      expect(r.stderr.trim()).to.equal(`twintext: ${csv}: line 5 has 5 fields, the header has 6`);
      expect(existsSync(db)).to.equal(false);
      writeFileSync(csv, ['id,no,title,date,en,ko', `17,3,Call,2026-04-09,${join(fixtures, 'mnd.en.txt')},${join(fixtures, 'mnd.ko.txt')}`].join('\n'));
      const ok = await runCli(['import', '--manifest', csv, '--db', db]);
      expect(ok.code, ok.stdout + ok.stderr).to.equal(0);
      expect((await runCli(['list', '--db', db])).stdout).to.match(/^\d+\tCall\t2026-04-09\ten,ko\t/);
      const jsonl = join(tmp.dir, 'n.jsonl');
      writeFileSync(jsonl, JSON.stringify({ title: 'Energy', date: 20260409, en: join(fixtures, 'mnd.en.txt'), ko: join(fixtures, 'mnd.ko.txt') }) + '\n');
      const bad = await runCli(['import', '--manifest', jsonl, '--db', db]);
      expect(bad.code).to.equal(1);
      expect(bad.stderr).to.match(/line 1: "date" must be text, got 20260409/);
      // A numeric "id" of the manifest's own is no language and no error.
      writeFileSync(jsonl, JSON.stringify({ id: 17, title: 'Energy', en: join(fixtures, 'mnd.en.txt'), ko: join(fixtures, 'mnd.ko.txt') }) + '\n');
      const withId = await runCli(['import', '--manifest', jsonl, '--db', db]);
      expect(withId.code, withId.stderr).to.equal(0);
      writeFileSync(jsonl, '[{"title": "Energy"}]\n');
      expect((await runCli(['import', '--manifest', jsonl, '--db', db])).stderr).to.match(/not a JSON array/);
    });
  });

  describe('check', () => {
    it('prints one JSON finding per line for two files: the differing number and the missing paragraph', async () => {
      const r = await runCli(['check', join(demo, 'kidd26.en.txt'), join(demo, 'kidd26.ko.txt')]);
      expect(r.code, r.stderr).to.equal(0);
      const findings = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      for (const f of findings) {
        expect(Object.keys(f)).to.deep.equal(['en', 'ko', 'check', 'severity', 'message']);
        expect(['error', 'warning', 'info']).to.include(f.severity);
      }
      const serious = findings.filter((f) => f.severity !== 'info').map((f) => `${f.check} ${f.en}|${f.ko}`);
      expect(serious).to.include('numbers 8|7');
      expect(serious.some((x) => /^omission 9\|$/.test(x))).to.equal(true);
    });

    it('runs only the checks named with --checks, and refuses an unknown one', async () => {
      const r = await runCli(['check', '--checks', 'numbers', join(demo, 'kidd26.en.txt'), join(demo, 'kidd26.ko.txt')]);
      const checks = new Set(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).check));
      expect([...checks]).to.deep.equal(['numbers']);
      const bad = await runCli(['check', '--checks', 'numbers,vibes', join(demo, 'kidd26.en.txt'), join(demo, 'kidd26.ko.txt')]);
      expect([bad.code, bad.stderr.split(' (')[0]]).to.deep.equal([2, 'twintext: unknown check "vibes"']);
    });

    it('checks a stored statement and stores the findings as suggestions', async () => {
      await runCli(['import', '--en', join(demo, 'edscg6.en.txt'), '--ko', join(demo, 'edscg6.ko.txt'), '--db', db]);
      const r = await runCli(['check', '--statement', '1', '--db', db]);
      expect(r.code, r.stderr).to.equal(0);
      const findings = r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
      expect(findings.filter((f) => f.severity !== 'info').map((f) => `${f.check} ${f.en}|${f.ko}`)).to.include('dates 2|2');
      const missing = await runCli(['check', '--statement', '7', '--db', db]);
      expect(missing.code).to.equal(1);
      expect(missing.stderr).to.equal('twintext: statement 7 not found\n');
    });
  });

  describe('glossary', () => {
    it('adds, lists, exports and removes terms', async () => {
      openDb(db).close();
      const add = await runCli(['glossary', 'add', 'Freedom Edge', '프리덤 에지', '--note', 'trilateral exercise', '--db', db]);
      expect(add.code, add.stderr).to.equal(0);
      const id = add.stdout.trim();
      const list = await runCli(['glossary', 'list', '--db', db]);
      // The glossary has a Japanese column: an English–Korean term leaves it empty.
      expect(list.stdout.split('\n')).to.include(`${id}\tFreedom Edge\t프리덤 에지\t\ttrilateral exercise`);
      const tsv = await runCli(['glossary', 'export', '--db', db]);
      // The shipped glossary has a Japanese column: a term added with English and Korean leaves it empty.
      expect(tsv.stdout.split('\n')[0]).to.equal('en\tko\tja\tnote');
      expect(tsv.stdout).to.include('Freedom Edge\t프리덤 에지\t\ttrilateral exercise\n');
      // The same term in another case is refused in one line naming the one there, and not stored.
      const variant = await runCli(['glossary', 'add', 'FREEDOM EDGE', '프리덤 에지', '--db', db]);
      expect([variant.code, variant.stdout, variant.stderr]).to.deep.equal([1, '', `twintext: the glossary has this term already, differing only in case or spacing: term ${id} (en "Freedom Edge", ko "프리덤 에지")\n`]);
      expect((await runCli(['glossary', 'list', '--db', db])).stdout).not.to.include('FREEDOM EDGE');
      expect((await runCli(['glossary', 'remove', id, '--db', db])).code).to.equal(0);
      expect((await runCli(['glossary', 'list', '--db', db])).stdout).not.to.include('Freedom Edge');
      const bad = await runCli(['glossary', 'remove', id, '--db', db]);
      expect([bad.code, bad.stderr]).to.deep.equal([1, `twintext: glossary term ${id} not found\n`]);
      const typo = await runCli(['glossary', 'remove', 'abc', '--db', db]);
      expect([typo.code, typo.stderr]).to.deep.equal([2, 'twintext: the glossary term ID must be a positive integer, got "abc"\n']);
    });
  });

  describe('glossary duplicates', () => {
    it('refuses a term the seeded glossary has, with its Japanese too, in one line naming it, and stores nothing', async () => {
      openDb(db).close();
      const list = async () => (await runCli(['glossary', 'list', '--db', db])).stdout;
      const before = await list();
      const row = (en: string) => before.split('\n').find((l) => l.split('\t')[1] === en)!.split('\t');
      const space = row('space'), mcm = row('Military Committee Meeting|MCM');
      expect(space.slice(2, 4)).to.deep.equal(['우주', '宇宙']);
      const r = await runCli(['glossary', 'add', 'space', '우주', '--db', db]);
      expect([r.code, r.stdout, r.stderr]).to.deep.equal([1, '', `twintext: the glossary has this term already, with more languages: term ${space[0]} (en "space", ko "우주", ja "宇宙"); change that one instead\n`]);
      const same = await runCli(['glossary', 'add', 'Military Committee Meeting|MCM', '군사위원회회의', '--db', db]);
      expect([same.code, same.stdout, same.stderr]).to.deep.equal([1, '', `twintext: the glossary has this term already (term ${mcm[0]})\n`]);
      expect(await list()).to.equal(before);
    });
  });

  describe('import dates', () => {
    it('dates a statement by its page\'s date row when no --date is given', async () => {
      const en = join(tmp.dir, 'dated.en.html'), ko = join(tmp.dir, 'dated.ko.html');
      writeFileSync(en, '<html><body><nav>Home | News | Releases</nav><p class="date">Nov. 14, 2025</p><h1>Joint Statement on the Ninth Space Policy Dialogue</h1>'
        + '<p>The Republic of Korea and the United States held the ninth Space Policy Dialogue in Seoul on November 13, 2025.</p>'
        + '<p>The two sides agreed to expand cooperation on space situational awareness.</p><footer>Privacy | Contact</footer></body></html>');
      writeFileSync(ko, '<html><body><div class="path">홈 &gt; 알림마당 &gt; 보도자료</div><table><tr><th>작성일</th><td>2025-11-14</td></tr></table><h1>제9차 한미 우주정책대화 공동보도문</h1>'
        + '<p>대한민국과 미국은 2025년 11월 13일 서울에서 제9차 우주정책대화를 개최하였다.</p>'
        + '<p>양측은 우주상황인식 분야 협력을 확대하기로 합의하였다.</p></body></html>');
      const r = await runCli(['import', '--en', en, '--ko', ko, '--db', db]);
      expect(r.code, r.stderr).to.equal(0);
      const list = await runCli(['list', '--db', db]);
      const row = list.stdout.split('\n').find((l) => l.startsWith(`${r.stdout.trim()}\t`))!.split('\t');
      expect(row.slice(1, 3)).to.deep.equal(['Joint Statement on the Ninth Space Policy Dialogue', '2025-11-14']);
    });

    it('refuses a --date that is no calendar day as a usage error naming --date, for a Moses corpus as for files, storing nothing', async () => {
      const corpus = join(tmp.dir, 'talks');
      writeFileSync(`${corpus}.en`, 'The ministers met in Seoul on March 4, 2026.\nThey agreed to meet again in Tokyo.\n');
      writeFileSync(`${corpus}.ko`, '장관들은 2026년 3월 4일 서울에서 만났다.\n양측은 도쿄에서 다시 만나기로 하였다.\n');
      const imports = [
        ['--moses', corpus],
        ['--moses', `${corpus}.en`, `${corpus}.ko`, '--title', 'Talks'],
        ['--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split'],
        ['--into', '1', '--ja', join(fixtures, 'mnd.en.txt')],
      ];
      for (const args of imports) {
        for (const date of ['2025-13-45', '2026-02-30', '20260304', 'March 4']) {
          const r = await runCli(['import', ...args, '--date', date, '--db', db]);
          const what = `${args.join(' ')} --date ${date}`;
          expect([r.code, r.stdout, r.stderr], what).to.deep.equal([2, '', `twintext: --date must be a calendar date as YYYY-MM-DD, got "${date}"\n`]);
          expect(existsSync(db), what).to.equal(false);
        }
      }
      // Into a database that holds statements: nothing more is stored.
      const first = await runCli(['import', '--moses', corpus, '--date', '2026-03-04', '--db', db]);
      expect([first.code, first.stdout]).to.deep.equal([0, '1\n']);
      const before = (await runCli(['list', '--db', db])).stdout;
      writeFileSync(`${corpus}2.en`, 'The vice ministers met in Washington.\n');
      writeFileSync(`${corpus}2.ko`, '차관들은 워싱턴에서 만났다.\n');
      expect((await runCli(['import', '--moses', `${corpus}2`, '--date', '2025-13-45', '--db', db])).code).to.equal(2);
      expect((await runCli(['list', '--db', db])).stdout).to.equal(before);
      // An empty --date is no date, for a Moses corpus as for files.
      const undated = await runCli(['import', '--moses', `${corpus}2`, '--date', '', '--db', db]);
      expect([undated.code, undated.stderr, undated.stdout]).to.deep.equal([0, '', '2\n']);
      const rows = (await runCli(['list', '--db', db])).stdout.trim().split('\n').map((l) => l.split('\t'));
      expect(rows.find((x) => x[0] === '2')!.slice(0, 3)).to.deep.equal(['2', 'talks2', '']);
    });
  });

  describe('glossary of a database', () => {
    it('check with --db (or TWINTEXT_DB) reads that database\'s glossary, as the team edits it', async () => {
      const en = join(tmp.dir, 'camp.en.txt'), ko = join(tmp.dir, 'camp.ko.txt');
      writeFileSync(en, 'The two ministers visited Camp Humphreys on March 4, 2026.\n');
      writeFileSync(ko, '양 장관은 2026년 3월 4일 평택 미군기지를 방문하였다.\n');
      const term = (out: string) => out.split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((f) => f.check === 'terminology' && /Camp Humphreys/.test(f.message));
      expect(term((await runCli(['check', '--pre-split', en, ko])).stdout)).to.deep.equal([]);
      const gdb = join(tmp.dir, 'team.db');
      openDb(gdb).close();
      expect((await runCli(['glossary', 'add', 'Camp Humphreys', '캠프 험프리스', '--db', gdb])).code).to.equal(0);
      const withDb = await runCli(['check', '--pre-split', en, ko, '--db', gdb]);
      expect(term(withDb.stdout).map((f) => f.message)).to.deep.equal(['English "Camp Humphreys" should be rendered as "캠프 험프리스" in Korean, which is missing']);
      const viaEnv = await runCli(['check', '--pre-split', en, ko], { env: { TWINTEXT_DB: gdb } });
      expect(viaEnv.stdout).to.equal(withDb.stdout);
      const missing = await runCli(['check', '--pre-split', en, ko, '--db', join(tmp.dir, 'nope.db')]);
      expect([missing.code, missing.stderr]).to.deep.equal([1, `twintext: ${join(tmp.dir, 'nope.db')}: no such database (twintext import or twintext serve creates one)\n`]);
    });

    it('glossary list has a column for every language the glossary holds', async () => {
      const gdb = join(tmp.dir, 'tri.db');
      openDb(gdb).close();
      const add = await runCli(['glossary', 'add', 'Freedom Edge', 'フリーダム・エッジ', '--tgt-lang', 'ja', '--db', gdb]);
      expect(add.code, add.stderr).to.equal(0);
      const header = (await runCli(['glossary', 'export', '--db', gdb])).stdout.split('\n')[0]!.split('\t');
      const row = (await runCli(['glossary', 'list', '--db', gdb])).stdout.split('\n').find((l) => l.startsWith(`${add.stdout.trim()}\t`))!.split('\t');
      expect(header.slice(0, 3)).to.deep.equal(['en', 'ko', 'ja']);
      expect(row.slice(1, 4)).to.deep.equal(['Freedom Edge', '', 'フリーダム・エッジ']);
    });
  });

  describe('import --tmx', () => {
    it('imports an exported TMX as aligned statements', async () => {
      await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split', '--db', db]);
      const tmx = join(tmp.dir, 'c.tmx');
      await runCli(['export', '--format', 'tmx', '--out', tmx, '--db', db]);
      const other = join(tmp.dir, 'other.db');
      const r = await runCli(['import', '--tmx', tmx, '--db', other]);
      expect(r.code, r.stderr).to.equal(0);
      expect(r.stdout).to.equal('1\n');
      // Again: nothing stored, and the id printed all the same, as a re-run of import --en --ko prints it.
      const rerun = await runCli(['import', '--tmx', tmx, '--db', other]);
      expect([rerun.code, rerun.stderr, rerun.stdout]).to.deep.equal([0, 'twintext: already imported as statement 1\n', '1\n']);
      const again = join(tmp.dir, 'again.tmx');
      await runCli(['export', '--format', 'tmx', '--out', again, '--db', other]);
      expect(readFileSync(again, 'utf8')).to.equal(readFileSync(tmx, 'utf8'));
    });
  });

  describe('import --moses', () => {
    it('prints the statement\'s id on a re-run too, as import --en --ko does, the new one after it when a file holds both', async () => {
      const corpus = join(tmp.dir, 'energy');
      writeFileSync(`${corpus}.en`, 'The two sides held the energy policy dialogue in Seoul.\nThey agreed to expand cooperation on nuclear power.\n');
      writeFileSync(`${corpus}.ko`, '양측은 서울에서 에너지정책대화를 개최하였다.\n양측은 원자력 협력을 확대하기로 합의하였다.\n');
      const first = await runCli(['import', '--moses', corpus, '--db', db]);
      expect([first.code, first.stdout]).to.deep.equal([0, '1\n']);
      const again = await runCli(['import', '--moses', corpus, '--db', db]);
      expect([again.code, again.stderr, again.stdout]).to.deep.equal([0, 'twintext: already imported as statement 1\n', '1\n']);
      // As import --en --ko prints an existing statement's id on its last line.
      const files = await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split', '--db', db]);
      const filesAgain = await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split', '--db', db]);
      expect(filesAgain.stdout).to.equal(files.stdout);
      // A corpus with one statement there and one new: both ids, the one there first, as stderr names it.
      const tsv = join(tmp.dir, 'both.tsv');
      expect((await runCli(['export', '--format', 'tsv', '--out', tsv, '--db', db])).code).to.equal(0);
      const other = join(tmp.dir, 'other.db');
      expect((await runCli(['import', '--moses', corpus, '--db', other])).stdout).to.equal('1\n');
      const mixed = await runCli(['import', '--tsv', tsv, '--db', other]);
      expect([mixed.code, mixed.stderr, mixed.stdout]).to.deep.equal([0, 'twintext: already imported as statement 1\n', `1\n${files.stdout}`]);
    });
  });

  describe('backup', () => {
    it('copies the database with the online backup API; the copy opens and holds the same statements', async () => {
      await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split', '--db', db]);
      const copy = join(tmp.dir, 'copy.db');
      const r = await runCli(['backup', copy, '--db', db]);
      expect(r.code, r.stderr).to.equal(0);
      expect((await runCli(['list', '--db', copy])).stdout).to.equal((await runCli(['list', '--db', db])).stdout);
      const again = await runCli(['backup', copy, '--db', db]);
      expect([again.code, again.stderr]).to.deep.equal([2, `twintext: ${copy} exists; choose a new file name\n`]);
    });
  });

  describe('errors: one readable line, non-zero exit', () => {
    const cases: [string, () => string[], number, RegExp][] = [
      ['a missing file', () => ['align', '--pre-split', join(fixtures, 'nope.txt'), join(fixtures, 'mnd.ko.txt')], 1, /nope\.txt: no such file/],
      ['an unreadable file (a directory)', () => ['split', '--lang', 'en', fixtures], 1, /cli.*(directory|cannot read|not a file)/i],
      ['a binary file', () => ['import', '--en', join(tmp.dir, 'bin.dat'), '--ko', join(fixtures, 'mnd.ko.txt'), '--db', db], 1, /bin\.dat: .*binary/i],
      ['an unknown --format', () => ['export', '--format', 'pdf', '--db', db], 2, /unknown --format "pdf"/],
      ['an unknown command', () => ['frobnicate'], 2, /unknown command 'frobnicate'/],
      ['align with one file', () => ['align', join(fixtures, 'mnd.en.txt')], 2, /usage: twintext align/],
      ['import with one language', () => ['import', '--en', join(fixtures, 'mnd.en.txt'), '--db', db], 2, /^twintext: import needs files in at least two languages, the --ko file too \(or --into ID to add one file to a statement\): only --en was given; usage: twintext import/m],
      ['import with a Japanese file alone', () => ['import', '--ja', join(fixtures, 'mnd.en.txt'), '--db', db], 2, /^twintext: import needs files in at least two languages, an --en or --ko file too .*: only --ja was given;/m],
      ['import with no file at all', () => ['import', '--db', db], 2, /^twintext: import needs files in at least two languages, --en and --ko files too \(or --into ID to add one file to a statement\); usage:/m],
      ['a title for a corpus import', () => ['import', '--tsv', join(fixtures, 'a.tsv'), '--title', 'Talks', '--db', db], 2, /--title: not for --tsv \(the file carries titles, dates and languages\)/],
      ['import from two corpora at once', () => ['import', '--tmx', join(fixtures, 'a.tmx'), '--csv', join(fixtures, 'b.csv'), '--db', db], 2, /give one of .*not --tmx and --csv/],
      ['import of a manifest and language files at once', () => ['import', '--manifest', join(fixtures, 'm.csv'), '--en', join(fixtures, 'mnd.en.txt'), '--db', db], 2, /not language files and --manifest/],
      ['a --src-lang with no file', () => ['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--src-lang', 'ja', '--db', db], 2, /--src-lang ja: there is no --ja file/],
      ['a --src-lang import has no option for', () => ['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--src-lang', 'fr', '--db', db], 2, /--src-lang fr: import takes --en, --ko and --ja files/],
      ['align with the files in the wrong order', () => ['align', '--pre-split', '--src-lang', 'ko', join(fixtures, 'mnd.en.txt'), join(fixtures, 'mnd.ko.txt')], 1, /mnd\.en\.txt: the ko text does not look like Korean: it is mostly Latin letters/],
      ['check of a Korean file given as English', () => ['check', join(fixtures, 'mnd.ko.txt'), join(fixtures, 'mnd.ko.txt')], 1, /mnd\.ko\.txt: the en text does not look like English/],
      ['--one-sided in a format that cannot hold it', () => ['export', '--format', 'tmx', '--one-sided', '--db', emptyDb()], 2, /--one-sided works with --format tsv, csv or jsonl at paragraph level/],
      ['--two-pass without --batch', () => ['align', '--two-pass', join(fixtures, 'mnd.en.txt'), join(fixtures, 'mnd.ko.txt')], 2, /--two-pass works with --batch only/],
      ['--threads without --batch', () => ['align', '--threads', '2', join(fixtures, 'mnd.en.txt'), join(fixtures, 'mnd.ko.txt')], 2, /--threads works with --batch only/],
      ['--sentences with --batch', () => ['align', '--sentences', '--batch', join(fixtures, 'manifest.tsv'), join(tmp.dir, 'out')], 2, /--sentences aligns one pair of files, not a --batch/],
      ['align with a code that is no language', () => ['align', '--src-lang', 'xx', join(fixtures, 'mnd.en.txt'), join(fixtures, 'mnd.ko.txt')], 2, /"xx" is not a known language code \(ISO 639, such as en, ko or ja\)$/m],
      ['align with a three-letter code', () => ['align', '--tgt-lang', 'kor', join(fixtures, 'mnd.en.txt'), join(fixtures, 'mnd.ko.txt')], 2, /"kor" is written "ko"/],
      ['align with the same language twice', () => ['align', '--src-lang', 'ko', '--tgt-lang', 'ko', join(fixtures, 'mnd.ko.txt'), join(fixtures, 'mnd.en.txt')], 2, /--src-lang and --tgt-lang are both ko/],
      // A language option is read by one rule everywhere: no code of no language, no second code of one.
      ['split with a code that is no language', () => ['split', '--lang', 'xx', join(demo, 'kidd26.en.txt')], 2, /^twintext: "xx" is not a known language code \(ISO 639, such as en, ko or ja\)$/m],
      ['split with a three-letter code', () => ['split', '--lang', 'kor', join(demo, 'kidd26.ko.txt')], 2, /^twintext: "kor" is written "ko"/m],
      ['split with a tagged code', () => ['split', '--lang', 'ja-JP', join(demo, 'kidd26.en.txt')], 2, /^twintext: "ja-JP": give the bare language code here \("ja"\)$/m],
      ['import with a --src-lang that is no language', () => ['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--src-lang', 'xx', '--db', db], 2, /^twintext: "xx" is not a known language code/m],
      ['a Moses import with a --src-lang that is no language', () => ['import', '--moses', join(tmp.dir, 'talks'), '--src-lang', 'xx', '--db', db], 2, /^twintext: "xx" is not a known language code/m],
      ['a Moses import with a three-letter --src-lang', () => ['import', '--moses', join(tmp.dir, 'talks'), '--src-lang', 'kor', '--db', db], 2, /^twintext: "kor" is written "ko"/m],
      ['glossary add with a --src-lang that is no language', () => ['glossary', 'add', 'Freedom Edge', '프리덤 에지', '--src-lang', 'xx', '--db', db], 2, /^twintext: "xx" is not a known language code/m],
      ['glossary add with a three-letter --tgt-lang', () => ['glossary', 'add', 'Freedom Edge', '프리덤 에지', '--tgt-lang', 'kor', '--db', db], 2, /^twintext: "kor" is written "ko"/m],
      ['glossary add with one language for both terms', () => ['glossary', 'add', '프리덤 에지', '자유의 방패', '--src-lang', 'ko', '--db', db], 2, /^twintext: --src-lang and --tgt-lang are both ko: give the second term's language$/m],
      // Every other option value that is not one: a usage error, before any database is opened.
      ['a --into that is no id', () => ['import', '--into', 'abc', '--ja', join(fixtures, 'mnd.en.txt'), '--db', db], 2, /^twintext: --into must be a positive integer, got "abc"$/m],
      ['an export --statement that is no id', () => ['export', '--format', 'tsv', '--statement', 'abc', '--db', db], 2, /^twintext: --statement must be a positive integer, got "abc"$/m],
      ['a report --statement that is no id', () => ['report', '--format', 'csv', '--statement', 'abc', '--db', db], 2, /^twintext: --statement must be a positive integer, got "abc"$/m],
      ['a check --statement that is no id', () => ['check', '--statement', 'abc', '--db', db], 2, /^twintext: --statement must be a positive integer, got "abc"$/m],
      ['a --min-confidence above 1', () => ['export', '--format', 'tsv', '--min-confidence', '2', '--db', db], 2, /^twintext: --min-confidence must be a number from 0 to 1 \(such as 0\.8\), got "2"$/m],
      ['an unknown report --format', () => ['report', '--format', 'bogus', '--db', db], 2, /^twintext: unknown --format "bogus" \(csv, html\)$/m],
      ['an unknown --level', () => ['export', '--format', 'tsv', '--level', 'bogus', '--db', db], 2, /^twintext: --level must be paragraph or sentence, got "bogus"$/m],
      ['an unknown --status', () => ['export', '--format', 'tsv', '--status', 'bogus', '--db', db], 2, /^twintext: --status must be confirmed or all, got "bogus"$/m],
      ['an unknown --role', () => ['user', 'add', 'minji', '--role', 'bogus', '--db', db], 2, /^twintext: --role must be translator, editor or admin, got "bogus"$/m],
      ['a bad --port', () => ['serve', '--port', 'eighty', '--db', db], 2, /--port must be a number/],
      ['an unwritable --out', () => ['export', '--format', 'moses', '--out', join(tmp.dir, 'no-such-dir', 'corpus'), '--db', emptyDb()], 1, /no-such-dir\/corpus\.en: cannot write \(ENOENT\)/],
      ['an export of an unknown statement', () => ['export', '--format', 'tsv', '--statement', '9', '--out', join(tmp.dir, 'none.tsv'), '--db', emptyDb()], 1, /^twintext: statement 9 not found$/m],
      // A mistyped --db: no directories, no empty database, no empty corpus.
      ['a --db that is a directory', () => ['list', '--db', tmp.dir], 1, /: not a database twintext can open \(a directory, or no permission\)$/m],
      ['a --db that is not SQLite', () => (writeFileSync(join(tmp.dir, 'notes.db'), 'meeting notes'), ['list', '--db', join(tmp.dir, 'notes.db')]), 1, /notes\.db: not a database twintext can open \(the file is not SQLite\)/],
      ['list from a database that does not exist', () => ['list', '--db', join(tmp.dir, 'typo', 'twintext.db')], 1, /typo\/twintext\.db: no such database/],
      ['an export from a database that does not exist', () => ['export', '--format', 'tsv', '--db', join(tmp.dir, 'typo', 'twintext.db')], 1, /no such database/],
      ['a report from a database that does not exist', () => ['report', '--format', 'csv', '--db', join(tmp.dir, 'typo', 'twintext.db')], 1, /no such database/],
      ['checks of a statement in a database that does not exist', () => ['check', '--statement', '1', '--db', join(tmp.dir, 'typo', 'twintext.db')], 1, /no such database/],
      // Nor a new database seeded with the default glossary, passed off as the team's.
      ['glossary list from a database that does not exist', () => ['glossary', 'list', '--db', join(tmp.dir, 'typo', 'twintext.db')], 1, /^twintext: .*typo\/twintext\.db: no such database \(twintext import or twintext serve creates one\)$/m],
      ['glossary export from a database that does not exist', () => ['glossary', 'export', '--db', join(tmp.dir, 'typo', 'twintext.db')], 1, /typo\/twintext\.db: no such database/],
      ['glossary add into a database that does not exist', () => ['glossary', 'add', 'Freedom Edge', '프리덤 에지', '--db', db], 1, /cli\.db: no such database/],
      ['glossary remove from a database that does not exist', () => ['glossary', 'remove', '1', '--db', join(tmp.dir, 'typo', 'twintext.db')], 1, /typo\/twintext\.db: no such database/],
      // Refused once the database is open: the database this command created goes again.
      ['a corpus import whose file holds no unit', () => (writeFileSync(join(tmp.dir, 'none.tmx'), '<tmx version="1.4"><header srclang="en"/><body></body></tmx>'), ['import', '--tmx', join(tmp.dir, 'none.tmx'), '--db', db]), 1, /holds no translation units/],
      ['an import whose English file is Korean', () => ['import', '--en', join(fixtures, 'mnd.ko.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--db', db], 1, /does not look like English/],
    ];
    // An existing database with no statement, for the cases that must get past the database check.
    const emptyDb = () => {
      const p = join(tmp.dir, 'empty.db');
      if (!existsSync(p)) openDb(p).close();
      return p;
    };
    for (const [what, argv, code, message] of cases) {
      it(`${what} → exit ${code}`, async () => {
        writeFileSync(join(tmp.dir, 'bin.dat'), Buffer.from([0x50, 0x4b, 0x00, 0x00, 0xff, 0xfe, 0x00, 0x01, 0x02, 0x03, 0x00, 0x00]));
        writeFileSync(join(tmp.dir, 'talks.en'), 'The ministers met in Seoul.\n');
        writeFileSync(join(tmp.dir, 'talks.ko'), '장관들은 서울에서 만났다.\n');
        const r = await runCli(argv());
        expect(r.code).to.equal(code);
        expect(r.stderr).to.match(message);
        expect(r.stderr.trimEnd().split('\n'), r.stderr).to.have.length(1);
        expect(r.stdout).to.equal('');
        expect(existsSync(db), 'no database is created by a failed command').to.equal(false);
        expect(existsSync(join(tmp.dir, 'typo')), 'no directory is created by a failed command').to.equal(false);
        expect(existsSync(join(tmp.dir, 'none.tsv')), 'no output is written by a failed export').to.equal(false);
      });
    }
  });

  describe('the real executable', () => {
    it('prints help for npx twintext --help', () => {
      const r = spawnSync(process.execPath, [bin, '--help'], { encoding: 'utf8' });
      expect(r.status).to.equal(0);
      for (const c of ['split', 'align', 'import', 'list', 'export', 'serve']) expect(r.stdout).to.include(c);
    });

    it('ends quietly with exit 0 when the reader closes the pipe early (| head)', async () => {
      const big = join(tmp.dir, 'big.en.txt');
      writeFileSync(big, Array.from({ length: 20000 }, (_, k) => `Paragraph ${k}: the two sides reviewed the plan and agreed.`).join('\n\n'));
      const child = spawn(process.execPath, [bin, 'split', '--lang', 'en', big], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      // Read one chunk, then close the pipe as `head -1` does.
      await new Promise<void>((r) => child.stdout.once('data', () => (child.stdout.destroy(), r())));
      const code = await new Promise<number | null>((r) => child.once('exit', (c) => r(c)));
      expect([code, err]).to.deep.equal([0, '']);
    });

    it('exits 1 with one line for a missing file', () => {
      const r = spawnSync(process.execPath, [bin, 'split', '--lang', 'en', 'missing.txt'], { encoding: 'utf8' });
      expect(r.status).to.equal(1);
      expect(r.stderr).to.equal('twintext: missing.txt: no such file\n');
    });

    it('leaves no database it created behind when it cannot serve (the port taken), and keeps one that was there', async () => {
      const busy = createServer();
      await new Promise<void>((r) => busy.listen(0, '127.0.0.1', () => r()));
      const port = String((busy.address() as AddressInfo).port);
      const serve = (file: string) => new Promise<{ code: number | null; stdout: string; stderr: string }>((r) => {
        const child = spawn(process.execPath, [bin, 'serve', '--port', port, '--db', file], { stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '', stderr = '';
        child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
        child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
        child.once('exit', (code) => r({ code, stdout, stderr }));
      });
      try {
        const fresh = join(tmp.dir, 'new', 'team.db');
        const r = await serve(fresh);
        expect([r.code, r.stdout]).to.deep.equal([1, '']);
        expect(r.stderr).to.match(/^twintext: EADDRINUSE: .*\n$/);
        expect(existsSync(join(tmp.dir, 'new')), 'neither the database nor its folder').to.equal(false);
        // A database that was there stays, statements and all.
        await runCli(['import', '--en', join(fixtures, 'mnd.en.txt'), '--ko', join(fixtures, 'mnd.ko.txt'), '--pre-split', '--db', db]);
        const before = (await runCli(['list', '--db', db])).stdout;
        expect((await serve(db)).code).to.equal(1);
        expect((await runCli(['list', '--db', db])).stdout).to.equal(before);
      } finally {
        await new Promise((r) => busy.close(r));
      }
    });

    it('serves on loopback, prints the URL, logs each request without its text, and a flag survives a restart', async () => {
      let log = '';
      const startServe = () =>
        new Promise<{ url: string; stop: () => Promise<void> }>((resolveP, reject) => {
          const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
          child.stderr.on('data', (c: Buffer) => (log += c.toString()));
          let out = '';
          child.stdout.on('data', (c: Buffer) => {
            out += c.toString();
            const m = out.match(/at (http:\/\/127\.0\.0\.1:\d+\/)/);
            if (m) resolveP({ url: m[1]!, stop: () => new Promise((r) => (child.once('exit', () => r()), child.kill('SIGTERM'))) });
          });
          child.once('exit', (c) => reject(new Error(`serve exited ${c}`)));
        });
      const a = await startServe();
      const list = (await (await fetch(a.url + 'api/statements')).json()) as any;
      const id = list.statements[0].id;
      const bead = ((await (await fetch(`${a.url}api/statements/${id}`)).json()) as any).alignment.beads[1];
      const res = await fetch(`${a.url}api/beads/${bead.id}/flags`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: 'twintext_reviewer=' + encodeURIComponent('김 번역') },
        body: JSON.stringify({ category: 'meaning', comment: 'check the title' }),
      });
      expect(res.status).to.equal(201);
      await a.stop();
      const lines = log.trim().split('\n').map((l) => JSON.parse(l) as { method: string; route: string; status: number; id: string });
      expect(lines.map((l) => `${l.method} ${l.route} ${l.status}`)).to.deep.equal([
        'GET /api/statements 200',
        `GET /api/statements/${id} 200`,
        `POST /api/beads/${bead.id}/flags 201`,
      ]);
      expect(new Set(lines.map((l) => l.id)).size).to.equal(lines.length);
      expect(log).to.not.include('check the title');
      const b = await startServe();
      const again = ((await (await fetch(`${b.url}api/statements/${id}`)).json()) as any).alignment.beads[1];
      expect(again.flags.map((f: any) => [f.category, f.comment, f.author])).to.deep.equal([['meaning', 'check the title', '김 번역']]);
      await b.stop();
    });
  });
});
