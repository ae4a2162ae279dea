// Builds the browser bundle (web/app.ts → dist/web/app.js, plus the HTML shell and CSS) and the
// command-line bundle (server/cli/main.ts → dist/cli/main.mjs), which bin/twintext.js runs without
// compiling TypeScript at start-up.
// Runs on `npm install` (prepare) so a fresh clone can `npm start` without another step.
import { build } from 'esbuild';
import { cpSync, mkdirSync, existsSync, rmSync } from 'node:fs';
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

// Packages stay external (better-sqlite3 is native); only our own modules are bundled. Chunks are
// split at the CLI's dynamic imports, so a command loads only what it uses. Every file sits two
// levels below the repository root, as server/ops/context.ts does, so repoRoot resolves the same.
rmSync(join(root, 'dist', 'cli'), { recursive: true, force: true });
await build({
  entryPoints: [join(root, 'server', 'cli', 'main.ts'), join(root, 'server', 'ops', 'align-worker.ts')],
  bundle: true,
  splitting: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  outdir: join(root, 'dist', 'cli'),
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
