// Page-wide UI services: status/error messages, the reviewer-name field and its cookie, the help dialog.
import { ApiError } from './api.ts';
import { byId } from './dom.ts';
import { readCookie, reviewerCookie, REVIEWER_COOKIE } from './model.ts';

let statusTimer: ReturnType<typeof setTimeout> | undefined;

/** Polite, transient confirmation ("Flag saved"); screen readers read it without interrupting. */
export function announce(message: string): void {
  const el = byId('status');
  // Clearing first makes repeated identical messages be announced again.
  el.textContent = '';
  requestAnimationFrame(() => {
    el.textContent = message;
  });
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => {
    el.textContent = '';
  }, 6000);
}

export function showError(message: string): void {
  byId('error-text').textContent = message;
  byId('error').hidden = false;
}

export function clearError(): void {
  byId('error').hidden = true;
  byId('error-text').textContent = '';
}

export function reportError(err: unknown): void {
  if (err instanceof ApiError) showError(err.message);
  else if (err instanceof Error) showError(`Unexpected error: ${err.message}`);
  else showError('Unexpected error');
}

/** In accounts mode the signed-in user is the reviewer; the name field and its cookie are not used. */
let accountUser: string | null = null;
let accountRole: string | null = null;

export function setAccountUser(name: string | null, role: string | null = null): void {
  accountUser = name;
  accountRole = role;
}

/**
 * Whether the user may resolve flags, export and read reports: an editor or admin when signed in,
 * everyone on loopback (no accounts). The server checks again; this only spares translators
 * buttons that would answer "this needs the editor role".
 */
export function canEdit(): boolean {
  return accountRole === null || accountRole === 'editor' || accountRole === 'admin';
}

export function reviewerName(): string {
  if (accountUser) return accountUser;
  return readCookie(document.cookie, REVIEWER_COOKIE)?.trim() ?? '';
}

/**
 * Gate for every write: the server refuses anonymous changes, so we catch it earlier and send the
 * user straight to the field instead of letting the request fail.
 */
export function requireReviewer(): boolean {
  if (reviewerName()) return true;
  const input = byId<HTMLInputElement>('reviewer');
  showError('Enter your name in the “Your name” field before making changes.');
  input.setAttribute('aria-invalid', 'true');
  input.focus();
  return false;
}

export function initShell(onLeaveNameField: () => void): void {
  const input = byId<HTMLInputElement>('reviewer');
  input.value = reviewerName();
  const save = (): void => {
    const v = input.value.trim();
    if (v) {
      document.cookie = reviewerCookie(v);
      input.removeAttribute('aria-invalid');
    } else {
      document.cookie = `${REVIEWER_COOKIE}=; path=/; max-age=0; SameSite=Lax`;
    }
  };
  // Saved on every keystroke so a shortcut pressed right after typing already sees the name.
  input.addEventListener('input', save);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === 'Escape') {
      e.preventDefault();
      save();
      if (reviewerName()) {
        const err = byId('error-text').textContent ?? '';
        if (err.startsWith('Enter your name')) clearError();
        announce(`Reviewing as ${reviewerName()}`);
      }
      onLeaveNameField();
    }
  });

  byId('error-dismiss').addEventListener('click', clearError);
  document.addEventListener('keydown', (e) => {
    // Escape closes dialogs natively; with none open it dismisses the error message instead.
    if (e.key === 'Escape' && !anyDialogOpen() && !isTypingTarget(e.target)) clearError();
  });
  const help = byId<HTMLDialogElement>('help');
  byId('help-button').addEventListener('click', () => openHelp());
  help.addEventListener('click', (e) => {
    // A click on the backdrop lands on the dialog element itself.
    if (e.target === help) help.close();
  });
}

export function openHelp(): void {
  const help = byId<HTMLDialogElement>('help');
  if (!help.open) help.showModal();
}

/** True while a modal is up: page shortcuts must not act behind it. */
export function anyDialogOpen(): boolean {
  return document.querySelector('dialog[open]') !== null;
}

/** Keys typed into form fields are text, not shortcuts. */
export function isTypingTarget(t: EventTarget | null): boolean {
  if (!(t instanceof HTMLElement)) return false;
  if (t.isContentEditable) return true;
  if (t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement) return true;
  if (t instanceof HTMLInputElement) return !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(t.type);
  return false;
}

/**
 * For a dialog's close event: give the focus back with `restore` unless the user has already moved it
 * elsewhere. The close event arrives a task after the dialog has closed, and a key pressed in between
 * (g, j) or a click in the name field has put the focus where it should stay.
 */
export function restoreFocusUnlessMoved(dialog: HTMLDialogElement, restore: () => void): void {
  const active = document.activeElement;
  if (!active || active === document.body || dialog.contains(active)) restore();
}
