/**
 * `<cma-register-app>` in React 19's JSX: its properties, and an `oncma-*` prop for each of its events.
 * Types only: nothing here runs, and the package does not depend on React. Bring them into a program
 * once, e.g. in the file that renders the element:
 *
 *   import type {} from '@connectmyapps/register-app/react';
 *
 * React 19 sets a prop as a property when the element has one (`apiBase`, `descriptor`,
 * `sessionToken`, …), and adds `oncma-registered={handler}` as a listener of `cma-registered`.
 * Import `@connectmyapps/register-app/define` before the first render, so the tag is defined by then.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { CmaRegisterApp, CmaRegisterAppEventMap, CmaRegisterAppProperties } from './index.js';

/** `oncma-ready`, `oncma-registered`, …: listeners of the element's events, each typed with its event class. */
export type CmaRegisterAppEventProps = {
  [K in keyof CmaRegisterAppEventMap as `on${K}`]?: (event: CmaRegisterAppEventMap[K]) => void;
};

/** The attributes that name a property in kebab case, for those who write them so. */
export interface CmaRegisterAppAttributes {
  'api-base'?: string;
  'descriptor-base'?: string;
  'callback-origin'?: string;
}

/** Everything `<cma-register-app>` takes in JSX. */
export type CmaRegisterAppJSX = DetailedHTMLProps<HTMLAttributes<CmaRegisterApp>, CmaRegisterApp> &
  Partial<CmaRegisterAppProperties> &
  CmaRegisterAppAttributes &
  CmaRegisterAppEventProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'cma-register-app': CmaRegisterAppJSX;
    }
  }
}
