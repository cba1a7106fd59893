/** Carried by every event of one attempt, so a host can tie them together. */
export interface AttemptDetail {
  /** The vendor id of the descriptor in use. */
  vendor: string;
  /** A random id per attempt; new after `reset()` or a vendor change. */
  attemptId: string;
}

export const eventInit = <T>(detail: T): CustomEventInit<T> => ({ bubbles: true, composed: true, detail });
