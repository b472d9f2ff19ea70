// What one file's pass keeps: its header, and the first line of each key (duplicates).
import type { RowProblem } from './checks.ts';
import type { CsvRow } from './reader.ts';
import type { FileSpec } from './schemas.ts';
import { DuplicateKeys } from './validate.ts';

/** What one file's pass keeps: its header and the first line of each key (duplicates). */
export class FileState {
  header: string[] | null = null;
  private columns: [name: string, index: number][] = [];
  private keyIndexes: number[] = [];
  private readonly keys: DuplicateKeys;

  constructor(readonly spec: FileSpec) {
    this.keys = new DuplicateKeys(spec);
  }

  setHeader(header: string[]): void {
    this.header = header;
    this.columns = Object.keys(this.spec.columns)
      .map((name): [string, number] => [name, header.indexOf(name)])
      .filter(([, i]) => i >= 0);
    this.keyIndexes = this.spec.key.map((c) => header.indexOf(c));
  }

  /** The row as the schema reads it: declared columns only, absent ones undefined. */
  input(record: CsvRow): Record<string, string | undefined> {
    const out: Record<string, string | undefined> = {};
    for (const [name, i] of this.columns) out[name] = record.values[i];
    return out;
  }

  /** Problems of the row's shape: its number of values, and a key already seen. Null: none. */
  shapeProblems(record: CsvRow): RowProblem[] | null {
    let problems: RowProblem[] | null = null;
    const values = record.values;
    const n = values.length;
    const h = this.header!.length;
    if (n < h) {
      problems = [
        {
          column: '(row)',
          message: `has ${n} values but the header has ${h} columns (is the row cut short?)`,
        },
      ];
    } else if (n > h && values.slice(h).some((v) => v.trim() !== '')) {
      problems = [
        {
          column: '(row)',
          message: `has ${n} values but the header has ${h} columns (is a value containing a comma not quoted?)`,
        },
      ];
    }
    const duplicate = this.keys.check(
      this.keyIndexes.map((i) => (values[i] ?? '').trim()),
      record.line,
    );
    if (duplicate) {
      problems ??= [];
      problems.push(duplicate);
    }
    return problems;
  }
}
