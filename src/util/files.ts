// Bounded reads: a path can name /dev/zero, a FIFO or a huge file, and stdin can be endless.
// Reading stops one chunk past the limit and fails with one clear line (exit 2), whatever the source.
import { closeSync, openSync, readSync } from 'node:fs';
import { UsageError } from '../errors.js';

export const MiB = 1024 * 1024;

const size = (bytes: number) => (bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes.toLocaleString('en-US')} bytes`);

export function tooLarge(what: string, maxBytes: number): UsageError {
  return new UsageError(`${what} is larger than ${size(maxBytes)}, the most that is read`, { hint: 'use a smaller file or message' });
}

/** Reads a file as UTF-8, refusing it past `maxBytes` (read in chunks: /dev/zero stops at the limit). */
export function readFileBounded(path: string, maxBytes: number, what = path): string {
  const fd = openSync(path, 'r');
  try {
    const chunks: Buffer[] = [];
    const buf = Buffer.alloc(64 * 1024);
    let total = 0;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooLarge(what, maxBytes);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Reads a stream (stdin) to the end as UTF-8, refusing it past `maxBytes`. */
export async function readStreamBounded(stream: NodeJS.ReadableStream & { destroy?: () => void }, maxBytes: number, what: string): Promise<string> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of stream) {
    const b = Buffer.from(c as Buffer);
    total += b.length;
    if (total > maxBytes) {
      stream.destroy?.();
      throw tooLarge(what, maxBytes);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks).toString('utf8');
}
