// The editor's text: JSON and YAML round trips, syntax errors with their line and column,
// and a problem's path found on its line.
import { describe, expect, it } from 'vitest';
import { exampleProgramFile } from '../../../../../src/domain/default-program.ts';
import { jsonErrorOffset, lineOfPath, parseText, pathKeys, serialize } from './document-text.ts';

describe('the document as text', () => {
  it('reads back what it writes, in JSON and in YAML', () => {
    for (const format of ['json', 'yaml'] as const) {
      const parsed = parseText(serialize(exampleProgramFile, format), format);
      expect(parsed).toEqual({ ok: true, document: exampleProgramFile });
    }
    expect(serialize({ a: 1 }, 'yaml')).toBe('a: 1\n');
    expect(serialize({ a: [1, 'b'], c: [], d: {}, e: [{ f: null }] }, 'json')).toBe(
      '{\n  "a": [1, "b"],\n  "c": [],\n  "d": {},\n  "e": [\n    {\n      "f": null\n    }\n  ]\n}\n',
    );
  });

  it("writes the keys in the program file's order, whatever order they come in", () => {
    const shuffled = {
      renewals: { decisionLeadDays: 45, horizonDays: 120 },
      ruleSets: [
        { tiers: [{ total: 1, id: 'gold', name: 'Gold' }], effectiveFrom: '2024-01-01', id: 'a', extra: 1 },
      ],
      name: 'x',
    };
    expect(JSON.stringify(JSON.parse(serialize(shuffled, 'json')))).toBe(
      `${JSON.stringify({
        name: 'x',
        ruleSets: [
          {
            id: 'a',
            effectiveFrom: '2024-01-01',
            tiers: [{ id: 'gold', name: 'Gold', total: 1 }],
            extra: 1,
          },
        ],
        renewals: { horizonDays: 120, decisionLeadDays: 45 },
      })}`,
    );
  });

  it('says where JSON stops being JSON', () => {
    const text = '{\n  "name": "x",\n  "rates": { "sourced": }\n}';
    const parsed = parseText(text, 'json');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatchObject({ line: 3, column: 25 });
    expect(jsonErrorOffset('[1, 2,]')).toBe(6);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('"\\q"')).toBe(2);
    expect(jsonErrorOffset('')).toBe(0);
    expect(jsonErrorOffset('{"a": [1, {"b": null}], "c": -1.5e3}')).toBe(36);
  });

  it('says where YAML is broken', () => {
    const parsed = parseText('name: x\nrates: [1, 2\nother: 3\n', 'yaml');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.line).toBeGreaterThanOrEqual(2);
      expect(parsed.error.message).not.toMatch(/at line/);
    }
    expect(parseText('a: 1\na: 2\n', 'yaml').ok).toBe(false);
  });

  it('splits a problem path into keys', () => {
    expect(pathKeys('ruleSets[2].tiers[1].total')).toEqual(['ruleSets', 2, 'tiers', 1, 'total']);
    expect(pathKeys('ruleSets[0].currencyPer100.EUR')).toEqual(['ruleSets', 0, 'currencyPer100', 'EUR']);
    expect(pathKeys('')).toEqual([]);
  });

  it('finds the line of a path, or of the record that lacks it', () => {
    const json = serialize(exampleProgramFile, 'json');
    const lines = json.split('\n');
    const at = lineOfPath(json, 'ruleSets[2].tiers[0].total')!;
    expect(lines[at - 1]).toContain('"total": 630');
    const missing = lineOfPath(json, 'ruleSets[1].growthMultiplier')!;
    expect(lines[missing - 1]).toMatch(/^\s*\{$/);
    const yaml = serialize(exampleProgramFile, 'yaml');
    expect(yaml.split('\n')[lineOfPath(yaml, 'ruleSets[1].rates.sourced')! - 1]).toMatch(/sourced: 5/);
    expect(lineOfPath('{', 'name')).toBeUndefined();
  });
});
