// The host test's entry (not in the README): runs main.ts, and says whether the class the package
// exports is the one registered for the tag.
import './main';
import { CmaRegisterApp } from '@connectmyapps/register-app';

declare global {
  interface Window {
    registeredIsExported?: boolean;
  }
}

window.registeredIsExported = customElements.get('cma-register-app') === CmaRegisterApp;
