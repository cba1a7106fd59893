import type { Meta } from '@storybook/web-components-vite';
import { http, HttpResponse } from 'msw';
import { expect } from 'storybook/test';
import { mockApi } from '../mock-vendor.js';
import { click, submit, waitFor, waitForAlert, waitForConnected, waitForFirstStep, waitForInvalidFields, waitForText, words } from '../play.js';
import { submitOrgNumber } from './user-input.js';
import { widgetMeta, type RegisterAppArgs, type Story } from '../widget.js';

/**
 * Access granted in the vendor's own system: the user grants it there, the widget waits for the
 * vendor to confirm (the mock confirms on its third poll, a second apart).
 */
const meta = {
  ...widgetMeta,
  title: 'Vendors/PowerOffice Go',
  args: { ...widgetMeta.args, vendor: 'poweroffice-go' },
  play: async ({ canvasElement }) => {
    await waitForFirstStep(canvasElement);
  },
} satisfies Meta<RegisterAppArgs>;

export default meta;

/** The vendor has not confirmed while the story is on screen: every poll of the flow says "pending". */
const neverConfirmed = http.get('*/flows/:flowId', () => HttpResponse.json({ status: 'pending', retryAfter: 30 }));

export const FirstStep: Story = { name: 'First step' };

export const ValidationErrors: Story = {
  name: 'Validation errors (submitted empty)',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    await submit(el);
    await expect(await waitForInvalidFields(el)).toEqual(['orgNumber']);
    // one field to fix: its own message says it, with no summary above the buttons
    await expect(el.shadowRoot!.querySelector('form .alert')).toBeNull();
  },
};

export const Waiting: Story = {
  name: 'Waiting for the grant, with a code',
  parameters: { msw: { handlers: [neverConfirmed, ...mockApi().msw.handlers] } },
  play: async ({ canvasElement }) => {
    const el = await submitOrgNumber(canvasElement);
    await waitForText(el, words(el).waiting('PowerOffice Go'));
    await expect(await waitFor(el, 'user code', root => root.querySelector('#user-code')?.textContent)).toBe('KQ7M-4XPD');
    await waitForText(el, words(el).grant.copy);
    // the time left counts down from the attempt's 10 minutes
    await waitFor(el, 'time left', root => root.querySelector('.progress')?.textContent?.match(/\d+:\d\d/));
  },
};

export const Registered: Story = {
  name: 'Registered (confirmed by the vendor)',
  play: async ({ canvasElement }) => {
    const el = await submitOrgNumber(canvasElement);
    await waitForConnected(el, 10_000);
  },
};

export const Refused: Story = {
  name: 'Refused in the vendor’s system',
  parameters: mockApi('grant-refused'),
  play: async ({ canvasElement }) => {
    const el = await submitOrgNumber(canvasElement);
    await expect(await waitForAlert(el, 10_000)).toContain('Access was refused');
    await waitForText(el, words(el).tryAgain);
  },
};

export const Expired: Story = {
  name: 'Expired (never confirmed)',
  parameters: mockApi('grant-expires'),
  play: async ({ canvasElement }) => {
    const el = await submitOrgNumber(canvasElement);
    await expect(await waitForAlert(el, 10_000)).toContain(words(el).errors.timeout('PowerOffice Go'));
  },
};

export const Cancelled: Story = {
  name: 'Cancelled while waiting',
  parameters: { msw: { handlers: [neverConfirmed, ...mockApi().msw.handlers] } },
  play: async ({ canvasElement }) => {
    const el = await submitOrgNumber(canvasElement);
    await waitForText(el, words(el).waiting('PowerOffice Go'));
    await click(el, words(el).cancel);
    await waitForText(el, words(el).cancelled);
  },
};
