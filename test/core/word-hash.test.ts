// Tests for server/core/word-hash.ts.
import { expect } from 'chai';
import { FNV_START, fnvStep, slotOf, slotTable, wordKey, wordSlot } from '../../server/core/word-hash.ts';

describe('core/word-hash', () => {
  it('gives a word the same slot in any case, inside a text or on its own, and step by step', () => {
    const text = 'The SECOND meeting';
    const k = wordSlot('second', 0, 6, 4096);
    expect(wordSlot(text, 4, 10, 4096)).to.equal(k);
    let h = FNV_START;
    for (const c of 'Second') h = fnvStep(h, c.charCodeAt(0));
    expect(slotOf(h, 4096)).to.equal(k);
    expect(slotTable(['second'], 4096)[k]).to.equal(1);
  });

  it('gives a word one key in any case, a small integer whose low bits are its slot', () => {
    const text = 'The SECOND meeting';
    const k = wordKey('second', 0, 6);
    expect(wordKey(text, 4, 10)).to.equal(k);
    expect(k).to.be.within(0, 0x3fffffff);
    expect(k & 4095).to.equal(wordSlot('second', 0, 6, 4096));
    expect(wordKey('meeting', 0, 7)).to.not.equal(k);
    expect(wordKey('동맹', 0, 2)).to.equal(-1);
  });

  it('has no slot for a word with a non-ASCII code unit, and leaves it out of tables', () => {
    expect(wordSlot('동맹', 0, 2, 4096)).to.equal(-1);
    expect(slotTable(['동맹', 'café'], 4096).every((x) => x === 0)).to.equal(true);
  });
});
