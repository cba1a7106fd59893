import { expect } from '@open-wc/testing';
import { readCallbackMessage } from '../../src/oauth/protocol.js';

const ORIGIN = 'https://api.example.com';
const FLOW = 'flow_abc';
const ok = { type: 'cma:oauth-result', flowId: FLOW, status: 'succeeded', connectionId: 'conn_1' };
const read = (origin: string, data: unknown, source: Window | null = null, expectedSource?: Window | null) =>
  readCallbackMessage({ origin, data, source }, { origin: ORIGIN, flowId: FLOW, source: expectedSource });

describe('the OAuth callback message checks', () => {
  it('takes a message in the protocol’s shape from exactly the callback origin for the flow in progress', () => {
    expect(read(ORIGIN, ok)).to.deep.equal(ok);
    const failed = { type: 'cma:oauth-result', flowId: FLOW, status: 'failed', error: { code: 'access_denied', message: 'No' } };
    expect(read(ORIGIN, failed)).to.deep.equal(failed);
  });

  it('ignores any other origin, however close', () => {
    for (const origin of [
      'https://api.example.com.evil.test',
      'https://evil.test',
      'http://api.example.com',
      'https://API.example.com',
      'https://api.example.com:443',
      'https://api.example.com/',
      'null',
      '',
    ]) {
      expect(read(origin, ok), origin).to.equal('ignore');
    }
  });

  it('ignores messages for another flow, and messages that name no flow', () => {
    expect(read(ORIGIN, { ...ok, flowId: 'flow_other' })).to.equal('ignore');
    for (const data of [null, 'cma:oauth-result', 42, [ok], { type: 'cma:oauth-result' }]) expect(read(ORIGIN, data)).to.equal('ignore');
  });

  it('ignores a message from another window while its own popup is open', () => {
    const popup = window.open('', 'protocol-test', 'popup,width=200,height=200')!;
    try {
      expect(read(ORIGIN, ok, window, popup)).to.equal('ignore');
      expect(read(ORIGIN, ok, popup, popup)).to.deep.equal(ok);
    } finally {
      popup.close();
    }
  });

  it('calls a message for this flow in the wrong shape invalid', () => {
    for (const data of [
      { ...ok, type: 'oauth-result' },
      { ...ok, status: 'done' },
      { ...ok, status: undefined },
      { ...ok, connectionId: 42 },
      { ...ok, status: 'failed', error: 'access_denied' },
      { ...ok, status: 'failed', error: { message: 'no code' } },
    ]) {
      expect(read(ORIGIN, data), JSON.stringify(data)).to.equal('invalid');
    }
  });
});
