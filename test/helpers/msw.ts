import { setupWorker } from 'msw/browser';
import { createHandlers, type Scenario } from '../../mocks/handlers.js';

export const worker = setupWorker();
let started: Promise<unknown> | undefined;

/** A request the page sent, as the API saw it. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Starts the mock API once per test file and answers with `scenario` (no latency unless asked). */
export async function useScenario(scenario: Scenario = 'ok', latencyMs = 0) {
  started ??= worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
  await started;
  worker.resetHandlers(...createHandlers(scenario, latencyMs));
}

/** Records every request the mock API receives until `stop()`. */
export function recordRequests() {
  const requests: SeenRequest[] = [];
  const pending: Promise<void>[] = [];
  const listener = ({ request }: { request: Request }) => {
    const copy = request.clone();
    pending.push(
      copy.text().then(body => {
        requests.push({ method: request.method, url: request.url, headers: Object.fromEntries(request.headers), body });
      }),
    );
  };
  worker.events.on('request:start', listener);
  return {
    requests,
    /** Waits until every request seen so far has been read. */
    settled: () => Promise.all(pending),
    /** API calls only (not the images the page loads). */
    api: () => requests.filter(r => !/\.(svg|png)$/.test(new URL(r.url).pathname)),
    stop: () => worker.events.removeListener('request:start', listener),
  };
}
