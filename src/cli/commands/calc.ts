// `tierwise calc points` and `tierwise calc amount`: the calculator of PROGRAM_RULES §8,
// output as in DATA_AND_INTERFACES §3.
import type { Command } from 'commander';
import { z } from 'zod';
import {
  type CalculationExplanation,
  type CurrencyExplanation,
  calculateAmount,
  calculatePoints,
} from '../../domain/calculator.ts';
import {
  formatDecimal,
  type Points,
  pointsToNumber,
  SCALE_DIGITS,
  type Scaled,
  scaledToNumber,
} from '../../domain/money.ts';
import type { CliContext, GlobalOptions } from '../context.ts';
import {
  countFlag,
  countryFlag,
  currencyFlag,
  dateFlag,
  dealFlag,
  decimalFlag,
  parseFlags,
} from '../flags.ts';

const pointsFlags = z
  .object({
    amount: decimalFlag(SCALE_DIGITS, 'the sold amount (MRR)'),
    currency: currencyFlag,
    country: countryFlag,
    deal: dealFlag,
    managed: z.boolean().optional(),
    otherManagers: countFlag.optional(),
    on: dateFlag.optional(),
  })
  .superRefine((o, ctx) => {
    if (o.otherManagers !== undefined && !o.managed) {
      ctx.addIssue({ code: 'custom', path: ['otherManagers'], message: 'only applies with --managed' });
    }
  });

const amountFlags = z
  .object({
    soldPoints: decimalFlag(2, 'sold points').optional(),
    managedPoints: decimalFlag(2, 'managed points').optional(),
    deal: dealFlag.optional(),
    currency: currencyFlag,
    country: countryFlag,
    on: dateFlag.optional(),
  })
  .superRefine((o, ctx) => {
    if ((o.soldPoints === undefined) === (o.managedPoints === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: ['soldPoints'],
        message: 'give exactly one of --sold-points and --managed-points',
      });
    }
    if (o.soldPoints !== undefined && o.deal === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['deal'],
        message: 'is required with --sold-points (sourced or assisted)',
      });
    }
    if (o.managedPoints !== undefined && o.soldPoints === undefined && o.deal !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['deal'], message: 'only applies with --sold-points' });
    }
  });

const num = (value: Scaled) => formatDecimal(value, SCALE_DIGITS);
const pts = (value: Points) => formatDecimal(value, 2);

/** A Scaled amount with exactly the currency's minor digits: 880.00 EUR, 12000 JPY. */
function money(amount: Scaled, minor: number, currency: string): string {
  const fixed = formatDecimal(amount, SCALE_DIGITS);
  const [int, frac = ''] = fixed.split('.');
  return `${int}${minor > 0 ? `.${frac.padEnd(minor, '0')}` : ''} ${currency}`;
}

function programLines(e: CalculationExplanation): string[] {
  return [
    `  rule set        ${e.ruleSetId} (in force from ${e.effectiveFrom})`,
    `  currency value  ${num(e.currencyPer100)} ${e.currency} per 100 ${e.baseCurrency}`,
    `  growth market   ${e.growthMarket ? `yes, ${e.country} (x${num(e.growthMultiplier)})` : `no, ${e.country} (x1)`}`,
  ];
}

function onDate(given: string | undefined, ctx: CliContext): string {
  return given ?? ctx.today();
}

