import type { Preview } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../src/define.js';
import { listenToMockVendor, mockApi } from '../stories/mock-vendor.js';
import { darkTheme as dark } from '../stories/themes.js';

listenToMockVendor();

const preview: Preview = {
  // The loader starts the MSW worker once and applies `parameters.msw` (overridable per story).
  loaders: [mswLoader()],
  parameters: {
    msw: mockApi().msw,
    layout: 'fullscreen',
    options: { storySort: { order: ['Register app', 'Vendors', 'States', 'Authoring'] } },
  },
  globalTypes: {
    locale: {
      description: "The widget's language (its lang attribute)",
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', right: 'en', title: 'English' },
          { value: 'nb', right: 'nb', title: 'Norsk bokmål' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'Light, or a dark palette set through the --cma-color-* properties',
      toolbar: {
        title: 'Theme',
        icon: 'contrast',
        items: [
          { value: 'light', icon: 'sun', title: 'Light' },
          { value: 'dark', icon: 'moon', title: 'Dark' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en', theme: 'light' },
  // the wrapper plays the host page: it fills the canvas, so that the dark background does too
  decorators: [
    (story, { globals }) =>
      html`<div style=${styleMap({ padding: '1rem', minHeight: '100vh', boxSizing: 'border-box', ...(globals.theme === 'dark' ? dark : {}) })}>
        ${story()}
      </div>`,
  ],
};

export default preview;
