import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from './main.ts';

async function run(argv: string[], today = '2025-08-01') {
  let out = '';
  let err = '';
  const code = await main(argv, {
    io: {
      out: (s) => {
        out += s;
      },
      err: (s) => {
        err += s;
      },
    },
    today: () => today,
  });
  return { code, out, err };
}

describe('tierwise calc points', () => {
  it('prints the DATA_AND_INTERFACES §3 example as pure JSON', async () => {
    const r = await run([
      'calc',
      'points',
      '--amount',
      '1000',
      '--currency',
      'USD',
      '--country',
      'US',
      '--deal',
      'sourced',
      '--managed',
      '--other-managers',
      '1',
      '--json',
    ]);
    expect(r).toEqual({ code: 0, out: '{"sold":50,"managed":5,"total":55}\n', err: '' });
  });

  it('accepts --json before the subcommand and reads the program on --on', async () => {
    const r = await run([
      '--json',
      'calc',
      'points',
      '--amount',
      '880',
      '--currency',
      'EUR',
      '--country',
      'DE',
      '--deal',
      'sourced',
      '--on',
      '2024-03-01',
    ]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ sold: 58.67, managed: 0, total: 58.67 });
  });

  it('defaults --on to today (passed in by the CLI)', async () => {
    const argv = [
      'calc',
      'points',
      '--amount',
      '1000',
      '--currency',
      'USD',
      '--country',
      'US',
      '--deal',
      'sourced',
    ];
    expect(JSON.parse((await run([...argv, '--json'], '2024-01-01')).out).sold).toBe(30);
    expect(JSON.parse((await run([...argv, '--json'], '2024-03-01')).out).sold).toBe(50);
  });

  it('explains the result in human-readable form without --json', async () => {
    const r = await run([
      'calc',
      'points',
      '--amount',
      '1000',
      '--currency',
      'USD',
      '--country',
      'IN',
      '--deal',
      'assisted',
      '--managed',
      '--on',
      '2024-03-01',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('rule set        2024-02');
    expect(r.out).toContain('100 USD per 100 USD');
    expect(r.out).toContain('yes, IN (x2)');
    expect(r.out).toContain('assisted rate   3 points per 100 USD');
    expect(r.out).toMatch(/sold points\s+60\n/);
    expect(r.out).toMatch(/managed points\s+20\n/);
    expect(r.out).toMatch(/total points\s+80\n/);
  });

  it('rejects a bad amount with exit 2, naming the flag and the value', async () => {
    const r = await run([
      'calc',
      'points',
      '--amount',
      '12.34567',
      '--currency',
      'USD',
      '--country',
      'US',
      '--deal',
      'sourced',
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('--amount');
    expect(r.err).toContain('"12.34567"');
    expect(r.err).toContain('at most 4 decimals');
  });

  it('reports every bad flag at once', async () => {
    const r = await run([
      'calc',
      'points',
      '--amount',
      '-5',
      '--currency',
      'US',
      '--country',
      'XX',
      '--deal',
      'direct',
    ]);
    expect(r.code).toBe(2);
    for (const text of [
      '--amount',
      '"-5"',
      '--currency',
      '"US"',
      '--country',
      '"XX"',
      '--deal',
      '"direct"',
    ]) {
      expect(r.err).toContain(text);
    }
  });

  it('rejects a date that is not a real calendar day', async () => {
    const r = await run([
      'calc',
      'points',
      '--amount',
      '1',
      '--currency',
      'USD',
      '--country',
      'US',
      '--deal',
      'sourced',
      '--on',
      '2025-02-29',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--on: .*"2025-02-29"/);
  });

  it('rejects a code that is not ISO 4217 (XYZ) as a usage error', async () => {
    const r = await run([
      'calc',
      'points',
      '--amount',
      '1',
      '--currency',
      'XYZ',
      '--country',
      'US',
      '--deal',
      'sourced',
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/--currency: expected an ISO 4217 currency code.*"XYZ"/);
  });

  it('fails with exit 1 for a real currency missing from the program table', async () => {
    const r = await run([
      'calc',
      'points',
      '--amount',
      '1',
      '--currency',
      'SEK',
      '--country',
      'SE',
      '--deal',
      'sourced',
      '--json',
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      'error: currency SEK is not in the currency table of rule set 2025-07 (effective 2025-07-15)\n',
    );
  });

  it('requires --amount and rejects a bad --other-managers', async () => {
    const missing = await run([
      'calc',
      'points',
      '--currency',
      'USD',
      '--country',
      'US',
      '--deal',
      'sourced',
    ]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--amount: is required');
    const others = await run([
      'calc',
      'points',
      '--amount',
      '1',
      '--currency',
      'USD',
      '--country',
      'US',
      '--deal',
      'sourced',
      '--managed',
      '--other-managers',
      '1.5',
    ]);
    expect(others.code).toBe(2);
    expect(others.err).toMatch(/--other-managers: expected a non-negative integer, got "1.5"/);
  });
});

describe('tierwise calc amount', () => {
  it('prints the DATA_AND_INTERFACES §3 example as pure JSON', async () => {
    const r = await run([
      'calc',
      'amount',
      '--sold-points',
      '50',
      '--deal',
      'sourced',
      '--currency',
      'EUR',
      '--country',
      'DE',
      '--on',
      '2025-08-01',
      '--json',
    ]);
    expect(r).toEqual({ code: 0, out: '{"amount":880,"currency":"EUR"}\n', err: '' });
  });

  it('converts managed points and rounds JPY to whole yen', async () => {
    const r = await run([
      'calc',
      'amount',
      '--managed-points',
      '0.01',
      '--currency',
      'JPY',
      '--country',
      'JP',
      '--json',
    ]);
    expect(JSON.parse(r.out)).toEqual({ amount: 144, currency: 'JPY' });
    const h = await run([
      'calc',
      'amount',
      '--sold-points',
      '0.01',
      '--deal',
      'sourced',
      '--currency',
      'JPY',
      '--country',
      'JP',
    ]);
    expect(h.out).toContain('= 29 JPY (rounded to 0 decimals)');
  });

  it('shows the amount at the currency minor unit in human output', async () => {
    const r = await run([
      'calc',
      'amount',
      '--sold-points',
      '50',
      '--deal',
      'sourced',
      '--currency',
      'EUR',
      '--country',
      'DE',
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('50 / (5 x 1) x 88 = 880.00 EUR');
  });

  it('requires --deal with --sold-points', async () => {
    const r = await run([
      'calc',
      'amount',
      '--sold-points',
      '50',
      '--currency',
      'EUR',
      '--country',
      'DE',
      '--json',
    ]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain('--deal: is required with --sold-points');
  });

  it('requires exactly one of --sold-points and --managed-points', async () => {
    const none = await run(['calc', 'amount', '--currency', 'EUR', '--country', 'DE']);
    const both = await run([
      'calc',
      'amount',
      '--sold-points',
      '1',
      '--managed-points',
      '1',
      '--deal',
      'sourced',
      '--currency',
      'EUR',
      '--country',
      'DE',
    ]);
    for (const r of [none, both]) {
      expect(r.code).toBe(2);
      expect(r.err).toContain('exactly one of --sold-points and --managed-points');
    }
  });

  it('rejects points with more than 2 decimals', async () => {
    const r = await run([
      'calc',
      'amount',
      '--managed-points',
      '1.005',
      '--currency',
      'EUR',
      '--country',
      'DE',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--managed-points: .*"1.005"/);
  });
});

describe('the tierwise command', () => {
  it('rejects an unknown command with exit 2', async () => {
    const r = await run(['frobnicate']);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain("unknown command 'frobnicate'");
  });

  it('rejects an unknown option with exit 2', async () => {
    const r = await run(['calc', 'points', '--amout', '5']);
    expect(r.code).toBe(2);
    expect(r.err).toContain("unknown option '--amout'");
  });

  it('prints help on stdout with exit 0', async () => {
    const r = await run(['calc', 'points', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--other-managers <N>');
    expect(r.out).toContain('--json');
  });

  it('start is listed with its options (it serves the API: see start.test.ts)', async () => {
    const r = await run(['start', '--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('--port');
  });
});

describe('bin/tierwise.mjs', () => {
  it('prints nothing but JSON on stdout', async () => {
    const bin = fileURLToPath(new URL('../../bin/tierwise.mjs', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [
      bin,
      'calc',
      'points',
      '--amount',
      '1000',
      '--currency',
      'USD',
      '--country',
      'US',
      '--deal',
      'sourced',
      '--managed',
      '--other-managers',
      '1',
      '--json',
    ]);
    expect(JSON.parse(stdout)).toEqual({ sold: 50, managed: 5, total: 55 });
    expect(stdout).toBe('{"sold":50,"managed":5,"total":55}\n');
  });
});
