// What-if: every partner derived from its facts under the published program and under a
// draft, with the engine `tierwise points` uses, side by side. It reads and writes nothing:
// the facts are read batch by batch in one transaction (a consistent view), and the
// transaction is rolled back.
import type { Db, Tx } from '../../db/client.ts';
import { accruedBetween } from '../../domain/commission.ts';
import { deriveLedger } from '../../domain/ledger.ts';
import { scaledToNumber } from '../../domain/money.ts';
import type { Program } from '../../domain/program.ts';
import { BulkFactReader } from '../points/bulk-load.ts';
import { allPartnerIds, loadPartnerBatch } from '../points/repository.ts';
import { pointsOfLedger } from '../points/service.ts';
import type { Standing, WhatIfAnswer, WhatIfResult } from './api-schemas.ts';

const BATCH = 50;
const BULK_FROM = 500;

export interface WhatIfOptions {
  published: Program;
  draft: Program;
  on: string;
  /** Also sum the commission accrued in this period under each program (base currency). */
  commission?: { from: string; to: string };
  /** Told after each batch: partners done, of how many. */
  progress?: (done: number, of: number) => void;
  /** From this many partners on, facts are read in one pass per table (default 500). */
  bulkFrom?: number | undefined;
}

export type WhatIfOutcome = WhatIfResult & { commission?: Omit<WhatIfAnswer['commission'], 'currency'> };

class Rollback extends Error {}

const accrued = (ledger: ReturnType<typeof deriveLedger>, period: { from: string; to: string }) =>
  accruedBetween(ledger, period.from, period.to);

const yieldToIo = () => new Promise<void>((resolve) => setImmediate(resolve));

async function compare(tx: Tx, options: WhatIfOptions): Promise<WhatIfOutcome> {
  const ids = await allPartnerIds(tx);
  const batches: string[][] = [];
  for (let i = 0; i < ids.length; i += BATCH) batches.push(ids.slice(i, i + BATCH));
  const reader =
    ids.length >= (options.bulkFrom ?? BULK_FROM)
      ? await BulkFactReader.open(tx, batches, false, { readOnly: true })
      : null;
  const partners: WhatIfResult['partners'] = [];
  const tiers = { before: {} as Record<string, number>, after: {} as Record<string, number> };
  const count = (side: Record<string, number>, s: Standing) => {
    const key = s.credited ?? 'none';
    side[key] = (side[key] ?? 0) + 1;
  };
  const period = options.commission;
  const perPartner: Record<string, { before: number; after: number }> = {};
  let commissionBefore = 0;
  let commissionAfter = 0;
  for (const [b, batch] of batches.entries()) {
    const { facts } = reader ? await reader.next() : await loadPartnerBatch(tx, batch, false);
    for (const [k, partnerId] of batch.entries()) {
      const partnerFacts = facts.get(partnerId)!;
      const was = deriveLedger(options.published, partnerFacts);
      const will = deriveLedger(options.draft, partnerFacts);
      const before = pointsOfLedger(was, options.on);
      const after = pointsOfLedger(will, options.on);
      partners.push({ partnerId, before, after });
      count(tiers.before, before);
      count(tiers.after, after);
      if (period) {
        const c = { before: accrued(was, period), after: accrued(will, period) };
        commissionBefore += c.before;
        commissionAfter += c.after;
        if (c.before !== 0 || c.after !== 0)
          perPartner[partnerId] = { before: scaledToNumber(c.before), after: scaledToNumber(c.after) };
      }
      if (k % 10 === 9) await yieldToIo();
    }
    options.progress?.(Math.min(ids.length, (b + 1) * BATCH), ids.length);
  }
  await reader?.close();
  const result: WhatIfOutcome = { on: options.on, partners, tiers };
  if (period)
    result.commission = {
      ...period,
      before: scaledToNumber(commissionBefore),
      after: scaledToNumber(commissionAfter),
      partners: perPartner,
    };
  return result;
}

/** Every partner before (published) and after (draft) on `on`; nothing is written. */
export async function whatIf(db: Db, options: WhatIfOptions): Promise<WhatIfOutcome> {
  let outcome: WhatIfOutcome | undefined;
  try {
    await db.transaction(async (tx) => {
      outcome = await compare(tx, options);
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return outcome!;
}
