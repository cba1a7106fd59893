/**
 * `<cma-register-app>` in Vue 3 templates, for type checking with vue-tsc (Volar): its properties as
 * props and its events for `@cma-*` listeners, each typed with its event class. Types only: nothing
 * here runs, and the package does not depend on Vue. Bring them into a program once, e.g. in `main.ts`:
 *
 *   import type {} from '@connectmyapps/register-app/vue';
 *
 * Vue must also be told the tag is a custom element (`compilerOptions.isCustomElement`), and
 * `@connectmyapps/register-app/define` imported before the app mounts; see the README.
 */
import type { EmitFn, HTMLAttributes, PublicProps } from 'vue';
import type { CmaRegisterApp, CmaRegisterAppEventMap, CmaRegisterAppProperties } from './index.js';

/** The shape Vue's template type checking reads from a global component (after Vue's docs on custom elements). */
export type CmaRegisterAppVue = new () => CmaRegisterApp & {
  /** @deprecated For template type checking only: not a property of the element. */
  $props: HTMLAttributes & Partial<CmaRegisterAppProperties> & PublicProps;
  /** @deprecated For template type checking only: not a method of the element. */
  $emit: EmitFn<{ [K in keyof CmaRegisterAppEventMap]: (event: CmaRegisterAppEventMap[K]) => void }>;
};

declare module 'vue' {
  interface GlobalComponents {
    'cma-register-app': CmaRegisterAppVue;
  }
}
