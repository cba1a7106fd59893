import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import { expect } from 'storybook/test';
import { fieldStyles } from '../src/components/field/field.styles.js';
import { makeLocale, type Locale } from '../src/components/locale.js';
import { sharedStyles } from '../src/components/shared.styles.js';
import type { Field, FieldValue, Option } from '../src/descriptor/types.js';
import { en } from '../src/i18n/en.js';
import { nb } from '../src/i18n/nb.js';

/**
 * Plays `<cma-register-app>` for one `<cma-field>`: the field renders into its parent's shadow root
 * and takes its styles from there, and the parent sets `value` when the field says it changed. So a
 * lone field looks and behaves as it does in the widget, without the widget's flow around it.
 */
class FieldHost extends LitElement {
  static override properties: PropertyDeclarations = {
    field: { attribute: false },
    value: { attribute: false },
    options: { attribute: false },
    error: { attribute: false },
    locale: { attribute: false },
  };
  // as wide as the widget would let it be
  static override styles = [sharedStyles, fieldStyles, css`:host { display: block; max-width: var(--cma-max-width, 32rem); }`];

  field!: Field;
  value: FieldValue | undefined;
  options: Option[] = [];
  error = '';
  locale!: Locale;

  #handleChange(e: CustomEvent<{ name: string; value: FieldValue }>) {
    this.value = e.detail.value;
  }

  override render() {
    return html`<form novalidate aria-label="A lone field" @field-change=${this.#handleChange}>
      <cma-field .locale=${this.locale} .field=${this.field} .value=${this.value} .options=${this.options} .error=${this.error}></cma-field>
    </form>`;
  }
}
customElements.define('cma-story-field-host', FieldHost);

interface FieldArgs {
  field: Field;
  value?: FieldValue;
  options?: Option[];
  error?: string;
}

/** `<cma-field>` alone, one story per field type a descriptor can ask for. Edit `field` under Controls to try a descriptor's field. */
const meta = {
  title: 'Field',
  component: 'cma-field',
  // see register-app.stories.ts; until then, Docs › <cma-field>
  tags: ['autodocs'],
  argTypes: {
    field: { description: "The field as the descriptor gives it (a step's `fields[i]`).", control: 'object' },
    value: { description: 'The value the widget holds for it.', control: 'object' },
    options: { description: 'The options of a select or radio field (static `options`, or what a lookup answered).', control: 'object' },
    error: { description: 'The message the widget shows under it, already in words.', control: 'text' },
  },
  render: (args, { globals }) => html`<cma-story-field-host
    .locale=${makeLocale(globals.locale === 'nb' ? 'nb' : 'en', globals.locale === 'nb' ? nb : en)}
    .field=${args.field}
    .value=${args.value}
    .options=${args.options ?? args.field.options ?? []}
    .error=${args.error ?? ''}
  ></cma-story-field-host>`,
} satisfies Meta<FieldArgs>;

export default meta;
type Story = StoryObj<FieldArgs>;

/** The field's shadow root (its host's) and the control named `name`. */
function controlIn(canvasElement: HTMLElement, selector: string) {
  const root = canvasElement.querySelector('cma-story-field-host')!.shadowRoot!;
  const control = root.querySelector<HTMLInputElement>(selector);
  if (!control) throw new Error(`the field shows no ${selector}`);
  return { root, control };
}

/** Types `text` into the control as one insertion (a paste), then leaves it. */
async function enter(canvasElement: HTMLElement, selector: string, text: string) {
  const { control } = controlIn(canvasElement, selector);
  control.focus();
  control.value = text;
  control.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  control.dispatchEvent(new Event('change', { bubbles: true }));
  await canvasElement.querySelector<FieldHost>('cma-story-field-host')!.updateComplete;
  return control;
}

export const Text: Story = {
  args: { field: { name: 'username', type: 'text', label: { en: 'Username', nb: 'Brukernavn' }, autocomplete: 'username', required: true } },
  play: async ({ canvasElement }) => {
    const input = await enter(canvasElement, 'input[name="username"]', 'ola@nordlys.no');
    await expect(input.value).toBe('ola@nordlys.no');
    await expect(input.getAttribute('autocomplete')).toBe('username');
  },
};

export const Secret: Story = {
  args: { field: { name: 'apiKey', type: 'secret', label: { en: 'API key', nb: 'API-nøkkel' }, required: true, help: 'Find it under **Account** › **API keys**.' } },
  play: async ({ canvasElement }) => {
    const input = await enter(canvasElement, 'input[name="apiKey"]', 'k3y-0123456789');
    await expect(input.type).toBe('password');
    // a key, not a password: password managers keep away
    await expect(input.getAttribute('autocomplete')).toBe('off');
    const { control: show } = controlIn(canvasElement, 'button.toggle');
    show.click();
    await canvasElement.querySelector<FieldHost>('cma-story-field-host')!.updateComplete;
    await expect(input.type).toBe('text');
    await expect(show.getAttribute('aria-pressed')).toBe('true');
  },
};

