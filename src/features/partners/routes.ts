// The operator's partners: the table (search, sort, filters, pages; the partner switcher reads
// it whole), its CSV export, and a partner's admin page (profile, certifications, team
// contacts). Partner users are refused: they see only their own partner, in the portal.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { actorOf, OPERATOR, principalOf } from '../auth/access.ts';
import { sendCsv } from '../export/writer.ts';
import { isoDateSchema, partnerParams } from '../portal/schemas.ts';
import { getProgram } from '../program/service.ts';
import {
  createCertification,
  createContact,
  deleteContact,
  listCertifications,
  partnerProfile,
  updateCertification,
  updateContact,
} from './admin.ts';
import { cached } from './cache.ts';
import { filterQuery, tableQuery, tableResponse } from './schemas.ts';
import { type PartnerRow, queryPartners, tableContext } from './table.ts';

const tags = ['partners'];
const WRITE = { ...OPERATOR, token: 'admin' } as const;

const certificationSchema = z.object({
  certificationId: z.string(),
  name: z.string(),
  validFrom: isoDateSchema,
  validUntil: isoDateSchema,
  validToday: z.boolean(),
});
const certificationBody = z.object({
  name: z.string().trim().min(1, 'is required').max(200),
  validFrom: isoDateSchema,
  validUntil: isoDateSchema,
});
const certificationPatch = z
  .object({ validFrom: isoDateSchema.optional(), validUntil: isoDateSchema.optional() })
  .refine((b) => b.validFrom !== undefined || b.validUntil !== undefined, 'give validFrom or validUntil');
const contactSchema = z.object({
  contactId: z.string(),
  role: z.string(),
  name: z.string(),
  email: z.string(),
  description: z.string().nullable(),
});
const contactBody = z.object({
  role: z.string().trim().min(1, 'is required').max(200),
  name: z.string().trim().min(1, 'is required').max(200),
  email: z.email('must be an email address').max(320),
  description: z.string().trim().max(2000).nullable().optional(),
});
const targetSchema = z
  .object({
    tierId: z.string(),
    tierName: z.string(),
    met: z.boolean(),
    missing: z.object({ total: z.number(), seller: z.number(), managed: z.number() }),
  })
  .nullable();
const profileSchema = z.object({
  partner: z.object({
    partnerId: z.string(),
    name: z.string(),
    country: z.string(),
    currency: z.string(),
    website: z.string().nullable(),
  }),
  standing: z.object({
    asOf: z.string().nullable(),
    sourced: z.number(),
    assisted: z.number(),
    sold: z.number(),
    managed: z.number(),
    total: z.number(),
    certified: z.boolean(),
    performance: z.string().nullable(),
    credited: z.string().nullable(),
    keep: targetSchema.describe('The credited tier and the points still missing to keep it'),
    next: targetSchema,
  }),
  users: z.number().int().describe("The partner's users"),
});
const certParams = partnerParams.extend({ certificationId: z.string().min(1) });
const contactParams = partnerParams.extend({ contactId: z.string().min(1) });

const CSV_COLUMNS = [
  { header: 'partner_id', value: (r: PartnerRow) => r.partnerId },
  { header: 'name', value: (r: PartnerRow) => r.name },
  { header: 'country', value: (r: PartnerRow) => r.country },
  { header: 'total', value: (r: PartnerRow) => r.total },
  { header: 'sold', value: (r: PartnerRow) => r.sold },
  { header: 'managed', value: (r: PartnerRow) => r.managed },
  { header: 'credited', value: (r: PartnerRow) => r.credited },
  { header: 'performance', value: (r: PartnerRow) => r.performance },
  { header: 'certified', value: (r: PartnerRow) => r.certified },
  { header: 'change_this_month', value: (r: PartnerRow) => r.change },
];

