import { createApp } from 'vue';
import type {} from '@connectmyapps/register-app/vue'; // <cma-register-app> in templates, for vue-tsc
import '@connectmyapps/register-app/define'; // defines the tags (before the app mounts)

const app = createApp({
  props: { sessionToken: { type: String, required: true } },
  data: () => ({ connectionId: '' }),
  // Verify $event.detail.connectionId on your server: any script on the page can forge DOM events.
  template: `
    <p v-if="connectionId" role="status">Connected: {{ connectionId }}</p>
    <cma-register-app
      v-else
      vendor="mailchimp"
      api-base="https://api.example.com/v1"
      .sessionToken="sessionToken"
      @cma-registered="connectionId = $event.detail.connectionId"
      @cma-error="console.warn($event.detail.code, $event.detail.message)"
    ></cma-register-app>`,
}, { sessionToken: await fetchSessionToken() });
// the template is compiled in the browser: tell Vue which tags are custom elements
app.config.compilerOptions.isCustomElement = tag => tag.startsWith('cma-');
app.mount('#app');

/** A short-lived token your backend mints for this user (here: POST /session on the host's own server). */
async function fetchSessionToken(): Promise<string> {
  return (await (await fetch('/session', { method: 'POST' })).json()).token;
}
