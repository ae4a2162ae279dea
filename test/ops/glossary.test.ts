import { expect } from 'chai';
import type { Db } from '../../server/store/db.ts';
import { addGlossaryTerm, changeGlossaryTerm, dbGlossary, extendSeededGlossary, glossaryToTsv, listGlossary, pendingRechecks, recheckInBackground, recheckPending, removeGlossaryTerm, settleRechecks } from '../../server/ops/glossary.ts';
import { statementFindings } from '../../server/ops/checks.ts';
import { parseGlossary, findGlossaryTerms } from '../../server/core/glossary.ts';
import { ConflictError, InputError, NotFoundError } from '../../server/core/errors.ts';
import { importStatement } from '../../server/ops/import.ts';
import { dbDigest, useTempDb } from '../helpers.ts';

describe('ops/glossary', () => {
  let db: Db;
  const small = parseGlossary('en\tko\tnote\nalliance\t동맹\t\nextended deterrence\t확장억제\tcore term\n');
  useTempDb((opened) => (db = opened));

  it('seeds the database once from the default glossary file', () => {
    const n = listGlossary(db).length;
    expect(n).to.be.greaterThan(100);
    expect(listGlossary(db)).to.have.length(n);
  });

  it('adds, changes and removes terms; the aligner glossary follows, and each change is an event', () => {
    listGlossary(db, { glossary: small });
    const t = addGlossaryTerm(db, { terms: { en: 'Freedom Edge', ko: ['프리덤 에지', '자유의 방패'] }, note: 'exercise' }, 'erin', { glossary: small });
    expect(t).to.deep.include({ terms: { en: ['Freedom Edge'], ko: ['프리덤 에지', '자유의 방패'] }, note: 'exercise', author: 'erin' });
    const g = dbGlossary(db, {});
    expect(findGlossaryTerms('the Freedom Edge exercise', 'en', g).map((h) => g.terms[h.termIndex]!.terms.ko![0])).to.deep.equal(['프리덤 에지']);
    changeGlossaryTerm(db, t.id, { terms: { en: 'Freedom Edge', ko: '프리덤 에지' } }, 'erin');
    expect(dbGlossary(db).terms.find((x) => x.terms.en?.[0] === 'Freedom Edge')!.terms.ko).to.deep.equal(['프리덤 에지']);
    removeGlossaryTerm(db, t.id, 'erin');
    expect(dbGlossary(db).terms.some((x) => x.terms.en?.[0] === 'Freedom Edge')).to.equal(false);
    expect(glossaryToTsv(db)).to.equal('en\tko\tnote\nalliance\t동맹\t\nextended deterrence\t확장억제\tcore term\n');
    const actions = db.prepare("SELECT action FROM events WHERE entity = 'glossary_term' ORDER BY id").pluck().all();
    expect(actions).to.deep.equal(['glossary.add', 'glossary.update', 'glossary.remove']);
  });

  it('rejects malformed terms and unknown ids without changing anything', () => {
    listGlossary(db, { glossary: small });
    const before = dbDigest(db);
    expect(() => addGlossaryTerm(db, { terms: { en: 'alliance' } }, 'x')).to.throw(InputError, /at least two languages/);
    expect(() => addGlossaryTerm(db, { terms: 'alliance' }, 'x')).to.throw(InputError, /"terms" must map/);
    expect(() => addGlossaryTerm(db, { terms: { en: 'a', 'Korean!': 'b' } }, 'x')).to.throw(InputError, /"Korean!" is not a language code/);
    expect(() => addGlossaryTerm(db, { terms: { en: 'a', kr: 'b', xx: 'c' } }, 'x')).to.throw(InputError, /"xx" is not a known language code/);
    expect(() => addGlossaryTerm(db, { terms: { en: 'a', 'ko-KR': 'b' } }, 'x')).to.throw(InputError, /"ko-KR": give the bare language code here/);
    expect(() => addGlossaryTerm(db, { terms: { en: 'a', ko: [1] } }, 'x')).to.throw(InputError, /must be strings/);
    expect(() => removeGlossaryTerm(db, 9999, 'x')).to.throw(NotFoundError, /glossary term 9999/);
    expect(dbDigest(db)).to.equal(before);
  });

  it('brings the suggestions of the statements a term touches up to date when the term changes, and no others', () => {
    const ncg = (ko: string) => importStatement(db, {
      title: 'NCG',
      preSplit: true,
      texts: {
        en: 'The Nuclear Consultative Group met in Washington on June 10, 2026.\nBoth sides reviewed the joint planning of nuclear and conventional integration.',
        ko: `${ko}은 2026년 6월 10일 워싱턴에서 회의를 개최하였다.\n양측은 핵·재래식 통합에 관한 공동기획을 점검하였다.`,
      },
    }, 'alice').statementId;
    // A statement that mentions none of the term, with a finding of its own (a date that differs).
    const other = importStatement(db, { title: 'Other', preSplit: true, texts: { en: 'The ministers met in Seoul on May 2, 2026.', ko: '장관들은 2026년 5월 3일 서울에서 만났다.' } }, 'alice').statementId;
    const id = ncg('핵협의체');
    const suggested = (sid: number) => db.prepare(`SELECT f.message FROM findings f JOIN alignments a ON a.id = f.alignment_id
      WHERE a.statement_id = ? AND f.status = 'suggested' AND f.check_id = 'terminology' AND f.message LIKE '%핵협의%' ORDER BY f.id`).pluck().all(sid) as string[];
    expect(suggested(id)).to.deep.equal(['English "Nuclear Consultative Group" should be rendered as "핵협의그룹" in Korean, which is missing']);
    const term = listGlossary(db).find((t) => t.terms.en?.includes('Nuclear Consultative Group'))!;
    const otherFindings = () => db.prepare('SELECT f.id, f.updated_at FROM findings f JOIN alignments a ON a.id = f.alignment_id WHERE a.statement_id = ? ORDER BY f.id').all(other);
    const untouched = otherFindings();
    expect(untouched.length, 'the other statement has a finding').to.be.at.least(1);
    // The team takes 핵협의체 too: the suggestion goes at once.
    changeGlossaryTerm(db, term.id, { terms: { en: term.terms.en, ko: ['핵협의그룹', '핵협의체'] } }, 'erin');
    expect(suggested(id)).to.deep.equal([]);
    // Changed back: it comes back; the term removed: it goes again.
    changeGlossaryTerm(db, term.id, { terms: term.terms }, 'erin');
    expect(suggested(id)).to.have.length(1);
    removeGlossaryTerm(db, term.id, 'erin');
    expect(suggested(id)).to.deep.equal([]);
    // Added anew, under another wording of the English: back once more.
    addGlossaryTerm(db, { terms: { en: 'Nuclear Consultative Group', ko: '핵협의그룹' } }, 'erin');
    expect(suggested(id)).to.have.length(1);
    // The statement that mentions none of it kept its findings as they were: not re-checked.
    expect(otherFindings()).to.deep.equal(untouched);
  });

  it('checks the kanji of a person the team adds to the glossary as a name', () => {
    // The Japanese names the prime minister before Ishiba (岸田); English–Japanese statement written for this test.
    const id = importStatement(db, { title: 'Summit', preSplit: true, texts: {
      en: 'Prime Minister Ishiba held talks with President Trump.', ja: '岸田総理大臣はトランプ大統領と会談した。',
    } }, 'alice').statementId;
    const names = () => statementFindings(db, id).filter((f) => f.check === 'names' && f.status === 'suggested').map((f) => `${f.severity}: ${f.message}`);
    // Kanji no glossary entry reads are left alone.
    expect(names()).to.deep.equal([]);
    addGlossaryTerm(db, { terms: { en: 'Kishida', ja: '岸田' } }, 'erin');
    addGlossaryTerm(db, { terms: { en: ['Ishiba', 'Shigeru Ishiba'], ja: '石破' } }, 'erin');
    expect(names()).to.deep.equal(['error: Name Ishiba does not match Japanese 岸田']);
  });

  it('refuses a term the glossary has already, with the same renderings (in any order), as a conflict', () => {
    listGlossary(db, { glossary: small });
    const t = addGlossaryTerm(db, { terms: { en: 'Camp Humphreys', ko: ['캠프 험프리스', '험프리스 기지'] } }, 'erin');
    const before = dbDigest(db);
    expect(() => addGlossaryTerm(db, { terms: { ko: '험프리스 기지|캠프 험프리스', en: ' Camp  Humphreys ' } }, 'erin')).to.throw(ConflictError, new RegExp(`^the glossary has this term already \\(term ${t.id}\\)$`));
    const alliance = listGlossary(db).find((x) => x.terms.en?.[0] === 'alliance')!;
    expect(() => changeGlossaryTerm(db, alliance.id, { terms: t.terms }, 'erin')).to.throw(ConflictError, /has this term already/);
    expect(dbDigest(db)).to.equal(before);
    // A term with one rendering more is another term.
    expect(addGlossaryTerm(db, { terms: { en: 'Camp Humphreys', ko: '캠프 험프리스' } }, 'erin').id).to.not.equal(t.id);
  });

  it('refuses a term that differs from one the glossary has only in case or spacing, naming that term, and writes nothing', () => {
    listGlossary(db, { glossary: small });
    const alliance = listGlossary(db).find((x) => x.terms.en?.[0] === 'alliance')!;
    const before = dbDigest(db);
    const named = new RegExp(`^the glossary has this term already, differing only in case or spacing: term ${alliance.id} \\(en "alliance", ko "동맹"\\)$`);
    for (const en of ['Alliance', 'ALLIANCE', ' Alliance ', ['Alliance', 'alliance']])
      expect(() => addGlossaryTerm(db, { terms: { en, ko: '동맹' } }, 'erin'), String(en)).to.throw(ConflictError, named);
    expect(() => addGlossaryTerm(db, { terms: { ko: '확장억제', en: 'Extended  Deterrence' } }, 'erin')).to.throw(ConflictError, /differing only in case or spacing: term \d+ \(en "extended deterrence", ko "확장억제"\)/);
    expect(dbDigest(db)).to.equal(before);
    // Another term changed into a case variant of it: refused too.
    const ncg = addGlossaryTerm(db, { terms: { en: 'Nuclear Consultative Group', ko: '핵협의그룹' } }, 'erin');
    const withNcg = dbDigest(db);
    expect(() => changeGlossaryTerm(db, ncg.id, { terms: { en: 'Alliance', ko: '동맹' } }, 'erin')).to.throw(ConflictError, named);
    expect(dbDigest(db)).to.equal(withNcg);
    // A term's own case may change; and a Korean rendering more, or other English, makes another term.
    expect(changeGlossaryTerm(db, ncg.id, { terms: { en: 'nuclear consultative group', ko: '핵협의그룹' } }, 'erin').terms.en).to.deep.equal(['nuclear consultative group']);
    expect(addGlossaryTerm(db, { terms: { en: 'Alliance', ko: ['동맹', '한미동맹'] } }, 'erin').id).to.be.a('number');
    expect(addGlossaryTerm(db, { terms: { en: 'alliances', ko: '동맹' } }, 'erin').id).to.be.a('number');
  });

  it('keeps two case variants a database holds from before editable, and refuses a third', () => {
    listGlossary(db, { glossary: small });
    const alliance = listGlossary(db).find((x) => x.terms.en?.[0] === 'alliance')!;
    // Stored before case variants were refused.
    db.prepare("INSERT INTO glossary_terms (terms, note, author, created_at, updated_at) VALUES (?, '', 'erin', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run(JSON.stringify({ en: ['Alliance'], ko: ['동맹'] }));
    const variant = listGlossary(db).find((x) => x.terms.en?.[0] === 'Alliance')!;
    expect(changeGlossaryTerm(db, variant.id, { terms: variant.terms, note: 'capitalised: the ROK-U.S. Alliance' }, 'erin').note).to.equal('capitalised: the ROK-U.S. Alliance');
    expect(changeGlossaryTerm(db, alliance.id, { terms: { en: 'alliance', ko: '동맹' }, note: 'lower case in running text' }, 'erin').note).to.equal('lower case in running text');
    expect(() => addGlossaryTerm(db, { terms: { en: 'ALLIANCE', ko: '동맹' } }, 'erin')).to.throw(ConflictError, /differing only in case or spacing/);
  });

  it('refuses a term another one has in every language it gives and in more, naming that one; a change giving its own term a language more or less stays allowed', () => {
    const seeded = listGlossary(db);
    // The shipped glossary's terms: one with Japanese, one whose Japanese cell is empty.
    const space = seeded.find((t) => t.terms.en?.[0] === 'space' && t.terms.ko?.[0] === '우주')!;
    const mcm = seeded.find((t) => t.terms.en?.includes('MCM'))!;
    expect(space.terms.ja, 'the seeded term has Japanese').to.have.length.greaterThan(0);
    const before = dbDigest(db);
    const wider = new RegExp(`^the glossary has this term already, with more languages: term ${space.id} \\(en "space", ko "우주", ja "${space.terms.ja!.join('\\|')}"\\); change that one instead$`);
    expect(() => addGlossaryTerm(db, { terms: { en: 'space', ko: '우주' } }, 'erin')).to.throw(ConflictError, wider);
    expect(() => addGlossaryTerm(db, { terms: { ko: '우주', ja: space.terms.ja } }, 'erin')).to.throw(ConflictError, new RegExp(`with more languages: term ${space.id} `));
    expect(() => addGlossaryTerm(db, { terms: { en: 'Space', ko: '우주' } }, 'erin')).to.throw(ConflictError, new RegExp(`differing only in case or spacing, with more languages: term ${space.id} `));
    expect(() => addGlossaryTerm(db, { terms: { en: 'Military Committee Meeting|MCM', ko: '군사위원회회의' } }, 'erin')).to.throw(ConflictError, new RegExp(`^the glossary has this term already \\(term ${mcm.id}\\)$`));
    expect(dbDigest(db)).to.equal(before);
    // Another term rewritten into the same: refused as well.
    const outer = addGlossaryTerm(db, { terms: { en: 'outer space', ko: '외기권' } }, 'erin');
    expect(() => changeGlossaryTerm(db, outer.id, { terms: { en: 'space', ko: '우주' } }, 'erin')).to.throw(ConflictError, wider);
    // The term's own Japanese taken away and given back: the same term, allowed.
    expect(changeGlossaryTerm(db, space.id, { terms: { en: 'space', ko: '우주' } }, 'erin').terms).to.deep.equal({ en: ['space'], ko: ['우주'] });
    expect(changeGlossaryTerm(db, space.id, { terms: space.terms }, 'erin').terms).to.deep.equal(space.terms);
    // A term with one language less that a database holds from before (as the CLI let through) keeps its note editable.
    db.prepare("INSERT INTO glossary_terms (terms, note, author, created_at, updated_at) VALUES (?, '', 'erin', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z')").run(JSON.stringify({ en: ['space'], ko: ['우주'] }));
    const old = listGlossary(db).find((t) => t.author === 'erin' && t.terms.en?.[0] === 'space')!;
    expect(changeGlossaryTerm(db, old.id, { terms: old.terms, note: 'outer space: 우주' }, 'erin').note).to.equal('outer space: 우주');
  });

  it('stores and returns a term without the languages it has no rendering in, seeded or added, and from a database that stored them empty', () => {
    const empty = (t: { terms: Record<string, string[]> }) => Object.entries(t.terms).filter(([, v]) => !v.length).map(([l]) => l);
    const tsv = glossaryToTsv(db);
    expect(listGlossary(db).flatMap(empty)).to.deep.equal([]);
    expect(db.prepare("SELECT count(*) FROM glossary_terms WHERE terms LIKE '%[]%'").pluck().get()).to.equal(0);
    const mcm = listGlossary(db).find((t) => t.terms.en?.includes('MCM'))!;
    expect(Object.keys(mcm.terms)).to.deep.equal(['en', 'ko']);
    // Seeded before this, with "ja": [] stored: read the same way, and the export unchanged.
    db.prepare('UPDATE glossary_terms SET terms = ? WHERE id = ?').run(JSON.stringify({ ...mcm.terms, ja: [] }), mcm.id);
    db.prepare("UPDATE settings SET value = value || '.' WHERE name = 'glossary_revision'").run();
    expect(listGlossary(db).find((t) => t.id === mcm.id)!.terms).to.deep.equal(mcm.terms);
    expect(glossaryToTsv(db)).to.equal(tsv);
    expect(tsv.split('\n')[0]).to.equal('en\tko\tja\tnote');
  });

  it('gives a database seeded before the Japanese column the Japanese of the terms it holds as seeded, once, and leaves the team\'s own terms alone', () => {
    const before = parseGlossary('en\tko\tnote\nalliance\t동맹\t\nextended deterrence\t확장억제\tcore term\nNorth Korea|DPRK\t북한\t\n');
    const after = parseGlossary('en\tko\tja\tnote\nalliance\t동맹\t同盟\t\nextended deterrence\t확장억제\t拡大抑止\tcore term\nNorth Korea|DPRK\t북한\t北朝鮮\t\n');
    listGlossary(db, { glossary: before });
    // A database seeded from the file before its languages were recorded (the file had en and ko then).
    db.prepare("DELETE FROM settings WHERE name = 'glossary_seeded_langs'").run();
    const dprk = listGlossary(db, { glossary: before }).find((t) => t.terms.en?.includes('DPRK'))!;
    changeGlossaryTerm(db, dprk.id, { terms: { en: ['North Korea', 'DPRK'], ko: ['북한', '북측'] } }, 'erin', { glossary: before });
    const mine = addGlossaryTerm(db, { terms: { en: ['alliance', 'Alliance'], ko: ['동맹', '한미동맹'] }, note: 'the team\'s' }, 'erin', { glossary: before });
    // Its note edited, its renderings not: the team's now, left alone too.
    const noted = listGlossary(db, { glossary: before }).find((t) => t.terms.en?.[0] === 'extended deterrence')!;
    db.prepare("UPDATE glossary_terms SET note = 'core term: always 확장억제', updated_at = '2026-11-28T00:00:01.000Z' WHERE id = ?").run(noted.id);
    extendSeededGlossary(db, after);
    const ja = Object.fromEntries(listGlossary(db, { glossary: after }).map((t) => [`${t.id}`, t.terms.ja ?? null]));
    const byEn = (en: string, author = 'twintext') => listGlossary(db, { glossary: after }).find((t) => t.terms.en?.[0] === en && t.author === author)!;
    expect(byEn('alliance').terms.ja).to.deep.equal(['同盟']);
    expect(byEn('extended deterrence').terms.ja).to.equal(undefined);
    // Edited by the team (북측 added) or added by it: left as they are.
    expect(ja[String(dprk.id)]).to.equal(null);
    expect(ja[String(mine.id)]).to.equal(null);
    const events = () => db.prepare("SELECT after FROM events WHERE action = 'glossary.extend'").pluck().all() as string[];
    expect(events().map((e) => JSON.parse(e))).to.deep.equal([{ languages: ['ja'], terms: 1 }]);
    // Once: the next look changes nothing.
    const digest = dbDigest(db);
    extendSeededGlossary(db, after);
    expect(dbDigest(db)).to.equal(digest);
    // A database seeded from a glossary its caller gave is never extended from a file.
    db.prepare("UPDATE settings SET value = 'given' WHERE name = 'glossary_seeded_langs'").run();
    const given = dbDigest(db);
    extendSeededGlossary(db, parseGlossary('en\tko\tzh\nalliance\t동맹\t同盟\n'));
    expect(dbDigest(db)).to.equal(given);
  });

  it('lists the statements with a text in the language added for checking again, and checks them (recheckPending)', async () => {
    const before = parseGlossary('en\tko\tnote\nalliance\t동맹\t\nextended deterrence\t확장억제\t\n');
    const after = parseGlossary('en\tko\tja\tnote\nalliance\t동맹\t同盟\t\nextended deterrence\t확장억제\t拡大抑止\t\n');
    listGlossary(db, { glossary: before });
    db.prepare("DELETE FROM settings WHERE name = 'glossary_seeded_langs'").run();
    // A trilateral statement whose Japanese renders "alliance" otherwise, and an English–Korean one.
    const tri = importStatement(db, { title: 'Trilateral', preSplit: true, texts: {
      en: 'The ministers reaffirmed the alliance.', ko: '장관들은 동맹을 재확인하였다.', ja: '閣僚は連携を再確認した。',
    } }, 'alice', { glossary: before }).statementId;
    importStatement(db, { title: 'Bilateral', preSplit: true, texts: { en: 'The ministers praised the alliance.', ko: '장관들은 동맹을 높이 평가하였다.' } }, 'alice', { glossary: before });
    const jaTerms = () => statementFindings(db, tri).filter((f) => f.check === 'terminology' && f.message.includes('同盟'));
    expect(jaTerms()).to.deep.equal([]);
    extendSeededGlossary(db, after);
    expect(pendingRechecks(db)).to.deep.equal([tri]);
    await recheckPending(db);
    expect(jaTerms().length).to.equal(1);
    expect(pendingRechecks(db)).to.deep.equal([]);
    // Checked by twintext, one event for the one statement.
    expect(db.prepare("SELECT statement_id FROM events WHERE action = 'checks.run' AND actor = 'twintext'").pluck().all()).to.deep.equal([tri]);
  });

  it('takes a database whose seeded terms already have the new language, before languages were recorded, as seeded from the file as it is', () => {
    const now = parseGlossary('en\tko\tja\tnote\nalliance\t동맹\t同盟\t\nextended deterrence\t확장억제\t拡大抑止\t\n');
    listGlossary(db, { glossary: now });
    db.prepare("DELETE FROM settings WHERE name = 'glossary_seeded_langs'").run();
    // The team removed one Japanese rendering: it stays removed.
    const ext = listGlossary(db, { glossary: now }).find((t) => t.terms.en?.[0] === 'extended deterrence')!;
    changeGlossaryTerm(db, ext.id, { terms: { en: ext.terms.en, ko: ext.terms.ko } }, 'erin', { glossary: now });
    extendSeededGlossary(db, now);
    expect(listGlossary(db, { glossary: now }).find((t) => t.id === ext.id)!.terms.ja).to.equal(undefined);
    expect(db.prepare("SELECT value FROM settings WHERE name = 'glossary_seeded_langs'").pluck().get()).to.equal('en,ko,ja');
  });

  it('re-checks in the background one statement a turn, and a server can wait for them (settleRechecks)', async () => {
    const texts = (k: number) => ({ en: `The Nuclear Consultative Group met for the ${k}th time in Seoul.`, ko: `핵협의체는 서울에서 ${k}번째 회의를 개최하였다.` });
    const ids = [1, 2, 3].map((k) => importStatement(db, { title: `NCG ${k}`, preSplit: true, texts: texts(k) }, 'alice').statementId);
    const runs = () => db.prepare("SELECT count(*) FROM events WHERE action = 'checks.run' AND actor = 'erin'").pluck().get() as number;
    const term = listGlossary(db).find((t) => t.terms.en?.includes('Nuclear Consultative Group'))!;
    let queued: number[] = [];
    changeGlossaryTerm(db, term.id, { terms: { ...term.terms, ko: ['핵협의그룹', '핵협의체'] } }, 'erin', {}, (got) => (queued = got));
    expect(queued).to.deep.equal(ids);
    expect(runs()).to.equal(0);
    const done = recheckInBackground(db, queued, 'erin');
    expect(runs(), 'nothing before the first turn').to.equal(0);
    await new Promise((r) => setImmediate(r));
    expect(runs(), 'one statement a turn').to.equal(1);
    await settleRechecks(db);
    expect(runs()).to.equal(3);
    await done;
  });
});
