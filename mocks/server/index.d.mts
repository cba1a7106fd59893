/** Types of the mock backend (mocks/server/index.mjs). */
export type LoginMode = 'form' | 'auto' | 'deny' | 'error';

export interface OAuthBehaviour {
  /** form: the vendor's login and consent pages; auto: accept with no page; deny: the user refuses; error: the vendor fails. */
  login?: LoginMode;
  /** `Cross-Origin-Opener-Policy: same-origin` on every answer of the authorization server. */
  coop?: boolean;
  /** Lifetime of new flows (default 10 minutes). */
  expiresInMs?: number;
}

/** A flow as the API holds it (test use: `values` may hold secrets). */
export interface ServerFlow {
  flowId: string;
  vendor: string;
  status: 'pending' | 'succeeded' | 'failed';
  values: Record<string, unknown>;
  connectionId?: string;
  error?: { code: string; message: string };
  mode?: 'popup' | 'redirect';
  origin?: string;
  expiresAt?: string;
}

export interface MockServers {
  /** e.g. http://localhost:40123 */
  apiOrigin: string;
  /** `${apiOrigin}/v1`: the widget's api-base */
  apiBase: string;
  /** e.g. http://127.0.0.2:40124 */
  asOrigin: string;
  /** Vendors the authorization server has a client for (descriptors with method oauth2). */
  oauthVendors: string[];
  setScenario(name: string): void;
  setOAuth(behaviour: OAuthBehaviour): void;
  /** Back to the defaults (scenario ok, login form, no COOP, 10-minute flows), and forgets every flow. */
  reset(): void;
  /** The flows the API holds now (a DELETEd one is gone). */
  flows(): ServerFlow[];
  /** Ends a pending flow as the vendor would, with no window; returns its connection id. */
  completeFlow(flowId: string): string;
  close(): Promise<void>;
}

export declare const loginModes: LoginMode[];

export declare function startMockServers(options: {
  hostOrigins: string[];
  latencyMs?: number;
  callbackEntry?: string;
  /** Serve /v1/__test/post#<JSON {messages, targetOrigin}>: posts the messages to window.opener from the API's origin. */
  testPages?: boolean;
}): Promise<MockServers>;
