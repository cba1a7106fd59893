import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { mswLoader } from 'msw-storybook-addon/csf3';
import '../src/define.js';
import manifest from '../custom-elements.json';
import { listenToMockVendor, mockApi } from '../stories/mock-vendor.js';
import { darkTheme as dark } from '../stories/themes.js';

type Manifest = { modules: { declarations?: { members?: { name: string; privacy?: string }[] }[] }[] };

/** The manifest with the public API only: the analyzer lists private members too, which are no controls. */
const publicApi = (m: Manifest) => ({
  ...m,
  modules: m.modules.map(mod => ({
    ...mod,
    declarations: mod.declarations?.map(d => ({
      ...d,
      members: d.members?.filter(x => !x.name.startsWith('#') && x.privacy !== 'private' && x.privacy !== 'protected'),
    })),
  })),
});

// Controls and the Docs pages describe the elements from the manifest the analyzer writes from the
// JSDoc in src/ (npm run storybook and build-storybook run `cem analyze` first), so they cannot drift.
setCustomElementsManifest(publicApi(manifest as Manifest));

listenToMockVendor();

const preview: Preview = {
  // The loader starts the MSW worker once and applies `parameters.msw` (overridable per story).
  loaders: [mswLoader()],
  parameters: {
    msw: mockApi().msw,
    layout: 'fullscreen',
    options: { storySort: { order: ['Register app', 'Docs', 'Vendors', 'States', 'Field', 'Authoring'] } },
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
  // the manifest's events and parts are documentation: no control to set them
  argTypesEnhancers: [
    ({ argTypes }) =>
      Object.fromEntries(
        Object.entries(argTypes).map(([name, a]) => [
          name,
          ['events', 'css shadow parts'].includes(String(a.table?.category)) ? { ...a, control: false as const } : a,
        ]),
      ),
  ],
  // the wrapper plays the host page: it fills the canvas, so that the dark background does too
  decorators: [
    (story, { globals }) =>
      html`<div style=${styleMap({ padding: '1rem', minHeight: '100vh', boxSizing: 'border-box', fontFamily: 'system-ui, sans-serif', ...(globals.theme === 'dark' ? dark : {}) })}>
        ${story()}
      </div>`,
  ],
};

export default preview;
