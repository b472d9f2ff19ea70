// Engine benchmark (issue 2): the whole derivation over 10,000 partners, 200,000 clients
// and 2,000,000 MRR changes over 36 months, on one core; and one partner's full recompute
// after one new change. Figures go to BENCHMARKS.md.

import { loadavg } from 'node:os';
import { exampleProgram as program } from '../src/domain/default-program.ts';
import type { PartnerFacts } from '../src/domain/facts.ts';
import { scaled } from '../src/domain/money.ts';
import { derivePartner } from '../src/domain/partner.ts';
import { BENCH_SIZE, generateDataset } from '../src/features/demo/generate.ts';
import { groupFactsByPartner } from '../src/features/demo/partner-facts.ts';
import { machine, mb, median, percentile, writeSection } from './report.ts';

export interface EngineBenchOptions {
  scale?: number;
}

export function runEngineBench(options: EngineBenchOptions = {}): void {
  const scale = options.scale ?? 1;
  const size = {
    partners: Math.round(BENCH_SIZE.partners * scale),
    clients: Math.round(BENCH_SIZE.clients * scale),
    months: BENCH_SIZE.months,
    changesPerClient: BENCH_SIZE.changesPerClient,
  };
  const endDate = '2026-10-31';
  let t = performance.now();
  const dataset = generateDataset({ ...size, seed: 'bench', endDate, usageMonths: 1 });
  const generateSeconds = (performance.now() - t) / 1000;
  console.log(`generated ${dataset.changes.length} changes in ${generateSeconds.toFixed(1)} s`);
  t = performance.now();
  const byPartner = groupFactsByPartner(dataset);
  const groupSeconds = (performance.now() - t) / 1000;

  // The whole derivation: every partner, every month-end snapshot and the credited-tier history.
  // The load average and the process's CPU time go with it: on a shared machine other work
  // stretches the wall time (and GC waits for its helper threads).
  const loadBefore = loadavg()[0]!;
  const cpu = process.cpuUsage();
  t = performance.now();
  let entries = 0;
  let snapshots = 0;
  let changesSeen = 0;
  const sizes: { id: string; changes: number }[] = [];
  for (const [id, facts] of byPartner) {
    const d = derivePartner(program, facts, endDate);
    entries += d.ledger.entries.length;
    snapshots += d.snapshots.length;
    changesSeen += facts.changes.length;
    sizes.push({ id, changes: facts.changes.length });
  }
  const deriveSeconds = (performance.now() - t) / 1000;
  const cpuUsed = process.cpuUsage(cpu);
  const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
  const loadAfter = loadavg()[0]!;
  const heap = process.memoryUsage();

  // One partner's full recompute after one new change: the median-size and the largest partner.
  sizes.sort((a, b) => a.changes - b.changes);
  const picks = [
    { label: 'median partner', pick: sizes[sizes.length >> 1]! },
    { label: 'largest partner', pick: sizes[sizes.length - 1]! },
  ];
  const single = picks.map(({ label, pick }) => {
    const base = byPartner.get(pick.id)!;
    const last = base.changes.reduce((a, c) => (c.date > a.date ? c : a), base.changes[0]!);
    const timings: number[] = [];
    for (let i = 0; i < 201; i++) {
      const facts: PartnerFacts = {
        ...base,
        changes: [
          ...base.changes,
          { ...last, changeId: `ZZ-bench-${i}`, date: endDate, mrrAfter: last.mrrAfter + scaled(10 + i) },
        ],
      };
      const s = performance.now();
      derivePartner(program, facts, endDate);
      timings.push(performance.now() - s);
    }
    return { label, changes: pick.changes, median: median(timings), p99: percentile(timings, 99) };
  });

  const perSecond = Math.round(dataset.changes.length / deriveSeconds);
  const text = `## Engine (issue 2)

Command: \`npm run bench -- engine\` · ${machine()} · measured ${new Date().toISOString().slice(0, 10)}

Data: ${dataset.partners.length.toLocaleString('en')} partners, ${dataset.clients.length.toLocaleString('en')} clients, ${dataset.changes.length.toLocaleString('en')} MRR changes over ${size.months} months (generated in ${generateSeconds.toFixed(1)} s, seed "bench"; grouped into per-partner facts in ${groupSeconds.toFixed(1)} s, not counted below: in the product the facts come from the database).

| measure | result | target |
|---|---|---|
| whole derivation (sold entries, managed points, ${snapshots.toLocaleString('en')} month-end snapshots, credited-tier history) | **${deriveSeconds.toFixed(2)} s** on one core (process CPU ${cpuSeconds.toFixed(2)} s, GC helper threads included; load average ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)}) | < 10 s |
| MRR changes per second | **${perSecond.toLocaleString('en')}** (${changesSeen.toLocaleString('en')} partner-change derivations, co-managed clients counted once per partner) | > 200,000 |
| sold entries derived | ${entries.toLocaleString('en')} | |
${single.map((s) => `| one new change → full recompute, ${s.label} (${s.changes} changes in its facts) | **median ${s.median.toFixed(2)} ms**, p99 ${s.p99.toFixed(2)} ms | median < 5 ms |`).join('\n')}
| heap after the derivation | ${mb(heap.heapUsed)} (RSS ${mb(heap.rss)}) | |
`;
  writeSection('engine', text);
  console.log(text);
}
