/**
 * What every story file shares: the widget's controls, events and render. A story file spreads
 * `widgetMeta` into its own meta and sets the vendor and its title.
 *
 * The Controls panel also lists what custom-elements.json says about the element (attributes,
 * properties, events, parts, custom properties, with their descriptions: see .storybook/preview.ts).
 * The args below are keyed by the same names, so each control sits on the manifest's row for it.
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { vendors } from '../mocks/handlers.js';

/**
 * The theme tokens of the README's Theming section that a designer tries as controls, set on the
 * element as a host page would. Unset (the default), the widget's own defaults and the toolbar's theme apply.
 */
const colours = ['primary', 'on-primary', 'text', 'muted', 'border', 'surface', 'subtle', 'error', 'success'].map(c => `--cma-color-${c}`);
const sizes = ['--cma-radius', '--cma-spacing', '--cma-font-family', '--cma-font-size', '--cma-max-width', '--cma-border', '--cma-focus-ring'];
const tokens = [...colours, ...sizes] as `--cma-${string}`[];

/** The controls of a story; the `on*` args are the element's events, logged in the Actions panel. */
export interface RegisterAppArgs {
  vendor: string;
  'api-base': string;
  'callback-origin': string;
  lang: string;
  mode: 'popup' | 'redirect';
  onCmaReady: (e: Event) => void;
  onCmaStep: (e: Event) => void;
  onCmaRegistered: (e: Event) => void;
  onCmaError: (e: Event) => void;
  onCmaCancel: (e: Event) => void;
  [token: `--cma-${string}`]: string | undefined;
}

export type Story = StoryObj<RegisterAppArgs>;

const event = (name: string) => ({ action: name, control: false as const });

// The manifest's rows of properties that only repeat an attribute's, or that a control cannot set
// (an inline descriptor, a token), stay documentation.
const documentationOnly = Object.fromEntries(
  ['apiBase', 'callbackOrigin', 'descriptorBase', 'descriptor-base', 'descriptor', 'sessionToken', 'session-token'].map(name => [
    name,
    { control: false as const },
  ]),
);
const duplicates = Object.fromEntries(['apiBase', 'callbackOrigin', 'descriptorBase'].map(name => [name, { table: { disable: true } }]));

export const widgetMeta = {
  component: 'cma-register-app',
  args: {
    vendor: vendors[0],
    'api-base': 'https://api.example.com/v1',
    'callback-origin': location.origin,
    lang: '',
    mode: 'popup',
  },
  argTypes: {
    ...documentationOnly,
    ...duplicates,
    vendor: { control: 'select', options: vendors },
    'api-base': {
      control: 'text',
      description: 'Base URL of the ConnectMyApps API. Here the MSW mock answers it under any origin.',
    },
    'callback-origin': {
      control: 'text',
      description:
        "Origin of the OAuth callback page. In Storybook the vendor's login window is a mock page of this Storybook, which also plays the callback page.",
    },
    lang: {
      control: { type: 'select', labels: { '': '(toolbar)', en: 'en', nb: 'nb' } },
      options: ['', 'en', 'nb'],
    },
    mode: { control: 'inline-radio', options: ['popup', 'redirect'] },
    ...Object.fromEntries(tokens.map(t => [t, { control: colours.includes(t) ? 'color' : 'text' }])),
    onCmaReady: event('cma-ready'),
    onCmaStep: event('cma-step'),
    onCmaRegistered: event('cma-registered'),
    onCmaError: event('cma-error'),
    onCmaCancel: event('cma-cancel'),
  },
  render: (args, { globals }) => html`<cma-register-app
    vendor=${args.vendor}
    api-base=${args['api-base']}
    callback-origin=${args['callback-origin']}
    lang=${args.lang || globals.locale || 'en'}
    mode=${args.mode || nothing}
    style=${styleMap(Object.fromEntries(tokens.filter(t => args[t]).map(t => [t, args[t]])))}
    @cma-ready=${args.onCmaReady}
    @cma-step=${args.onCmaStep}
    @cma-registered=${args.onCmaRegistered}
    @cma-error=${args.onCmaError}
    @cma-cancel=${args.onCmaCancel}
  ></cma-register-app>`,
} satisfies Meta<RegisterAppArgs>;
