import { useState } from 'react';
import type {} from '@connectmyapps/register-app/react'; // <cma-register-app> in JSX, with typed oncma-* props
import '@connectmyapps/register-app/define'; // defines the tags (before the first render)

export function Connect({ sessionToken }: { sessionToken: string }) {
  const [connectionId, setConnectionId] = useState('');
  if (connectionId) return <p role="status">Connected: {connectionId}</p>;
  return (
    <cma-register-app
      vendor="mailchimp"
      apiBase="https://api.example.com/v1"
      sessionToken={sessionToken}
      // Verify event.detail.connectionId on your server: any script on the page can forge DOM events.
      oncma-registered={event => setConnectionId(event.detail.connectionId)}
      oncma-error={event => console.warn(event.detail.code, event.detail.message)}
    />
  );
}
