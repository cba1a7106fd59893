// Type checks only (tsc, never bundled): what vue-tsc reads for <cma-register-app> in a template,
// the props of GlobalComponents' entry and its $emit, and what they refuse (each @ts-expect-error
// fails the check when the line type-checks after all).
import type { GlobalComponents } from 'vue';
import type {} from '@connectmyapps/register-app/vue';
import type { CmaRegisterApp } from '@connectmyapps/register-app';

type Widget = InstanceType<GlobalComponents['cma-register-app']>;

export const element: CmaRegisterApp = {} as Widget;
export const props: Widget['$props'] = {
  vendor: 'mailchimp',
  apiBase: 'https://api.example.com/v1',
  sessionToken: 'token',
  mode: 'popup',
  class: 'connect',
  key: 'mailchimp',
};
// @ts-expect-error: apiBase is a string
export const badProperty: Widget['$props'] = { apiBase: 42 };
// @ts-expect-error: mode is 'popup' | 'redirect'
export const badMode: Widget['$props'] = { mode: 'tab' };

declare const widget: Widget;
export function emits(event: Parameters<Widget['$emit']>[0]) {
  return event satisfies 'cma-ready' | 'cma-step' | 'cma-registered' | 'cma-error' | 'cma-cancel';
}
// $emit ties each event name to its event class
declare const registered: import('@connectmyapps/register-app').CmaRegisteredEvent;
declare const error: import('@connectmyapps/register-app').CmaErrorEvent;
widget.$emit('cma-registered', registered);
// @ts-expect-error: cma-registered carries a CmaRegisteredEvent
widget.$emit('cma-registered', error);
// @ts-expect-error: no such event
widget.$emit('cma-connected', registered);
