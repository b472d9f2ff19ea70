// Every action the audit log can hold has a name in each language, and so has what it acts on:
// the page never shows a raw key such as "api_token.revoke".
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../../../src/domain/audit-actions.ts';
import { opAuditMessages } from './messages.ts';

type Tree = { readonly [key: string]: string | Tree };
const at = (tree: Tree, path: string): unknown =>
  path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree);

describe.each(['en', 'sv', 'nl'] as const)('the audit page in %s', (locale) => {
  const messages = opAuditMessages[locale] as Tree;
  it('names every action', () => {
    const unnamed = AUDIT_ACTIONS.filter((action) => typeof at(messages, `actions.${action}`) !== 'string');
    expect(unnamed).toEqual([]);
  });
});
