import type { Meta } from '@storybook/web-components-vite';
import { delay, http } from 'msw';
import { mockApi } from './mock-vendor.js';
import { waitFor, waitForText, widgetIn, words } from './play.js';
import { logInTo24SevenOffice, submitMailChimpKey } from './vendors/user-input.js';
import { widgetMeta, type RegisterAppArgs, type Story } from './widget.js';

/**
 * The widget while it waits for the API. The mock never answers these calls, so each state stays on
 * screen until the widget's own 30-second timeout ends it. Waiting for the vendor: "Vendors/PowerOffice Go"
 * (a grant) and "States/OAuth login window" (a login window).
 */
const meta = {
  ...widgetMeta,
  title: 'States/Waiting',
} satisfies Meta<RegisterAppArgs>;

export default meta;

/** `parameters` whose mock API never answers the calls `path` matches. */
const neverAnswered = (method: 'get' | 'post', path: string) => ({
  msw: { handlers: [http[method](path, () => delay('infinite')), ...mockApi().msw.handlers] },
});

const busySubmit = (root: ShadowRoot) => root.querySelector('button[part="submit"][aria-disabled="true"] .spinner');

export const Loading: Story = {
  name: 'Loading the vendor',
  args: { vendor: 'mailchimp' },
  parameters: neverAnswered('get', '*/vendors/:file'),
  play: async ({ canvasElement }) => {
    const el = widgetIn(canvasElement);
    await waitFor(el, 'loading message', root => root.querySelector('[part="status"] .spinner'));
    await waitForText(el, words(el).loading);
    // said through the widget's one live region
    await waitFor(el, 'the loading status said', root => root.querySelector('[role="status"]')?.textContent === words(el).loading);
  },
};

export const LookupInFlight: Story = {
  name: 'Getting the clients (24SevenOffice)',
  args: { vendor: '24sevenoffice' },
  parameters: neverAnswered('post', '*/apps/:vendor/lookups/:lookup'),
  play: async ({ canvasElement }) => {
    const el = await logInTo24SevenOffice(canvasElement);
    await waitFor(el, 'busy submit button', busySubmit);
    await waitForText(el, words(el).submitting);
  },
};

export const Registering: Story = {
  name: 'Registering (MailChimp)',
  args: { vendor: 'mailchimp' },
  parameters: neverAnswered('post', '*/apps/:vendor/registrations'),
  play: async ({ canvasElement }) => {
    const el = await submitMailChimpKey(canvasElement);
    await waitFor(el, 'busy submit button', busySubmit);
  },
};
