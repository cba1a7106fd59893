/** The error codes of the public contract. Hosts treat any other code as `unknown_error`. */
export const ERROR_CODES = [
  'descriptor_not_found',
  'descriptor_invalid',
  'invalid_input',
  'invalid_credentials',
  'session_expired',
  'origin_not_allowed',
  'rate_limited',
  'server_error',
  'network_error',
  'popup_blocked',
  'popup_closed',
  'timeout',
  'access_denied',
  'provider_error',
  'invalid_callback',
  'unknown_error',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const NOT_RETRYABLE: ReadonlySet<ErrorCode> = new Set([
  'descriptor_not_found',
  'descriptor_invalid',
  'session_expired',
  'origin_not_allowed',
]);

export const isErrorCode = (code: unknown): code is ErrorCode => ERROR_CODES.includes(code as ErrorCode);
export const isRetryable = (code: ErrorCode) => !NOT_RETRYABLE.has(code);

/** An error from the API client, already mapped to a contract code. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly retryable: boolean;

  /** Messages for single fields, by field name. */
  readonly fields?: Record<string, string>;
  /** Seconds to wait before trying again (`Retry-After`). */
  readonly retryAfter?: number;
  /** A `network_error` because the server did not answer in time. */
  readonly timedOut: boolean;

  constructor(
    readonly code: ErrorCode,
    /** The server's message when it gave one; empty when the view should use its own words. */
    message = '',
    details: { fields?: Record<string, string>; retryAfter?: number; timedOut?: boolean } = {},
  ) {
    super(message);
    this.retryable = isRetryable(code);
    this.fields = details.fields;
    this.retryAfter = details.retryAfter;
    this.timedOut = details.timedOut ?? false;
  }
}