function register(app: App, deps: AppDeps): void {
  const context = async () => tableContext(await getProgram(deps.db), deps.clock.today());

  app.get(
    '/api/v1/partners',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: 'Partners with their points and tiers: search, sort, filters, pages (operators)',
        querystring: tableQuery,
        response: { 200: tableResponse },
      },
    },
    async (request) => {
      const { page, pageSize, ...filters } = request.query;
      const paged = page !== undefined || pageSize !== undefined;
      const size = pageSize ?? 50;
      const current = page ?? 1;
      const key = `partners:${JSON.stringify([filters, paged, size, current])}`;
      const found = await cached(deps.db, deps.clock.today(), key, async () =>
        queryPartners(deps.db, await context(), {
          ...filters,
          limit: paged ? size : null,
          offset: paged ? (current - 1) * size : 0,
        }),
      );
      return {
        partners: found.rows,
        total: found.total,
        page: current,
        pageSize: paged ? size : Math.max(found.total, 1),
      };
    },
  );

  app.get(
    '/api/v1/partners/export.csv',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: 'The partners table as CSV, with the same filters and sort',
        querystring: filterQuery,
      },
    },
    async (request, reply) => {
      const found = await queryPartners(deps.db, await context(), {
        ...request.query,
        limit: null,
        offset: 0,
      });
      return sendCsv(reply, `partners-${deps.clock.today()}.csv`, CSV_COLUMNS, found.rows);
    },
  );

  app.get(
    '/api/v1/partners/:partnerId/profile',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: "A partner's profile, standing and user count (operators)",
        params: partnerParams,
        response: { 200: profileSchema },
      },
    },
    async (request) => partnerProfile(deps, request.params.partnerId),
  );

  app.get(
    '/api/v1/partners/:partnerId/certifications',
    {
      config: { access: OPERATOR },
      schema: {
        tags,
        summary: "A partner's certifications (operators)",
        params: partnerParams,
        response: { 200: z.object({ certifications: z.array(certificationSchema) }) },
      },
    },
    async (request) => ({ certifications: await listCertifications(deps, request.params.partnerId) }),
  );

  app.post(
    '/api/v1/partners/:partnerId/certifications',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: 'Add a certification; the partner is re-derived at once',
        params: partnerParams,
        body: certificationBody,
        response: { 201: certificationSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(principalOf(request));
      const created = await createCertification(deps, request.params.partnerId, request.body, actor);
      return reply.status(201).send(created);
    },
  );

  app.patch(
    '/api/v1/partners/:partnerId/certifications/:certificationId',
    {
      config: { access: WRITE },
      schema: {
        tags,
        summary: "Edit a certification's validity; the partner is re-derived at once",
        params: certParams,
        body: certificationPatch,
        response: { 200: certificationSchema },
      },
    },
    async (request) => {
      const { partnerId, certificationId } = request.params;
      return updateCertification(
        deps,
        partnerId,
        certificationId,
        request.body,
        actorOf(principalOf(request)),
      );
    },
  );

  app.post(
    '/api/v1/partners/:partnerId/team',
    {
      config: { access: WRITE },
      schema: {
        tags: ['team'],
        summary: 'Add a team contact (shown on the partner’s Team tab)',
        params: partnerParams,
        body: contactBody,
        response: { 201: contactSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(principalOf(request));
      return reply.status(201).send(await createContact(deps, request.params.partnerId, request.body, actor));
    },
  );

  app.patch(
    '/api/v1/partners/:partnerId/team/:contactId',
    {
      config: { access: WRITE },
      schema: {
        tags: ['team'],
        summary: 'Edit a team contact',
        params: contactParams,
        body: contactBody.partial(),
        response: { 200: contactSchema },
      },
    },
    async (request) => {
      const { partnerId, contactId } = request.params;
      return updateContact(deps, partnerId, contactId, request.body, actorOf(principalOf(request)));
    },
  );

  app.delete(
    '/api/v1/partners/:partnerId/team/:contactId',
    {
      config: { access: WRITE },
      schema: { tags: ['team'], summary: 'Remove a team contact', params: contactParams },
    },
    async (request, reply) => {
      const { partnerId, contactId } = request.params;
      await deleteContact(deps, partnerId, contactId, actorOf(principalOf(request)));
      return reply.status(204).send();
    },
  );
}

export const partnerRoutes: RouteModule = { name: 'partners', register };
