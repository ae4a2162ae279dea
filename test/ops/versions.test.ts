import { expect } from 'chai';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Db } from '../../server/store/db.ts';
import { seedDemo, demoDir } from '../../server/ops/seed.ts';
import { getStatementView, addFlag, changeFlag, commentOnFlag } from '../../server/ops/review.ts';
import { insertFlag } from '../../server/store/beads.ts';
import { editAlignment, editParagraph, paragraphHistory } from '../../server/ops/edit.ts';
import { importVersion, diffVersions, storedLanguage } from '../../server/ops/versions.ts';
import { listCurrentTexts, listStatements, listTextVersions } from '../../server/store/statements.ts';
import { importStatement } from '../../server/ops/import.ts';
import { ConflictError, InputError } from '../../server/core/errors.ts';
import { statementFindings, decideFinding } from '../../server/ops/checks.ts';
import type { FindingRow } from '../../server/store/findings.ts';
import { dbDigest, useTempDb } from '../helpers.ts';

describe('ops/versions', () => {
  let db: Db;
  let id: number;
  const ko1 = readFileSync(join(demoDir, 'kidd26.ko.txt'), 'utf8');
  // Version 2 fixes the number in paragraph 7 and adds the paragraph the first version left out.
  const ko2 = ko1
    .replace('1조 4,028억 원', '1조 5,192억 원')
    .replace(
      '양측은 2026년 봄',
      '양측은 우주, 사이버, 국방과학기술 분야 협력을 확대하고, 2026년 상반기에 우주협력실무단 제1차 회의를 개최하기로 합의하였다.\n\n양측은 2026년 봄',
    );
  useTempDb((opened) => {
    db = opened;
    id = seedDemo(db)[0]!;
  });
  const view = () => getStatementView(db, id).alignment!;
  const rows = () => view().beads.map((b) => `${b.src.map((p) => p.n).join(',')}|${b.tgt.map((p) => p.n).join(',')}`).join(' ');

  it('keeps the old version, carries confirmations and flags over, marks changed paragraphs', () => {
    const b2 = view().beads[1]!;
    editAlignment(db, { op: 'confirm', beadId: b2.id, version: b2.version }, 'alice');
    const b5 = view().beads[4]!;
    const flag = addFlag(db, b5.id, { category: 'style', comment: 'check register' }, 'alice');
    const r = importVersion(db, id, 'ko', ko2, 'bob');
    expect(r).to.deep.include({ version: 2, unchanged: 7, changed: 2, removed: 1 });
    expect(listTextVersions(db, id, 'ko').map((t) => [t.version, t.isCurrent])).to.deep.equal([
      [1, false],
      [2, true],
    ]);
    expect(rows()).to.equal('1|1 2|2 3,4|3 5|4 6|5 7|6 8|7 9|8 10|9');
    const beads = view().beads;
    expect(beads[1]!.status).to.equal('confirmed');
    expect(beads[4]!.flags.map((f) => f.id)).to.deep.equal([flag.id]);
    expect(beads.flatMap((b) => b.tgt.filter((p) => p.changed).map((p) => p.n))).to.deep.equal([7, 8]);
    // The flag stays filed on its row's paragraphs, the Korean one the new version publishes unchanged
    // included (under its new id), so a later merge and split finds it its row again.
    const filed = db.prepare('SELECT paragraph_id FROM flag_paragraphs WHERE flag_id = ? ORDER BY 1').pluck().all(flag.id);
    expect(filed).to.deep.equal([...beads[4]!.src, ...beads[4]!.tgt].map((p) => p.id).sort((a, b) => a - b));
  });

  it('realigns a changed paragraph beside an omission at the statement\'s length ratio', () => {
    // The Korean leaves English paragraph 9 out; a new Korean version changes only paragraph 7.
    // Aligned on their own, EN 8–9 and KO 7 would pair 2:1 (their lengths fit each other); at the
    // statement's ratio, paragraph 9 stays the omission it was.
    expect(rows()).to.equal('1|1 2|2 3,4|3 5|4 6|5 7|6 8|7 9| 10|8');
    importVersion(db, id, 'ko', ko1.replace('1조 4,028억 원', '1조 5,192억 원'), 'bob');
    expect(rows()).to.equal('1|1 2|2 3,4|3 5|4 6|5 7|6 8|7 9| 10|8');
  });

  it('counts the beads, flags and findings of the current versions only in the list', () => {
    const summary = () => listStatements(db).find((s) => s.id === id)!;
    const before = summary();
    expect([before.pairs, before.beads]).to.deep.equal([1, view().beads.length]);
    const b1 = view().beads[0]!;
    editAlignment(db, { op: 'confirm', beadId: b1.id, version: b1.version }, 'alice');
    addFlag(db, view().beads[2]!.id, { category: 'style', comment: 'register' }, 'alice');
    expect(summary().openFlags).to.equal(1);
    importVersion(db, id, 'ko', ko2, 'bob');
    const after = summary();
    const current = view();
    expect(after.pairs).to.equal(1);
    // The flag moved with its row: counted once.
    expect(after.openFlags).to.equal(current.beads.reduce((n, b) => n + b.flags.filter((f) => f.status === 'open').length, 0)).and.to.equal(1);
    expect(after.beads).to.equal(current.beads.length);
    expect(after.confirmed).to.equal(current.beads.filter((b) => b.status === 'confirmed').length);
    expect(after.findings).to.equal(statementFindings(db, id).filter((f) => f.alignmentId === current.id && f.status === 'suggested' && f.severity !== 'info').length);
  });

  it('refuses flags, finding decisions and text edits on the rows of an older version, changing nothing', () => {
    const old = view();
    const oldFinding = statementFindings(db, id).find((f) => f.status === 'suggested')!;
    const oldKo = old.beads.find((b) => b.tgt.length > 0)!.tgt[0]!;
    importVersion(db, id, 'ko', ko2, 'bob');
    // A flag left on an old row (as before writes to old rows were refused) cannot be changed either.
    const stale = insertFlag(db, { beadId: old.beads[1]!.id, category: 'style', severity: 'minor', comment: 'left behind', author: 'alice', at: '2026-01-01T00:00:00Z' });
    const before = dbDigest(db);
    expect(() => addFlag(db, old.beads[0]!.id, { category: 'style', comment: 'from a stale page' }, 'alice')).to.throw(ConflictError, /row 1 belongs to an older version/);
    expect(() => commentOnFlag(db, stale.id, { body: 'still there?' }, 'alice')).to.throw(ConflictError, /row 2 belongs to an older version/);
    expect(() => changeFlag(db, stale.id, { status: 'resolved', version: stale.version }, 'alice')).to.throw(ConflictError, /older version/);
    expect(() => decideFinding(db, oldFinding.id, 'accept', 'erin')).to.throw(ConflictError, /older version/);
    expect(() => editParagraph(db, oldKo.id, { content: oldKo.text + ' 추가', base: oldKo.text }, 'alice')).to.throw(ConflictError, /older version/);
    expect(dbDigest(db)).to.equal(before);
    // The same writes on the current rows go through.
    const now = view();
    addFlag(db, now.beads[0]!.id, { category: 'style', comment: 'on the current page' }, 'alice');
    const p = now.beads[0]!.tgt[0]!;
    editParagraph(db, p.id, { content: p.text + ' (수정)', base: p.text }, 'alice');
  });

  it('keeps a flag on a one-sided row with the new text of its paragraph when only that paragraph changed', () => {
    const enOnly = view().beads.find((b) => b.tgt.length === 0)!; // English ¶9, which the Korean leaves out
    const n = enOnly.src[0]!.n;
    const flag = addFlag(db, enOnly.id, { category: 'omission', comment: 'Korean lacks this paragraph' }, 'alice');
    const en = readFileSync(join(demoDir, 'kidd26.en.txt'), 'utf8');
    const changed = enOnly.src[0]!.text.replace(/\.$/, ', as agreed.');
    importVersion(db, id, 'en', en.replace(enOnly.src[0]!.text, changed), 'bob');
    const holder = view().beads.find((b) => b.flags.some((f) => f.id === flag.id))!;
    expect(holder.src.map((p) => [p.n, p.text])).to.deep.equal([[n, changed]]);
  });

  it('puts a flag on a one-sided row whose paragraph is deleted beside where the row was, not on row 1', () => {
    const beads = view().beads;
    const k = beads.findIndex((b) => b.tgt.length === 0); // English ¶9, which the Korean leaves out
    const enOnly = beads[k]!;
    const flag = addFlag(db, enOnly.id, { category: 'omission', comment: 'Korean lacks this paragraph' }, 'alice');
    const en = readFileSync(join(demoDir, 'kidd26.en.txt'), 'utf8');
    importVersion(db, id, 'en', en.replace(enOnly.src[0]!.text, '').replace(/\n{3,}/g, '\n\n'), 'bob');
    const holder = view().beads.find((b) => b.flags.some((f) => f.id === flag.id))!;
    // The next row (English ¶10 then, ¶9 now), not the title row.
    expect(holder.src.map((p) => p.text)).to.deep.equal(beads[k + 1]!.src.map((p) => p.text));
  });

  it('keeps the source language first after a new version of the source text', () => {
    const en = readFileSync(join(demoDir, 'kidd26.en.txt'), 'utf8');
    // Not the demo's texts (the same texts again would be the demo statement, English first).
    const { statementId, created } = importStatement(db, { srcLang: 'ko', texts: { ko: ko2, en } }, 'alice');
    expect(created).to.equal(true);
    expect(listStatements(db).find((s) => s.id === statementId)!.languages).to.deep.equal(['ko', 'en']);
    importVersion(db, statementId, 'ko', ko1, 'bob');
    expect(listStatements(db).find((s) => s.id === statementId)!.languages).to.deep.equal(['ko', 'en']);
    expect(listCurrentTexts(db, statementId).map((t) => [t.lang, t.version])).to.deep.equal([['ko', 2], ['en', 1]]);
  });

  it('shows a paragraph- and word-level diff between versions', () => {
    importVersion(db, id, 'ko', ko2, 'bob');
    const d = diffVersions(db, id, 'ko');
    expect([d.from, d.to]).to.deep.equal([1, 2]);
    expect(d.paragraphs.map((p) => p.kind)).to.deep.equal(['same', 'same', 'same', 'same', 'same', 'same', 'changed', 'added', 'same']);
    const changed = d.paragraphs[6] as { words: ['=' | '-' | '+', string][] };
    expect(changed.words.filter(([k]) => k !== '=').map(([k, t]) => k + t).join(' ')).to.equal('-4 +5 -028 +192');
  });

  it('finds the statement when any texts it has held are imported again: the first, a later version, the current one', () => {
    const en = readFileSync(join(demoDir, 'kidd26.en.txt'), 'utf8');
    importVersion(db, id, 'ko', ko2, 'bob');
    const ko3 = ko2.replace('1조 5,192억 원', '1조 5,193억 원');
    importVersion(db, id, 'ko', ko3, 'bob');
    const before = dbDigest(db);
    for (const ko of [ko1, ko2, ko3, ko3.replace(/ /g, '  ')]) {
      expect(importStatement(db, { texts: { en, ko } }, 'carol')).to.deep.equal({ statementId: id, created: false });
    }
    expect(dbDigest(db)).to.equal(before);
    // Another text is another statement.
    expect(importStatement(db, { texts: { en, ko: ko2.replace('1조 5,192억 원', '1조 6,000억 원') } }, 'carol').created).to.equal(true);
  });

  it('finds a statement whose new version another program wrote (without taking its hashes)', () => {
    const en = readFileSync(join(demoDir, 'kidd26.en.txt'), 'utf8');
    // As an older twintext would: a new current Korean text, nothing else.
    db.prepare("UPDATE texts SET is_current = 0 WHERE statement_id = ? AND lang = 'ko'").run(id);
    db.prepare("INSERT INTO texts (statement_id, lang, version, is_current, body, created_at) VALUES (?, 'ko', 2, 1, ?, 'x')").run(id, ko2);
    expect(importStatement(db, { texts: { en, ko: ko2 } }, 'carol')).to.deep.equal({ statementId: id, created: false });
    expect(db.prepare('SELECT count(*) FROM statement_hashes_pending').pluck().get()).to.equal(0);
  });

  it('adds a language the statement does not have, aligned to its source text, with its checks', () => {
    // Written for this test: the demo statement's opening in Japanese.
    const ja = ['第26回韓米統合国防対話に関する共同プレス声明', '韓国国防部と米国防総省は2025年9月23日、ソウルで第26回韓米統合国防対話を開催した。', '双方は同盟の抑止力を強化することで一致した。'].join('\n\n');
    // A text in the wrong script for its language changes nothing.
    const before = dbDigest(db);
    expect(() => importVersion(db, id, 'ja', ko1, 'bob')).to.throw(InputError);
    expect(dbDigest(db)).to.equal(before);
    const enKo = rows();
    const r = importVersion(db, id, 'ja', ja, 'bob');
    expect(r).to.deep.include({ version: 1, added: true, carriedBeads: 0 });
    expect(listCurrentTexts(db, id).map((t) => t.lang)).to.deep.equal(['en', 'ko', 'ja']);
    const view = getStatementView(db, id, 'ja').alignment!;
    expect([view.srcLang, view.tgtLang]).to.deep.equal(['en', 'ja']);
    expect(view.beads.flatMap((b) => b.tgt.map((p) => p.n))).to.include.members([1, 2, 3]);
    expect(view.beads[0]!.src.map((p) => p.n)).to.deep.equal([1]);
    // The English–Korean alignment is untouched.
    expect(rows()).to.equal(enKo);
    // Importing the three texts again finds the statement.
    const en = readFileSync(join(demoDir, 'kidd26.en.txt'), 'utf8');
    expect(importStatement(db, { texts: { en, ko: ko1, ja } }, 'carol')).to.deep.equal({ statementId: id, created: false });
    // Meant as an addition, a text of a language the statement has by now is refused (two reviewers
    // adding it at once), as is a second tag of one language; neither changes anything.
    const after = dbDigest(db);
    expect(() => importVersion(db, id, 'ja', ja.replace('一致した', '合意した'), 'carol', { newLanguage: true })).to.throw(ConflictError, /has a ja text already \(version 1\)/);
    expect(() => importVersion(db, id, 'ja-JP', ja, 'carol')).to.throw(InputError, /has a ja text already: a version of it is posted as ja/);
    expect(dbDigest(db)).to.equal(after);
  });

  it('takes the date an added text comes with when the statement has none; refuses another date, changing nothing', () => {
    const ja = ['第26回韓米統合国防対話に関する共同プレス声明', '双方は同盟の抑止力を強化することで一致した。'].join('\n\n');
    const dated = listStatements(db).find((s) => s.id === id)!.date;
    expect(dated).to.be.a('string');
    const before = dbDigest(db);
    const other = dated === '2025-09-24' ? '2025-09-25' : '2025-09-24';
    expect(() => importVersion(db, id, 'ja', ja, 'bob', { date: other })).to.throw(ConflictError, new RegExp(`statement ${id} is dated ${dated}, not ${other}`));
    expect(() => importVersion(db, id, 'ja', ja, 'bob', { date: '24 Sept 2025' })).to.throw(InputError, /YYYY-MM-DD/);
    expect(dbDigest(db)).to.equal(before);
    // Its own date changes nothing but the text.
    importVersion(db, id, 'ja', ja, 'bob', { date: dated! });
    expect(listStatements(db).find((s) => s.id === id)!.date).to.equal(dated);
    // Undated, the statement takes the date of a new version, and the version's event says so.
    db.prepare('UPDATE statements SET date = NULL WHERE id = ?').run(id);
    importVersion(db, id, 'ko', ko2, 'bob', { date: other });
    expect(listStatements(db).find((s) => s.id === id)!.date).to.equal(other);
    const ev = db.prepare("SELECT after FROM events WHERE action = 'text.version' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(ev)).to.include({ lang: 'ko', date: other });
  });

  it('a language stored under a code now refused (before codes were checked) keeps taking versions, and is not added a second time', () => {
    // As an older twintext stored it: the Korean under "kor".
    db.prepare("UPDATE texts SET lang = 'kor' WHERE statement_id = ? AND lang = 'ko'").run(id);
    const before = dbDigest(db);
    expect(() => importVersion(db, id, 'ko', ko2, 'bob')).to.throw(InputError, /has a kor text already: a version of it is posted as kor/);
    expect(dbDigest(db)).to.equal(before);
    expect(storedLanguage(db, id, 'ko')).to.equal('kor');
    expect(storedLanguage(db, id, 'ja')).to.equal('ja');
    expect(importVersion(db, id, 'kor', ko2, 'bob')).to.deep.include({ version: 2 });
  });

  it('keeps a reviewer\'s text correction, and the row\'s confirmation, when the new version publishes that paragraph as before', () => {
    // The reviewer corrects a Korean paragraph (not the one version 2 changes) and confirms its row.
    const b = view().beads.find((x) => x.tgt.some((p) => p.text.includes('2026년 봄')))!;
    const para = b.tgt.find((p) => p.text.includes('2026년 봄'))!;
    const fixed = para.text.replace('2026년 봄', '2026년 봄철');
    const half = para.text.replace('2026년 봄', '2026년 봄 ');
    editParagraph(db, para.id, { content: half + '.', base: para.text }, 'dave');
    editParagraph(db, para.id, { content: fixed, base: half + '.' }, 'carol');
    const nb = view().beads.find((x) => x.id === b.id)!;
    editAlignment(db, { op: 'confirm', beadId: nb.id, version: nb.version }, 'carol');
    // The ministry's version 2 has that paragraph as first published.
    const r = importVersion(db, id, 'ko', ko2, 'bob');
    expect(r).to.deep.include({ version: 2, editsKept: 1 });
    const row = view().beads.find((x) => x.tgt.some((p) => p.text.includes('2026년 봄')))!;
    expect(row.tgt.map((p) => p.text)).to.include(fixed);
    expect(row.status).to.equal('confirmed');
    // The new paragraph's history says who corrected it, from what the ministry published.
    const carried = row.tgt.find((p) => p.text === fixed)!;
    expect(paragraphHistory(db, carried.id).map((h) => [h.actor, h.before, h.after])).to.deep.equal([['dave, carol', para.text, fixed]]);
    // A version that is the first one as published, corrections aside, is nothing new.
    const before = dbDigest(db);
    expect(() => importVersion(db, id, 'ko', ko2, 'bob')).to.throw(InputError, /the new ko text is the same as version 2 as it was published \(the review's text edits aside\)/);
    expect(dbDigest(db)).to.equal(before);
    // One that makes the reviewer's correction itself is a new version, every row kept.
    const r3 = importVersion(db, id, 'ko', ko2.replace('2026년 봄', '2026년 봄철'), 'bob');
    expect(r3).to.deep.include({ version: 3, changed: 0 });
    expect(r3.editsKept).to.equal(undefined);
    expect(view().beads.find((x) => x.tgt.some((p) => p.text === fixed))!.status).to.equal('confirmed');
    // A correction of a paragraph the next version changes otherwise gives way to the new text, and the
    // answer names it.
    const row3 = view().beads.find((x) => x.tgt.some((p) => p.text.includes('1조 5,192억 원')))!;
    const num = row3.tgt.find((p) => p.text.includes('1조 5,192억 원'))!;
    editParagraph(db, num.id, { content: num.text.replace('1조 5,192억 원', '1조 5,192억원'), base: num.text }, 'carol');
    const r4 = importVersion(db, id, 'ko', ko2.replace('2026년 봄', '2026년 봄철').replace('1조 5,192억 원', '약 1조 5,192억 원'), 'bob');
    expect(r4.editsReplaced).to.deep.equal([num.n]);
    expect(view().beads.flatMap((x) => x.tgt.map((p) => p.text)).some((t) => t.includes('약 1조 5,192억 원'))).to.equal(true);
  });

  it('refuses an identical text and changes nothing', () => {
    const before = dbDigest(db);
    expect(() => importVersion(db, id, 'ko', ko1, 'bob')).to.throw(InputError, /same as version 1/);
    expect(() => importVersion(db, id, 'ko', '  ', 'bob')).to.throw(InputError, /empty/);
    expect(() => importVersion(db, id, 'ko', readFileSync(join(demoDir, 'kidd26.en.txt'), 'utf8'), 'bob')).to.throw(InputError, /does not look like Korean/);
    expect(dbDigest(db)).to.equal(before);
  });

  describe('checks on a new version', () => {
    // Only the last paragraph changes: the 27th KIDD becomes the 28th in Korean, the English still says 27th.
    const ko3 = () => ko1.replace('제27차 KIDD', '제28차 KIDD');
    const suggested = () => statementFindings(db, id).filter((f) => f.status === 'suggested');

    it('runs the checks in the same transaction: a changed number is found without a manual run', () => {
      importVersion(db, id, 'ko', ko3(), 'bob');
      const beads = view().beads;
      const found = suggested().find((f) => f.check === 'numbers' && f.severity !== 'info' && f.message.includes('제28차'));
      expect(found, JSON.stringify(suggested().map((f) => f.message))).to.not.equal(undefined);
      expect(found!.alignmentId).to.equal(view().id);
      expect(beads.find((b) => b.id === found!.beadId)!.tgt.map((p) => p.text).join()).to.include('제28차');
      // The other findings of the statement are there too, on the new alignment (not wiped).
      expect(suggested().some((f) => f.check === 'omission')).to.equal(true);
      expect(suggested().every((f) => beads.some((b) => b.id === f.beadId))).to.equal(true);
    });

    it('keeps dismissed and accepted findings decided on the new alignment', () => {
      const numbers = suggested().find((f) => f.check === 'numbers' && f.severity === 'error')!;
      const omission = suggested().find((f) => f.check === 'omission')!;
      decideFinding(db, numbers.id, 'dismiss', 'erin');
      const accepted = decideFinding(db, omission.id, 'accept', 'erin');
      importVersion(db, id, 'ko', ko3(), 'bob');
      const all = statementFindings(db, id);
      const same = (f: FindingRow, g: FindingRow) => f.check === g.check && f.message === g.message && f.alignmentId === view().id;
      expect(all.filter((f) => same(f, numbers)).map((f) => f.status)).to.deep.equal(['dismissed']);
      expect(all.filter((f) => same(f, omission)).map((f) => [f.status, f.flagId])).to.deep.equal([['accepted', accepted.flagId]]);
      const beads = view().beads;
      expect(all.every((f) => beads.some((b) => b.id === f.beadId))).to.equal(true);
    });

    it('leaves the checks out when asked (runChecks: false)', () => {
      importVersion(db, id, 'ko', ko3(), 'bob', { runChecks: false });
      expect(suggested()).to.deep.equal([]);
    });
  });

  describe('verdicts on a paragraph the new version revises', () => {
    const numbersError = () => statementFindings(db, id).find((f) => f.check === 'numbers' && f.severity === 'error' && f.alignmentId === view().id);
    const revise = (from: string, to: string) => {
      expect(ko1.includes(from), from).to.equal(true);
      return ko1.replace(from, to);
    };

    it('keeps a dismissal when the revision leaves the problem as it was', () => {
      const before = numbersError()!;
      decideFinding(db, before.id, 'dismiss', 'erin');
      // A word of the paragraph changes (주목하였다 → 평가하였다); the amount stays as dismissed.
      const r = importVersion(db, id, 'ko', revise('보장한다는 데 주목하였다', '보장한다고 평가하였다'), 'bob');
      expect(r.changed).to.equal(1);
      const after = numbersError()!;
      expect(after.id).to.not.equal(before.id);
      expect(after.message).to.equal(before.message);
      expect(after.status).to.equal('dismissed');
      // Nothing is left to suggest about that amount.
      expect(statementFindings(db, id).filter((f) => f.alignmentId === view().id && f.check === 'numbers' && f.status === 'suggested' && f.severity === 'error')).to.deep.equal([]);
    });

    it('suggests again a problem the revision changed, and forgets one it fixed', () => {
      decideFinding(db, numbersError()!.id, 'dismiss', 'erin');
      importVersion(db, id, 'ko', revise('1조 4,028억 원', '1조 3,000억 원'), 'bob');
      const changed = numbersError()!;
      expect(changed.status).to.equal('suggested');
      expect(changed.message).to.include('1조 3,000억');
      importVersion(db, id, 'ko', revise('1조 4,028억 원', '1조 5,192억 원'), 'bob');
      expect(numbersError()).to.equal(undefined);
    });

    it('keeps an accepted finding accepted, with its flag, on the revised paragraph', () => {
      const accepted = decideFinding(db, numbersError()!.id, 'accept', 'erin');
      importVersion(db, id, 'ko', revise('보장한다는 데 주목하였다', '보장한다고 평가하였다'), 'bob');
      const after = numbersError()!;
      expect([after.status, after.flagId]).to.deep.equal(['accepted', accepted.flagId]);
    });

    it('does not carry a verdict to another paragraph that the new version writes in its place', () => {
      decideFinding(db, numbersError()!.id, 'dismiss', 'erin');
      // The paragraph is rewritten beyond recognition, the same amount aside: a new paragraph, a new suggestion.
      importVersion(db, id, 'ko', revise('양측은 2026년 한국이 1조 4,028억 원을 분담하는 제12차 방위비분담특별협정 서명을 환영하고, 동 협정이 주한미군의 안정적 주둔을 보장한다는 데 주목하였다.',
        '한미는 제12차 특별협정에 따라 대한민국 정부가 내년도에 1조 4,028억 원을 지원하기로 한 것을 높이 평가하였다.'), 'bob');
      expect(numbersError()?.status).to.equal('suggested');
    });
  });
});
