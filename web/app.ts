// Browser entry point: wires the page shell and routes location.pathname to the list or review screen.
import { renderLogin, showSignedIn } from './account.ts';
import { getMe, setCsrfToken } from './api.ts';
import { byId } from './dom.ts';
import { renderGlossary } from './glossary.ts';
import { renderList } from './list.ts';
import { ReviewPage } from './review.ts';
import { initShell, reportError, setAccountUser } from './ui.ts';

async function main(): Promise<void> {
  const root = byId('app');
  let review: ReviewPage | null = null;
  initShell(() => {
    if (review) review.focusCurrent();
    else (document.getElementById('search') ?? root).focus();
  });
  // Older servers have no /api/me: treat that like loopback mode (a typed reviewer name).
  const me = await getMe().catch(() => null);
  if (me?.accounts && !me.user) {
    renderLogin(root);
    document.documentElement.dataset['ready'] = 'true';
    return;
  }
  if (me?.user) {
    setCsrfToken(me.csrfToken);
    setAccountUser(me.user.name, me.user.role);
    showSignedIn(me.user);
  }
  const m = /^\/statements\/(\d+)\/?$/.exec(location.pathname);
  if (m) {
    review = new ReviewPage(root, Number(m[1]), new URLSearchParams(location.search).get('lang'));
    await review.load();
  } else {
    // The server serves the shell only for / and /statements/:id, so the glossary lives at /#glossary.
    const route = (): Promise<void> => (location.hash === '#glossary' ? renderGlossary(root) : renderList(root));
    window.addEventListener('hashchange', () => void route().catch(reportError));
    await route();
  }
  // Lets tests and scripts wait for the first render instead of guessing with timeouts.
  document.documentElement.dataset['ready'] = 'true';
  performance.mark('twintext:ready');
}

main().catch(reportError);
