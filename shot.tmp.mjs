import { chromium } from 'playwright-core';
const c = (await import('@sparticuz/chromium')).default;
const base = process.argv[2] ?? 'http://127.0.0.1:8766';
const b = await chromium.launch({ executablePath: await c.executablePath(), args: [...c.args, '--no-sandbox', '--headless', '--disable-gpu'], headless: true });
const ctx = await b.newContext({ viewport: { width: 1280, height: 900 } });
const p = await ctx.newPage();
p.on('console', (m) => console.log('console:', m.type(), m.text()));
p.on('pageerror', (e) => console.log('pageerror', e.message));
p.on('dialog', (d) => { console.log('DIALOG!', d.message()); d.dismiss(); });
for (const [path, out] of [['/', '/tmp/list.png'], ['/statements/1', '/tmp/review.png']]) {
  await p.goto(base + path);
  await p.waitForSelector('html[data-ready]');
  await p.evaluate(() => document.fonts.ready);
  await p.screenshot({ path: out });
}
await b.close();
