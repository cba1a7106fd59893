import type { Meta } from '@storybook/web-components-vite';
import { answerAsVendor, click, popupOpenedBy, submit, waitForConnected, waitForFirstStep, waitForText, words } from '../play.js';
import { widgetMeta, type RegisterAppArgs, type Story } from '../widget.js';

/**
 * OAuth after a choice of environment. The environment defaults to Production, so the step cannot be
 * submitted empty: it has no validation errors to show. The login window's states are in
 * "States/OAuth login window".
 */
const meta = {
  ...widgetMeta,
  title: 'Vendors/Salesforce',
  args: { ...widgetMeta.args, vendor: 'salesforce' },
  play: async ({ canvasElement }) => {
    await waitForFirstStep(canvasElement);
  },
} satisfies Meta<RegisterAppArgs>;

export default meta;

export const FirstStep: Story = { name: 'First step' };

export const Registered: Story = {
  name: 'Registered (allowed in the login window)',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    const popup = await popupOpenedBy(() => submit(el));
    await answerAsVendor(popup, 'allow');
    await waitForConnected(el);
  },
};

export const Cancelled: Story = {
  name: 'Cancelled',
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    await click(el, words(el).cancel);
    await waitForText(el, words(el).cancelled);
  },
};
