import { expect } from 'chai';
import { join } from 'node:path';
import { openDb, type Db } from '../../server/store/db.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { importStatement } from '../../server/ops/import.ts';
import { getStatementView, addFlag } from '../../server/ops/review.ts';
import { editAlignment, editParagraph, paragraphHistory, undoRedo, undoRedoState, type EditRequest } from '../../server/ops/edit.ts';
import { ConflictError, InputError, NotFoundError } from '../../server/core/errors.ts';
import { statementFindings, decideFinding } from '../../server/ops/checks.ts';
import { importVersion } from '../../server/ops/versions.ts';
import type { FindingRow } from '../../server/store/findings.ts';
import { tempDir, dbDigest } from '../helpers.ts';

describe('ops/edit', () => {
  let tmp: ReturnType<typeof tempDir>;
  let db: Db;
  let statementId: number;
  const file = () => join(tmp.dir, 't.db');
  beforeEach(() => {
    tmp = tempDir();
    db = openDb(file());
    statementId = seedDemo(db)[0]!; // kidd26: 1|1 2|2 3,4|3 5|4 6|5 7|6 8|7 9| 10|8
  });
  afterEach(() => {
    db.close();
    tmp.cleanup();
  });
  const view = () => getStatementView(db, statementId).alignment!;
  const rows = () => view().beads.map((b) => `${b.src.map((p) => p.n).join(',')}|${b.tgt.map((p) => p.n).join(',')}`).join(' ');
  const statuses = () => view().beads.map((b) => (b.status === 'confirmed' ? 'C' : '.')).join('');
  const edit = (i: number, req: Omit<EditRequest, 'beadId' | 'version'>, who = 'alice') => {
    const b = view().beads[i]!;
    return editAlignment(db, { ...req, beadId: b.id, version: b.version } as EditRequest, who);
  };
  const original = '1|1 2|2 3,4|3 5|4 6|5 7|6 8|7 9| 10|8';

  describe('#editAlignment', () => {
    const cases: [string, number, Omit<EditRequest, 'beadId' | 'version'>, string][] = [
      ['merge with the row above', 1, { op: 'merge' }, '1,2|1,2 3,4|3 5|4 6|5 7|6 8|7 9| 10|8'],
      ['split a 2:1 row', 2, { op: 'split', at: { src: 1, tgt: 1 } }, '1|1 2|2 3|3 4| 5|4 6|5 7|6 8|7 9| 10|8'],
      ['move the first Korean paragraph up', 3, { op: 'move-up', side: 'tgt' }, '1|1 2|2 3,4|3,4 5| 6|5 7|6 8|7 9| 10|8'],
      ['move the last English paragraph down', 2, { op: 'move-down', side: 'src' }, '1|1 2|2 3|3 4,5|4 6|5 7|6 8|7 9| 10|8'],
      ['insert an empty Korean cell', 1, { op: 'insert-empty', side: 'tgt' }, '1|1 2| |2 3,4|3 5|4 6|5 7|6 8|7 9| 10|8'],
      ['move up a side that empties the row', 7, { op: 'move-up', side: 'src' }, '1|1 2|2 3,4|3 5|4 6|5 7|6 8,9|7 10|8'],
    ];
    for (const [what, i, req, expected] of cases) {
      it(`${what}; undo restores it exactly, redo re-applies`, () => {
        const before = dbDigestOfBeads(db);
        edit(i, req);
        expect(rows()).to.equal(expected);
        undoRedo(db, view().id, 'undo', 'bob');
        expect(rows()).to.equal(original);
        expect(dbDigestOfBeads(db)).to.equal(before);
        undoRedo(db, view().id, 'redo', 'bob');
        expect(rows()).to.equal(expected);
      });
    }

    it('confirms every row above, and realigns only the unconfirmed stretch', () => {
      edit(3, { op: 'confirm-above' });
      expect(statuses()).to.equal('CCCC.....');
      edit(5, { op: 'split', at: { src: 1, tgt: 0 } }); // 7|6 → 7| |6
      expect(rows()).to.equal('1|1 2|2 3,4|3 5|4 6|5 7| |6 8|7 9| 10|8');
      edit(6, { op: 'realign' });
      expect(rows()).to.equal(original);
      expect(statuses()).to.equal('CCCC.....');
    });

    it('realigning an untouched stretch keeps its omission, and every flag stays with its paragraphs', () => {
      edit(4, { op: 'confirm' }); // 6|5 confirmed: the stretch after it is 7|6 8|7 9| 10|8
      const omission = view().beads[7]!; // 9|
      expect(`${omission.src.map((p) => p.n)}|${omission.tgt.map((p) => p.n)}`).to.equal('9|');
      addFlag(db, omission.id, { category: 'omission', comment: 'English ¶9 is missing in Korean' }, 'alice');
      addFlag(db, view().beads[8]!.id, { category: 'meaning', comment: 'about ¶10' }, 'alice');
      edit(5, { op: 'realign' });
      expect(rows()).to.equal(original);
      const flagged = view().beads.filter((b) => b.flags.length).map((b) => `${b.src.map((p) => p.n)}|${b.tgt.map((p) => p.n)}: ${b.flags.map((f) => f.comment)}`);
      expect(flagged).to.deep.equal(['9|: English ¶9 is missing in Korean', '10|8: about ¶10']);
    });

    it('realigning a stretch whose rows change shape hands each flag to the row that now holds its paragraphs', () => {
      edit(4, { op: 'merge' }); // 5,6|4,5
      const merged = view().beads[3]!;
      addFlag(db, merged.id, { category: 'meaning', comment: 'on 5,6|4,5' }, 'alice');
      addFlag(db, view().beads.find((b) => b.src.map((p) => p.n).join() === '9')!.id, { category: 'omission', comment: 'on 9|' }, 'alice');
      edit(3, { op: 'realign' });
      expect(rows()).to.equal(original);
      const flagged = view().beads.filter((b) => b.flags.length).map((b) => `${b.src.map((p) => p.n)}|${b.tgt.map((p) => p.n)}: ${b.flags.map((f) => f.comment)}`);
      expect(flagged).to.deep.equal(['5|4: on 5,6|4,5', '9|: on 9|']);
    });

    describe('a flag follows the paragraphs it was filed on', () => {
      // Row 6 (7|6) is the trilateral-cooperation paragraph; the flag is about it, not about row 5 (6|5).
      const flaggedRows = () => view().beads.filter((b) => b.flags.length).map((b) => `${b.src.map((p) => p.n)}|${b.tgt.map((p) => p.n)}: ${b.flags.map((f) => f.comment)}`);
      const flagRow6 = () => addFlag(db, view().beads[5]!.id, { category: 'meaning', comment: '한미일 안보협력: "regularization" left out' }, 'alice');

      it('through a merge and a split back into the two rows', () => {
        flagRow6();
        edit(5, { op: 'merge' });
        expect(flaggedRows()).to.deep.equal(['6,7|5,6: 한미일 안보협력: "regularization" left out']);
        edit(4, { op: 'split', at: { src: 1, tgt: 1 } });
        expect(rows()).to.equal(original);
        expect(flaggedRows()).to.deep.equal(['7|6: 한미일 안보협력: "regularization" left out']);
        // Undo of the split puts it back on the merged row; redo splits it off with its paragraphs again.
        undoRedo(db, view().id, 'undo', 'bob');
        expect(flaggedRows()).to.deep.equal(['6,7|5,6: 한미일 안보협력: "regularization" left out']);
        undoRedo(db, view().id, 'redo', 'bob');
        expect(flaggedRows()).to.deep.equal(['7|6: 한미일 안보협력: "regularization" left out']);
      });

      it('through a merge and a re-align', () => {
        flagRow6();
        edit(5, { op: 'merge' });
        edit(4, { op: 'realign' });
        expect(rows()).to.equal(original);
        expect(flaggedRows()).to.deep.equal(['7|6: 한미일 안보협력: "regularization" left out']);
      });

      it('through a merge with the row below it, and the undo of that merge', () => {
        const flag = flagRow6();
        edit(6, { op: 'merge' }); // 7,8|6,7 keeps row 6's id
        edit(5, { op: 'split', at: { src: 1, tgt: 1 } });
        expect(flaggedRows()).to.deep.equal(['7|6: 한미일 안보협력: "regularization" left out']);
        edit(6, { op: 'merge' });
        undoRedo(db, view().id, 'undo', 'bob');
        expect(rows()).to.equal(original);
        expect(view().beads[5]!.flags.map((f) => f.id)).to.deep.equal([flag.id]);
      });

      it('filed on a merged row, it stays on the row that keeps it when a split shares its paragraphs out evenly', () => {
        edit(5, { op: 'merge' });
        addFlag(db, view().beads[4]!.id, { category: 'alignment', comment: 'two English paragraphs, one cell' }, 'alice');
        edit(4, { op: 'split', at: { src: 1, tgt: 1 } });
        expect(flaggedRows()).to.deep.equal(['6|5: two English paragraphs, one cell']);
      });

      it('moved onto a new version, it is filed on the paragraphs of the row it went to', () => {
        const omission = view().beads[7]!; // 9|: English ¶9 has no Korean
        addFlag(db, omission.id, { category: 'omission', comment: 'the space cooperation paragraph is missing' }, 'alice');
        const en = getStatementView(db, statementId).alignment!.beads.flatMap((b) => b.src).map((p) => p.text);
        en[1] = en[1]!.replace('September 22-23, 2025', 'September 22–23, 2025');
        importVersion(db, statementId, 'en', en.join('\n\n'), 'carol');
        expect(rows()).to.equal(original);
        edit(7, { op: 'merge' }); // 8,9|7
        edit(6, { op: 'split', at: { src: 1, tgt: 1 } });
        expect(rows()).to.equal(original);
        expect(flaggedRows()).to.deep.equal(['9|: the space cooperation paragraph is missing']);
      });

      it('migration 12 files the flags made before it on the paragraphs of their rows', () => {
        const flag = flagRow6();
        db.prepare('DELETE FROM flag_paragraphs').run();
        db.prepare('DELETE FROM schema_migrations WHERE id = 12').run();
        db.exec('DROP TABLE flag_paragraphs');
        db.close();
        db = openDb(file());
        expect(db.prepare('SELECT paragraph_id FROM flag_paragraphs WHERE flag_id = ? ORDER BY 1').pluck().all(flag.id)).to.deep.equal([...view().beads[5]!.src, ...view().beads[5]!.tgt].map((p) => p.id).sort((a, b) => a - b));
        edit(5, { op: 'merge' });
        edit(4, { op: 'split', at: { src: 1, tgt: 1 } });
        expect(flaggedRows()).to.deep.equal(['7|6: 한미일 안보협력: "regularization" left out']);
      });
    });

    it('confirm above leaves the rows already confirmed as they were (same version), and its undo too', () => {
      edit(1, { op: 'confirm' });
      const before = view().beads.map((b) => b.version);
      edit(3, { op: 'confirm-above' });
      const after = view().beads.map((b) => b.version);
      expect(statuses()).to.equal('CCCC.....');
      expect(after[1]).to.equal(before[1]);
      expect([0, 2, 3].every((i) => after[i]! > before[i]!)).to.equal(true);
      expect(after.slice(4)).to.deep.equal(before.slice(4));
      undoRedo(db, view().id, 'undo', 'alice');
      expect(statuses()).to.equal('.C.......');
      expect(view().beads[1]!.version).to.equal(before[1]);
    });

    it('rejects a stale version with a ConflictError and changes nothing', () => {
      const b = view().beads[1]!;
      edit(1, { op: 'confirm' });
      const digest = dbDigest(db);
      expect(() => editAlignment(db, { op: 'merge', beadId: b.id, version: b.version }, 'bob')).to.throw(ConflictError, /changed since/);
      expect(dbDigest(db)).to.equal(digest);
    });

    it('refuses a merge that would undo a neighbour changed since the client loaded it', () => {
      const stale = view().beads;
      const seen = Object.fromEntries(stale.map((b) => [String(b.id), b.version]));
      edit(0, { op: 'confirm' }, 'alice');
      const digest = dbDigest(db);
      expect(() => editAlignment(db, { op: 'merge', beadId: stale[1]!.id, version: stale[1]!.version, seen }, 'bob')).to.throw(ConflictError, new RegExp(`row ${stale[0]!.id} changed`));
      expect(dbDigest(db)).to.equal(digest);
      expect(() => editAlignment(db, { op: 'merge', beadId: stale[1]!.id, version: stale[1]!.version, seen: [] as never }, 'bob')).to.throw(InputError, /"seen"/);
    });

    it('rejects impossible edits with a clear message', () => {
      const digest = dbDigest(db);
      expect(() => edit(0, { op: 'merge' })).to.throw(InputError, /first row/);
      expect(() => edit(2, { op: 'split', at: { src: 0, tgt: 0 } })).to.throw(InputError, /at least one paragraph/);
      expect(() => edit(2, { op: 'split', at: { src: 5, tgt: 0 } })).to.throw(InputError, /"at"/);
      expect(() => edit(7, { op: 'insert-empty', side: 'tgt' })).to.throw(InputError, /already has an empty cell/);
      expect(() => edit(8, { op: 'move-down', side: 'src' })).to.throw(InputError, /last row/);
      expect(() => edit(1, { op: 'move-up', side: 'left' as never })).to.throw(InputError, /"side"/);
      expect(() => edit(1, { op: 'explode' as never })).to.throw(InputError, /"op" must be one of/);
      expect(dbDigest(db)).to.equal(digest);
    });

    it('keeps flags through a merge and puts them back on undo', () => {
      const flagged = view().beads[1]!;
      const flag = addFlag(db, flagged.id, { category: 'meaning', comment: 'delegation titles differ' }, 'alice');
      edit(1, { op: 'merge' });
      expect(view().beads[0]!.flags.map((f) => f.id)).to.deep.equal([flag.id]);
      undoRedo(db, view().id, 'undo', 'alice');
      expect(view().beads[1]!.id).to.equal(flagged.id);
      expect(view().beads[1]!.flags.map((f) => f.id)).to.deep.equal([flag.id]);
    });

    it('refuses to undo a change the caller has not seen: a newer change by another reviewer is never reverted blind', () => {
      edit(0, { op: 'confirm' }, 'bob');
      const seenByBob = undoRedoState(db, view().id);
      expect(seenByBob.canUndo).to.equal('bead.confirm');
      const p = view().beads[2]!.tgt[0]!;
      editParagraph(db, p.id, { content: p.text + ' (수정)', base: p.text, alignment: view().id }, 'alice');
      const digest = dbDigest(db);
      expect(() => undoRedo(db, view().id, 'undo', 'bob', {}, seenByBob.undoEvent!)).to.throw(ConflictError, /latest change on this page is now "text edit" by alice/);
      expect(dbDigest(db)).to.equal(digest);
      // With the page's current state, the undo goes through (and reverts alice's edit, which bob now sees).
      const now = undoRedoState(db, view().id);
      undoRedo(db, view().id, 'undo', 'bob', {}, now.undoEvent!);
      expect(view().beads[2]!.tgt[0]!.text).to.equal(p.text);
      // Redo checks the same way.
      const after = undoRedoState(db, view().id);
      expect(() => undoRedo(db, view().id, 'redo', 'bob', {}, after.redoEvent! + 1000)).to.throw(ConflictError, /not the one you meant to redo/);
      undoRedo(db, view().id, 'redo', 'bob', {}, after.redoEvent!);
      expect(view().beads[2]!.tgt[0]!.text).to.equal(p.text + ' (수정)');
    });

    it('says when the change a page meant to undo was undone meanwhile by someone else, rather than "nothing to undo"', () => {
      edit(1, { op: 'merge' }, 'alice');
      const alicePage = undoRedoState(db, view().id);
      undoRedo(db, view().id, 'undo', 'bob', {}, alicePage.undoEvent!);
      expect(() => undoRedo(db, view().id, 'undo', 'alice', {}, alicePage.undoEvent!)).to.throw(ConflictError, /the "merge" you meant to undo was undone meanwhile by someone else/);
      const bobPage = undoRedoState(db, view().id);
      undoRedo(db, view().id, 'redo', 'bob', {}, bobPage.redoEvent!);
      expect(() => undoRedo(db, view().id, 'redo', 'alice', {}, bobPage.redoEvent!)).to.throw(ConflictError, /the "merge" you meant to redo was redone meanwhile by someone else/);
      // An insert-empty is named as such.
      edit(1, { op: 'insert-empty', side: 'tgt' }, 'bob');
      expect(() => undoRedo(db, view().id, 'undo', 'alice', {}, bobPage.redoEvent!)).to.throw(ConflictError, /now "insert empty" by bob/);
    });

    it('undoes after the database is reopened (history lives in the events table)', () => {
      edit(1, { op: 'merge' });
      edit(4, { op: 'confirm' });
      db.close();
      db = openDb(file());
      expect(view().canUndo).to.equal('bead.confirm');
      undoRedo(db, view().id, 'undo', 'alice');
      expect(view().canUndo).to.equal('bead.merge');
      undoRedo(db, view().id, 'undo', 'alice');
      expect(rows()).to.equal(original);
      expect(statuses()).to.equal('.........');
      expect(() => undoRedo(db, view().id, 'undo', 'alice')).to.throw(ConflictError, /nothing to undo/);
      expect(view().canRedo).to.equal('bead.merge');
    });

    it('a new edit after undo clears the redo history', () => {
      edit(1, { op: 'merge' });
      undoRedo(db, view().id, 'undo', 'alice');
      edit(3, { op: 'confirm' });
      expect(() => undoRedo(db, view().id, 'redo', 'alice')).to.throw(ConflictError, /nothing to redo/);
    });
  });

  describe('findings follow the edit (checks re-run in the same transaction)', () => {
    const suggested = () => statementFindings(db, statementId).filter((f) => f.status === 'suggested');
    const onExistingRows = () => {
      const ids = new Set(view().beads.map((b) => b.id));
      return statementFindings(db, statementId).filter((f) => !ids.has(f.beadId!)).map((f) => [f.id, f.status, f.beadId]);
    };
    const rowOf = (f: FindingRow) => view().beads.findIndex((b) => b.id === f.beadId);

    it('an empty cell inserted by hand gets its omission and addition suggestions at once', () => {
      edit(1, { op: 'insert-empty', side: 'tgt' }); // 2|2 → 2| |2
      expect(suggested().filter((f) => f.check === 'omission').map(rowOf)).to.include(1);
      expect(suggested().filter((f) => f.check === 'addition').map(rowOf)).to.include(2);
      expect(onExistingRows()).to.deep.equal([]);
    });

    it('a split that leaves a paragraph alone gets its omission suggestion at once', () => {
      edit(2, { op: 'split', at: { src: 1, tgt: 1 } }); // 3,4|3 → 3|3 4|
      expect(rows()).to.equal('1|1 2|2 3|3 4| 5|4 6|5 7|6 8|7 9| 10|8');
      expect(suggested().filter((f) => f.check === 'omission').map(rowOf)).to.include(3);
      expect(onExistingRows()).to.deep.equal([]);
    });

    it('after a merge, and its undo and redo, every suggestion points at an existing row and can be accepted', () => {
      // Row 2|2 (index 1) is the one the merge removes; its findings move to the merged row.
      const on = (key: string) => suggested().filter((f) => f.key.startsWith(key) && rowOf(f) <= 1);
      const [dismissed] = on('terminology:tgt:회의@');
      const [kept] = on('terminology:src:delegation@');
      expect([rowOf(dismissed!), rowOf(kept!)]).to.deep.equal([1, 1]);
      decideFinding(db, dismissed!.id, 'dismiss', 'erin');
      edit(1, { op: 'merge' });
      expect(suggested().length).to.be.greaterThan(0);
      expect(suggested().filter((f) => rowOf(f) === -1)).to.deep.equal([]);
      const moved = on('terminology:src:delegation@');
      expect(moved.map(rowOf)).to.deep.equal([0]);
      expect(decideFinding(db, moved[0]!.id, 'accept', 'erin').status).to.equal('accepted');
      // The merge changes the finding's paragraph list, not the problem: dismissed stays dismissed.
      expect(on('terminology:tgt:회의@')).to.deep.equal([]);
      undoRedo(db, view().id, 'undo', 'erin');
      expect(suggested().filter((f) => rowOf(f) === -1)).to.deep.equal([]);
      expect(on('terminology:src:delegation@')).to.deep.equal([]);
      undoRedo(db, view().id, 'redo', 'erin');
      expect(suggested().filter((f) => rowOf(f) === -1)).to.deep.equal([]);
      expect(on('terminology:tgt:회의@').concat(on('terminology:src:delegation@'))).to.deep.equal([]);
    });

    it('a text fix in a trilateral statement re-checks every alignment of the pivot paragraph', () => {
      const tri = importStatement(
        db,
        {
          title: 'Trilateral ministerial',
          preSplit: true,
          texts: {
            en: 'The three ministers met in Tokyo on March 3, 2026.\nThey agreed to hold 20 combined exercises next year.',
            ko: '3국 장관은 2026년 3월 3일 도쿄에서 회담하였다.\n3국은 내년에 20회의 연합훈련을 실시하기로 합의하였다.',
            ja: '3か国の閣僚は2026年3月3日に東京で会談した。\n3か国は来年20回の共同訓練を実施することで合意した。',
          },
        },
        'setup',
      ).statementId;
      const errors = () => statementFindings(db, tri).filter((f) => f.status === 'suggested' && f.check === 'numbers' && f.severity === 'error');
      expect(errors()).to.deep.equal([]);
      const p = getStatementView(db, tri).alignment!.beads[1]!.src[0]!;
      editParagraph(db, p.id, { content: p.text.replace('20', '25'), base: p.text }, 'alice');
      const found = errors();
      expect(found.map((f) => f.message.match(/^Number 25 has no counterpart in (\w+)/)?.[1]).sort()).to.deep.equal(['Japanese', 'Korean']);
      expect(new Set(found.map((f) => f.alignmentId)).size).to.equal(2);
      // The text edit is in the undo history of one of the two alignments.
      const undoable = found.map((f) => f.alignmentId).find((a) => undoRedoState(db, a).canUndo === 'paragraph.edit')!;
      undoRedo(db, undoable, 'undo', 'alice');
      expect(errors()).to.deep.equal([]);
    });

    it('a text fix in a trilateral statement joins the undo history of the page it was made from', () => {
      const tri = importStatement(
        db,
        {
          title: 'Trilateral coast guards',
          preSplit: true,
          texts: {
            en: 'The three coast guards met in Busan.\nThey agreed to hold a joint search and rescue drill.\nThe next meeting will be held in Manila.',
            ko: '3국 해양경찰은 부산에서 만났다.\n3국은 합동 수색구조 훈련을 실시하기로 합의하였다.\n다음 회의는 마닐라에서 열린다.',
            ja: '3か国の海上保安機関は釜山で会合した。\n3か国は合同捜索救助訓練の実施で合意した。\n次回会合はマニラで開催される。',
          },
        },
        'setup',
      ).statementId;
      const ko = getStatementView(db, tri, 'ko').alignment!, ja = getStatementView(db, tri, 'ja').alignment!;
      expect(ko.id).to.not.equal(ja.id);
      // A merge on the EN–KO page, then a fix of an English paragraph from the same page.
      editAlignment(db, { op: 'merge', beadId: ko.beads[1]!.id, version: ko.beads[1]!.version }, 'alice');
      const p = ko.beads[2]!.src[0]!;
      editParagraph(db, p.id, { content: p.text.replace('Manila', 'Manila, the Philippines'), base: p.text, alignment: ko.id }, 'alice');
      expect(undoRedoState(db, ko.id).canUndo).to.equal('paragraph.edit');
      expect(undoRedoState(db, ja.id).canUndo).to.equal(null);
      // Undo on that page takes the text fix back, not the merge before it.
      expect(undoRedo(db, ko.id, 'undo', 'alice').undid).to.equal('paragraph.edit');
      expect(getStatementView(db, tri, 'ko').alignment!.beads.some((b) => b.src.some((x) => x.text.includes('Philippines')))).to.equal(false);
      expect(undoRedoState(db, ko.id).canUndo).to.equal('bead.merge');
      // An alignment the paragraph is not part of is refused.
      expect(() => editParagraph(db, p.id, { content: p.text + ' Again.', base: p.text, alignment: 424242 }, 'alice')).to.throw(InputError, /not part of alignment 424242/);
      expect(() => editParagraph(db, p.id, { content: p.text + ' Again.', base: p.text, alignment: 'ko' }, 'alice')).to.throw(InputError, /"alignment"/);
    });

    it('undo of an insert-empty takes its suggestions away again', () => {
      const before = suggested().map((f) => [f.key, f.beadId]);
      edit(1, { op: 'insert-empty', side: 'tgt' });
      undoRedo(db, view().id, 'undo', 'bob');
      expect(suggested().map((f) => [f.key, f.beadId])).to.have.deep.members(before);
    });

    it('a text fix updates the suggestions of its row', () => {
      const row = view().beads[6]!; // 7|6: KRW 1.5192 trillion vs 1조 4,028억 원
      const p = row.tgt[0]!;
      expect(suggested().some((f) => f.check === 'numbers' && f.severity === 'error' && f.beadId === row.id)).to.equal(true);
      editParagraph(db, p.id, { content: p.text.replace('1조 4,028억 원', '1조 5,192억 원'), base: p.text }, 'alice');
      expect(suggested().some((f) => f.check === 'numbers' && f.severity === 'error' && f.beadId === row.id)).to.equal(false);
    });
  });

  describe('#editParagraph', () => {
    it('fixes a paragraph, keeps the old text with a word diff, and is undoable', () => {
      const p = view().beads[1]!.tgt[0]!;
      editParagraph(db, p.id, { content: p.text.replace('개최하였다', '개최했다'), base: p.text }, 'alice');
      expect(view().beads[1]!.tgt[0]!.text).to.include('개최했다');
      const [rev] = paragraphHistory(db, p.id);
      expect(rev!.before).to.equal(p.text);
      expect(rev!.diff.filter(([k]) => k !== '-').map(([, t]) => t).join('')).to.equal(rev!.after);
      expect(rev!.diff.filter(([k]) => k !== '+').map(([, t]) => t).join('')).to.equal(rev!.before);
      expect(rev!.diff.filter(([k]) => k === '-').map(([, t]) => t).join('')).to.include('하였');
      expect(rev!.diff.filter(([k]) => k === '=').map(([, t]) => t).join('').length).to.be.greaterThan(p.text.length - 10);
      undoRedo(db, view().id, 'undo', 'alice');
      expect(view().beads[1]!.tgt[0]!.text).to.equal(p.text);
    });

    it('refuses an empty or unchanged text', () => {
      const p = view().beads[1]!.tgt[0]!;
      expect(() => editParagraph(db, p.id, { content: '   ', base: p.text }, 'alice')).to.throw(InputError, /cannot be empty/);
      expect(() => editParagraph(db, p.id, { content: p.text, base: p.text }, 'alice')).to.throw(InputError, /unchanged/);
    });

    it('refuses a save based on text someone else changed meanwhile, changing nothing', () => {
      const p = view().beads[1]!.tgt[0]!;
      // Two editors open the same paragraph; the first saves.
      const first = p.text.replace('개최하였다', '개최했다');
      editParagraph(db, p.id, { content: first, base: p.text }, 'alice');
      const digest = dbDigest(db);
      const events = db.prepare('SELECT count(*) AS n FROM events').get();
      expect(() => editParagraph(db, p.id, { content: p.text + ' (수정)', base: p.text }, 'bob'))
        .to.throw(ConflictError, new RegExp(`paragraph ${p.n} \\(ko\\) was changed by someone else since you opened it`))
        .with.property('code', 'conflict');
      expect(dbDigest(db)).to.equal(digest);
      expect(db.prepare('SELECT count(*) AS n FROM events').get()).to.deep.equal(events);
      expect(view().beads[1]!.tgt[0]!.text).to.equal(first);
      // Starting again from the saved text works; the base may differ from it in whitespace only.
      editParagraph(db, p.id, { content: first + ' (수정)', base: ` ${first}\n` }, 'bob');
      expect(view().beads[1]!.tgt[0]!.text).to.equal(first + ' (수정)');
    });

    it('requires "base", after checking the paragraph exists', () => {
      const p = view().beads[1]!.tgt[0]!;
      const digest = dbDigest(db);
      expect(() => editParagraph(db, p.id, { content: 'x' }, 'alice')).to.throw(InputError, /"base"/);
      expect(() => editParagraph(db, p.id, { content: 'x', base: 7 }, 'alice')).to.throw(InputError, /"base"/);
      expect(() => editParagraph(db, 999_999, { content: 'x' }, 'alice')).to.throw(NotFoundError, /paragraph 999999/);
      expect(dbDigest(db)).to.equal(digest);
    });
  });
});

/** Bead rows and memberships only (events grow with every change, beads must come back exactly). */
function dbDigestOfBeads(db: Db): string {
  return JSON.stringify([
    db.prepare('SELECT id, alignment_id, position, status, confidence FROM beads ORDER BY id').all(),
    db.prepare('SELECT * FROM bead_paragraphs ORDER BY bead_id, paragraph_id').all(),
    db.prepare('SELECT id, bead_id FROM flags ORDER BY id').all(),
  ]);
}
