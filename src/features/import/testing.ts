// Test helpers of the import: a valid folder to vary, folders in a temporary directory,
// and dumps of the fact tables to compare databases.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { type Queryable, rows } from '../../db/client.ts';

/** A small valid import folder touching every file; tests change one file at a time. */
export const VALID_FOLDER: Readonly<Record<string, string>> = {
  'partners.csv':
    'partner_id,name,country,currency,website\nP1,Alpha,US,USD,https://alpha.example\nP2,Beta,DE,EUR,\n',
  'clients.csv': 'client_id,name,country,currency,employees\nC1,Acme,US,USD,120\nC2,Bravo GmbH,DE,EUR,\n',
  'deals.csv':
    'deal_id,partner_id,client_id,type,stage,created_on,closed_on,amount,currency,products,name\n' +
    'D1,P1,C1,sourced,closed_won,2025-01-05,2025-01-20,1000,USD,Marketing Hub;Sales Hub,First\n' +
    'D2,P2,C2,assisted,open,2025-02-01,,500.5,EUR,,\n',
  'certifications.csv': 'partner_id,name,valid_from,valid_until\nP1,Solutions,2024-01-01,2026-12-31\n',
  'team.csv': 'partner_id,role,name,email,description\nP1,owner,Ann,ann@alpha.example,\n',
  'managements.csv': 'partner_id,client_id,start_date,end_date\nP2,C2,2025-02-01,\n',
  'mrr_changes.csv':
    'change_id,client_id,product,date,mrr_after,currency,deal_id,reason\n' +
    'M1,C1,Marketing Hub,2025-01-20,1000,USD,D1,new\n' +
    'M2,C2,Sales Hub,2025-02-10,400,EUR,,new\n' +
    'M3,C1,Marketing Hub,2025-06-01,1200.5,USD,,upsell\n',
  'renewals.csv':
    'client_id,product,renewal_date,status,projected_mrr_change,renewal_manager,communication_owner\n' +
    'C1,Marketing Hub,2026-01-20,pending,-100,Rita,Ann\n',
  'usage.csv':
    'client_id,month,tools_used,engagement_score,products_used,apps_used,last_active_user,last_active_on\n' +
    'C1,2025-06,7,8,Marketing Hub;Sales Hub,Slack,ann,2025-06-28\n',
  'payments.csv': 'partner_id,paid_on,amount,currency,reference\nP1,2025-05-15,200,USD,PAY-1\n',
};

const roots: string[] = [];

/** Writes the files into a new temporary folder; removeFolders() deletes them all. */
export function writeFolder(files: Readonly<Record<string, string | Buffer>>): string {
  const root = mkdtempSync(join(tmpdir(), 'tierwise-import-'));
  roots.push(root);
  const dir = join(root, 'in');
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

export function removeFolders(): void {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
}

/** The fact tables and their keys, for ordered dumps. */
export const FACT_TABLES: Readonly<Record<string, string>> = {
  partners: 'partner_id',
  clients: 'client_id',
  deals: 'deal_id',
  certifications: 'partner_id, name, valid_from',
  team_contacts: 'partner_id, email',
  managements: 'partner_id, client_id, start_date',
  mrr_changes: 'change_id',
  renewals: 'client_id, product, renewal_date',
  usage: 'client_id, month',
  payments: 'partner_id, reference',
};

/** Every fact table's rows, ordered by key (the physical row identity too, to see rewrites). */
export async function dumpFacts(db: Queryable, options: { withRowVersions?: boolean } = {}) {
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(FACT_TABLES)) {
    const version = options.withRowVersions ? ', xmin::text as row_version' : '';
    out[table] = await rows(db, sql.raw(`select *${version} from ${table} order by ${key}`));
  }
  return out;
}

export async function emptyFacts(db: Queryable): Promise<void> {
  const derived = ['sold_entries', 'point_losses', 'partner_snapshots', 'tier_history', 'partner_state'];
  await db.execute(sql.raw(`truncate ${[...Object.keys(FACT_TABLES), ...derived].join(', ')} cascade`));
}

/**
 * A deterministic folder of some size: partners, clients with a closed-won deal each,
 * managements, and `changesPerClient` MRR changes per client spread over 2024-2025.
 */
