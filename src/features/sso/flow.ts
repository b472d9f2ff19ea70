// The OpenID Connect sign-in: authorization code flow with PKCE, state and nonce, through
// openid-client. The verifier, state and nonce travel in a short-lived httpOnly cookie
// signed with the configuration's flow key (HMAC), so any instance can finish a flow
// another began. A finished flow opens exactly the session a password sign-in opens.
import { createHmac } from 'node:crypto';
import { sql } from 'drizzle-orm';
import * as oidc from 'openid-client';
import type { AppDeps } from '../../core/app.ts';
import { users } from '../../db/schema.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import { safeEqual } from '../auth/secrets.ts';
import { normalizeEmail, openSession } from '../auth/service.ts';
import type { NewSession } from '../auth/sessions.ts';
import { createUser } from '../users/service.ts';
import { findDomain, readSso, type StoredSso } from './repository.ts';
import { isLoopbackHttp, type SsoRefusal } from './schemas.ts';

export const FLOW_COOKIE = 'tw_oidc';
export const FLOW_TTL_MS = 10 * 60_000;
export const CALLBACK_PATH = '/api/auth/oidc/callback';

/** A sign-in the app refuses; the reason is shown to the person on a page of the web app. */
export class SsoRefused extends Error {
  constructor(
    readonly reason: SsoRefusal,
    detail?: string,
  ) {
    super(detail ?? reason);
  }
}

interface FlowState {
  verifier: string;
  state: string;
  nonce: string;
  next: string;
  expiresAt: number;
}

function sign(key: string, payload: string): string {
  return createHmac('sha256', key).update(payload).digest('base64url');
}

function sealFlow(key: string, flow: FlowState): string {
  const payload = Buffer.from(JSON.stringify(flow)).toString('base64url');
  return `${payload}.${sign(key, payload)}`;
}

function openFlow(key: string, cookie: string | undefined, now: number): FlowState {
  const [payload, mac] = (cookie ?? '').split('.');
  if (!payload || !mac || !safeEqual(mac, sign(key, payload)))
    throw new SsoRefused('failed', 'the sign-in flow cookie is missing or not valid');
  const flow = JSON.parse(Buffer.from(payload, 'base64url').toString()) as FlowState;
  if (flow.expiresAt < now) throw new SsoRefused('failed', 'the sign-in flow expired');
  return flow;
}

async function discover(sso: StoredSso): Promise<oidc.Configuration> {
  // http is accepted by the config schema only for a provider on this machine.
  const insecure = isLoopbackHttp(sso.issuer);
  return oidc.discovery(
    new URL(sso.issuer),
    sso.clientId,
    undefined,
    oidc.ClientSecretBasic(sso.clientSecret),
    insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
}

async function configured(deps: AppDeps): Promise<StoredSso> {
  const sso = await readSso(deps.db);
  if (!sso) throw new SsoRefused('not_configured');
  return sso;
}

/** Only a path of this app: never another origin (an open redirect). */
function safeNext(next: string | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}

export async function startSsoSignIn(
  deps: AppDeps,
  options: { next?: string | undefined },
): Promise<{ redirectTo: string; cookie: string }> {
  const sso = await configured(deps);
  const config = await discover(sso);
  const verifier = oidc.randomPKCECodeVerifier();
  const flow: FlowState = {
    verifier,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    next: safeNext(options.next),
    expiresAt: deps.clock.now().getTime() + FLOW_TTL_MS,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: `${deps.config.baseUrl}${CALLBACK_PATH}`,
    scope: 'openid email',
    response_type: 'code',
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: flow.state,
    nonce: flow.nonce,
  });
  return { redirectTo: url.href, cookie: sealFlow(sso.flowKey, flow) };
}

async function verifiedEmail(config: oidc.Configuration, flow: FlowState, callbackUrl: URL) {
  let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
  try {
    tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: flow.verifier,
      expectedState: flow.state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw new SsoRefused('failed', `the provider's answer was refused: ${(error as Error).message}`);
  }
  const idClaims = tokens.claims()!;
  let claims: { email?: unknown; email_verified?: unknown } = idClaims as Record<string, unknown>;
  // Providers may put the email in the userinfo answer rather than the ID token.
  if (typeof claims.email !== 'string')
    claims = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
  if (typeof claims.email !== 'string' || !claims.email.includes('@')) throw new SsoRefused('no_email');
  if (claims.email_verified !== true && claims.email_verified !== 'true')
    throw new SsoRefused('email_unverified');
  return normalizeEmail(claims.email);
}

async function userFor(deps: AppDeps, email: string) {
  const mapping = await findDomain(deps.db, email.slice(email.lastIndexOf('@') + 1));
  if (!mapping) throw new SsoRefused('unmapped_domain');
  const find = async () =>
    (await deps.db.select().from(users).where(sql`lower(${users.email}) = ${email}`).limit(1))[0];
  let user = await find();
  if (!user) {
    try {
      await createUser(deps, {
        email,
        role: mapping.role,
        partnerId: mapping.partnerId,
        actor: SYSTEM_ACTOR,
      });
    } catch (error) {
      // Two first sign-ins at once: the other one created the user.
      if (!(await find())) throw error;
    }
    user = await find();
  }
  if (!user || user.disabled) throw new SsoRefused('deactivated');
  return user;
}

export async function finishSsoSignIn(
  deps: AppDeps,
  options: { query: string; cookie: string | undefined; ip: string; previousToken?: string | undefined },
): Promise<{ session: NewSession; next: string }> {
  const sso = await configured(deps);
  const flow = openFlow(sso.flowKey, options.cookie, deps.clock.now().getTime());
  const callbackUrl = new URL(`${deps.config.baseUrl}${CALLBACK_PATH}${options.query}`);
  if (callbackUrl.searchParams.has('error'))
    throw new SsoRefused('failed', `the provider answered ${callbackUrl.searchParams.get('error')}`);
  const email = await verifiedEmail(await discover(sso), flow, callbackUrl);
  const user = await userFor(deps, email);
  const session = await openSession(deps, user, {
    ip: options.ip,
    previousToken: options.previousToken,
    via: 'sso',
  });
  return { session, next: flow.next };
}
