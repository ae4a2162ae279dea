// Test helper: DTD-validates XML with the system xmllint when installed (CI installs libxml2-utils), else with dtd-check.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkAgainstDtd } from './dtd-check.ts';

export interface DtdResult {
  valid: boolean;
  output: string;
  engine: 'xmllint' | 'dtd-check';
}

export function validateWithDtd(xml: string, dtdPath: string, root: string): DtdResult {
  const system = ['/usr/bin/xmllint', '/usr/local/bin/xmllint'].find((p) => existsSync(p));
  if (!system) {
    const errors = checkAgainstDtd(xml, readFileSync(dtdPath, 'utf8'), root);
    return { valid: errors.length === 0, output: errors.join('\n'), engine: 'dtd-check' };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'twintext-xmllint-'));
  try {
    const file = path.join(dir, 'doc.xml');
    writeFileSync(file, xml);
    try {
      execFileSync(system, ['--noout', '--nonet', '--dtdvalid', dtdPath, file], { stdio: 'pipe' });
      return { valid: true, output: '', engine: 'xmllint' };
    } catch (err) {
      const e = err as { stderr?: Buffer };
      return { valid: false, output: e.stderr?.toString() ?? String(err), engine: 'xmllint' };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
