// Browser test of who decides what on a flag or a suggestion (accounts mode): a translator may raise a
// flag's severity but not lower it, and may not set an error or a warning aside; an editor may, and can
// bring a dismissed suggestion back. A flag's history, from its own events, names every change.
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { addUser } from '../../server/ops/accounts.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { addFlag, getStatementView } from '../../server/ops/review.ts';
import { listFindings } from '../../server/store/findings.ts';
import { newPage, open, useFixture } from './harness.ts';

const PASSWORD = 'correct horse battery';

describe('web: flag and suggestion decisions by role', function () {
  this.timeout(30_000);
  const fx = useFixture(
    (conn) => {
      const statementId = Math.min(...seedDemo(conn));
      addUser(conn, 'Lee Seoyeon', 'translator', PASSWORD, 'test');
      addUser(conn, 'Park Jiho', 'editor', PASSWORD, 'test');
      const view = getStatementView(conn, statementId);
      addFlag(conn, view.alignment!.beads[0]!.id, { category: 'style', severity: 'minor', comment: 'Title capitalisation differs' }, 'test');
      const serious = listFindings(conn, view.alignment!.id).filter((f) => f.status === 'suggested' && f.severity !== 'info');
      return { statementId, serious: serious.length };
    },
    { accounts: true },
  );

  async function signIn(name: string, fn: (page: Page) => Promise<void>): Promise<void> {
    const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url, reviewer: null });
    page.setDefaultTimeout(5000);
    try {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const form = page.getByRole('form', { name: 'Sign in' });
      await form.getByLabel('Name').fill(name);
      await form.getByLabel('Password').fill(PASSWORD);
      await form.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('.flag-item').first().waitFor();
      await fn(page);
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  }

  it('lets a translator raise a flag\'s severity, not lower it, and not dismiss an error or a warning; the history says so', async () => {
    expect(fx.data.serious, 'the demo statement has errors or warnings to decide').to.be.at.least(1);
    await signIn('Lee Seoyeon', async (page) => {
      const flag = page.locator('.flag-item').first();
      const severity = flag.getByRole('combobox', { name: /^Severity of the style flag on row 1$/ });
      expect(await severity.locator('option').allTextContents()).to.deep.equal(['Minor', 'Major', 'Critical']);
      await severity.selectOption('major');
      await page.locator('.flag-item .badge.sev-major').first().waitFor();
      // Raised, it can no longer be set back by a translator.
      const again = page.locator('.flag-item').first().getByRole('combobox', { name: /^Severity of/ });
      expect(await again.locator('option').allTextContents()).to.deep.equal(['Major', 'Critical']);
      await page.locator('.flag-item').first().locator('summary').click();
      const history = page.locator('.flag-item').first().locator('.status-history');
      await history.getByText(/Lee Seoyeon: severity minor → major$/).waitFor();
      expect(await history.locator('li').allTextContents()).to.have.length(2);
      expect((await history.locator('li').first().textContent())!).to.match(/test: opened$/);

      await page.locator('.panel-tabs').getByRole('tab', { name: /^Suggestions/ }).click();
      const items = page.locator('.finding-list > li.finding-item:not(.sev-info)');
      await items.first().waitFor();
      expect(await items.first().getByRole('button', { name: 'Dismiss' }).count()).to.equal(0);
      expect(await items.first().getByText('Dismissing is for editors').count()).to.equal(1);
      expect(await items.first().getByRole('button', { name: 'Accept' }).count()).to.equal(1);
      expect(await page.locator('.dismissed-findings').count()).to.equal(0);
    });
  });

  it('lets an editor lower a severity, dismiss a warning and restore it from the Dismissed list', async () => {
    await signIn('Park Jiho', async (page) => {
      const severity = page.locator('.flag-item').first().getByRole('combobox', { name: /^Severity of/ });
      expect(await severity.locator('option').allTextContents()).to.deep.equal(['Minor', 'Major', 'Critical']);
      await severity.selectOption('minor');
      await page.locator('.flag-item .badge.sev-minor').first().waitFor();

      await page.locator('.panel-tabs').getByRole('tab', { name: /^Suggestions/ }).click();
      const openItems = page.locator('.finding-list > li.finding-item:not(.sev-info)');
      await openItems.first().waitFor();
      const before = await openItems.count();
      const message = (await openItems.first().locator('.flag-comment').textContent())!;
      await openItems.first().getByRole('button', { name: 'Dismiss' }).click();
      const dismissed = page.locator('.dismissed-findings');
      await dismissed.getByText('Dismissed (1)').waitFor();
      expect(await openItems.count()).to.equal(before - 1);
      await dismissed.locator('summary').click();
      expect(await dismissed.locator('.flag-comment').allTextContents()).to.deep.equal([message]);
      await dismissed.getByRole('button', { name: 'Restore' }).click();
      await page.locator('.dismissed-findings').waitFor({ state: 'detached' });
      expect(await openItems.count()).to.equal(before);
      expect(await openItems.locator('.flag-comment').allTextContents()).to.include(message);
    });
  });
});
