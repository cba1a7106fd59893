/**
 * What every story file shares: the widget's controls, events and render. A story file spreads
 * `widgetMeta` into its own meta and sets the vendor and its title.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { vendors } from '../mocks/handlers.js';

/** The controls of a story; the `on*` args are the element's events, logged in the Actions panel. */
export interface RegisterAppArgs {
  vendor: string;
  apiBase: string;
  callbackOrigin: string;
  lang: string;
  onCmaReady: (e: Event) => void;
  onCmaStep: (e: Event) => void;
  onCmaRegistered: (e: Event) => void;
  onCmaError: (e: Event) => void;
  onCmaCancel: (e: Event) => void;
}

export type Story = StoryObj<RegisterAppArgs>;

const event = (name: string, description: string) => ({
  action: name,
  description,
  table: { category: 'events' },
  control: false as const,
});

export const widgetMeta = {
  component: 'cma-register-app',
  args: {
    vendor: vendors[0],
    apiBase: 'https://api.example.com/v1',
    callbackOrigin: location.origin,
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
    callbackOrigin: {
      name: 'callback-origin',
      description:
        "Origin of the OAuth callback page. In Storybook the vendor's login window is a mock page of this Storybook, which also plays the callback page.",
      control: 'text',
      table: { category: 'attributes' },
    },
    lang: {
      description: "Language of the widget's words; empty takes the Language toolbar's.",
      control: { type: 'select', labels: { '': '(toolbar)', en: 'en', nb: 'nb' } },
      options: ['', 'en', 'nb'],
      table: { category: 'attributes' },
    },
    onCmaReady: event('cma-ready', 'The descriptor loaded and the first step is shown.'),
    onCmaStep: event('cma-step', 'A step became current.'),
    onCmaRegistered: event('cma-registered', 'The app is registered; `detail.connectionId` names the connection.'),
    onCmaError: event('cma-error', 'An error was shown to the user; `detail.code` is a contract error code.'),
    onCmaCancel: event('cma-cancel', 'The user gave up.'),
  },
  render: (args, { globals }) => html`<cma-register-app
    vendor=${args.vendor}
    api-base=${args.apiBase}
    callback-origin=${args.callbackOrigin}
    lang=${args.lang || globals.locale || 'en'}
    @cma-ready=${args.onCmaReady}
    @cma-step=${args.onCmaStep}
    @cma-registered=${args.onCmaRegistered}
    @cma-error=${args.onCmaError}
    @cma-cancel=${args.onCmaCancel}
  ></cma-register-app>`,
} satisfies Meta<RegisterAppArgs>;
