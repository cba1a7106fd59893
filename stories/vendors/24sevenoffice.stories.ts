import type { Meta } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { choose, click, invalidLabels, submit, waitForConnected, waitForField, waitForFirstStep, waitForInvalidFields, waitForText, words } from '../play.js';
import { logInTo24SevenOffice } from './user-input.js';
import { widgetMeta, type RegisterAppArgs, type Story } from '../widget.js';

/** A username and password, a lookup of the login's clients, then a choice of client. */
const meta = {
  ...widgetMeta,
  title: 'Vendors/24SevenOffice',
  args: { ...widgetMeta.args, vendor: '24sevenoffice' },
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
    await expect(await waitForInvalidFields(el)).toEqual(['username', 'password']);
    await waitForText(el, words(el).invalidInput(invalidLabels(el)));
  },
};

export const ClientsStep: Story = {
  name: 'Clients step (after "Get Clients")',
  play: async ({ canvasElement }) => {
    const el = await logInTo24SevenOffice(canvasElement);
    const select = await waitForField(el, 'clientId');
    await expect([...(select as HTMLSelectElement).options].map(o => o.value)).toEqual(['', '1001', '1002', '1003']);
    await waitForText(el, words(el).stepOf(2, 2));
  },
};

export const NoClientChosen: Story = {
  name: 'Clients step: validation error (no client chosen)',
  play: async ({ canvasElement }) => {
    const el = await logInTo24SevenOffice(canvasElement);
    await waitForField(el, 'clientId');
    await submit(el);
    await expect(await waitForInvalidFields(el)).toEqual(['clientId']);
  },
};

export const Registered: Story = {
  name: 'Registered',
  play: async ({ canvasElement }) => {
    const el = await logInTo24SevenOffice(canvasElement);
    await waitForField(el, 'clientId');
    choose(el, 'clientId', '1002');
    await submit(el);
    await expect(await waitForConnected(el)).toContain(words(el).registeredAs('Nordlys Eiendom AS'));
  },
};

export const Cancelled: Story = {
  name: 'Cancelled (on the clients step)',
  play: async ({ canvasElement }) => {
    const el = await logInTo24SevenOffice(canvasElement);
    await waitForField(el, 'clientId');
    await click(el, words(el).cancel);
    await waitForText(el, words(el).cancelled);
  },
};
