// The rejects file of `--skip-invalid`: every rejected row with its original columns,
// then where it came from and why. One CSV for all files: its columns are the union of
// the files' headers, so each row fills its own file's columns.
import { once } from 'node:events';
import { open, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify';

export const REJECT_COLUMNS = ['file', 'line', 'reason'] as const;

/** A cell a spreadsheet would run as a formula is prefixed with a quote (plain numbers stay). */
function safeCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) && !/^-\d+(\.\d+)?$/.test(value) ? `'${value}` : value;
}

export class RejectsWriter {
  private readonly columns: string[];
  /** Original column name → the rejects file's column (renamed when it collides with ours). */
  private readonly names = new Map<string, string>();
  /** The CSV stream and the promise of its pipeline to the file (which rejects on a write error). */
  private out: { csv: ReturnType<typeof stringify>; done: Promise<void> } | null = null;
  private opened = false;
  count = 0;

  constructor(
    readonly path: string,
    headers: readonly (readonly string[])[],
  ) {
    const taken = new Set<string>(REJECT_COLUMNS);
    const original: string[] = [];
    for (const header of headers) {
      for (const name of header) {
        if (name === '' || this.names.has(name)) continue;
        let renamed = taken.has(name) ? `original_${name}` : name;
        while (taken.has(renamed)) renamed = `original_${renamed}`;
        taken.add(renamed);
        this.names.set(name, renamed);
        original.push(renamed);
      }
    }
    this.columns = [...original, ...REJECT_COLUMNS];
  }

  /** Writes one rejected row; the file is created with the first one. */
  async add(
    file: string,
    line: number,
    reason: string,
    header: readonly string[],
    values: readonly string[],
  ) {
    if (!this.out) {
      // Opened here so that a bad path fails the import with its error.
      const handle = await open(this.path, 'w');
      this.opened = true;
      const csv = stringify({ header: true, columns: this.columns });
      const done = pipeline(csv, handle.createWriteStream());
      done.catch(() => {}); // awaited in close(); a failure also surfaces at the next write
      this.out = { csv, done };
    }
    const record: Record<string, string> = { file, line: String(line), reason: safeCell(reason) };
    header.forEach((name, i) => {
      const column = this.names.get(name);
      if (column && values[i] !== undefined) record[column] = safeCell(values[i]!);
    });
    this.count += 1;
    if (!this.out.csv.write(record)) await once(this.out.csv, 'drain');
  }

  async close(): Promise<void> {
    if (!this.out) return;
    const { csv, done } = this.out;
    this.out = null;
    csv.end();
    await done;
  }

  /** Closes and deletes the file: an import that was refused leaves no rejects behind. */
  async discard(): Promise<void> {
    await this.close().catch(() => {});
    if (this.opened) await rm(this.path, { force: true });
  }
}
