// FNV-1a hashes of ASCII words, lower-cased: prefilters that reject most words before a string is built.
export const FNV_START = 0x811c9dc5;

/** One more code unit into the hash (c | 32 lower-cases ASCII letters and leaves digits as they are). */
export const fnvStep = (h: number, c: number): number => Math.imul(h ^ (c | 32), 16777619);

/** The hash as a slot of a table of `slots` entries (a power of two). */
export const slotOf = (h: number, slots: number): number => (h >>> 0) & (slots - 1);

/** Slot of text[a, b) lower-cased, or -1 when it has a non-ASCII code unit. */
export function wordSlot(text: string, a: number, b: number, slots: number): number {
  let h = FNV_START;
  for (let x = a; x < b; x++) {
    const c = text.charCodeAt(x);
    if (c >= 128) return -1;
    h = fnvStep(h, c);
  }
  return slotOf(h, slots);
}

/**
 * Key of text[a, b) lower-cased, or -1 when it has a non-ASCII code unit: the hash cut to 30 bits
 * (a small integer to V8). Its low bits are the word's slot in any table of up to 2^30 slots.
 */
export function wordKey(text: string, a: number, b: number): number {
  let h = FNV_START;
  for (let x = a; x < b; x++) {
    const c = text.charCodeAt(x);
    if (c >= 128) return -1;
    h = fnvStep(h, c);
  }
  return h & 0x3fffffff;
}

/** A table with 1 at the slot of every all-ASCII word. */
export function slotTable(words: Iterable<string>, slots: number): Uint8Array {
  const out = new Uint8Array(slots);
  for (const w of words) {
    const k = wordSlot(w, 0, w.length, slots);
    if (k >= 0) out[k] = 1;
  }
  return out;
}
