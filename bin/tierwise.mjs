#!/usr/bin/env node
// The tierwise command. Runs the TypeScript sources directly through tsx, so the
// command, the tests and the server always run the same code (no stale build output).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
