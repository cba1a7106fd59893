import type { Meta } from '@storybook/web-components-vite';
import { http, HttpResponse } from 'msw';
import { expect } from 'storybook/test';
import { mockApi } from './mock-vendor.js';
import { waitFor, waitForAlert, waitForField, waitForInvalidFields, waitForText, words } from './play.js';
import { logInTo24SevenOffice, submitMailChimpKey } from './vendors/user-input.js';
import { widgetMeta, type RegisterAppArgs, type Story } from './widget.js';

/** What the widget shows for each failure the mock API can answer with (see `scenarios` in mocks/handlers.ts). */
const meta = {
  ...widgetMeta,
  title: 'States/API errors',
} satisfies Meta<RegisterAppArgs>;

export default meta;

const submitButton = (root: ShadowRoot) => root.querySelector<HTMLButtonElement>('button[part="submit"]');

export const WrongKey: Story = {
  name: 'Wrong key (MailChimp)',
  args: { vendor: 'mailchimp' },
  parameters: mockApi('wrong-key'),
  play: async ({ canvasElement }) => {
    const el = await submitMailChimpKey(canvasElement);
    await waitForText(el, 'This key was not accepted');
    await expect(await waitForInvalidFields(el)).toEqual(['apiKey']);
  },
};

export const WrongCredentials: Story = {
  name: 'Wrong username or password (24SevenOffice)',
  args: { vendor: '24sevenoffice' },
  parameters: mockApi('wrong-credentials'),
  play: async ({ canvasElement }) => {
    const el = await logInTo24SevenOffice(canvasElement);
    await expect(await waitForAlert(el)).toContain('did not accept this username and password');
  },
};

export const NoClients: Story = {
  name: 'No clients for this login (24SevenOffice)',
  args: { vendor: '24sevenoffice' },
  parameters: mockApi('no-clients'),
  play: async ({ canvasElement }) => {
    const el = await logInTo24SevenOffice(canvasElement);
    // a note instead of an empty list, a way back, and nothing to submit
    await waitFor(el, 'note that there is nothing to choose', root => root.querySelector('.notice'));
    await waitForText(el, words(el).back);
    await expect(submitButton(el.shadowRoot!)).toBeNull();
  },
};

export const OneClient: Story = {
  name: 'One client, chosen already (24SevenOffice)',
  args: { vendor: '24sevenoffice' },
  parameters: mockApi('one-client'),
  play: async ({ canvasElement }) => {
    const el = await logInTo24SevenOffice(canvasElement);
    await expect((await waitForField(el, 'clientId')).value).toBe('1001');
  },
};

export const ServerError: Story = {
  name: 'Server error',
  args: { vendor: 'mailchimp' },
  parameters: mockApi('server-error'),
  play: async ({ canvasElement }) => {
    const el = await submitMailChimpKey(canvasElement);
    await expect(await waitForAlert(el)).toBe(words(el).errors.server_error('MailChimp'));
  },
};

export const RateLimited: Story = {
  name: 'Rate limited (Retry-After: 5)',
  args: { vendor: 'mailchimp' },
  parameters: mockApi('rate-limited'),
  play: async ({ canvasElement }) => {
    const el = await submitMailChimpKey(canvasElement);
    // the server's words in the alert; the wait is counted down outside it, so it is not read out every second
    await expect(await waitForAlert(el)).toBe('Too many attempts.');
    // the submit button is held back until the wait is over, with the time left counted down beside it
    await waitFor(el, 'held-back submit button', root => submitButton(root)?.getAttribute('aria-disabled') === 'true');
    await waitFor(el, 'the countdown', root => [...root.querySelectorAll('p.progress')].some(p => p.textContent!.trim() === words(el).retryIn(4)));
    await waitFor(el, 'submit button offered again', root => submitButton(root)?.getAttribute('aria-disabled') === 'false', 10_000);
  },
};

export const SessionExpired: Story = {
  name: 'Session expired',
  args: { vendor: 'mailchimp' },
  parameters: mockApi('session-expired'),
  play: async ({ canvasElement }) => {
    const el = await submitMailChimpKey(canvasElement);
    await expect(await waitForAlert(el)).toContain('Your session has expired');
  },
};

export const Offline: Story = {
  name: 'Offline (the connection dropped after the page loaded)',
  args: { vendor: 'mailchimp' },
  parameters: { msw: { handlers: [http.all('*/apps/*', () => HttpResponse.error()), ...mockApi().msw.handlers] } },
  play: async ({ canvasElement }) => {
    const el = await submitMailChimpKey(canvasElement);
    await expect(await waitForAlert(el)).toBe(words(el).errors.network_error('MailChimp'));
  },
};
