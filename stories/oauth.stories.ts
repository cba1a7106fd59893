import type { Meta } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { mockApi } from './mock-vendor.js';
import { answerAsVendor, popupOpenedBy, submit, waitForAlert, waitForFirstStep, waitForText, words } from './play.js';
import { widgetMeta, type RegisterAppArgs, type Story } from './widget.js';

/**
 * The login window of an OAuth vendor (Salesforce here; the other OAuth vendors behave alike).
 * These stories open a real popup from their play function. Browsers open popups only on a real
 * click, so outside the smoke test allow pop-ups for this Storybook (or click the button yourself).
 */
const meta = {
  ...widgetMeta,
  title: 'States/OAuth login window',
  args: { ...widgetMeta.args, vendor: 'salesforce' },
} satisfies Meta<RegisterAppArgs>;

export default meta;

export const Blocked: Story = {
  name: 'Blocked by the browser',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    const open = window.open;
    window.open = () => null; // what a popup blocker does
    try {
      await submit(el);
    } finally {
      window.open = open;
    }
    await expect(await waitForAlert(el)).toContain(words(el).errors.popup_blocked('Salesforce'));
    await waitForText(el, words(el).oauth.continueHere);
  },
};

export const Open: Story = {
  name: 'Open (the user is logging in)',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    await popupOpenedBy(() => submit(el));
    await waitForText(el, words(el).oauth.open('Salesforce'));
    await waitForText(el, words(el).oauth.bringBack);
  },
};

export const Closed: Story = {
  name: 'Closed before the login finished',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    const popup = await popupOpenedBy(() => submit(el));
    await waitForText(el, words(el).oauth.open('Salesforce'));
    popup.close();
    // the widget asks the server for 10 s before it says so (a vendor page with COOP reads as closed)
    await waitForText(el, words(el).oauth.checking('Salesforce'));
    await expect(await waitForAlert(el, 20_000)).toContain(words(el).errors.popup_closed('Salesforce'));
    await waitForText(el, words(el).oauth.reopen);
  },
};

export const TimedOut: Story = {
  name: 'Timed out (the flow expired)',
  parameters: mockApi('ok', { expiresInMs: 3000 }),
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    await popupOpenedBy(() => submit(el));
    await waitForText(el, words(el).oauth.open('Salesforce'));
    await expect(await waitForAlert(el, 10_000)).toContain(words(el).errors.timeout('Salesforce'));
    await waitForText(el, words(el).tryAgain);
  },
};

export const Denied: Story = {
  name: 'Denied by the user',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    await answerAsVendor(await popupOpenedBy(() => submit(el)), 'deny');
    await expect(await waitForAlert(el)).toContain('You did not allow access to Salesforce');
    await waitForText(el, words(el).tryAgain);
  },
};

export const VendorError: Story = {
  name: 'The vendor failed',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    await answerAsVendor(await popupOpenedBy(() => submit(el)), 'fail');
    await expect(await waitForAlert(el)).toContain('Salesforce reported a problem');
    await waitForText(el, words(el).tryAgain);
  },
};
