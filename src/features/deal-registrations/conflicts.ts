// What a registration matches: another partner's client (managed on the day or with an active
// sold entry) or active registration, by normalised domain or by a company name as alike as
// the program's nameSimilarity; and the same partner's own active registrations (duplicates).
// The partner is told only whether; the operator's queue shows the evidence.
import type { Queryable } from '../../db/client.ts';
import type { IsoDate } from '../../domain/dates.ts';
import { companyNameKey, namesMatch, normaliseDomain, roundedSimilarity } from '../../domain/matching.ts';
import {
  type ActiveRegistrationRow,
  activeRegistrations,
  type OtherClientRow,
  otherPartnersClients,
} from './repository.ts';
import type { ConflictEvidence } from './schemas.ts';

export interface Subject {
  partnerId: string;
  /** Normalised, or null. */
  domain: string | null;
  nameKey: string;
  clientId: string | null;
  /** The registration itself, left out of the matches (the queue's evidence). */
  registrationId?: string;
}

export interface Matches {
  conflicts: ConflictEvidence[];
  duplicates: string[];
}

export const domainOf = (raw: string | null): string | null => {
  if (raw === null) return null;
  const r = normaliseDomain(raw);
  return r.ok ? r.domain : null;
};

export interface Candidates {
  clients: readonly (OtherClientRow & { key: string; normalisedDomain: string | null })[];
  registrations: readonly ActiveRegistrationRow[];
}

/** Other partners' clients of `on`, keyed for matching. */
export async function clientCandidates(
  db: Queryable,
  partnerId: string,
  on: IsoDate,
): Promise<Candidates['clients']> {
  return (await otherPartnersClients(db, partnerId, on)).map((c) => ({
    ...c,
    key: companyNameKey(c.name),
    normalisedDomain: domainOf(c.domain),
  }));
}

export async function loadCandidates(db: Queryable, partnerId: string, on: IsoDate): Promise<Candidates> {
  return {
    clients: await clientCandidates(db, partnerId, on),
    registrations: await activeRegistrations(db, on),
  };
}

/** Every match of the subject among the candidates, at this name threshold. */
export function findMatches(
  subject: Subject,
  candidates: Candidates,
  options: { threshold: number; withEvidence: boolean },
): Matches {
  const conflicts: ConflictEvidence[] = [];
  const match = (domain: string | null, key: string, clientId: string | null) => {
    if (subject.clientId !== null && clientId === subject.clientId) return 'client' as const;
    if (subject.domain !== null && domain === subject.domain) return 'domain' as const;
    if (namesMatch(subject.nameKey, key, options.threshold)) return 'name' as const;
    return null;
  };

  for (const c of candidates.clients) {
    const how = match(c.normalisedDomain, c.key, c.clientId);
    if (!how) continue;
    conflicts.push({
      kind: 'client',
      match: how,
      similarity: roundedSimilarity(subject.nameKey, c.key),
      partnerIds: c.partnerIds,
      clientId: c.clientId,
      registrationId: null,
      name: c.name,
      domain: c.normalisedDomain,
    });
    if (!options.withEvidence) break;
  }

  const duplicates: string[] = [];
  for (const r of candidates.registrations) {
    if (r.id === subject.registrationId) continue;
    const how = match(r.domain, r.nameKey, r.clientId);
    if (!how) continue;
    if (r.partnerId === subject.partnerId) {
      duplicates.push(r.id);
      continue;
    }
    if (!options.withEvidence && conflicts.length > 0) continue;
    conflicts.push({
      kind: 'registration',
      match: how,
      similarity: roundedSimilarity(subject.nameKey, r.nameKey),
      partnerIds: [r.partnerId],
      clientId: r.clientId,
      registrationId: r.id,
      name: r.clientName,
      domain: r.domain,
    });
  }
  return { conflicts, duplicates };
}
