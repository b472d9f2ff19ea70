// zod schemas of the deal registration routes (issue 14): the partner's register, check,
// list, read and extension request; the operator's queue with conflict evidence and decisions.
import { z } from 'zod';
import { EXTENSION_STATUSES, REGISTRATION_STATUSES } from '../../db/schema-registrations.ts';
import { isoDateSchema, partnerParams } from '../portal/schemas.ts';

export const registrationStatusSchema = z.enum(REGISTRATION_STATUSES);
export const extensionStatusSchema = z.enum(EXTENSION_STATUSES);

const id = z.uuid('a registration id (a UUID)');
export const registrationParams = partnerParams.extend({ registrationId: id });
export const operatorRegistrationParams = z.object({ registrationId: id });
export const statusQuery = z.object({
  status: registrationStatusSchema.optional().describe('Only registrations in this status'),
  extension: extensionStatusSchema
    .optional()
    .describe(
      'Only registrations whose extension request is in this state (requested: the ones awaiting a decision)',
    ),
});
export type RegistrationFilter = z.infer<typeof statusQuery>;

const text = (max: number, what: string) =>
  z.string().trim().min(1, what).max(max, `at most ${max} characters`);

const clientName = text(200, 'the company name (1 to 200 characters)').describe(
  "The client company's name, as the partner knows it",
);
const domain = z
  .string()
  .max(500, 'at most 500 characters')
  .describe(
    "The company's web domain or address (https://www.acme.se/ is read as acme.se); required unless clientId names a client with one",
  );
const clientId = text(200, 'a client id').describe(
  "An existing client of the partner (its id in the vendor's data)",
);

export const checkBody = z
  .object({ clientName, domain: domain.optional(), clientId: clientId.optional() })
  .strict();

export const checkAnswerSchema = z
  .object({
    conflict: z
      .boolean()
      .describe(
        "Matches another partner's client (managed or sold) or active registration: by domain, or by a name as alike as the program's nameSimilarity. Never says whose",
      ),
    duplicate: z.boolean().describe('The partner already holds an active registration of this company'),
    domain: z
      .string()
      .nullable()
      .describe('The domain as it is matched (normalised); null when none was given'),
  })
  .describe('The conflict check as the partner types');

export const createBody = z
  .object({
    clientName,
    domain: domain.optional(),
    clientId: clientId.optional(),
    country: z.string().describe('ISO 3166-1 alpha-2 country code of the client, e.g. SE'),
    currency: z.string().describe("ISO 4217 code of the expected MRR; one of the program's currency table"),
    products: z.array(text(200, 'a product name')).max(50).default([]).describe('Products of the deal'),
    expectedMrr: z
      .union([z.string(), z.number()])
      .describe(
        'Expected monthly recurring revenue, a non-negative decimal (at most 4 decimals), e.g. "1250.50"',
      ),
    expectedCloseDate: isoDateSchema.describe('Expected close date, today or later'),
    dealType: z.enum(['sourced', 'assisted']),
    notes: z.string().trim().max(4000, 'at most 4000 characters').optional(),
    dealId: text(200, 'a deal id')
      .optional()
      .describe("The vendor's deal id, when known: the registration is won when that deal closes won"),
  })
  .strict();

export const extensionBody = z
  .object({ reason: text(2000, 'why the protection should be extended (1 to 2000 characters)') })
  .strict();

export const decisionBody = z
  .object({
    decision: z.enum(['approve', 'reject']),
    reason: z
      .string()
      .trim()
      .max(2000, 'at most 2000 characters')
      .optional()
      .describe('Required to reject: shown to the partner'),
  })
  .strict();

export const extensionDecisionBody = z
  .object({
    grant: z.boolean().describe("true adds the program's extensionDays to the protection"),
    reason: z.string().trim().max(2000, 'at most 2000 characters').optional(),
  })
  .strict();

const userRef = z
  .object({ userId: z.string().nullable(), email: z.string().nullable() })
  .nullable()
  .describe('null: an API token or the system');

export const registrationSchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  clientId: z.string().nullable(),
  clientName: z.string(),
  domain: z.string().nullable().describe('Normalised: acme.se, IDN as punycode'),
  country: z.string(),
  currency: z.string(),
  products: z.array(z.string()),
  expectedMrr: z.string().describe('Exact decimal text, e.g. "1250.5"'),
  expectedCloseDate: isoDateSchema,
  dealType: z.enum(['sourced', 'assisted']),
  notes: z.string().nullable(),
  status: registrationStatusSchema,
  rejectionReason: z.string().nullable(),
  submittedBy: userRef,
  submittedAt: z.string(),
  decidedAt: z.string().nullable(),
  protectionEndsOn: isoDateSchema.describe('The last day the registration protects the deal'),
  extensionStatus: extensionStatusSchema.nullable(),
  extensionReason: z.string().nullable(),
  dealId: z.string().nullable().describe('The deal given at submission, or the one that settled it'),
  points: z
    .number()
    .nullable()
    .describe('Won: the sold points the rules credit the partner for the deal (null otherwise)'),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const registrationListSchema = z.object({ registrations: z.array(registrationSchema) });

export const conflictEvidenceSchema = z.object({
  kind: z.enum(['client', 'registration']),
  match: z
    .enum(['client', 'domain', 'name'])
    .describe('The same client id, the same domain, or a similar name'),
  similarity: z.number().describe('Of the names, 0 to 1 (1 for a domain match of the same name)'),
  partnerIds: z
    .array(z.string())
    .describe('The other partners: managing or selling the client, or registering'),
  clientId: z.string().nullable(),
  registrationId: z.string().nullable(),
  name: z.string().describe("The client's or registration's company name"),
  domain: z.string().nullable(),
});

export const queueItemSchema = registrationSchema.extend({
  partnerName: z.string(),
  decidedBy: userRef,
  conflicts: z.array(conflictEvidenceSchema).describe('What it matches today, excluding its own partner'),
});

export const queueSchema = z.object({
  registrations: z.array(queueItemSchema),
  partnerNames: z
    .record(z.string(), z.string())
    .describe("The name of each partner the conflicts' partnerIds name, by partner id"),
});

export type Registration = z.infer<typeof registrationSchema>;
export type QueueItem = z.infer<typeof queueItemSchema>;
export type ConflictEvidence = z.infer<typeof conflictEvidenceSchema>;
export type CreateBody = z.infer<typeof createBody>;
