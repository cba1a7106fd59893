import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { Field, FieldValue, Option } from '../../descriptor/types.js';
import { normalize } from '../../flow/engine.js';
import { english, type Locale } from '../locale.js';
import { renderMarkup } from '../markup.js';

/** The help popover's placement code (with @floating-ui/dom): only a descriptor with `help` loads it. */
const placement = () => import('./help-popover.js');

/** Fired inside the widget (not composed) when the user changes a field's value. */
export type FieldChangeEvent = CustomEvent<{ name: string; value: FieldValue; left: boolean }>;

/**
 * One field of a step: it owns its label, help, input, error and the ARIA that ties them together.
 * It renders into its parent's shadow root, inside the parent's `<form>` (see field.styles.ts).
 *
 * `<cma-register-app>` creates one per field of the current step and sets every property; a host
 * page does not place it. It has no shadow root of its own (so that password managers and the form
 * find its input), so its parts are its parent's: style them with `cma-register-app::part(input)`,
 * and its colours, radius and spacing with the parent's `--cma-*` custom properties.
 *
 * @summary One field of a step (label, help, input, error), rendered inside `<cma-register-app>`.
 *
 * @fires field-change - The user changed the value (`detail`: `name`, `value`, and `left`: true once the user has left the field or picked a choice, when it is checked). Bubbles inside the widget only (not composed); the parent sets `value` in answer.
 *
 * @csspart field - the wrapper
 * @csspart label - the label
 * @csspart info - the "More about …" button that opens the help
 * @csspart hint - the help popover
 * @csspart input - the input, textarea or select (each radio button of a group)
 * @csspart error - the error message
 *
 * @tagname cma-field
 */
export class CmaField extends LitElement {
  // Declared here rather than with decorators: the decorator helpers cost the bundle more than the lines they save.
  static override properties: PropertyDeclarations = {
    locale: { attribute: false },
    field: { attribute: false },
    value: { attribute: false },
    options: { attribute: false },
    error: { attribute: false },
    revealed: { state: true },
  };

  /** The language in force, handed down by `<cma-register-app>`. */
  locale: Locale = english;

  /** The field as the descriptor gives it. */
  field!: Field;

  /** The current value. Bound as a property, never as an attribute (it may be a secret). */
  value: FieldValue | undefined;

  /** Options of a select or radio field. */
  options: Option[] = [];

  /** The error to show, already in words; empty when the value is fine. */
  error = '';

  private revealed = false;

  protected override willUpdate(changed: PropertyValues<this>) {
    // Lit may hand this element another field (the next step's, or one showIf revealed): start masked.
    if (changed.has('field') && changed.get('field')?.name !== this.field.name) this.revealed = false;
  }

  /**
   * The controls show the value, also where the DOM holds another (what `live()` does, without its
   * directive machinery in the bundle): a value the engine normalized, refused or reset wins.
   */
  protected override updated() {
    const value = typeof this.value === 'string' ? this.value : '';
    for (const control of this.querySelectorAll<HTMLInputElement>('input[name], textarea')) {
      if (control.type === 'radio') control.checked = control.value === this.value;
      else if (control.type === 'checkbox') control.checked = this.value === true;
      else if (control.value !== value) control.value = value;
    }
    // fetched once a field with help shows, so that its popover is placed at once when first opened
    if (this.field.help) placement();
  }

  protected override createRenderRoot() {
    return this;
  }

  /** Moves focus to the input (the first radio of a group). */
  override focus(options?: FocusOptions) {
    this.querySelector<HTMLElement>('input, textarea, select')?.focus(options);
  }

