// A stored registration as the API answers it (the Registration schema in ./schemas.ts).
import type { RegistrationRow } from './repository.ts';
import type { Registration } from './schemas.ts';

/** numeric text without trailing zeros: 1250.5000 → 1250.5 */
const decimalText = (s: string) => (s.includes('.') ? s.replace(/\.?0+$/, '') : s);

export function toRegistration(r: RegistrationRow): Registration {
  return {
    id: r.id,
    partnerId: r.partnerId,
    clientId: r.clientId,
    clientName: r.clientName,
    domain: r.domain,
    country: r.country,
    currency: r.currency,
    products: r.products,
    expectedMrr: decimalText(r.expectedMrr),
    expectedCloseDate: r.expectedCloseDate,
    dealType: r.dealType,
    notes: r.notes,
    status: r.status as Registration['status'],
    rejectionReason: r.rejectionReason,
    submittedBy: r.submittedBy === null ? null : { userId: r.submittedBy, email: r.submittedByEmail },
    submittedAt: r.submittedAt.toISOString(),
    decidedAt: r.decidedAt?.toISOString() ?? null,
    protectionEndsOn: r.protectionEndsOn,
    extensionStatus: r.extensionStatus as Registration['extensionStatus'],
    extensionReason: r.extensionReason,
    dealId: r.dealId,
    points: r.points === null ? null : Number(r.points),
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
  };
}