export function syntheticFolder(size: { partners: number; clients: number; changesPerClient: number }) {
  const p = size.partners;
  const lines = (header: string, body: string[]) => `${header}\n${body.map((l) => `${l}\n`).join('')}`;
  const partners: string[] = [];
  const certifications: string[] = [];
  const team: string[] = [];
  const payments: string[] = [];
  for (let i = 0; i < p; i++) {
    partners.push(`P${i},Partner ${i},${i % 2 ? 'DE' : 'US'},USD,`);
    if (i % 2 === 0) certifications.push(`P${i},Solutions,2024-01-01,2026-06-30`);
    team.push(`P${i},owner,Owner ${i},owner${i}@p${i}.example,"Runs ""P${i}"", day to day"`);
    payments.push(`P${i},2025-04-15,${100 + i}.5,USD,PAY-${i}`);
  }
  const clients: string[] = [];
  const deals: string[] = [];
  const managements: string[] = [];
  const changes: string[] = [];
  const renewals: string[] = [];
  const usage: string[] = [];
  const products = ['Marketing Hub', 'Sales Hub', 'Service Hub'];
  for (let c = 0; c < size.clients; c++) {
    const currency = c % 3 === 0 ? 'EUR' : 'USD';
    clients.push(`C${c},Client ${c},${c % 3 === 0 ? 'FR' : 'US'},${currency},c${c}.example,Retail,${10 + c}`);
    const day = String(1 + (c % 27)).padStart(2, '0');
    deals.push(
      `D${c},P${c % p},C${c},${c % 4 ? 'sourced' : 'assisted'},closed_won,2024-01-${day},2024-02-${day},${100 * (1 + (c % 7))},${currency},${products[c % 3]},Deal ${c}`,
    );
    if (c % 2 === 0) managements.push(`P${(c + 1) % p},C${c},2024-02-01,${c % 4 === 0 ? '2025-06-01' : ''}`);
    let mrr = 100 * (1 + (c % 7));
    for (let k = 0; k < size.changesPerClient; k++) {
      const month = 2 + Math.floor((k * 22) / Math.max(1, size.changesPerClient));
      const date = `${2024 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}-${day}`;
      const product = products[(c + (k % 2)) % 3]!;
      if (k > 0) mrr = Math.max(0, mrr + ((c + k) % 5) * 25 - 40);
      const deal = k === 0 ? `D${c}` : '';
      const reason = k === 0 ? 'new' : mrr === 0 ? 'churn' : 'upsell';
      changes.push(
        `M${c}-${k},C${c},${product},${date},${mrr === 0 ? '0' : `${mrr}.25`},${currency},${deal},${reason}`,
      );
    }
    if (c % 5 === 0) renewals.push(`C${c},${products[c % 3]},2026-02-${day},pending,-50,Rita,Ann`);
    usage.push(
      `C${c},2025-06,${c % 9},${c % 11},${products[c % 3]};Sales Hub,Slack;Zoom,user${c},2025-06-${day}`,
    );
  }
  return {
    'partners.csv': lines('partner_id,name,country,currency,website', partners),
    'certifications.csv': lines('partner_id,name,valid_from,valid_until', certifications),
    'team.csv': lines('partner_id,role,name,email,description', team),
    'payments.csv': lines('partner_id,paid_on,amount,currency,reference', payments),
    'clients.csv': lines('client_id,name,country,currency,domain,industry,employees', clients),
    'deals.csv': lines(
      'deal_id,partner_id,client_id,type,stage,created_on,closed_on,amount,currency,products,name',
      deals,
    ),
    'managements.csv': lines('partner_id,client_id,start_date,end_date', managements),
    'mrr_changes.csv': lines('change_id,client_id,product,date,mrr_after,currency,deal_id,reason', changes),
    'renewals.csv': lines(
      'client_id,product,renewal_date,status,projected_mrr_change,renewal_manager,communication_owner',
      renewals,
    ),
    'usage.csv': lines(
      'client_id,month,tools_used,engagement_score,products_used,apps_used,last_active_user,last_active_on',
      usage,
    ),
  };
}

/** A CSV text's header and the rows for which keep(row) holds (rows without quoted line breaks). */
export function filterRows(csv: string, keep: (values: string[]) => boolean): string {
  const [header, ...body] = csv.trimEnd().split('\n');
  return `${[header, ...body.filter((l) => keep(l.split(',')))].join('\n')}\n`;
}

/** Every derived table's rows, ordered, to compare the state two import histories leave. */
export async function dumpDerived(db: Queryable) {
  const keys: Record<string, string> = {
    sold_entries: 'partner_id, entry_id',
    point_losses: 'partner_id, entry_id, change_id',
    partner_snapshots: 'partner_id, month_end',
    tier_history: 'partner_id, date',
    partner_state: 'partner_id',
  };
  const out: Record<string, unknown[]> = {};
  for (const [table, key] of Object.entries(keys)) {
    out[table] = await rows(db, sql.raw(`select * from ${table} order by ${key}`));
  }
  return out;
}
