// A chart's data as a table for assistive technology (and browser tests): visually hidden,
// one row per month, one cell per series with its raw value in data-value.
import { VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';

export interface SeriesColumn {
  key: string;
  label: string;
}

export interface SeriesRow {
  key: string;
  label: string;
  cells: { key: string; value: number | string | null; text: ReactNode }[];
}

export function SeriesTable({
  caption,
  head,
  columns,
  rows,
  testId,
}: {
  caption: string;
  /** The header of the first column (the month). */
  head: string;
  columns: SeriesColumn[];
  rows: SeriesRow[];
  testId: string;
}) {
  return (
    <VisuallyHidden>
      <table data-testid={testId}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{head}</th>
            {columns.map((c) => (
              <th key={c.key} scope="col">
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key} data-month={row.key}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell) => (
                <td key={cell.key} data-series={cell.key} data-value={cell.value ?? ''}>
                  {cell.text}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </VisuallyHidden>
  );
}
