/**
 * The error codes of the public contract (section 2). The engine, the events, the strings and the
 * API client all speak them, so they live here rather than in any one of those layers.
 * Hosts treat any other code as `unknown_error`.
 */
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
