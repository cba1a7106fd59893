// Type checks only (tsc, never bundled): what the package's types let a TypeScript host write, and
// what they refuse (each @ts-expect-error fails the check when the line type-checks after all).
import type {} from '@connectmyapps/register-app/react';
import type { CmaErrorEvent, CmaRegisterApp } from '@connectmyapps/register-app';

// the DOM: HTMLElementTagNameMap and GlobalEventHandlersEventMap
const widget: CmaRegisterApp = document.createElement('cma-register-app');
widget.apiBase = 'https://api.example.com/v1';
widget.addEventListener('cma-registered', event => event.detail.connectionId.toUpperCase());
widget.addEventListener('cma-error', event => event.detail.code satisfies string);
// @ts-expect-error: mode is 'popup' | 'redirect'
widget.mode = 'tab';
export const queried: CmaRegisterApp | null = document.querySelector('cma-register-app');

// JSX: properties and oncma-* event props, each with its own event class
export const ok = (
  <cma-register-app
    vendor="mailchimp"
    apiBase="https://api.example.com/v1"
    descriptorBase="https://cdn.example.com/vendors"
    descriptor={{ schemaVersion: 1 }}
    sessionToken="token"
    mode="redirect"
    callbackOrigin="https://api.example.com"
    lang="nb"
    api-base="https://api.example.com/v1"
    className="connect"
    style={{ maxWidth: 480 }}
    ref={(el: CmaRegisterApp | null) => el?.reset()}
    oncma-ready={event => event.detail.steps.map(step => step.toUpperCase())}
    oncma-step={event => event.detail.index + 1}
    oncma-registered={event => event.detail.connectionId.toUpperCase()}
    oncma-error={event => event.detail.retryable === true}
    oncma-cancel={event => event.detail.reason === 'popup_closed'}
  />
);
// @ts-expect-error: apiBase is a string
export const badProperty = <cma-register-app apiBase={42} />;
// @ts-expect-error: mode is 'popup' | 'redirect'
export const badMode = <cma-register-app mode="tab" />;
// @ts-expect-error: cma-registered is no CmaErrorEvent
export const badListener = <cma-register-app oncma-registered={(event: CmaErrorEvent) => event.detail.code} />;
// (a misspelt event prop, oncma-connected, cannot be refused: TypeScript lets any JSX attribute with a dash through)
