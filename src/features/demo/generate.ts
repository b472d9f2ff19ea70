// The demo / benchmark data generator: a realistic, deterministic partner program
// (partners, clients, MRR changes, deals, managements, renewals, usage, payments).
// Same options and seed, same dataset: a seeded PRNG per section, no Math.random, no clock.
//
// Shapes it guarantees (checked by generate.test.ts):
// - partner sizes heavy-tailed (log-normal): a few big agencies hold most clients;
// - clients in the example program's currencies, ~15% in growth markets;
// - relationships: sold, managed or both; co-managed clients; ended managements, handovers;
// - changes carry the line's MRR after the change (new, cross-sell, upsell, downgrade,
//   churn, restart, price/discount changes and renewals); increases mostly through a
//   closed-won deal of the client, some without (seller of record, or a direct sale);
// - the total number of changes is exactly round(clients * changesPerClient).
import { isIsoDate } from '../../domain/dates.ts';
import { exampleProgram } from '../../domain/default-program.ts';
import { Calendar, idWidth, makeId } from './calendar.ts';
import { generateClients } from './clients.ts';
import { generateHistory } from './history.ts';
import { generateCertifications, generatePartners, generateTeam } from './partners.ts';
import { generatePayments } from './payments.ts';
import { Rng } from './random.ts';
import type { Dataset, GenerateOptions } from './types.ts';
import { generateUsage } from './usage.ts';

export type {
  ClientRow,
  Dataset,
  DatasetMeta,
  GenerateOptions,
  PartnerRow,
  PaymentRow,
  TeamContactRow,
  UsageRow,
} from './types.ts';

export const DEFAULT_CHANGES_PER_CLIENT = 10;

/** The demo command's default size. */
export const DEMO_SIZE = { partners: 40, clients: 1500, months: 36 } as const;
/** The engine benchmark's size: 10,000 partners, 200,000 clients, 2,000,000 MRR changes. */
export const BENCH_SIZE = { partners: 10_000, clients: 200_000, months: 36, changesPerClient: 10 } as const;

export function generateDataset(options: GenerateOptions): Dataset {
  const o = checkOptions(options);
  const cal = new Calendar(o.endDate, o.months);
  const rng = (section: string) => new Rng(o.seed, section);

  const partners = generatePartners(o.partners, rng('partners'));
  const certifications = generateCertifications(partners, cal, rng('certifications'));
  const team = generateTeam(partners, rng('team'));
  const book = generateClients(partners, o, cal, rng('clients'));
  const history = generateHistory(book, partners, cal, rng('history'));
  const usage = generateUsage(book.rows, book.originDay, history, cal, rng('usage'), o.usageMonths);

  // Ids ascend with the date (deals by createdOn, changes by date; generation order within
  // a day, so same-date changes of a line apply in the order they were made). Assigned in
  // generation order, which is also memory order: far faster than walking the sorted arrays.
  const dealWidth = idWidth(history.deals.length, 8);
  const deals = placeByDay(history.deals, history.dealDay, (d, at) => {
    d.dealId = makeId('D', at + 1, dealWidth);
  });
  const changeWidth = idWidth(history.changes.length, 9);
  const changes = placeByDay(history.changes, history.changeDay, (c, at, i) => {
    c.changeId = makeId('C', at + 1, changeWidth);
    const deal = history.changeDeal[i]!;
    if (deal >= 0) c.dealId = history.deals[deal]!.dealId;
  });

  const facts = {
    partners: partners.rows,
    clients: book.rows,
    managements: book.managements,
    deals,
    changes,
  };
  const payments = generatePayments(
    o.program,
    { ...facts, certifications, renewals: history.renewals, usage },
    cal.endDate,
    o.seed,
  );

  return {
    meta: {
      seed: o.seed,
      startDate: cal.startDate,
      endDate: cal.endDate,
      months: o.months,
      changesPerClient: o.changesPerClient,
      usageMonths: o.usageMonths,
    },
    partners: partners.rows,
    certifications,
    team,
    clients: book.rows,
    managements: book.managements,
    deals,
    changes,
    renewals: history.renewals,
    usage,
    payments,
  };
}

function checkOptions(options: GenerateOptions): Required<GenerateOptions> {
  const { partners, clients, months, seed, endDate } = options;
  const changesPerClient = options.changesPerClient ?? DEFAULT_CHANGES_PER_CLIENT;
  const usageMonths = options.usageMonths ?? months + 1;
  const problems: string[] = [];
  if (!Number.isSafeInteger(partners) || partners < 1)
    problems.push(`partners must be an integer >= 1 (got ${partners})`);
  if (!Number.isSafeInteger(clients) || clients < 0)
    problems.push(`clients must be an integer >= 0 (got ${clients})`);
  if (!Number.isSafeInteger(months) || months < 1 || months > 240) {
    problems.push(`months must be an integer from 1 to 240 (got ${months})`);
  }
  if (!Number.isFinite(changesPerClient) || changesPerClient < 1) {
    problems.push(`changesPerClient must be >= 1 (got ${changesPerClient})`);
  }
  if (!Number.isSafeInteger(usageMonths) || usageMonths < 0) {
    problems.push(`usageMonths must be an integer >= 0 (got ${usageMonths})`);
  }
  if (typeof endDate !== 'string' || !isIsoDate(endDate))
    problems.push(`endDate must be YYYY-MM-DD (got ${endDate})`);
  if (typeof seed !== 'string' && !Number.isFinite(seed)) problems.push(`seed must be a string or a number`);
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const program = options.program ?? exampleProgram;
  return { partners, clients, months, seed, endDate, changesPerClient, usageMonths, program };
}

/**
 * Stable counting sort of rows by day number (days span a few thousand values): calls
 * visit(row, its sorted position, its original index) in original order, returns the sorted rows.
 */
function placeByDay<T>(rows: T[], days: Int32Array, visit: (row: T, at: number, index: number) => void): T[] {
  if (rows.length === 0) return [];
  let min = days[0]!;
  let max = days[0]!;
  for (const d of days) {
    if (d < min) min = d;
    if (d > max) max = d;
  }
  const starts = new Int32Array(max - min + 2);
  for (const d of days) starts[d - min + 1]!++;
  for (let i = 1; i < starts.length; i++) starts[i]! += starts[i - 1]!;
  const out = new Array<T>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const at = starts[days[i]! - min]!++;
    out[at] = rows[i]!;
    visit(rows[i]!, at, i);
  }
  return out;
}
