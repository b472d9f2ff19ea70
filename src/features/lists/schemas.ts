// zod schemas of the static lists routes: a partner's named lists of its clients.
import { z } from 'zod';
import { clientPointsSchema, relationshipSchema } from '../clients/schemas.ts';
import { isoDateSchema, moneySchema, partnerParams } from '../portal/schemas.ts';

/** At most this many ids in one request (a report's clients fit; a runaway body does not). */
export const MAX_CLIENT_IDS = 10_000;

export const listParams = partnerParams.extend({ listId: z.uuid('a list id (a UUID)') });

const nameSchema = z
  .string()
  .trim()
  .min(1, 'a name for the list (1 to 200 characters)')
  .max(200, 'at most 200 characters');
const clientIdsSchema = z
  .array(z.string().trim().min(1).max(200))
  .max(MAX_CLIENT_IDS)
  .describe("Client ids; each must be the partner's client (managed now or before, or a deal with it)");

export const createListBody = z.object({ name: nameSchema, clientIds: clientIdsSchema.optional() }).strict();
export const patchListBody = z.object({ name: nameSchema }).strict();
export const membersBody = z.object({ clientIds: clientIdsSchema.min(1, 'at least one client id') }).strict();

const ownerSchema = z
  .object({ userId: z.string().nullable(), email: z.string().nullable() })
  .describe('The user who created the list; null: an API token');

export const listSummarySchema = z.object({
  id: z.string(),
  partnerId: z.string(),
  name: z.string(),
  owner: ownerSchema,
  createdAt: z.string(),
  updatedAt: z.string(),
  size: z.number().int().describe('Members'),
});

export const listListSchema = z.object({ lists: z.array(listSummarySchema) });

export const listMemberSchema = z.object({
  clientId: z.string(),
  name: z.string(),
  country: z.string(),
  currency: z.string(),
  relationship: relationshipSchema.nullable().describe('On the day; null for a former client'),
  mrr: moneySchema.describe("In the client's currency"),
  mrrBase: moneySchema.describe("In the program's base currency"),
  points: clientPointsSchema.describe("The partner's current points from the client"),
  addedAt: z.string(),
});

export const listDetailSchema = listSummarySchema.extend({
  on: isoDateSchema,
  members: z.array(listMemberSchema).describe('By client name'),
});

export const membersAddedSchema = z.object({
  added: z.number().int().describe('Clients not already in the list'),
  size: z.number().int(),
});
export const membersRemovedSchema = z.object({
  removed: z.number().int().describe('Clients that were in the list'),
  size: z.number().int(),
});

export type ListSummary = z.infer<typeof listSummarySchema>;
export type ListMember = z.infer<typeof listMemberSchema>;
