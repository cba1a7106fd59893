import type { StorybookConfig } from '@storybook/web-components-vite';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // msw-storybook-addon 3.x, CSF3 setup: the addon here, `mswLoader()` in preview.ts
  addons: ['msw-storybook-addon', '@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  staticDirs: [
    // serves public/mockServiceWorker.js at /mockServiceWorker.js
    '../public',
    // the OAuth vendor's login page that the mock API sends the login window to (stories/mock-vendor.ts)
    { from: '../stories/mock-vendor-page', to: '/mock-vendor' },
  ],
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  // no "Get started" checklist in the sidebar: this Storybook is set up
  features: { sidebarOnboardingChecklist: false },
  viteFinal: config => ({
    ...config,
    resolve: {
      ...config.resolve,
      // One Lit in the preview, whoever imports it (the stories, the widget, Storybook's renderer, an
      // addon or a linked package with its own node_modules): two copies register their elements and
      // templates apart, and Lit's dev build says "Multiple versions of Lit loaded".
      dedupe: [...(config.resolve?.dedupe ?? []), 'lit', 'lit-html', 'lit-element', '@lit/reactive-element'],
    },
    // Storybook's own preview runtime is one ~870 kB chunk; nothing to split there
    build: { ...config.build, chunkSizeWarningLimit: 1500 },
  }),
};

export default config;
