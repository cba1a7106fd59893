/**
 * The OAuth popup protocol (contract section 5): the message the callback page posts to the
 * widget, and the checks the widget makes before it believes one.
 */
import type { ErrorCode } from '../errors.js';
import { isObject } from '../json.js';

export const MESSAGE_TYPE = 'cma:oauth-result';

/** Query parameters of a page the redirect mode returns to: the flow to finish and the vendor it is for. */
export const FLOW_PARAM = 'cma_flow';
export const VENDOR_PARAM = 'cma_vendor';

export interface OAuthResult {
  type: typeof MESSAGE_TYPE;
  flowId: string;
  status: 'succeeded' | 'failed';
  connectionId?: string;
  error?: { code: ErrorCode | string; message?: string };
}

/**
 * What a `message` event means for the flow in progress: `ignore` when it is not ours to judge (another
 * origin, another window, another flow), `invalid` when it comes from the callback page for this flow
 * but is not the protocol's shape, else the result (still to be confirmed with the server).
 */
export function readCallbackMessage(
  event: Pick<MessageEvent, 'origin' | 'data' | 'source'>,
  expected: { origin: string; flowId: string; source?: Window | null },
): OAuthResult | 'ignore' | 'invalid' {
  // exact comparison: no prefix, suffix or case folding
  if (event.origin !== expected.origin) return 'ignore';
  if (expected.source && !expected.source.closed && event.source !== expected.source) return 'ignore';
  const data = event.data;
  if (!isObject(data) || data.flowId !== expected.flowId) return 'ignore';
  const shapeOk =
    data.type === MESSAGE_TYPE &&
    (data.status === 'succeeded' || data.status === 'failed') &&
    (data.connectionId === undefined || typeof data.connectionId === 'string') &&
    (data.error === undefined || (isObject(data.error) && typeof data.error.code === 'string'));
  return shapeOk ? (data as unknown as OAuthResult) : 'invalid';
}
