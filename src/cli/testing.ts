// The command line in-process against a fresh database of the suite's kind (a PGlite folder,
// or a PostgreSQL database from the template when DATABASE_URL is set): open() before the
// tests, close() after; run() answers the exit code and what was written to each stream.
import { createCliTarget } from '../db/testing.ts';
import { main } from './main.ts';

export function cliHarness(today: string) {
  let target: Awaited<ReturnType<typeof createCliTarget>> | undefined;
  const saved = process.env.DATABASE_URL;
  return {
    async open(): Promise<void> {
      target = await createCliTarget();
      if (target.env.DATABASE_URL) process.env.DATABASE_URL = target.env.DATABASE_URL;
      else delete process.env.DATABASE_URL;
    },
    async close(): Promise<void> {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
      await target?.cleanup();
    },
    async run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
      if (!target) throw new Error('cliHarness: open() first');
      let out = '';
      let err = '';
      const code = await main([...target.args, ...argv], {
        io: { out: (s) => void (out += s), err: (s) => void (err += s) },
        today: () => today,
      });
      return { code, out, err };
    },
  };
}
