// The aligner gets better as reviewers confirm: a lexicon learned from confirmed pairs in the database.
import type { Db } from '../store/db.ts';
import { confirmedPairs } from '../store/beads.ts';
import { learnLexicon, type Lexicon } from '../core/lexicon.ts';
import { MIN_PAIRS_FOR_LEXICON } from './context.ts';

export function confirmedLexicon(db: Db, srcLang: string, tgtLang: string, limit = 5000): Lexicon | undefined {
  const pairs = confirmedPairs(db, srcLang, tgtLang, limit);
  return pairs.length < MIN_PAIRS_FOR_LEXICON ? undefined : learnLexicon(pairs, srcLang, tgtLang);
}
