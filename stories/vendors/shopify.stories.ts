import type { Meta } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import {
  answerAsVendor,
  click,
  fill,
  popupOpenedBy,
  submit,
  waitForConnected,
  waitForField,
  waitForFirstStep,
  waitForInvalidFields,
  waitForText,
  words,
} from '../play.js';
import { widgetMeta, type RegisterAppArgs, type Story } from '../widget.js';

/** OAuth after the shop's name, which the field takes from a pasted address too. */
const meta = {
  ...widgetMeta,
  title: 'Vendors/Shopify',
  args: { ...widgetMeta.args, vendor: 'shopify' },
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
    await expect(await waitForInvalidFields(el)).toEqual(['shop']);
    // one field to fix: its own message says it, with no summary above the buttons
    await expect(el.shadowRoot!.querySelector('form .alert')).toBeNull();
  },
};

export const NotAShopName: Story = {
  name: 'Validation errors (not a shop name)',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    fill(el, 'shop', 'my shop!');
    await submit(el);
    await expect(await waitForInvalidFields(el)).toEqual(['shop']);
  },
};

export const Registered: Story = {
  name: 'Registered (address pasted, allowed in the login window)',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    fill(el, 'shop', 'https://Nordlys-Sport.myshopify.com/admin');
    // leaving the field shows what will be sent
    await el.updateComplete;
    await expect((await waitForField(el, 'shop')).value).toBe('nordlys-sport');
    const popup = await popupOpenedBy(() => submit(el));
    await answerAsVendor(popup, 'allow');
    await waitForConnected(el);
  },
};

export const Cancelled: Story = {
  name: 'Cancelled',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    fill(el, 'shop', 'nordlys-sport');
    await click(el, words(el).cancel);
    await waitForText(el, words(el).cancelled);
  },
};
