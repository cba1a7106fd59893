import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import { expect } from 'storybook/test';
import { descriptors, vendors } from '../mocks/handlers.js';
import { checkDescriptor, type DescriptorProblem } from '../src/descriptor/check.js';
import type { CmaRegisterApp } from '../src/index.js';
import { waitFor, waitForFirstStep } from './play.js';

/**
 * A descriptor author's workbench: the descriptor's JSON on the left, the widget showing it on the
 * right, and every problem by JSON path as you type (the widget's validator and the checker's rules,
 * the same as `npx cma-descriptor check`). The mock API answers any vendor: lookups of any name get
 * sample options. The widget's events go to the Actions panel.
 */
class DescriptorPlayground extends LitElement {
  static override properties: PropertyDeclarations = { text: { state: true }, apiBase: {}, lang: {} };
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: minmax(18rem, 1fr) minmax(18rem, 32rem);
      gap: 1rem;
      font: 14px system-ui, sans-serif;
    }
    textarea {
      width: 100%;
      min-height: 32rem;
      box-sizing: border-box;
      font: 12px ui-monospace, Menlo, Consolas, monospace;
    }
    .problems {
      margin: 0.5rem 0 0;
      padding-inline-start: 1.25rem;
      color: var(--cma-color-error, #b91c1c);
      font-family: ui-monospace, Menlo, Consolas, monospace;
      font-size: 12px;
    }
    .ok {
      color: var(--cma-color-success, #047857);
    }
  `;

  text = '';
  apiBase = 'https://api.example.com/v1';
  override lang = '';

  /** What the editor holds, parsed: the descriptor, or why it is not JSON. */
  get #parsed(): { json?: unknown; problems: DescriptorProblem[] } {
    try {
      const json = JSON.parse(this.text);
      return { json, problems: checkDescriptor(json) };
    } catch (e) {
      return { problems: [{ path: '(root)', message: `not JSON (${(e as Error).message})` }] };
    }
  }

  override render() {
    const { json, problems } = this.#parsed;
    return html`<div>
        <label for="json">Descriptor (JSON)</label>
        <textarea id="json" spellcheck="false" .value=${this.text} @input=${(e: Event) => (this.text = (e.target as HTMLTextAreaElement).value)}></textarea>
        <div role="status">
          ${problems.length
            ? html`<ul class="problems">${problems.map(p => html`<li>${p.path}: ${p.message}</li>`)}</ul>`
            : html`<p class="ok">No problems.</p>`}
        </div>
      </div>
      <cma-register-app api-base=${this.apiBase} lang=${this.lang} .descriptor=${json ?? null}></cma-register-app>`;
  }
}
if (!customElements.get('cma-descriptor-playground')) customElements.define('cma-descriptor-playground', DescriptorPlayground);

interface PlaygroundArgs {
  start: string;
  onCmaReady: (e: Event) => void;
  onCmaStep: (e: Event) => void;
  onCmaRegistered: (e: Event) => void;
  onCmaError: (e: Event) => void;
  onCmaCancel: (e: Event) => void;
}

const action = (name: string) => ({ action: name, table: { category: 'events' }, control: false as const });

const meta = {
  title: 'Authoring/Descriptor playground',
  args: { start: 'mailchimp' },
  argTypes: {
    start: { description: 'The shipped descriptor the editor starts from.', control: 'select', options: vendors },
    onCmaReady: action('cma-ready'),
    onCmaStep: action('cma-step'),
    onCmaRegistered: action('cma-registered'),
    onCmaError: action('cma-error'),
    onCmaCancel: action('cma-cancel'),
  },
  render: (args, { globals }) => html`<cma-descriptor-playground
    lang=${globals.locale || 'en'}
    .text=${JSON.stringify(descriptors[args.start], null, 2)}
    @cma-ready=${args.onCmaReady}
    @cma-step=${args.onCmaStep}
    @cma-registered=${args.onCmaRegistered}
    @cma-error=${args.onCmaError}
    @cma-cancel=${args.onCmaCancel}
  ></cma-descriptor-playground>`,
} satisfies Meta<PlaygroundArgs>;

export default meta;

type Story = StoryObj<PlaygroundArgs>;

/** The playground's editor, problem list and widget. */
function parts(canvasElement: HTMLElement) {
  const playground = canvasElement.querySelector<DescriptorPlayground>('cma-descriptor-playground')!;
  const root = playground.shadowRoot!;
  const editor = root.querySelector<HTMLTextAreaElement>('textarea')!;
  const type = (text: string) => {
    editor.value = text;
    editor.dispatchEvent(new Event('input', { bubbles: true }));
  };
  return { playground, root, editor, type, widget: root.querySelector<CmaRegisterApp>('cma-register-app')! };
}

export const Playground: Story = {
  name: 'Edit a descriptor, see it live',
  play: async ({ canvasElement }) => {
    const { playground, root, editor, type, widget } = parts(canvasElement);
    await waitFor(widget, 'first step of the descriptor in the editor', r => r.querySelector('form[part="form"] cma-field'));
    await expect(root.querySelector('.ok')).not.toBeNull();
    // a mistake as an author makes it: the problem by its JSON path at once, and the widget says so too
    type(editor.value.replace('"type": "secret"', '"type": "password"'));
    await playground.updateComplete;
    await expect(root.querySelector('.problems')!.textContent).toContain('steps[0].fields[0].type: expected one of');
    await waitFor(widget, 'the descriptor error', r => r.querySelector('.problems'));
    // not JSON at all while typing: said so, and the widget keeps its last word
    type(editor.value.slice(0, -3));
    await playground.updateComplete;
    await expect(root.querySelector('.problems')!.textContent).toContain('(root): not JSON');
  },
};

export const NewVendor: Story = {
  name: 'A new vendor with a lookup of its own',
  play: async ({ canvasElement }) => {
    const { playground, type, widget } = parts(canvasElement);
    const draft = { ...(descriptors['24sevenoffice'] as object), id: 'acme-books', name: 'Acme Books' } as Record<string, unknown>;
    type(JSON.stringify(draft, null, 2).replace(/"clients"/g, '"companies"'));
    await playground.updateComplete;
    await waitForFirstStep(playground.shadowRoot as unknown as HTMLElement);
    await expect(widget.shadowRoot!.textContent).toContain('Acme Books');
  },
};
