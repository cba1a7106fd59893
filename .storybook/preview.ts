import type { Preview } from '@storybook/web-components-vite';
import { mswLoader } from 'msw-storybook-addon/csf3';
import { handlers } from '../mocks/handlers.js';
import '../src/define.js';

const preview: Preview = {
  // The loader starts the MSW worker once and applies `parameters.msw` (overridable per story).
  loaders: [mswLoader()],
  parameters: {
    msw: { handlers },
    layout: 'padded',
  },
};

export default preview;
