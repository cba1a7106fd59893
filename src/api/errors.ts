import { isRetryable, type ErrorCode } from '../errors.js';

/** An error from the API client, already mapped to a contract code. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly retryable: boolean;

  /** Messages for single fields, by field name. */
  readonly fields?: Record<string, string>;
  /** Seconds to wait before trying again (`Retry-After`). */
  readonly retryAfter?: number;
  /** A `network_error` because the server did not answer in time. */
  declare readonly timedOut: boolean;

  constructor(
    readonly code: ErrorCode,
    /** The server's message when it gave one; empty when the view should use its own words. */
    message = '',
    details: { fields?: Record<string, string>; retryAfter?: number; timedOut?: boolean } = {},
  ) {
    super(message);
    this.retryable = isRetryable(code);
    Object.assign(this, { timedOut: false, ...details });
  }
}
