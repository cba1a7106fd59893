import type { Meta } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import type { CmaRegisterApp } from '../../src/index.js';
import {
  choose,
  fill,
  invalidLabels,
  pickWay,
  submit,
  waitFor,
  waitForConnected,
  waitForField,
  waitForInvalidFields,
  waitForText,
  waitForWays,
  words,
} from '../play.js';
import { widgetMeta, type RegisterAppArgs, type Story } from '../widget.js';

/**
 * A test fixture, not a vendor (mocks/descriptors/kitchen-sink.json): every field type and option,
 * `showIf`, instructions with a menu path and an image, and two ways. A descriptor author can see
 * here what each key of the format looks like; test/components/kitchen-sink.test.ts drives the same.
 */
const meta = {
  ...widgetMeta,
  title: 'Vendors/Kitchen sink (test fixture)',
  args: { ...widgetMeta.args, vendor: 'kitchen-sink' },
  play: async ({ canvasElement }) => {
    await waitForWays(canvasElement);
  },
} satisfies Meta<RegisterAppArgs>;

export default meta;

const LOGIN = 0;
const API_KEY = 1;

const shows = (el: CmaRegisterApp, name: string) => !!el.shadowRoot!.querySelector(`[name="${name}"]`);

/** Logs in on the first way (the mock takes any login) and waits for the workspace step its lookup fills. */
async function logIn(canvasElement: HTMLElement) {
  const el = await pickWay(canvasElement, LOGIN);
  fill(el, 'username', 'ola.nordmann');
  fill(el, 'password', 'correct horse battery staple');
  await submit(el);
  await waitForField(el, 'workspace');
  return el;
}

export const ChooseAWay: Story = { name: 'Choose a way' };

export const LoginFirstStep: Story = {
  name: 'Login: first step',
  play: async ({ canvasElement }) => {
    const el = await pickWay(canvasElement, LOGIN);
    // the defaults are chosen, and the sandbox's name waits for its answer
    await waitFor(el, 'production chosen', root => root.querySelector<HTMLInputElement>('input[value="production"]')?.checked);
    await expect((await waitForField(el, 'region')).value).toBe('eu');
    await expect(shows(el, 'sandboxName')).toBe(false);
    await waitFor(el, 'menu path and image', root => root.querySelector('[part="path"]') && root.querySelector('img[part="image"]'));
  },
};

export const Sandbox: Story = {
  name: 'Login: a sandbox (showIf)',
  play: async ({ canvasElement }) => {
    const el = await pickWay(canvasElement, LOGIN);
    choose(el, 'environment', 'sandbox');
    await waitForField(el, 'sandboxName');
  },
};

export const LoginValidationErrors: Story = {
  name: 'Login: validation errors (too short, pattern, required)',
  play: async ({ canvasElement }) => {
    const el = await pickWay(canvasElement, LOGIN);
    fill(el, 'username', 'ol');
    choose(el, 'environment', 'sandbox');
    await waitForField(el, 'sandboxName');
    fill(el, 'sandboxName', 'My Sandbox!');
    // the fields left with a wrong value say so at once; the submit finds the empty password too
    await waitFor(el, 'the two fields left wrong', root => root.querySelectorAll('[aria-invalid="true"]').length === 2);
    await expect(await waitForInvalidFields(el)).toEqual(['username', 'sandboxName']);
    await submit(el);
    await waitFor(el, 'the three fields to fix', root => root.querySelectorAll('[aria-invalid="true"]').length === 3);
    await expect(await waitForInvalidFields(el)).toEqual(['username', 'password', 'sandboxName']);
    await waitForText(el, words(el).invalidInput(invalidLabels(el)));
    await waitForText(el, el.lang === 'nb' ? 'Et sandkassenavn består av små bokstaver' : 'A sandbox name is lower-case letters');
  },
};

export const WorkspaceStep: Story = {
  name: 'Login: workspace step (options from the lookup)',
  play: async ({ canvasElement }) => {
    const el = await logIn(canvasElement);
    const select = (await waitForField(el, 'workspace')) as HTMLSelectElement;
    await expect([...select.options].map(o => o.value)).toEqual(['', 'workspaces-a', 'workspaces-b', 'workspaces-c']);
    await expect(shows(el, 'notifyEmail')).toBe(false);
    el.shadowRoot!.querySelector<HTMLInputElement>('input[name="notify"]')!.click();
    await waitForField(el, 'notifyEmail');
  },
};

export const LoginRegistered: Story = {
  name: 'Login: registered',
  play: async ({ canvasElement }) => {
    const el = await logIn(canvasElement);
    choose(el, 'workspace', 'workspaces-b');
    fill(el, 'notes', 'First line\nSecond line');
    await submit(el);
    await waitForConnected(el);
  },
};

export const ApiKeyFirstStep: Story = {
  name: 'API key: first step',
  play: async ({ canvasElement }) => {
    await pickWay(canvasElement, API_KEY);
  },
};

export const ApiKeyValidationErrors: Story = {
  name: 'API key: validation errors (pattern, too short, required)',
  play: async ({ canvasElement }) => {
    const el = await pickWay(canvasElement, API_KEY);
    fill(el, 'subdomain', 'not a subdomain!');
    fill(el, 'apiKey', 'short');
    await submit(el);
    await expect(await waitForInvalidFields(el)).toEqual(['subdomain', 'apiKey']);
  },
};

export const ApiKeyRegistered: Story = {
  name: 'API key: registered',
  play: async ({ canvasElement }) => {
    const el = await pickWay(canvasElement, API_KEY);
    fill(el, 'subdomain', 'https://acme.kitchen-sink.example/admin');
    fill(el, 'apiKey', 'a1B2c3D4e5F6g7H8i9J0k1L2');
    fill(el, 'privateKey', '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----');
    await submit(el);
    await waitForConnected(el);
  },
};
