// The host test's entry (not in the README): renders Connect.tsx with a token from the host's server,
// and says whether the class the package exports is the one registered for the tag.
import { createRoot } from 'react-dom/client';
import { CmaRegisterApp } from '@connectmyapps/register-app';
import { Connect } from './Connect';

declare global {
  interface Window {
    registeredIsExported?: boolean;
  }
}

const { token } = (await (await fetch('/session', { method: 'POST' })).json()) as { token: string };
createRoot(document.getElementById('root')!).render(<Connect sessionToken={token} />);
window.registeredIsExported = customElements.get('cma-register-app') === CmaRegisterApp;
