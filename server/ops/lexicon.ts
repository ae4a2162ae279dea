// The aligner gets better as reviewers confirm: a lexicon learned from confirmed pairs in the database.
import type { Db } from '../store/db.ts';
import { confirmedPairs, confirmedSignature } from '../store/beads.ts';
import { learnLexicon, type Lexicon } from '../core/lexicon.ts';
import { MIN_PAIRS_FOR_LEXICON } from './context.ts';

// Learning is costly and confirmations change rarely compared with imports (a batch imports many
// statements in a row): the lexicon is cached per database, language pair and confirmation state.
const cache = new WeakMap<Db, Map<string, { signature: string; lexicon: Lexicon | undefined }>>();

export function confirmedLexicon(db: Db, srcLang: string, tgtLang: string, limit = 5000): Lexicon | undefined {
  const signature = confirmedSignature(db);
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const key = `${srcLang}>${tgtLang}`;
  const hit = perDb.get(key);
  if (hit && hit.signature === signature) return hit.lexicon;
  const pairs = confirmedPairs(db, srcLang, tgtLang, limit);
  const lexicon = pairs.length < MIN_PAIRS_FOR_LEXICON ? undefined : learnLexicon(pairs, srcLang, tgtLang);
  perDb.set(key, { signature, lexicon });
  return lexicon;
}
