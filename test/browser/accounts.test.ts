// Browser test for accounts mode: sign-in screen, the signed-in user as reviewer, CSRF header on writes, sign-out.
import { expect } from 'chai';
import { addUser } from '../../server/ops/accounts.ts';
import { seedDemo } from '../../server/ops/seed.ts';
import { addFlag, getStatementView } from '../../server/ops/review.ts';
import { newPage, open, useFixture } from './harness.ts';

const PASSWORD = 'correct horse battery';

describe('web: accounts mode', function () {
  this.timeout(30_000);
  const fx = useFixture(
    (conn) => {
      const statementId = Math.min(...seedDemo(conn));
      addUser(conn, 'Lee Seoyeon', 'translator', PASSWORD, 'test');
      addUser(conn, 'Park Jiho', 'editor', PASSWORD, 'test');
      // An open flag on the first row, for the flag panel's actions.
      const bead = getStatementView(conn, statementId).alignment!.beads[0]!;
      addFlag(conn, bead.id, { category: 'style', comment: 'Title capitalisation differs' }, 'test');
      return { statementId };
    },
    { accounts: true },
  );

  it('asks to sign in, then reviews as the signed-in user with the CSRF token, and signs out', async () => {
    const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url, reviewer: null });
    page.setDefaultTimeout(5000);
    try {
      await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
      const form = page.getByRole('form', { name: 'Sign in' });
      await form.getByLabel('Name').fill('Lee Seoyeon');
      await form.getByLabel('Password').fill('wrong password!');
      await form.getByRole('button', { name: 'Sign in' }).click();
      await form.getByRole('alert').waitFor();
      expect(await page.locator('tr.bead').count()).to.equal(0);

      await form.getByLabel('Password').fill(PASSWORD);
      await form.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('tr.bead').first().waitFor();
      expect(await page.locator('.signed-in').textContent()).to.contain('Lee Seoyeon');
      expect(await page.getByRole('textbox', { name: 'Your name' }).count()).to.equal(0);

      // A write goes through: the page sends the session's CSRF token, and the server records the account.
      const csrf = page.waitForRequest((r) => r.url().endsWith('/edit') && r.method() === 'POST');
      await page.locator('tr.bead').first().getByRole('button', { name: 'Confirm' }).click();
      expect((await csrf).headers()['x-csrf-token']).to.be.a('string').and.not.equal('');
      await page.waitForSelector('tr.bead:nth-child(1) button.confirm[aria-pressed="true"]');
      const events = await page.evaluate(async (id) => (await (await fetch(`/api/statements/${id}/events`)).json()) as { events: { action: string; actor: string }[] }, fx.data.statementId);
      expect(events.events.find((e) => e.action.includes('confirm'))?.actor).to.equal('Lee Seoyeon');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('form', { name: 'Sign in' }).waitFor();
      expect(pageErrors).to.deep.equal([]);
    } finally {
      await close();
    }
  });

  it('offers a translator no export, report or flag resolution (editors\' actions), and an editor all of them', async () => {
    for (const [name, editor] of [['Lee Seoyeon', false], ['Park Jiho', true]] as const) {
      const { close, page, pageErrors } = await newPage(fx.browser, { baseUrl: fx.server.url, reviewer: null });
      page.setDefaultTimeout(5000);
      try {
        await open(page, `${fx.server.url}/statements/${fx.data.statementId}`);
        const form = page.getByRole('form', { name: 'Sign in' });
        await form.getByLabel('Name').fill(name);
        await form.getByLabel('Password').fill(PASSWORD);
        await form.getByRole('button', { name: 'Sign in' }).click();
        await page.locator('tr.bead').first().waitFor();
        await page.locator('.flag-item').first().waitFor();
        const exportBar = page.getByRole('group', { name: 'Export' });
        expect(await exportBar.getByRole('link', { name: 'TSV' }).count(), name).to.equal(editor ? 1 : 0);
        expect(await exportBar.getByRole('link', { name: 'Report' }).count(), name).to.equal(editor ? 1 : 0);
        if (!editor) expect(await exportBar.textContent()).to.contain('Exports and flag reports are for editors');
        expect(await page.locator('.flag-item').first().getByRole('button', { name: 'Resolve' }).count(), name).to.equal(editor ? 1 : 0);
        // The glossary: editors add, edit and delete terms; translators read it.
        await open(page, `${fx.server.url}/#glossary`);
        await page.locator('table.glossary tbody tr').first().waitFor();
        expect(await page.getByRole('button', { name: 'Add term' }).count(), name).to.equal(editor ? 1 : 0);
        expect(await page.locator('table.glossary tbody tr').first().getByRole('button', { name: /^Delete / }).count(), name).to.equal(editor ? 1 : 0);
        if (!editor) await page.getByText('The glossary is kept by editors').waitFor();
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.getByRole('form', { name: 'Sign in' }).waitFor();
        expect(pageErrors).to.deep.equal([]);
      } finally {
        await close();
      }
    }
  });
});
