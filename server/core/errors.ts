// The error hierarchy every layer throws; the CLI and HTTP edges map it to exit codes and statuses.
export { InputError } from './types.ts';

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  readonly code = 'not_found';
}

/** A write based on a stale version, or one that would break a uniqueness rule. */
export class ConflictError extends Error {
  override name = 'ConflictError';
  constructor(message: string, readonly code = 'conflict') {
    super(message);
  }
}
