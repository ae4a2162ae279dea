// Builds the browser bundle: web/app.ts → dist/web/app.js, plus the HTML shell and CSS.
// Runs on `npm install` (prepare) so a fresh clone can `npm start` without another step.
import { build } from 'esbuild';
import { cpSync, mkdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist', 'web');
mkdirSync(out, { recursive: true });

if (existsSync(join(root, 'web', 'app.ts'))) {
  await build({
    entryPoints: [join(root, 'web', 'app.ts')],
    bundle: true,
    minify: true,
    sourcemap: true,
    format: 'esm',
    target: ['chrome110', 'firefox110', 'safari16'],
    outfile: join(out, 'app.js'),
    logLevel: 'warning',
  });
}
for (const f of ['index.html', 'style.css']) {
  if (existsSync(join(root, 'web', f))) cpSync(join(root, 'web', f), join(out, f));
}
