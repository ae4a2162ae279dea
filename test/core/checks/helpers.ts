// Renders findings as short strings so tests compare whole results at a glance.
import type { Finding } from '../../../server/core/checks/index.ts';

export function render(fs: Finding[], all = false): string[] {
  return fs.filter((f) => all || f.severity !== 'info').map((f) => `${f.severity} ${f.check} ${f.src.join(',')}/${f.tgt.join(',')}`);
}
