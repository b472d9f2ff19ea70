// Before the browser journeys: build the web app if its sources changed, then start a
// demo server (./demo-server.ts) whose address the journeys read with inject('baseUrl').
import type { TestProject } from 'vitest/node';
import { buildWeb, startDemoServer } from './demo-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await buildWeb();
  const server = await startDemoServer();
  project.provide('baseUrl', server.url);
  return () => server.stop();
}
