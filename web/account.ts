// Accounts mode (serving beyond loopback): the sign-in screen and the signed-in user in the top bar.
import { login, logout, type SessionUser } from './api.ts';
import { byId, clear, h } from './dom.ts';

/** Replaces the free-text name field: with accounts the server knows who is acting. */
export function showSignedIn(user: SessionUser): void {
  const field = document.querySelector<HTMLElement>('.reviewer-field');
  if (field) field.hidden = true;
  const out = h('button', { type: 'button', class: 'ghost small' }, 'Sign out');
  out.addEventListener('click', () => {
    void logout()
      .catch(() => undefined)
      .then(() => location.assign('/'));
  });
  field?.after(h('span', { class: 'signed-in' }, h('span', { class: 'muted-light' }, 'Signed in as '), h('strong', null, user.name), ` · ${user.role}`), out);
}

export function renderLogin(root: HTMLElement): void {
  document.title = 'Sign in · twintext';
  const field = document.querySelector<HTMLElement>('.reviewer-field');
  if (field) field.hidden = true;
  clear(byId('crumbs'));
  const name = h('input', { type: 'text', id: 'login-name', autocomplete: 'username', required: true });
  const password = h('input', { type: 'password', id: 'login-password', autocomplete: 'current-password', required: true });
  const error = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, 'Sign in');
  const form = h(
    'form',
    { class: 'login-form', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Sign in'),
    h('p', { class: 'muted small' }, 'This twintext server is shared: sign in with the account your administrator created.'),
    h('label', { for: 'login-name' }, 'Name', name),
    h('label', { for: 'login-password' }, 'Password', password),
    error,
    h('div', { class: 'form-actions' }, submit),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    login(name.value.trim(), password.value)
      .then(() => location.reload())
      .catch((err: unknown) => {
        submit.disabled = false;
        error.textContent = err instanceof Error ? err.message : String(err);
        error.hidden = false;
        password.select();
      });
  });
  clear(root);
  root.append(form);
  name.focus();
}
