import type { Meta } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { click, fill, submit, waitForConnected, waitForFirstStep, waitForInvalidFields, waitForText, words } from '../play.js';
import { submitMailChimpKey } from './user-input.js';
import { widgetMeta, type RegisterAppArgs, type Story } from '../widget.js';

/** An API key: one step, then registered. */
const meta = {
  ...widgetMeta,
  title: 'Vendors/MailChimp',
  args: { ...widgetMeta.args, vendor: 'mailchimp' },
  play: async ({ canvasElement }) => {
    await waitForFirstStep(canvasElement);
  },
} satisfies Meta<RegisterAppArgs>;

export default meta;

export const FirstStep: Story = { name: 'First step' };

export const ValidationErrors: Story = {
  name: 'Validation errors (submitted empty)',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    await submit(el);
    await expect(await waitForInvalidFields(el)).toEqual(['apiKey']);
    // one field to fix: its own message says it, with no summary above the buttons
    await expect(el.shadowRoot!.querySelector('form .alert')).toBeNull();
  },
};

export const Registered: Story = {
  name: 'Registered',
  play: async ({ canvasElement }) => {
    const el = await submitMailChimpKey(canvasElement);
    await expect(await waitForConnected(el)).toContain(words(el).registeredAs('MailChimp (us21)'));
  },
};

export const Cancelled: Story = {
  name: 'Cancelled',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    fill(el, 'apiKey', '0123456789abcdef0123456789abcdef-us21');
    await click(el, words(el).cancel);
    await waitForText(el, words(el).cancelled);
  },
};