export function registerCalc(root: Command, ctx: CliContext): void {
  const calc = root
    .command('calc')
    .description('the points calculator: points for an amount, or the amount for points');

  calc
    .command('points')
    .description('sold, managed and total points for a sold amount')
    .option('--amount <N>', 'sold amount (MRR) in the client currency, up to 4 decimals')
    .option('--currency <C>', 'client currency (ISO 4217)')
    .option('--country <X>', 'client country (ISO 3166-1 alpha-2)')
    .option('--deal <T>', 'deal type: sourced or assisted')
    .option('--managed', 'the partner also manages the client')
    .option('--other-managers <N>', 'number of other partners managing the client (with --managed)')
    .option('--on <DATE>', 'date the program is read on, YYYY-MM-DD (default today)')
    .action(async (_options: unknown, command: Command) => {
      const all = command.optsWithGlobals<GlobalOptions & Record<string, unknown>>();
      const flags = parseFlags(pointsFlags, all);
      const on = onDate(flags.on, ctx);
      const program = await ctx.resolveProgram(all);
      const r = calculatePoints({
        program,
        on,
        amount: flags.amount,
        currency: flags.currency,
        country: flags.country,
        dealType: flags.deal,
        managed: flags.managed === true,
        otherManagers: flags.otherManagers ?? 0,
      });
      if (all.json) {
        const out = {
          sold: pointsToNumber(r.sold),
          managed: pointsToNumber(r.managed),
          total: pointsToNumber(r.total),
        };
        ctx.io.out(`${JSON.stringify(out)}\n`);
        return;
      }
      const e = r.explanation;
      const managers =
        e.managers === 0
          ? 'not managed'
          : e.managers === 1
            ? 'managed by this partner only'
            : `split between ${e.managers} partners`;
      ctx.io.out(
        [
          `Points for ${num(flags.amount)} ${e.currency} sold (${e.dealType}) to a client in ${e.country}, on ${on}`,
          ...programLines(e),
          `  ${e.dealType} rate${' '.repeat(Math.max(1, 11 - e.dealType.length))}${num(e.soldRate)} points per 100 ${e.baseCurrency}`,
          `  managed rate    ${num(e.managedRate)} points per 100 ${e.baseCurrency}, ${managers}`,
          `  sold points     ${pts(r.sold)}`,
          `  managed points  ${pts(r.managed)}`,
          `  total points    ${pts(r.total)}`,
          '',
        ].join('\n'),
      );
    });

  calc
    .command('amount')
    .description('the amount of a currency that earns a number of sold or managed points')
    .option('--sold-points <N>', 'sold points to convert, up to 2 decimals (needs --deal)')
    .option('--managed-points <N>', 'managed points to convert, up to 2 decimals')
    .option('--deal <T>', 'deal type of the sold points: sourced or assisted')
    .option('--currency <C>', 'client currency (ISO 4217)')
    .option('--country <X>', 'client country (ISO 3166-1 alpha-2)')
    .option('--on <DATE>', 'date the program is read on, YYYY-MM-DD (default today)')
    .action(async (_options: unknown, command: Command) => {
      const all = command.optsWithGlobals<GlobalOptions & Record<string, unknown>>();
      const flags = parseFlags(amountFlags, all);
      const on = onDate(flags.on, ctx);
      const program = await ctx.resolveProgram(all);
      const common = { program, on, currency: flags.currency, country: flags.country };
      const points = (flags.soldPoints ?? flags.managedPoints)!;
      const r =
        flags.soldPoints !== undefined
          ? calculateAmount({ ...common, points, kind: 'sold', dealType: flags.deal! })
          : calculateAmount({ ...common, points, kind: 'managed' });
      if (all.json) {
        ctx.io.out(`${JSON.stringify({ amount: scaledToNumber(r.amount), currency: r.currency })}\n`);
        return;
      }
      const e: CurrencyExplanation = r.explanation;
      const what = e.kind === 'sold' ? `sold points (${e.dealType})` : 'managed points';
      ctx.io.out(
        [
          `Amount for ${pts(points)} ${what}, client in ${e.country}, on ${on}`,
          ...programLines(e),
          `  rate            ${num(e.rate)} points per 100 ${e.baseCurrency}`,
          `  amount          ${pts(points)} / (${num(e.rate)} x ${num(e.growthMultiplier)}) x ${num(e.currencyPer100)}` +
            ` = ${money(r.amount, e.minorUnits, r.currency)} (rounded to ${e.minorUnits} decimals)`,
          '',
        ].join('\n'),
      );
    });
}
