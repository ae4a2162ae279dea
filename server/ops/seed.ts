// Seeds a new database with the demo statements in data/demo (written for twintext).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../store/db.ts';
import { importStatement } from './import.ts';
import { repoRoot, type OpsOptions } from './context.ts';

interface DemoIndex {
  statements: { slug: string; title: string; date: string; texts: Record<string, string> }[];
}

export const demoDir = join(repoRoot, 'data', 'demo');

export function seedDemo(db: Db, actor = 'twintext', opts: OpsOptions = {}): number[] {
  const index = JSON.parse(readFileSync(join(demoDir, 'index.json'), 'utf8')) as DemoIndex;
  return index.statements.map((s) => {
    const texts = Object.fromEntries(Object.entries(s.texts).map(([lang, f]) => [lang, readFileSync(join(demoDir, f), 'utf8')]));
    return importStatement(db, { title: s.title, date: s.date, texts, sources: Object.fromEntries(Object.entries(s.texts).map(([l, f]) => [l, { name: f, format: 'txt', encoding: 'utf-8' }])) }, actor, opts).statementId;
  });
}
