// `npm run bench [-- NAME ...]`: runs the named benchmarks (default all) and writes their
// figures into BENCHMARKS.md. `--scale F` shrinks the data for a quick look (figures
// written at a reduced scale say so).
import { runEngineBench } from './engine.ts';
import { runExportBench } from './export.ts';
import { runImportBench } from './import.ts';
import { runServerBench } from './server.ts';
import { runWebBench } from './web.ts';
import { runWhatIfBench } from './what-if.ts';

const args = process.argv.slice(2);
const scaleAt = args.indexOf('--scale');
const scale = scaleAt >= 0 ? Number(args[scaleAt + 1]) : 1;
const names = args.filter((a, i) => !a.startsWith('--') && (scaleAt < 0 || i !== scaleAt + 1));
const benches: Record<string, () => Promise<void> | void> = {
  engine: () => runEngineBench({ scale }),
  import: () => runImportBench({ scale }),
  server: () => runServerBench({ scale }),
  web: () => runWebBench(),
  'what-if': () => runWhatIfBench({ scale }),
  export: () => runExportBench({ scale }),
};
for (const name of names.length ? names : Object.keys(benches)) {
  const bench = benches[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"; known: ${Object.keys(benches).join(', ')}`);
    process.exit(2);
  }
  console.log(`== ${name}`);
  await bench();
}
