import { expect } from 'chai';
import type { Db } from '../../server/store/db.ts';
import { addGlossaryTerm, changeGlossaryTerm, dbGlossary, glossaryToTsv, listGlossary, removeGlossaryTerm } from '../../server/ops/glossary.ts';
import { parseGlossary, findGlossaryTerms } from '../../server/core/glossary.ts';
import { InputError, NotFoundError } from '../../server/core/errors.ts';
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
});
