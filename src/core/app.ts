// The types every route module shares (a layer below the features, so features never import
// the server): the app instance with the zod type provider, what
// buildApp is given, and the request and route-config fields the server adds.
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/client.ts';
import type { Access } from './access.ts';
import type { Clock } from './clock.ts';
import type { Config } from './config.ts';

export interface AppDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** One row of the route table: what a test can enumerate (e.g. the cross-partner test). */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
  /** The path names a partner (`/partners/:partnerId`): the hook checks the caller's access to it. */
  partnerScoped: boolean;
}

/** A feature's routes: registered through this function so the route table lists them. */
export interface RouteModule {
  name: string;
  register(app: App, deps: AppDeps): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps;
    routeTable: RouteEntry[];
  }
}