  /** Typing, or a choice picked (`change`: checked at once). */
  #handleInput(e: Event) {
    const input = e.target as HTMLInputElement;
    this.#changed(input.type === 'checkbox' ? input.checked : input.value, e.type === 'change');
  }

  /**
   * The user left a text field they changed: it is checked now. A field shown between a prefix and a
   * suffix then shows what will be sent (a pasted `https://acme.example.com/admin` becomes `acme`);
   * never while typing, so the caret stays put.
   */
  #handleCommit(e: Event) {
    const { value } = e.target as HTMLInputElement;
    this.#changed(normalize(this.field, value) as string, true);
  }

  /** The help popover is about to open or close (the browser does both, on the button, Esc or a click outside). */
  #toggleHelp(e: ToggleEvent) {
    const popover = e.target as HTMLElement; // read now: an event from a shadow tree has no target once dispatched
    // open: keep it beside its button; closing with focus in it: focus goes back to the button, not to the page
    if (e.newState === 'open') placement().then(m => m.follow(popover));
    else if (popover.matches(':focus-within')) (popover.previousElementSibling as HTMLElement).focus();
  }

  #changed(value: FieldValue, left: boolean) {
    this.dispatchEvent(new CustomEvent('field-change', { bubbles: true, detail: { name: this.field.name, value, left } }));
  }

  override render() {
    const { field, locale } = this;
    const { text, t } = locale;
    // a name is an identifier (the validator says so); <cma-register-app> focuses an input by its id
    const id = `cma-field-${field.name}`;
    const label = text(field.label);
    const help = text(field.help);
    const choice = field.type === 'radio' || field.type === 'checkbox';
    const prefix = choice ? '' : text(field.prefix);
    const suffix = choice ? '' : text(field.suffix);
    // the prefix and suffix are shown around the input; in words, they are part of its description
    const affix = prefix || suffix ? t.affix(prefix, suffix) : '';
    const describedBy =
      [affix && `${id}-affix`, help && `${id}-help`, this.error && `${id}-error`].filter(Boolean).join(' ') || nothing;
    const invalid = this.error ? 'true' : nothing;
    const optional = !field.required && field.type !== 'checkbox' ? html` <span class="optional">${t.optional}</span>` : nothing;

    // Help opens from a "More about …" button as a native popover, which the browser closes on Esc
    // and on a click outside, returning focus to the button; `autofocus` moves focus into it on open,
    // so that it is read out. It stays the input's description, so it is also read with the field.
    const helpBlock = help
      ? html`<button type="button" part="info" class="info" popovertarget="${id}-help" aria-label=${t.moreAbout(label)}>?</button><div part="hint" class="help" id="${id}-help" popover role="dialog" aria-label=${t.moreAbout(label)} tabindex="-1" autofocus @beforetoggle=${this.#toggleHelp}>
            ${renderMarkup(help, t.newTab)}
          </div>`
      : nothing;
    const errorBlock = this.error ? html`<div part="error" class="error" id="${id}-error">${this.error}</div>` : nothing;

    if (field.type === 'radio') {
      return html`<fieldset part="field" class=${this.error ? 'invalid' : ''} aria-describedby=${describedBy}>
        <legend part="label" class="label">${label}${optional}</legend>
        ${helpBlock}
        ${this.options.map(
          (o, i) => html`<label class="choice">
            <input
              part="input"
              type="radio"
              id=${i === 0 ? id : `${id}-${i}`}
              name=${field.name}
              .value=${o.value}
              ?required=${field.required}
              aria-invalid=${invalid}
              @change=${this.#handleInput}
            />
            <span>${text(o.label)}${o.description ? html`<span class="description">${text(o.description)}</span>` : nothing}</span>
          </label>`,
        )}
        ${errorBlock}
      </fieldset>`;
    }

    if (field.type === 'checkbox') {
      return html`<div part="field" class=${this.error ? 'invalid' : ''}>
        <label class="choice">
          <input
            part="input"
            type="checkbox"
            id=${id}
            name=${field.name}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            @change=${this.#handleInput}
          />
          <span part="label">${label}</span>
        </label>
        ${helpBlock} ${errorBlock}
      </div>`;
    }

    // A secret's field is left out of session replays (which record open shadow roots), also while
    // "Show" makes its input plain text: the marks of rrweb (and the tools built on it), FullStory and
    // LogRocket. (Sentry, PostHog, Hotjar and Datadog mask every input by default.)
    const secret = field.type === 'secret';
    const masked = secret && !this.revealed;
    const toggle = this.revealed ? t.hide : t.show;
    const value = typeof this.value === 'string' ? this.value : '';
    const placeholder = text(field.placeholder) || nothing;
    // A secret without an autocomplete token is a key or token: password managers keep away from it.
    const ignore = secret && !field.autocomplete ? 'true' : nothing;
    const autocomplete = field.autocomplete ?? (secret ? 'off' : nothing);
    const noSpell = secret || field.type === 'email' || field.type === 'url';

    // No minlength/maxlength attributes: the browser would cut a long paste short without a word;
    // the engine checks lengths and says what is wrong instead.
    const control =
      field.type === 'select'
        ? html`<select
            part="input"
            id=${id}
            name=${field.name}
            ?required=${field.required}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            autocomplete=${autocomplete}
            @change=${this.#handleInput}>
            ${this.options.some(o => o.value === value) ? nothing : html`<option value="" selected>${t.choose}</option>`}
            ${this.options.map(o => html`<option .value=${o.value} ?selected=${o.value === value}>${text(o.label)}</option>`)}
          </select>`
        : field.multiline
          ? html`<textarea
              part="input"
              id=${id}
              name=${field.name}
              class=${masked ? 'masked' : ''}
              rows="4"
              placeholder=${placeholder}
              ?required=${field.required}
              data-1p-ignore=${ignore}
              data-lpignore=${ignore}
              data-bwignore=${ignore}
              data-form-type=${ignore === nothing ? nothing : 'other'}
              autocomplete=${autocomplete}
              spellcheck=${!noSpell}
              autocapitalize=${noSpell ? 'off' : nothing}
              aria-invalid=${invalid}
              aria-describedby=${describedBy}
              @input=${this.#handleInput}
              @change=${this.#handleCommit}></textarea>`
          : html`<input
              part="input"
              id=${id}
              name=${field.name}
              type=${masked ? 'password' : secret ? 'text' : field.type}
              placeholder=${placeholder}
              ?required=${field.required}
              data-1p-ignore=${ignore}
              data-lpignore=${ignore}
              data-bwignore=${ignore}
              data-form-type=${ignore === nothing ? nothing : 'other'}
              autocomplete=${autocomplete}
              spellcheck=${!noSpell}
              autocapitalize=${noSpell ? 'off' : nothing}
              aria-invalid=${invalid}
              aria-describedby=${describedBy}
              @input=${this.#handleInput}
              @change=${this.#handleCommit}
            />`;
    return html`<div part="field" class="${this.error ? 'invalid' : ''} ${secret ? 'rr-block fs-exclude' : ''}" data-private=${secret ? '' : nothing}>
      <label part="label" class="label" for=${id}>${label}${optional}</label>
      ${helpBlock}
      <div class="control">
        ${prefix ? html`<span class="affix" aria-hidden="true">${prefix}</span>` : nothing}
        ${control}
        ${suffix ? html`<span class="affix" aria-hidden="true">${suffix}</span>` : nothing}
        ${secret
          ? html`<button
              type="button"
              class="toggle"
              aria-controls=${id}
              aria-pressed=${this.revealed}
              aria-label=${toggle(label)}
              @click=${() => (this.revealed = !this.revealed)}>
              ${toggle('').trim()}
            </button>`
          : nothing}
      </div>
      ${affix ? html`<span class="visually-hidden" id="${id}-affix">${affix}</span>` : nothing} ${errorBlock}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cma-field': CmaField;
  }
}
