// Reading and changing the SSO configuration (operators). The client secret never leaves
// the server: views show its last four characters, audit entries only whether it changed.
import { eq, inArray } from 'drizzle-orm';
import type { AppDeps } from '../../core/app.ts';
import { validationError } from '../../core/errors.ts';
import { partners, ssoConfig, ssoDomains } from '../../db/schema.ts';
import { type Actor, recordAudit } from '../audit/service.ts';
import { newToken } from '../auth/secrets.ts';
import { type DomainMapping, readDomains, readSso } from './repository.ts';
import type { SsoConfigView, UpdateSsoBody } from './schemas.ts';

function hint(secret: string): string {
  return `••••${secret.slice(-4)}`;
}

export async function getSsoConfig(deps: AppDeps): Promise<SsoConfigView> {
  const row = await readSso(deps.db);
  const domains = await readDomains(deps.db);
  return {
    configured: Boolean(row),
    issuer: row?.issuer ?? null,
    clientId: row?.clientId ?? null,
    clientSecretHint: row ? hint(row.clientSecret) : null,
    domains,
    updatedAt: row?.updatedAt.toISOString() ?? null,
  };
}

export async function isSsoEnabled(deps: AppDeps): Promise<boolean> {
  return Boolean(await readSso(deps.db));
}

function audited(row: { issuer: string; clientId: string } | undefined, domains: DomainMapping[]) {
  return row ? { issuer: row.issuer, clientId: row.clientId, domains } : null;
}

export async function updateSsoConfig(
  deps: AppDeps,
  options: { actor: Actor; body: UpdateSsoBody },
): Promise<SsoConfigView> {
  const { body, actor } = options;
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await readSso(tx);
    const beforeDomains = await readDomains(tx);
    if (!before && body.clientSecret === undefined)
      throw validationError([{ path: 'clientSecret', message: 'required when SSO is first configured' }]);
    const wanted = [...new Set(body.domains.flatMap((d) => (d.partnerId ? [d.partnerId] : [])))];
    if (wanted.length > 0) {
      const found = await tx
        .select({ id: partners.partnerId })
        .from(partners)
        .where(inArray(partners.partnerId, wanted));
      const known = new Set(found.map((p) => p.id));
      const issues = body.domains.flatMap((d, i) =>
        d.partnerId && !known.has(d.partnerId)
          ? [{ path: `domains.${i}.partnerId`, message: `no partner ${d.partnerId}` }]
          : [],
      );
      if (issues.length > 0) throw validationError(issues);
    }
    const values = {
      issuer: body.issuer,
      clientId: body.clientId,
      clientSecret: body.clientSecret ?? before!.clientSecret,
      updatedAt: now,
      updatedBy: actor.kind === 'user' ? actor.userId : null,
    };
    await tx
      .insert(ssoConfig)
      .values({ id: 'default', flowKey: newToken(), ...values })
      .onConflictDoUpdate({ target: ssoConfig.id, set: values });
    await tx.delete(ssoDomains);
    if (body.domains.length > 0) await tx.insert(ssoDomains).values(body.domains);
    await recordAudit(tx, {
      actor,
      at: now,
      action: before ? 'sso.update' : 'sso.create',
      entity: 'sso',
      entityId: 'default',
      partnerId: null,
      before: audited(before, beforeDomains),
      after: {
        ...audited(values, body.domains),
        clientSecretChanged: body.clientSecret !== undefined && body.clientSecret !== before?.clientSecret,
      },
    });
  });
  return getSsoConfig(deps);
}

export async function deleteSsoConfig(deps: AppDeps, options: { actor: Actor }): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction(async (tx) => {
    const before = await readSso(tx);
    if (!before) return;
    const beforeDomains = await readDomains(tx);
    await tx.delete(ssoDomains);
    await tx.delete(ssoConfig).where(eq(ssoConfig.id, 'default'));
    await recordAudit(tx, {
      actor: options.actor,
      at: now,
      action: 'sso.delete',
      entity: 'sso',
      entityId: 'default',
      partnerId: null,
      before: audited(before, beforeDomains),
      after: null,
    });
  });
}
