// Writes a generated dataset as an import folder (DATA_AND_INTERFACES §1): one CSV per
// file, streamed row by row so a benchmark-size dataset never becomes one big string.
import { once } from 'node:events';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify';
import { formatDecimal } from '../../domain/money.ts';
import type { Dataset } from './types.ts';

type Cell = string | number | null | undefined;

const money = (v: number | null | undefined) => (v === null || v === undefined ? '' : formatDecimal(v, 4));
const list = (v: readonly string[] | undefined) => (v ?? []).join(';');

async function writeCsv<T>(
  path: string,
  columns: string[],
  rows: Iterable<T>,
  cells: (row: T) => Cell[],
): Promise<number> {
  const out = createWriteStream(path);
  const csv = stringify({ header: true, columns });
  csv.pipe(out);
  let count = 0;
  for (const row of rows) {
    count++;
    if (!csv.write(cells(row).map((c) => (c === null || c === undefined ? '' : c)))) await once(csv, 'drain');
  }
  csv.end();
  await once(out, 'finish');
  return count;
}

/** Writes every file of the import folder; returns the row count of each. */
export async function writeDatasetFolder(dataset: Dataset, dir: string): Promise<Record<string, number>> {
  mkdirSync(dir, { recursive: true });
  const currency = new Map(dataset.clients.map((c) => [c.clientId, c.currency]));
  const counts: Record<string, number> = {};
  const file = async <T>(name: string, columns: string[], rows: Iterable<T>, cells: (row: T) => Cell[]) => {
    counts[name] = await writeCsv(join(dir, name), columns, rows, cells);
  };
  await file(
    'partners.csv',
    ['partner_id', 'name', 'country', 'currency', 'website'],
    dataset.partners,
    (p) => [p.partnerId, p.name, p.country, p.currency, p.website],
  );
  await file(
    'certifications.csv',
    ['partner_id', 'name', 'valid_from', 'valid_until'],
    dataset.certifications,
    (c) => [c.partnerId, c.name, c.validFrom, c.validUntil],
  );
  await file('team.csv', ['partner_id', 'role', 'name', 'email', 'description'], dataset.team, (t) => [
    t.partnerId,
    t.role,
    t.name,
    t.email,
    t.description,
  ]);
  await file(
    'clients.csv',
    [
      'client_id',
      'name',
      'country',
      'currency',
      'domain',
      'industry',
      'employees',
      'contact_tier',
      'email_tier',
      'account_url',
      'crm_url',
    ],
    dataset.clients,
    (c) => [
      c.clientId,
      c.name,
      c.country,
      c.currency,
      c.domain,
      c.industry,
      c.employees,
      c.contactTier,
      c.emailTier,
      c.accountUrl,
      c.crmUrl,
    ],
  );
  await file(
    'managements.csv',
    ['partner_id', 'client_id', 'start_date', 'end_date'],
    dataset.managements,
    (m) => [m.partnerId, m.clientId, m.startDate, m.endDate],
  );
  await file(
    'deals.csv',
    [
      'deal_id',
      'partner_id',
      'client_id',
      'type',
      'stage',
      'created_on',
      'closed_on',
      'amount',
      'currency',
      'products',
      'name',
    ],
    dataset.deals,
    (d) => [
      d.dealId,
      d.partnerId,
      d.clientId,
      d.type,
      d.stage,
      d.createdOn,
      d.closedOn,
      money(d.amount),
      d.currency,
      list(d.products),
      d.name,
    ],
  );
  await file(
    'mrr_changes.csv',
    ['change_id', 'client_id', 'product', 'date', 'mrr_after', 'currency', 'deal_id', 'reason'],
    dataset.changes,
    (c) => [
      c.changeId,
      c.clientId,
      c.product,
      c.date,
      money(c.mrrAfter),
      currency.get(c.clientId),
      c.dealId,
      c.reason,
    ],
  );
  await file(
    'renewals.csv',
    [
      'client_id',
      'product',
      'renewal_date',
      'status',
      'projected_mrr_change',
      'renewal_manager',
      'communication_owner',
    ],
    dataset.renewals,
    (r) => [
      r.clientId,
      r.product,
      r.renewalDate,
      r.status,
      money(r.projectedMrrChange),
      r.renewalManager,
      r.communicationOwner,
    ],
  );
  await file(
    'usage.csv',
    [
      'client_id',
      'month',
      'tools_used',
      'engagement_score',
      'products_used',
      'apps_used',
      'last_active_user',
      'last_active_on',
    ],
    dataset.usage,
    (u) => [
      u.clientId,
      u.month,
      u.toolsUsed,
      u.engagementScore,
      list(u.productsUsed),
      list(u.appsUsed),
      u.lastActiveUser,
      u.lastActiveOn,
    ],
  );
  await file(
    'payments.csv',
    ['partner_id', 'paid_on', 'amount', 'currency', 'reference'],
    dataset.payments,
    (p) => [p.partnerId, p.paidOn, money(p.amount), p.currency, p.reference],
  );
  return counts;
}
