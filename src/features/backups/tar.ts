// The embedded database's dump is a gzipped tar of its whole data folder; Tierwise keeps
// its own files there too (backups/, server.json), which do not belong in a backup.
import { gunzipSync, gzipSync } from 'fflate';

const BLOCK = 512;

function field(header: Uint8Array, start: number, length: number): string {
  const bytes = header.subarray(start, start + length);
  const end = bytes.indexOf(0);
  return new TextDecoder().decode(end === -1 ? bytes : bytes.subarray(0, end));
}

/** A gzipped tar without the entries `drop` picks (by path). */
export function filterTarGz(gz: Uint8Array, drop: (path: string) => boolean): Uint8Array {
  const tar = gunzipSync(gz);
  const kept: Uint8Array[] = [];
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const header = tar.subarray(offset, offset + BLOCK);
    if (header.every((b) => b === 0)) break;
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const size = Number.parseInt(field(header, 124, 12).trim() || '0', 8);
    const length = BLOCK + Math.ceil(size / BLOCK) * BLOCK;
    const path = prefix ? `${prefix}/${name}` : name;
    if (!drop(path)) kept.push(tar.subarray(offset, offset + length));
    offset += length;
  }
  kept.push(new Uint8Array(BLOCK * 2));
  const out = new Uint8Array(kept.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of kept) {
    out.set(part, at);
    at += part.length;
  }
  return gzipSync(out, { level: 6 });
}

/** Tierwise's own files at the top of the data folder (the dump names it pgdata/ or /pgdata/). */
export function isTierwiseFile(path: string): boolean {
  return /^\/?(?:[^/]+\/)?(?:backups(?:\/|$)|server\.json$)/.test(path);
}
