// The vendors' authorization server: oidc-provider (the certified Node OAuth 2.0 / OpenID Connect
// server) with one confidential client per OAuth vendor. What the "vendor" does when the user arrives
// is set at run time (see `behaviour` below).
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

/**
 * @param {object} options
 * @param {string} options.issuer the AS origin
 * @param {{client_id: string, client_secret: string, redirect_uri: string}[]} options.clients
 * @param {() => {login: 'form'|'auto'|'deny'|'error', coop: boolean}} options.behaviour read on every request
 */
export async function createAuthorizationServer({ issuer, clients, behaviour }) {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const provider = new Provider(issuer, {
    clients: clients.map(c => ({
      client_id: c.client_id,
      client_secret: c.client_secret,
      token_endpoint_auth_method: 'client_secret_basic',
      redirect_uris: [c.redirect_uri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
    })),
    // the default requires PKCE only for public clients
    pkce: { required: () => true },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    findAccount: (ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    jwks: { keys: [{ ...privateKey.export({ format: 'jwk' }), alg: 'RS256', use: 'sig' }] },
    // features.devInteractions (a login form and a consent page) is on by default
  });

  const setHeaders = ctx => {
    if (ctx.res.headersSent) return;
    // the dev pages @import Google Fonts: block it before it reaches the network
    ctx.set('Content-Security-Policy', "style-src 'self' 'unsafe-inline'");
    // like Shopify, Linear or Microsoft's login: cuts the popup's opener link (on trustworthy origins)
    if (behaviour().coop) ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
  };

  provider.use(async (ctx, next) => {
    setHeaders(ctx);
    const { login } = behaviour();
    const interaction = ctx.method === 'GET' && /^\/interaction\/[^/]+$/.test(ctx.path);
    if (interaction && login !== 'form') {
      await answerInteraction(provider, ctx, login);
    } else {
      await next();
    }
    setHeaders(ctx);
  });

  return provider;
}

/** The vendor answers for the user, with no page: accepts, refuses, or fails. */
async function answerInteraction(provider, ctx, login) {
  const details = await provider.interactionDetails(ctx.req, ctx.res);
  let result;
  if (login === 'deny') {
    result = { error: 'access_denied', error_description: 'End-User aborted interaction' };
  } else if (login === 'error') {
    result = { error: 'temporarily_unavailable', error_description: 'The vendor is down for maintenance' };
  } else if (details.prompt.name === 'login') {
    result = { login: { accountId: 'alice' } };
  } else {
    const { accountId } = details.session;
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId, clientId: details.params.client_id });
    const { missingOIDCScope, missingOIDCClaims, missingResourceScopes } = details.prompt.details;
    if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
    if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
    if (missingResourceScopes) {
      for (const [indicator, scopes] of Object.entries(missingResourceScopes)) grant.addResourceScope(indicator, scopes.join(' '));
    }
    result = { consent: { grantId: await grant.save() } };
  }
  // a redirect through Koa (not interactionFinished, which writes to res itself), so that the
  // headers set above (COOP, CSP) stay on it. Consent keeps the login of the same request (as the
  // dev pages do): the authorization request asks for prompt=login.
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, { mergeWithLastSubmission: 'consent' in result });
  ctx.status = 303;
  ctx.redirect(returnTo);
}
