// The one list of audit actions is the list the code records: recordAudit accepts only listed
// actions (the type), and every listed action is recorded somewhere (this test), so the
// console's action filter offers exactly what can appear in the log.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../domain/audit-actions.ts';

const SRC = join(import.meta.dirname, '..', '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('AUDIT_ACTIONS', () => {
  it('lists each action once, and each is recorded by the code', () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    const code = sources(SRC)
      .filter((f) => !f.endsWith('audit-actions.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const unused = AUDIT_ACTIONS.filter((action) => !code.includes(`'${action}'`));
    expect(unused).toEqual([]);
  });
});
