/** A parsed JSON object: what the API answers, a descriptor, a callback message. */
export type Json = Record<string, unknown>;

/** True for an object that is neither null nor an array. */
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
