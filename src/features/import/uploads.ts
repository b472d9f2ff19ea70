// The files of an uploaded import (POST /api/v1/imports): several CSV files, or a zip of a
// folder, or both, as multipart/form-data. Each file must be one of the import files
// (DATA_AND_INTERFACES §1) by its name; a zip's entries are matched by their base name, in
// any folder of the zip, and entries that are not import files (a README, __MACOSX) are left.
// Sizes are checked as the parts arrive, so a too large upload is refused without being kept.
import { type UnzipFileInfo, unzip } from 'fflate';
import { AppError } from '../../core/errors.ts';
import type { StoredFile } from '../jobs/service.ts';
import { IMPORT_FILES } from './schemas.ts';

const MB = 2 ** 20;
const IMPORT_NAMES = new Set(IMPORT_FILES.map((s) => s.file));
const EXPECTED = IMPORT_FILES.map((s) => s.file).join(', ');

/** One part of the multipart body: a file (its name and bytes) or a form field. */
export type UploadPart =
  | { type: 'file'; filename: string; read: () => Promise<Buffer> }
  | { type: 'field'; name: string; value: string };

export interface Upload {
  files: StoredFile[];
  skipInvalid: boolean;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function tooLarge(limitMb: number, what: string): AppError {
  return new AppError(
    'payload_too_large',
    `${what} is larger than the upload limit of ${limitMb} MB (TIERWISE_UPLOAD_MB)`,
  );
}

function unzipAsync(data: Uint8Array, filter: (file: UnzipFileInfo) => boolean) {
  return new Promise<Record<string, Uint8Array>>((resolve, reject) =>
    unzip(data, { filter }, (error, files) => (error ? reject(error) : resolve(files))),
  );
}

/** The import files of a zip; its uncompressed import files count against the limit too. */
async function filesOfZip(zipName: string, data: Buffer, budget: { left: number; limitMb: number }) {
  const seen = new Map<string, string>();
  let unpacked = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = await unzipAsync(data, (entry) => {
      const name = baseName(entry.name);
      if (!IMPORT_NAMES.has(name) || entry.name.includes('__MACOSX/')) return false;
      const earlier = seen.get(name);
      if (earlier !== undefined)
        throw new AppError(
          'validation_failed',
          `${zipName}: holds ${name} twice (${earlier} and ${entry.name})`,
        );
      seen.set(name, entry.name);
      unpacked += entry.originalSize;
      if (unpacked > budget.left) throw tooLarge(budget.limitMb, `${zipName} unpacked`);
      return true;
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      'validation_failed',
      `${zipName}: not a readable zip file (${(error as Error).message})`,
    );
  }
  const files = Object.entries(entries).map(([path, content]) => ({
    name: baseName(path),
    content: Buffer.from(content.buffer, content.byteOffset, content.byteLength),
  }));
  if (files.length === 0)
    throw new AppError(
      'validation_failed',
      `${zipName}: holds none of the import files (expected any of ${EXPECTED})`,
    );
  budget.left -= unpacked;
  return files;
}

/**
 * The import files and options of an upload. Refuses (400, naming the file) a file that is
 * not an import file, the same file twice, an unreadable zip and an upload without files;
 * 413 past `limitMb` in all.
 */
export async function readUpload(parts: AsyncIterable<UploadPart>, limitMb: number): Promise<Upload> {
  const budget = { left: limitMb * MB, limitMb };
  const files = new Map<string, StoredFile>();
  let skipInvalid = false;
  const add = (file: StoredFile, from: string) => {
    if (files.has(file.name))
      throw new AppError('validation_failed', `${from}: ${file.name} is in the upload twice`);
    files.set(file.name, file);
  };
  for await (const part of parts) {
    if (part.type === 'field') {
      if (part.name === 'skipInvalid') {
        if (!['true', 'false', 'on', ''].includes(part.value))
          throw new AppError('validation_failed', `skipInvalid: expected true or false, got ${part.value}`);
        skipInvalid = part.value === 'true' || part.value === 'on';
      }
      continue;
    }
    const name = baseName(part.filename);
    const content = await part.read();
    if (content.length > budget.left) throw tooLarge(limitMb, 'the upload');
    if (/\.zip$/i.test(name)) {
      budget.left -= content.length;
      for (const file of await filesOfZip(name, content, budget)) add(file, name);
    } else if (IMPORT_NAMES.has(name)) {
      budget.left -= content.length;
      add({ name, content }, name);
    } else {
      throw new AppError(
        'validation_failed',
        `${name}: not an import file (expected any of ${EXPECTED}, or a zip of them)`,
      );
    }
  }
  if (files.size === 0)
    throw new AppError(
      'validation_failed',
      `the upload holds no files (expected any of ${EXPECTED}, or a zip of them)`,
    );
  // In the order the import reads them (dependencies first), as the folder import does.
  const ordered = IMPORT_FILES.flatMap((s) => (files.has(s.file) ? [files.get(s.file)!] : []));
  return { files: ordered, skipInvalid };
}
