import type { Meta } from '@storybook/web-components-vite';
import { http, HttpResponse } from 'msw';
import { expect } from 'storybook/test';
import { mockApi } from './mock-vendor.js';
import { waitForLoadFailure, widgetIn, words } from './play.js';
import { widgetMeta, type RegisterAppArgs, type Story } from './widget.js';

/** What the widget shows when it cannot show a vendor's first step. */
const meta = {
  ...widgetMeta,
  title: 'States/Load failures',
} satisfies Meta<RegisterAppArgs>;

export default meta;

export const UnknownVendor: Story = {
  name: 'Unknown vendor',
  args: { vendor: 'no-such-vendor' },
  play: async ({ canvasElement }) => {
    await expect(await waitForLoadFailure(canvasElement)).toContain('no-such-vendor');
  },
};

export const Offline: Story = {
  name: 'Offline',
  parameters: mockApi('offline'),
  play: async ({ canvasElement }) => {
    await expect(await waitForLoadFailure(canvasElement)).toContain(words(widgetIn(canvasElement)).errors.network_error(''));
  },
};

/** Mistakes a descriptor author makes: the widget names each by its JSON path. */
const brokenDescriptor = {
  schemaVersion: 1,
  id: 'broken',
  name: 'Broken',
  method: 'apiKey',
  steps: [
    {
      id: 'key',
      feilds: [{ name: 'apiKey', type: 'secret', label: 'API key' }],
      submit: { kind: 'register' },
    },
  ],
};

export const InvalidDescriptor: Story = {
  name: 'Invalid descriptor',
  args: { vendor: 'broken' },
  parameters: { msw: { handlers: [http.get('*/vendors/broken.json', () => HttpResponse.json(brokenDescriptor)), ...mockApi().msw.handlers] } },
  play: async ({ canvasElement }) => {
    await expect(await waitForLoadFailure(canvasElement)).toContain('steps[0]');
  },
};

export const NoApiBase: Story = {
  name: 'No api-base set by the host page',
  args: { 'api-base': '' },
  play: async ({ canvasElement }) => {
    await expect(await waitForLoadFailure(canvasElement)).toContain(words(widgetIn(canvasElement)).noApiBase);
  },
};
