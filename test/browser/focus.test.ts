// Browser tests: the focus stays with the keyboard user after actions that disable or rebuild the
// control they used (a refused import, the consistency check, a new version uploaded in the panel), and
// when a form folds away (Escape on the import form, a glossary edit cancelled, escaped or saved).
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { importStatement } from '../../server/ops/import.ts';
import { open, useFixture, withPage } from './harness.ts';

const active = (page: Page) => page.evaluate(() => {
  const a = document.activeElement as HTMLElement | null;
  return a === document.body || !a ? 'body' : `${a.tagName.toLowerCase()}:${a.textContent?.trim() ?? ''}`;
});

describe('web: focus after actions that disable or rebuild their control', function () {
  this.timeout(60_000);
  const fx = useFixture((conn) => ({
    sid: importStatement(conn, { title: 'Port security talks', texts: { en: 'The two sides met in Incheon.\n\nThey agreed to share port security data.', ko: '양측은 인천에서 만났다.\n\n양측은 항만 보안 정보를 공유하기로 합의하였다.' } }, 'setup').statementId,
  }));

  it('gives the focus back to Import after a refused import, and to Check consistency after the check', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/`);
      await page.getByRole('button', { name: '+ Import statement' }).click();
      const form = page.getByRole('form', { name: 'Import statement' });
      await form.getByLabel('English text').fill('The ministers met.');
      // English where Korean is expected: the server refuses it.
      await form.getByLabel('Korean text').fill('This is not Korean at all.');
      await form.getByRole('button', { name: 'Import' }).focus();
      await page.keyboard.press('Enter');
      await form.getByRole('alert').waitFor();
      expect(await active(page)).to.equal('button:Import');

      const run = page.getByRole('button', { name: 'Check consistency' });
      await run.focus();
      await page.keyboard.press('Enter');
      await page.locator('.consistency-summary').waitFor();
      expect(await active(page)).to.equal('button:Check consistency');
    }, 15_000);
  });

  it('folds the import form away on Escape, back to its button, and keeps what was typed', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/`);
      const toggle = page.getByRole('button', { name: '+ Import statement' });
      await toggle.focus();
      await page.keyboard.press('Enter');
      const form = page.getByRole('form', { name: 'Import statement' });
      await form.getByLabel('English text').fill('The two sides met in Busan on May 3.');
      await page.keyboard.press('Escape');
      await form.waitFor({ state: 'hidden' });
      expect(await active(page)).to.equal('button:+ Import statement');
      expect(await toggle.getAttribute('aria-expanded')).to.equal('false');
      await page.keyboard.press('Enter');
      expect(await form.getByLabel('English text').inputValue()).to.equal('The two sides met in Busan on May 3.');
    }, 15_000);
  });

  it('gives the focus back to a glossary term\'s Edit button when its edit is cancelled, escaped or saved', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/#glossary`);
      await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
      await page.getByLabel('English terms').fill('Port Security Working Group');
      await page.getByLabel('Korean terms').fill('항만보안실무단');
      await page.getByRole('button', { name: 'Add term' }).focus();
      await page.keyboard.press('Enter');
      const edit = page.getByRole('button', { name: 'Edit Port Security Working Group' });
      await edit.waitFor();
      // Added: the focus is on the first field again, ready for the next term.
      expect(await page.evaluate(() => document.activeElement?.id)).to.equal('term-en');

      // Cancel, then Escape: each puts the focus back on the Edit button the edit was opened from.
      await edit.focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Edit term Port Security Working Group' }).waitFor();
      await page.getByRole('button', { name: 'Cancel' }).focus();
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Add a term' }).waitFor();
      expect(await active(page)).to.equal('button:Edit');
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { name: 'Edit term Port Security Working Group' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByRole('heading', { name: 'Add a term' }).waitFor();
      expect(await active(page)).to.equal('button:Edit');

      // Saved: the same.
      await page.keyboard.press('Enter');
      await page.getByLabel('Korean terms').fill('항만보안 실무단');
      await page.keyboard.press('Enter');
      await page.getByRole('cell', { name: '항만보안 실무단' }).waitFor();
      expect(await active(page)).to.equal('button:Edit');
    }, 15_000);
  });

  it('gives the focus to the Versions tab when the diff of a new version closes', async () => {
    await withPage(fx, async (page) => {
      await open(page, `${fx.server.url}/statements/${fx.data.sid}`);
      await page.locator('.panel-tabs').getByRole('tab', { name: 'Versions' }).click();
      await page.getByLabel('Language').selectOption('ko');
      await page.getByLabel('Paste text').fill('양측은 인천항에서 만났다.\n\n양측은 항만 보안 정보를 공유하기로 합의하였다.');
      await page.getByRole('button', { name: 'Upload version' }).focus();
      await page.keyboard.press('Enter');
      const diff = page.getByRole('dialog', { name: /Changes in Korean: version 1 → 2/ });
      await diff.waitFor();
      await page.keyboard.press('Escape');
      await diff.waitFor({ state: 'hidden' });
      expect(await active(page)).to.equal('button:Versions');
    }, 15_000);
  });
});
