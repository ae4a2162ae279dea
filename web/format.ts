// Small pure helpers of the review page: counts and words, dates, snippets, what an event did, word diffs.
import type { DiffOp, EventRecord, FlagStatus } from './api.ts';
import { h } from './dom.ts';

export const FLAG_STATUS_LABELS: Record<FlagStatus, string> = { open: 'Open', resolved: 'Resolved', wontfix: "Won't fix" };

export function plural(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`;
}

export function titleCase(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

export function snippet(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** What one event of a flag's history did, every part of it: "Open → Resolved, severity minor → major". */
export function flagChange(ev: EventRecord): string {
  const after = (ev.after ?? {}) as { status?: FlagStatus; severity?: string; comment?: string; finding?: number };
  const before = (ev.before ?? {}) as { status?: FlagStatus; severity?: string; comment?: string };
  if (ev.action === 'flag.create') return after.finding !== undefined ? 'opened from a suggestion' : 'opened';
  const parts: string[] = [];
  if (after.status && before.status !== after.status) parts.push(`${FLAG_STATUS_LABELS[before.status ?? 'open'] ?? before.status} → ${FLAG_STATUS_LABELS[after.status] ?? after.status}`);
  if (before.severity && after.severity && before.severity !== after.severity)
    parts.push(`severity ${before.severity} → ${after.severity}${after.finding !== undefined ? ' (a suggestion accepted onto it)' : ''}`);
  if (after.comment !== undefined && before.comment !== after.comment) parts.push('comment edited');
  return parts.join(', ') || 'changed';
}

/** Word diff as DOM: removed words in <del>, added in <ins>, all as text nodes. */
export function renderDiff(ops: readonly DiffOp[]): HTMLElement {
  const p = h('p', { class: 'diff' });
  for (const [op, text] of ops) {
    if (op === '-') p.append(h('del', null, text));
    else if (op === '+') p.append(h('ins', null, text));
    else p.append(text);
  }
  return p;
}

const ACTION_NAMES: Record<string, string> = {
  merge: 'merge',
  split: 'split',
  'move-up': 'move up',
  'move-down': 'move down',
  'insert-empty': 'insert empty cell',
  'confirm-above': 'confirm all above',
  realign: 're-align',
  confirm: 'confirm',
  unconfirm: 'unconfirm',
  edit: 'text edit',
};

/** "bead.merge" → "merge": event names come from the server; unknown ones are shown as they are. */
export function describeAction(action: string): string {
  const key = action.replace(/^[a-z]+\./, '');
  return ACTION_NAMES[key] ?? key.replace(/[-_.]/g, ' ');
}
