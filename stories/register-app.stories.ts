import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { createHandlers, vendors } from '../mocks/handlers.js';
import { fill, pickWay, submit, waitForFirstStep, waitForLoadFailure, waitForText, widgetIn } from './play.js';

/** The controls of a story; the `on*` args are the element's events, logged in the Actions panel. */
interface RegisterAppArgs {
  vendor: string;
  apiBase: string;
  lang: string;
  onCmaReady: (e: Event) => void;
  onCmaStep: (e: Event) => void;
  onCmaRegistered: (e: Event) => void;
  onCmaError: (e: Event) => void;
  onCmaCancel: (e: Event) => void;
}

const event = (name: string, description: string) => ({
  action: name,
  description,
  table: { category: 'events' },
  control: false as const,
});

const meta = {
  title: 'Register app',
  component: 'cma-register-app',
  args: {
    vendor: vendors[0],
    apiBase: 'https://api.example.com/v1',
    lang: '',
  },
  argTypes: {
    vendor: {
      description: 'Vendor id (`[a-z0-9][a-z0-9-]*`); the mock API knows these vendors.',
      control: 'select',
      options: vendors,
      table: { category: 'attributes' },
    },
    apiBase: {
      name: 'api-base',
      description: 'Base URL of the ConnectMyApps API (answered by the MSW mock under any origin).',
      control: 'text',
      table: { category: 'attributes' },
    },
    lang: {
      description: "Language of the widget's words; empty takes the page's `lang`.",
      control: { type: 'select', labels: { '': '(page default)', en: 'en', nb: 'nb' } },
      options: ['', 'en', 'nb'],
      table: { category: 'attributes' },
    },
    onCmaReady: event('cma-ready', 'The descriptor loaded and the first step is shown.'),
    onCmaStep: event('cma-step', 'A step became current.'),
    onCmaRegistered: event('cma-registered', 'The app is registered; `detail.connectionId` names the connection.'),
    onCmaError: event('cma-error', 'An error was shown to the user; `detail.code` is a contract error code.'),
    onCmaCancel: event('cma-cancel', 'The user gave up.'),
  },
  render: args => html`<cma-register-app
    vendor=${args.vendor}
    api-base=${args.apiBase}
    lang=${ifDefined(args.lang || undefined)}
    @cma-ready=${args.onCmaReady}
    @cma-step=${args.onCmaStep}
    @cma-registered=${args.onCmaRegistered}
    @cma-error=${args.onCmaError}
    @cma-cancel=${args.onCmaCancel}
  ></cma-register-app>`,
  play: async ({ canvasElement }) => {
    await waitForFirstStep(canvasElement);
  },
} satisfies Meta<RegisterAppArgs>;

export default meta;
type Story = StoryObj<RegisterAppArgs>;

// ——— one story per vendor of the mock API (each waits for the first step) ———

export const MailChimp: Story = {
  name: 'MailChimp',
  args: { vendor: 'mailchimp' },
};

export const TwentyFourSevenOffice: Story = {
  name: '24SevenOffice',
  args: { vendor: '24sevenoffice' },
};

export const Salesforce: Story = {
  name: 'Salesforce (OAuth, environment first)',
  args: { vendor: 'salesforce' },
};

export const Shopify: Story = {
  name: 'Shopify (OAuth, shop first)',
  args: { vendor: 'shopify' },
};

export const Zendesk: Story = {
  name: 'Zendesk (two ways: log in, or an API token)',
  args: { vendor: 'zendesk' },
  play: async ({ canvasElement }) => {
    await waitForText(widgetIn(canvasElement), 'How do you want to connect Zendesk?');
  },
};

export const ZendeskApiToken: Story = {
  name: 'Zendesk: the API token way',
  args: { vendor: 'zendesk' },
  play: async ({ canvasElement }) => {
    await pickWay(canvasElement, 'Use an API token');
  },
};

export const PowerOfficeGo: Story = {
  name: 'PowerOffice Go (access granted in its own system)',
  args: { vendor: 'poweroffice-go' },
};

// CSF stories must be static exports, so a vendor added to the mock needs a story written here.
const covered = [MailChimp, TwentyFourSevenOffice, Salesforce, Shopify, Zendesk, PowerOfficeGo].map(story => story.args?.vendor);
const uncovered = vendors.filter(vendor => !covered.includes(vendor));
if (uncovered.length) throw new Error(`register-app.stories.ts: no story for the mock vendor(s) ${uncovered.join(', ')}`);

// ——— failures that are cheap to show ———

export const MailChimpWrongKey: Story = {
  name: 'MailChimp: key rejected',
  args: { vendor: 'mailchimp' },
  parameters: { msw: { handlers: createHandlers('wrong-key') } },
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    fill(el, 'apiKey', '0123456789abcdef0123456789abcdef-us21');
    await submit(el);
    await waitForText(el, 'This key was not accepted');
  },
};

export const TwentyFourSevenOfficeWrongCredentials: Story = {
  name: '24SevenOffice: login rejected',
  args: { vendor: '24sevenoffice' },
  parameters: { msw: { handlers: createHandlers('wrong-credentials') } },
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    fill(el, 'username', 'ola@nordlys.no');
    fill(el, 'password', 'not-the-password');
    await submit(el);
    await waitForText(el, 'did not accept this username and password');
  },
};

export const ShopifyNotAShopName: Story = {
  name: 'Shopify: not a shop name',
  args: { vendor: 'shopify' },
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    fill(el, 'shop', 'my shop!');
    await submit(el);
    await waitForText(el, 'One field needs your attention');
  },
};

export const SalesforcePopupBlocked: Story = {
  name: 'Salesforce: login window blocked',
  args: { vendor: 'salesforce' },
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    const open = window.open;
    window.open = () => null; // what a popup blocker does
    try {
      await submit(el);
    } finally {
      window.open = open;
    }
    await waitForText(el, 'Continue in this tab');
  },
};

export const PowerOfficeGoWaiting: Story = {
  name: 'PowerOffice Go: waiting for the grant, with a code',
  args: { vendor: 'poweroffice-go' },
  parameters: { msw: { handlers: createHandlers('grant-expires') } },
  play: async ({ canvasElement }) => {
    const el = await waitForFirstStep(canvasElement);
    fill(el, 'orgNumber', '987654321');
    await submit(el);
    await waitForText(el, 'KQ7M-4XPD');
  },
};

export const UnknownVendor: Story = {
  name: 'Unknown vendor',
  args: { vendor: 'no-such-vendor' },
  play: async ({ canvasElement }) => {
    const message = await waitForLoadFailure(canvasElement);
    if (!message.includes('no-such-vendor')) throw new Error(`the error does not name the vendor: "${message}"`);
  },
};

export const Offline: Story = {
  name: 'Offline',
  parameters: { msw: { handlers: createHandlers('offline') } },
  play: async ({ canvasElement }) => {
    await waitForLoadFailure(canvasElement);
  },
};
