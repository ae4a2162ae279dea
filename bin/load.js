// Loads one of twintext's programs: its bundle in dist/cli (built by `npm install`/`npm run build`),
// or its TypeScript source through tsx when the bundle is missing or older than a source file.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function newestSource(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (e.name.endsWith('.ts')) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  try {
    return statSync(join(root, 'dist', 'cli', 'main.mjs')).mtimeMs >= newestSource(join(root, 'server'));
  } catch {
    return false;
  }
}

/** `bundle`: file name in dist/cli; `source`: path of the TypeScript entry from the repository root. */
export async function load(bundle, source) {
  if (bundleIsFresh()) return import(pathToFileURL(join(root, 'dist', 'cli', bundle)).href);
  const { register } = await import('tsx/esm/api');
  register();
  return import(pathToFileURL(join(root, source)).href);
}
