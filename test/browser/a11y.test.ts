// Browser tests: an automated accessibility audit (axe-core) of every screen a translator works in —
// the statement list, a demo statement's review page with a row, the flag form and each panel open,
// the glossary, the shortcuts dialog and the phone layout. Serious and critical findings fail the test.
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { seedDemo } from '../../server/ops/seed.ts';
import { open, useFixture, withPage } from './harness.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/**
 * Runs axe on the page as it stands and fails with each serious or critical violation spelled out
 * (rule, impact, what it asks for, the elements), so a failure says what to fix without a rerun.
 */
async function audit(page: Page, what: string): Promise<void> {
  // Not page.addScriptTag: the server's Content-Security-Policy (script-src 'self') rightly refuses an
  // inline script; source evaluated through the DevTools protocol is not subject to it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: unknown[] }> } }).axe;
    // WCAG 2.1 A/AA plus the best-practice rules (landmarks, heading order, one main).
    const result = await axe.run(document, { resultTypes: ['violations'], runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] } });
    return result.violations;
  }) as AxeViolation[];
  const bad = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.id} (${v.impact}): ${v.help}\n${v.nodes.slice(0, 6).map((n) => `    ${JSON.stringify(n.target)}${n.failureSummary ? ` — ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`).join('\n')}${v.nodes.length > 6 ? `\n    … and ${v.nodes.length - 6} more` : ''}`);
  expect(bad.length, `${what}: axe found\n  ${report.join('\n  ')}\n`).to.equal(0);
}

describe('web: accessibility audit (axe-core)', function () {
  this.timeout(60_000);
  // The demo statements a new database gets; the first is reviewed.
  const fx = useFixture((conn) => ({ statementId: Math.min(...seedDemo(conn)) }));

  it('finds nothing serious on the statement list, the import form and the consistency check', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/`);
      await page.locator('table.statements tbody tr').first().waitFor();
      await audit(page, 'statement list');
      await page.getByRole('button', { name: '+ Import statement' }).click();
      await page.getByRole('form', { name: 'Import statement' }).waitFor();
      await page.getByRole('button', { name: 'Check consistency' }).click();
      await page.locator('.consistency-summary').waitFor();
      await audit(page, 'statement list with the import form and the consistency warnings');
    }, 20_000);
  });

  it('finds nothing serious on the review page: a row selected, the flag form, the Sentences and Versions panels', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      await page.keyboard.press('j');
      await page.keyboard.press('j');
      await audit(page, 'review page, row 2 selected, Flags panel');

      await page.keyboard.press('f');
      await page.getByRole('dialog', { name: 'Flag row 2' }).waitFor();
      await audit(page, 'review page, flag form open');
      await page.locator('#flag-category').selectOption('meaning');
      await page.locator('#flag-comment').fill('“Extended deterrence” is rendered as 억제, which drops “extended”.');
      await page.getByRole('button', { name: 'Save' }).click();
      await page.getByRole('dialog', { name: 'Flag row 2' }).waitFor({ state: 'hidden' });
      await page.locator('.flag-list .flag-item').first().waitFor();
      await page.locator('.flag-item summary').first().click();
      await page.locator('.flag-item .comment-form').waitFor();
      await audit(page, 'review page, Flags panel with an open flag and its thread');
      // A settled flag is shown toned down: it must stay readable.
      await page.locator('.flag-item').first().getByRole('button', { name: 'Resolve' }).click();
      await page.locator('#flag-filter-status').selectOption('');
      await page.locator('.flag-item.status-resolved').waitFor();
      await audit(page, 'review page, Flags panel with a resolved flag');

      await page.locator('tr.bead').nth(1).focus();
      await page.keyboard.press('s');
      const split = page.getByRole('dialog', { name: 'Split row 2' });
      await split.waitFor();
      await audit(page, 'review page, split dialog');
      await page.keyboard.press('Escape');
      await split.waitFor({ state: 'hidden' });

      await page.locator('.panel-tabs').getByRole('tab', { name: 'Suggestions' }).click();
      await page.locator('.finding-list, .panel-actions').first().waitFor();
      await audit(page, 'review page, Suggestions panel');

      await page.locator('tr.bead').nth(1).focus();
      await page.keyboard.press('Shift+S');
      await page.locator('section.sentences').waitFor();
      await audit(page, 'review page, Sentences panel');

      await page.locator('.panel-tabs').getByRole('tab', { name: 'Versions' }).click();
      await page.locator('.version-form').waitFor();
      await audit(page, 'review page, Versions panel');

      // The paragraph editor of the current row (t).
      await page.locator('tr.bead').nth(1).focus();
      await page.keyboard.press('t');
      await page.locator('.para-editor textarea').waitFor();
      await audit(page, 'review page, paragraph editor open');
    }, 30_000);
  });

  it('finds nothing serious on the glossary page', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/#glossary`);
      await page.locator('table.glossary tbody tr').first().waitFor();
      await audit(page, 'glossary');
    }, 20_000);
  });

  it('finds nothing serious in the keyboard-shortcuts dialog', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      await audit(page, 'keyboard-shortcuts dialog');
    }, 20_000);
  });

  it('finds nothing serious at phone width, with the row tools menu open', async () => {
    await withPage(fx, async (page) => {
      await page.setViewportSize({ width: 390, height: 800 });
      await open(page, `${fx.server.url}/`);
      await page.locator('table.statements tbody tr').first().waitFor();
      await audit(page, 'statement list at phone width');
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      await page.keyboard.press('j');
      await page.getByRole('button', { name: 'Row tools' }).click();
      await audit(page, 'review page at phone width, row tools open');
    }, 20_000);
  });

  it('keeps the glossary readable at 320 px (a page zoomed to 400 %): each column under its own header, the table scrolling in its own box', async () => {
    await withPage(fx, async (page) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await open(page, `${fx.server.url}/`);
      await page.locator('table.statements tbody tr').first().waitFor();
      await page.getByRole('link', { name: 'Glossary' }).click();
      await page.locator('table.glossary tbody tr').first().waitFor();
      await audit(page, 'glossary at 320 px');
      // (No helper function inside evaluate: tsx would name it with a __name the page lacks.)
      const cols = await page.evaluate(() => {
        const table = document.querySelector('table.glossary')!;
        return {
          headers: [...table.querySelectorAll('thead th')].filter((c) => getComputedStyle(c).display !== 'none').length,
          cells: [...table.querySelectorAll('tbody tr:first-child td')].filter((c) => getComputedStyle(c).display !== 'none').length,
          page: document.documentElement.scrollWidth,
          width: window.innerWidth,
        };
      });
      expect(cols.headers, 'a header for every column').to.equal(cols.cells);
      expect(cols.page, 'the page does not scroll sideways').to.be.at.most(cols.width);
      // Back to the list by the browser's Back button (a hash change): the glossary's trail goes with it.
      await page.getByRole('navigation', { name: 'Breadcrumb' }).getByText('Glossary').waitFor();
      await page.goBack();
      await page.locator('table.statements:not(.glossary) tbody tr').first().waitFor();
      expect(await page.getByRole('navigation', { name: 'Breadcrumb' }).count()).to.equal(0);
    }, 20_000);
  });
});