export const Email: Story = {
  args: { field: { name: 'email', type: 'email', label: { en: 'Email address', nb: 'E-postadresse' }, autocomplete: 'email', placeholder: 'admin@example.com' } },
  play: async ({ canvasElement }) => {
    const input = await enter(canvasElement, 'input[name="email"]', 'admin@acme.example');
    await expect(input.type).toBe('email');
    await expect(input.spellcheck).toBe(false);
  },
};

export const Url: Story = {
  name: 'URL',
  args: { field: { name: 'callbackUrl', type: 'url', label: 'Callback URL', placeholder: 'https://…', help: 'See [the docs](https://example.com/docs).' } },
  play: async ({ canvasElement }) => {
    const input = await enter(canvasElement, 'input[name="callbackUrl"]', 'https://acme.example/hook');
    await expect(input.type).toBe('url');
    // help links open in a new tab, and say so
    await expect(controlIn(canvasElement, '.help a').control.getAttribute('target')).toBe('_blank');
  },
};

export const Select: Story = {
  args: {
    field: {
      name: 'region',
      type: 'select',
      label: { en: 'Region', nb: 'Region' },
      required: true,
      options: [
        { value: 'eu', label: { en: 'Europe', nb: 'Europa' } },
        { value: 'us', label: 'United States' },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    const { control } = controlIn(canvasElement, 'select[name="region"]');
    const select = control as unknown as HTMLSelectElement;
    // nothing chosen yet: a prompt first
    await expect([...select.options].map(o => o.value)).toEqual(['', 'eu', 'us']);
    select.value = 'us';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await canvasElement.querySelector<FieldHost>('cma-story-field-host')!.updateComplete;
    await expect(canvasElement.querySelector<FieldHost>('cma-story-field-host')!.value).toBe('us');
  },
};

export const Radio: Story = {
  args: {
    field: {
      name: 'environment',
      type: 'radio',
      label: { en: 'Environment', nb: 'Miljø' },
      required: true,
      options: [
        { value: 'production', label: 'Production' },
        { value: 'sandbox', label: 'Sandbox', description: { en: 'Test data only', nb: 'Bare testdata' } },
      ],
    },
    value: 'production',
  },
  play: async ({ canvasElement }) => {
    const { root } = controlIn(canvasElement, 'fieldset');
    const radios = [...root.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    await expect(radios.map(r => r.checked)).toEqual([true, false]);
    radios[1].click();
    await canvasElement.querySelector<FieldHost>('cma-story-field-host')!.updateComplete;
    await expect(radios.map(r => r.checked)).toEqual([false, true]);
  },
};

export const Checkbox: Story = {
  args: { field: { name: 'useProxy', type: 'checkbox', label: { en: 'Connect through a proxy', nb: 'Koble til via en proxy' } }, value: false },
  play: async ({ canvasElement }) => {
    const { control } = controlIn(canvasElement, 'input[type="checkbox"]');
    control.click();
    await canvasElement.querySelector<FieldHost>('cma-story-field-host')!.updateComplete;
    await expect(canvasElement.querySelector<FieldHost>('cma-story-field-host')!.value).toBe(true);
  },
};

export const Multiline: Story = {
  name: 'Multiline (a private key)',
  args: { field: { name: 'privateKey', type: 'secret', label: { en: 'Private key', nb: 'Privat nøkkel' }, multiline: true, required: true } },
  play: async ({ canvasElement }) => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----';
    const textarea = await enter(canvasElement, 'textarea[name="privateKey"]', pem);
    await expect(textarea.value).toBe(pem);
    await expect(textarea.classList.contains('masked')).toBe(true);
  },
};

export const PrefixAndSuffix: Story = {
  name: 'With prefix and suffix',
  args: {
    field: { name: 'subdomain', type: 'text', label: { en: 'Subdomain', nb: 'Underdomene' }, prefix: 'https://', suffix: '.example.com', placeholder: 'acme', required: true },
  },
  play: async ({ canvasElement }) => {
    // a pasted address is reduced to the part between prefix and suffix when the user leaves the field
    const input = await enter(canvasElement, 'input[name="subdomain"]', 'https://Acme.example.com/admin');
    await expect(input.value).toBe('acme');
    // and a screen reader hears the prefix and suffix with the field
    const described = input.getAttribute('aria-describedby')!.split(' ');
    const { root } = controlIn(canvasElement, 'input');
    await expect(described.map(id => root.getElementById(id)?.textContent).join(' ')).toContain('.example.com');
  },
};

export const WithError: Story = {
  name: 'With an error',
  args: {
    field: { name: 'orgNumber', type: 'text', label: { en: 'Organisation number', nb: 'Organisasjonsnummer' }, required: true, pattern: '\\d{9}' },
    value: '12345',
    error: 'An organisation number is 9 digits.',
  },
  play: async ({ canvasElement }) => {
    const { root, control } = controlIn(canvasElement, 'input[name="orgNumber"]');
    await expect(control.getAttribute('aria-invalid')).toBe('true');
    const error = root.getElementById(control.getAttribute('aria-describedby')!.split(' ').at(-1)!);
    await expect(error?.textContent).toBe('An organisation number is 9 digits.');
  },
};
