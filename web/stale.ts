// What the review page says when what is on screen is out of date, and how it tells that a refusal means so.
import { ApiError } from './api.ts';

export const CONFLICT_MESSAGE = 'This row was changed by someone else; reloaded.';
export const STALE_MESSAGE = 'This statement changed since you opened it (a new version, or rows rebuilt); reloaded. Check the row before acting on it again.';
export const WAIT_MESSAGE = 'Wait a moment: the last change is still being saved.';

/**
 * A change refused because what is on screen is out of date: changed since it was loaded (409), or
 * gone (404: merged away or re-aligned by someone else in another tab).
 */
export function staleScreen(err: unknown): err is ApiError {
  return err instanceof ApiError && (err.status === 409 || (err.status === 404 && err.code === 'not_found'));
}

/** Reloads the statement as it now is and says why; every panel that changes rows or flags is given this. */
export type ReloadWithMessage = (message: string, focusIndex?: number, refocus?: boolean) => Promise<void>;
