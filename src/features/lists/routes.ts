// Static lists of clients ("Use in lists"): create, list, read with the members' figures,
// rename, delete, add and remove members. Thin: the hook has checked the caller's access to
// the partner; the service finds the list among the partner's own.
import { z } from 'zod';
import type { App, AppDeps, RouteModule } from '../../core/app.ts';
import { actorOf, PARTNER_MEMBER, principalOf } from '../auth/access.ts';
import { EXPORT_FORMATS, type ExportColumn, sendExport } from '../export/writer.ts';
import { dayOf } from '../portal/dates.ts';
import { onQuery, partnerParams } from '../portal/schemas.ts';
import {
  createListBody,
  type ListMember,
  listDetailSchema,
  listListSchema,
  listParams,
  listSummarySchema,
  membersAddedSchema,
  membersBody,
  membersRemovedSchema,
  patchListBody,
} from './schemas.ts';
import {
  addMembers,
  createList,
  deleteList,
  getList,
  listLists,
  removeMembers,
  renameList,
} from './service.ts';

const tags = ['lists'];

const MEMBER_COLUMNS: ExportColumn<ListMember>[] = [
  { header: 'client_id', value: (m) => m.clientId },
  { header: 'client_name', value: (m) => m.name },
  { header: 'relationship', value: (m) => m.relationship },
  { header: 'country', value: (m) => m.country },
  { header: 'mrr', type: 'number', value: (m) => m.mrr.amount },
  { header: 'mrr_currency', value: (m) => m.mrr.currency },
  { header: 'mrr_base', type: 'number', value: (m) => m.mrrBase.amount },
  { header: 'base_currency', value: (m) => m.mrrBase.currency },
  { header: 'sold_points', type: 'number', value: (m) => m.points.sold },
  { header: 'managed_points', type: 'number', value: (m) => m.points.managed },
  { header: 'total_points', type: 'number', value: (m) => m.points.total },
  { header: 'added_at', value: (m) => m.addedAt },
];
const access = PARTNER_MEMBER;
const LISTS = '/api/v1/partners/:partnerId/lists';
const LIST = `${LISTS}/:listId`;

function register(app: App, deps: AppDeps): void {
  const actor = (request: Parameters<typeof principalOf>[0]) => actorOf(principalOf(request));

  app.get(
    LISTS,
    {
      config: { access },
      schema: {
        tags,
        summary: "The partner's static lists of clients, by name, each with its size and owner",
        params: partnerParams,
        response: { 200: listListSchema },
      },
    },
    async (request) => listLists(deps.db, request.params.partnerId),
  );

  app.post(
    LISTS,
    {
      config: { access },
      schema: {
        tags,
        summary: "Create a list, optionally with members (each must be the partner's client)",
        params: partnerParams,
        body: createListBody,
        response: { 201: listSummarySchema },
      },
    },
    async (request, reply) => {
      const created = await createList(deps, {
        partnerId: request.params.partnerId,
        name: request.body.name,
        ...(request.body.clientIds ? { clientIds: request.body.clientIds } : {}),
        actor: actor(request),
      });
      return reply
        .status(201)
        .header('location', `/api/v1/partners/${encodeURIComponent(created.partnerId)}/lists/${created.id}`)
        .send(created);
    },
  );

  app.get(
    LIST,
    {
      config: { access },
      schema: {
        tags,
        summary:
          "A list with its members: each client's relationship, MRR and the partner's points on the day",
        params: listParams,
        querystring: onQuery,
        response: { 200: listDetailSchema },
      },
    },
    async (request) =>
      getList(deps.db, {
        partnerId: request.params.partnerId,
        listId: request.params.listId,
        on: dayOf(deps, request.query.on),
      }),
  );

  app.get(
    `${LIST}/export`,
    {
      config: { access },
      schema: {
        tags,
        summary: "A list's members with their figures on the day, as CSV (UTF-8 with BOM) or XLSX",
        params: listParams,
        querystring: onQuery.extend({ format: z.enum(EXPORT_FORMATS).default('csv') }),
      },
    },
    async (request, reply) => {
      const list = await getList(deps.db, {
        partnerId: request.params.partnerId,
        listId: request.params.listId,
        on: dayOf(deps, request.query.on),
      });
      return sendExport(reply, `${list.name} ${list.on}`, request.query.format, MEMBER_COLUMNS, list.members);
    },
  );

  app.patch(
    LIST,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Rename a list',
        params: listParams,
        body: patchListBody,
        response: { 200: listSummarySchema },
      },
    },
    async (request) =>
      renameList(deps, {
        partnerId: request.params.partnerId,
        listId: request.params.listId,
        name: request.body.name,
        actor: actor(request),
      }),
  );

  app.delete(
    LIST,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Delete a list and its members',
        params: listParams,
        response: { 204: z.undefined() },
      },
    },
    async (request, reply) => {
      await deleteList(deps, {
        partnerId: request.params.partnerId,
        listId: request.params.listId,
        actor: actor(request),
      });
      return reply.status(204).send();
    },
  );

  app.post(
    `${LIST}/members`,
    {
      config: { access },
      schema: {
        tags,
        summary:
          "Add clients to a list (duplicates ignored); 400 naming any id that is not the partner's client, nothing added",
        params: listParams,
        body: membersBody,
        response: { 200: membersAddedSchema },
      },
    },
    async (request) =>
      addMembers(deps, {
        partnerId: request.params.partnerId,
        listId: request.params.listId,
        clientIds: request.body.clientIds,
        actor: actor(request),
      }),
  );

  app.delete(
    `${LIST}/members`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Remove clients from a list (ids not in it are ignored)',
        params: listParams,
        body: membersBody,
        response: { 200: membersRemovedSchema },
      },
    },
    async (request) =>
      removeMembers(deps, {
        partnerId: request.params.partnerId,
        listId: request.params.listId,
        clientIds: request.body.clientIds,
        actor: actor(request),
      }),
  );
}

export const listRoutes: RouteModule = { name: 'lists', register };
