// Test helpers of ingestion: API tokens, the import's valid folder as a JSON batch, and
// posting batches.
import type { LightMyRequestResponse } from 'fastify';
import type { App, AppDeps } from '../../core/app.ts';
import { SYSTEM_ACTOR } from '../audit/service.ts';
import type { Scope } from '../auth/access.ts';
import { createApiToken } from '../auth/api-tokens.ts';
import { VALID_FOLDER } from '../import/testing.ts';

export async function bearer(deps: AppDeps, ...scopes: Scope[]): Promise<Record<string, string>> {
  const created = await createApiToken(deps, {
    name: `test ${scopes.join(' ')}`,
    scopes,
    actor: SYSTEM_ACTOR,
  });
  return { authorization: `Bearer ${created.token}` };
}

/** A CSV text without quoted values as JSON rows (empty cells left out). */
export function csvRows(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trimEnd().split('\n');
  const names = header!.split(',');
  return lines.map((line) => {
    const values = line.split(',');
    return Object.fromEntries(names.flatMap((n, i) => (values[i] ? [[n, values[i]]] : [])));
  });
}

/** The import's valid folder as one /api/v1/facts batch. */
export function validBatch(): Record<string, Record<string, string>[]> {
  return Object.fromEntries(
    Object.entries(VALID_FOLDER).map(([file, csv]) => [
      file.replace(/\.csv$/, '').replaceAll('_', '-'),
      csvRows(csv),
    ]),
  );
}

export function post(
  app: App,
  url: string,
  headers: Record<string, string>,
  payload: unknown,
): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });
}
