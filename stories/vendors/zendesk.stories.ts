import type { Meta } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import {
  answerAsVendor,
  click,
  fill,
  pickWay,
  popupOpenedBy,
  submit,
  waitForConnected,
  waitForInvalidFields,
  waitForText,
  waitForWays,
  widgetIn,
  words,
} from '../play.js';
import { widgetMeta, type RegisterAppArgs, type Story } from '../widget.js';

/** Two ways: log in with Zendesk (OAuth after the subdomain), or an API token. The user picks first. */
const meta = {
  ...widgetMeta,
  title: 'Vendors/Zendesk',
  args: { ...widgetMeta.args, vendor: 'zendesk' },
  play: async ({ canvasElement }) => {
    await waitForWays(canvasElement);
  },
} satisfies Meta<RegisterAppArgs>;

export default meta;

const LOG_IN = 0;
const API_TOKEN = 1;

export const ChooseAWay: Story = { name: 'Choose a way' };

export const LogInFirstStep: Story = {
  name: 'Log in: first step',
  play: async ({ canvasElement }) => {
    await pickWay(canvasElement, LOG_IN);
  },
};

export const ValidationErrors: Story = {
  name: 'Log in: validation errors (submitted empty)',
  play: async ({ canvasElement }) => {
    const el = await pickWay(canvasElement, LOG_IN);
    await submit(el);
    await expect(await waitForInvalidFields(el)).toEqual(['subdomain']);
    // one field to fix: its own message says it, with no summary above the buttons
    await expect(el.shadowRoot!.querySelector('form .alert')).toBeNull();
  },
};

export const Registered: Story = {
  name: 'Log in: registered (allowed in the login window)',
  play: async ({ canvasElement }) => {
    const el = await pickWay(canvasElement, LOG_IN);
    fill(el, 'subdomain', 'acme');
    const popup = await popupOpenedBy(() => submit(el));
    await answerAsVendor(popup, 'allow');
    await waitForConnected(el);
  },
};

export const ApiToken: Story = {
  name: 'API token: first step',
  play: async ({ canvasElement }) => {
    await pickWay(canvasElement, API_TOKEN);
  },
};

export const ApiTokenRegistered: Story = {
  name: 'API token: registered',
  play: async ({ canvasElement }) => {
    const el = await pickWay(canvasElement, API_TOKEN);
    fill(el, 'subdomain', 'https://acme.zendesk.com/agent');
    fill(el, 'email', 'admin@acme.example');
    fill(el, 'apiToken', 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T0');
    await submit(el);
    await waitForConnected(el);
  },
};

export const Cancelled: Story = {
  name: 'Cancelled (on the choice)',
  play: async ({ canvasElement }) => {
    const el = widgetIn(canvasElement);
    await waitForWays(canvasElement);
    await click(el, words(el).cancel);
    await waitForText(el, words(el).cancelled);
  },
};
