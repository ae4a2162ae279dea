// Unit tests for web/model.ts, the review page's pure logic (runs in Node, no browser).
import { expect } from 'chai';
import type { Bead, Flag } from '../../web/api.ts';
import {
  beadShape,
  confidenceBand,
  exportableRows,
  filterCounts,
  findNext,
  firstChangedRow,
  rowState,
  formatConfidence,
  matchesFilter,
  matchPieces,
  progressPercent,
  readCookie,
  reviewerCookie,
  shortcutKey,
  stepVisible,
} from '../../web/model.ts';

let nextId = 1;
function bead(src: number, tgt: number, extra: Partial<Bead> = {}): Bead {
  const paras = (n: number) => Array.from({ length: n }, (_, i) => ({ id: nextId++, n: i + 1, text: `p${i + 1}` }));
  return { id: nextId++, position: nextId, version: 1, status: 'auto', confidence: 0.9, src: paras(src), tgt: paras(tgt), flags: [], ...extra };
}

function flag(status: Flag['status']): Flag {
  return { id: nextId++, beadId: 0, category: 'number', severity: 'major', comment: '', author: 'a', status, createdAt: '', updatedAt: '', version: 1 };
}

describe('web/model', () => {
  it('classifies beads for each filter', () => {
    const beads = [
      bead(1, 1, { status: 'confirmed' }),
      bead(2, 1, { confidence: 0.55 }),
      bead(1, 0, { confidence: 0.3 }),
      bead(0, 1, { flags: [flag('resolved')] }),
      bead(1, 1, { flags: [flag('open'), flag('wontfix')] }),
    ];
    expect(filterCounts(beads)).to.deep.equal({ all: 5, unconfirmed: 4, low: 2, non11: 3, empty: 2, flagged: 1, suggested: 0 });
    // Suggestions live outside the bead: the caller says how many each row has.
    expect(filterCounts(beads, (b) => (b === beads[0] ? 2 : 0)).suggested).to.equal(1);
    expect(matchesFilter(beads[0]!, 'suggested', 0)).to.equal(false);
    expect(matchesFilter(beads[3]!, 'flagged'), 'a resolved flag is not an open flag').to.equal(false);
    expect(beads.map(beadShape)).to.deep.equal(['1:1', '2:1', '1:0', '0:1', '1:1']);
  });

  it('bands and formats confidence at the low-confidence threshold', () => {
    expect([0.59, 0.6, 0.84, 0.85, 1].map(confidenceBand)).to.deep.equal(['low', 'mid', 'mid', 'high', 'high']);
    expect(formatConfidence(0.6)).to.equal('0.60');
    expect(formatConfidence(0.996)).to.equal('1.00');
    expect(matchesFilter(bead(1, 1, { confidence: 0.6 }), 'low')).to.equal(false);
  });

  it('finds the next match with wrap-around, and steps visible rows without wrapping', () => {
    const hits = new Set([1, 4]);
    expect(findNext(6, 1, 1, (i) => hits.has(i))).to.equal(4);
    expect(findNext(6, 4, 1, (i) => hits.has(i))).to.equal(1);
    expect(findNext(6, -1, 1, (i) => hits.has(i))).to.equal(1);
    expect(findNext(6, 2, 1, () => false)).to.equal(-1);
    expect(findNext(0, 0, 1, () => true)).to.equal(-1);
    const visible = (i: number) => i !== 2;
    expect(stepVisible(5, 1, 1, visible)).to.equal(3);
    expect(stepVisible(5, 3, -1, visible)).to.equal(1);
    expect(stepVisible(5, 4, 1, visible)).to.equal(4);
    expect(stepVisible(5, 0, -1, visible)).to.equal(0);
  });

  it('round-trips the reviewer cookie with non-ASCII names', () => {
    const set = reviewerCookie('  김지우 (MND)  ');
    expect(set).to.match(/^twintext_reviewer=%EA%B9%80%EC%A7%80%EC%9A%B0%20\(MND\); path=\//);
    const header = `other=1; ${set.split(';')[0]}; twintext_reviewer_old=x`;
    expect(readCookie(header, 'twintext_reviewer')).to.equal('김지우 (MND)');
    expect(readCookie('twintext_reviewer=%E0%A4%A', 'twintext_reviewer')).to.equal('%E0%A4%A');
    expect(readCookie('', 'twintext_reviewer')).to.equal(null);
  });

  it('computes progress percentages', () => {
    expect(progressPercent(0, 0)).to.equal(0);
    expect(progressPercent(1, 3)).to.equal(33);
    expect(progressPercent(8, 8)).to.equal(100);
  });

  it('reads shortcuts from the letter key when a Korean input source types jamo, and leaves other layouts alone', () => {
    const k = (key: string, code: string, shiftKey = false) => shortcutKey({ key, code, shiftKey });
    expect(k('ㅓ', 'KeyJ')).to.equal('j');
    expect(k('ㅏ', 'KeyK')).to.equal('k');
    expect(k('ㅊ', 'KeyC')).to.equal('c');
    // Shift+u is redo; on the Korean layout it types ㅕ as well.
    expect(k('ㅕ', 'KeyU', true)).to.equal('U');
    expect(k('Process', 'KeyM')).to.equal('m');
    // A Latin layout keeps the letter it types (AZERTY's A sits where QWERTY has Q).
    expect(k('a', 'KeyQ')).to.equal('a');
    expect(k('U', 'KeyU', true)).to.equal('U');
    expect(k('?', 'Slash', true)).to.equal('?');
    expect(k('ArrowDown', 'ArrowDown')).to.equal('ArrowDown');
    expect(k('Enter', 'Enter')).to.equal('Enter');
  });

  it('finds the first row an undo or redo rewrote: new version, new id, or rows added or removed at the end', () => {
    const rows = [
      { id: 1, version: 1 },
      { id: 2, version: 3 },
      { id: 3, version: 1 },
    ];
    expect(firstChangedRow(rows, rows.map((r) => ({ ...r })))).to.equal(-1);
    expect(firstChangedRow(rows, [rows[0]!, { id: 2, version: 4 }, rows[2]!])).to.equal(1);
    // A merge of rows 2 and 3 keeps row 2's id with a new version; its undo brings row 3 back.
    expect(firstChangedRow(rows, [rows[0]!, { id: 2, version: 4 }])).to.equal(1);
    expect(firstChangedRow(rows, [rows[0]!, rows[1]!])).to.equal(2);
    expect(firstChangedRow(rows, [...rows, { id: 9, version: 1 }])).to.equal(3);
    expect(firstChangedRow(rows, [rows[0]!, { id: 7, version: 1 }, rows[2]!])).to.equal(1);
  });

  it('finds the row of an undone text edit, which changes a paragraph but not the row', () => {
    const before = [bead(1, 1), bead(1, 1), bead(1, 1)];
    const after = before.map((b) => ({ ...b, tgt: b.tgt.map((p) => ({ ...p })) }));
    after[2]!.tgt[0]!.text = 'p1 (before the edit)';
    expect(firstChangedRow(before.map(rowState), after.map(rowState))).to.equal(2);
    expect(firstChangedRow(before.map(rowState), before.map(rowState))).to.equal(-1);
  });

  it('cuts text into highlighted pieces, case-insensitively, with regexp characters taken literally', () => {
    const join = (ps: Array<{ text: string; match: boolean }>) => ps.map((p) => (p.match ? `[${p.text}]` : p.text)).join('');
    expect(join(matchPieces('Joint Statement on the Joint Exercise', 'joint'))).to.equal('[Joint] Statement on the [Joint] Exercise');
    expect(join(matchPieces('제56차 한미안보협의회의 공동성명', '안보'))).to.equal('제56차 한미[안보]협의회의 공동성명');
    // Spaces in the query match any run of spaces in the text, no-break ones included.
    expect(join(matchPieces('Harbor\u00a0Cooperation  Meeting', 'harbor  cooperation meeting'))).to.equal('[Harbor\u00a0Cooperation  Meeting]');
    expect(join(matchPieces('Harbor Cooperation Meeting', 'Cooperation\u00a0Meeting'))).to.equal('Harbor [Cooperation Meeting]');
    expect(join(matchPieces('Cost (2026) a+b', '(2026) a+')))
      .to.equal('Cost [(2026) a+]b');
    expect(join(matchPieces('No match here', 'zzz'))).to.equal('No match here');
    expect(matchPieces('Title', '  ')).to.deep.equal([{ text: 'Title', match: false }]);
    expect(matchPieces('', 'x')).to.deep.equal([{ text: '', match: false }]);
  });

  it('counts the rows an export would contain: both sides present, confirmed and without open flags as asked', () => {
    const confirmedFlagged = bead(1, 1, { status: 'confirmed', flags: [flag('open')] });
    const confirmedResolved = bead(1, 1, { status: 'confirmed', flags: [flag('resolved')] });
    const confirmedOmission = bead(1, 0, { status: 'confirmed' });
    const auto = bead(1, 1);
    expect(exportableRows([confirmedFlagged, confirmedOmission, auto], true, false)).to.equal(1);
    expect(exportableRows([confirmedFlagged, confirmedOmission, auto], true, true)).to.equal(0);
    expect(exportableRows([confirmedFlagged, confirmedOmission, auto], false, true)).to.equal(1);
    expect(exportableRows([confirmedFlagged, confirmedResolved, auto], true, true)).to.equal(1);
    expect(exportableRows([confirmedOmission], false, false)).to.equal(0);
  });

  it('leaves out the rows the server marks as not exportable (a side without words)', () => {
    const side = (...texts: string[]) => texts.map((text, i) => ({ id: nextId++, n: i + 1, text }));
    const bulletPair = bead(1, 1, { status: 'confirmed', src: side('-'), tgt: side('ㅇ'), exportable: false });
    const editorial = bead(1, 1, { status: 'confirmed', src: side('[…]'), tgt: side('양측은 서울에서 만났다.'), exportable: false });
    const worded = bead(1, 1, { src: side('They met in Seoul.'), tgt: side('양측은 서울에서 만났다.'), exportable: true });
    // An older server sends no `exportable`: both sides present is enough then.
    const older = bead(1, 1, { src: side('They met.'), tgt: side('만났다.') });
    expect(exportableRows([bulletPair, editorial, worded], true, false)).to.equal(0);
    expect(exportableRows([bulletPair, editorial, worded], false, false)).to.equal(1);
    expect(exportableRows([older], false, false)).to.equal(1);
  });
});
