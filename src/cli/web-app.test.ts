import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureWebApp } from './web-app.ts';

function captureWriter() {
  let err = '';
  return { out: () => {}, err: (text: string) => void (err += text), stderr: () => err };
}

const dir = mkdtempSync(join(tmpdir(), 'tierwise-web-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the web app on start', () => {
  it('says that only the API is served, and how to build the app, when there is no build', () => {
    const io = captureWriter();
    expect(ensureWebApp(io, dir)).toBe('api-only');
    expect(io.stderr()).toContain('the web app is not built');
    expect(io.stderr()).toContain('npm run build');
  });

  it('serves a build that is there', () => {
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    const io = captureWriter();
    expect(ensureWebApp(io, dir)).toBe('built');
    expect(io.stderr()).toBe('');
  });
});
