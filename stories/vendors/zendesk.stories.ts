import type { Meta } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import {
  answerAsVendor,
  click,
  fill,
  popupOpenedBy,
  submit,
  waitForConnected,
  waitForFirstStep,
  waitForInvalidFields,
  waitForText,
  words,
} from '../play.js';
import { widgetMeta, type RegisterAppArgs, type Story } from '../widget.js';

/** OAuth after the account's subdomain. */
const meta = {
  ...widgetMeta,
  title: 'Vendors/Zendesk',
  args: { ...widgetMeta.args, vendor: 'zendesk' },
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
    await expect(await waitForInvalidFields(el)).toEqual(['subdomain']);
    await waitForText(el, words(el).invalidInput(1));
  },
};

export const Registered: Story = {
  name: 'Registered (allowed in the login window)',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    fill(el, 'subdomain', 'acme');
    const popup = await popupOpenedBy(() => submit(el));
    await answerAsVendor(popup, 'allow');
    await waitForConnected(el);
  },
};

export const Cancelled: Story = {
  name: 'Cancelled',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    fill(el, 'subdomain', 'acme');
    await click(el, words(el).cancel);
    await waitForText(el, words(el).cancelled);
  },
};
