import type { AuthMethod } from '../descriptor/types.js';
import { eventInit, type AttemptDetail } from './base.js';

export interface CmaRegisteredDetail extends AttemptDetail {
  method: AuthMethod;
  /** The ConnectMyApps connection id. Verify it server-side: any page script can forge DOM events. */
  connectionId: string;
  displayName?: string;
}

/** The app is registered in ConnectMyApps. */
export class CmaRegisteredEvent extends CustomEvent<CmaRegisteredDetail> {
  constructor(detail: CmaRegisteredDetail) {
    super('cma-registered', eventInit(detail));
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'cma-registered': CmaRegisteredEvent;
  }
}
