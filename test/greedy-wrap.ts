// Wrapped test input, for the splitter's tests and bench/import.ts alike.
import { columns } from '../server/core/wrap.ts';

/**
 * A paragraph wrapped greedily at `width` display columns (a Hangul syllable or CJK character two), as
 * a fixed-width layout or an e-mail client does: as many words a line as fit, a longer word alone.
 */
export function greedyWrap(p: string, width: number): string[] {
  const out: string[] = [];
  let cur = '';
  for (const w of p.split(' ')) {
    if (cur && columns(cur) + 1 + columns(w) > width) {
      out.push(cur);
      cur = w;
    } else cur = cur ? `${cur} ${w}` : w;
  }
  return cur ? [...out, cur] : out;
}
