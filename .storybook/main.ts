import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // msw-storybook-addon 3.x, CSF3 setup: the addon here, `mswLoader()` in preview.ts
  addons: ['msw-storybook-addon'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  // serves public/mockServiceWorker.js at /mockServiceWorker.js
  staticDirs: ['../public'],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  viteFinal: config => ({
    ...config,
    // Storybook's own preview runtime is one ~870 kB chunk; nothing to split there
    build: { ...config.build, chunkSizeWarningLimit: 1500 },
  }),
};

export default config;
