import type { FileHandle } from 'node:fs/promises';

const CHUNK = 2 * 1024 * 1024;
const KEPT = 16;

/**
 * Buffers lent to reads and given back after: a fresh buffer for every file costs more than
 * reading it (each new page of memory is a fault the kernel must fill), so a few are reused.
 */
const spare: Buffer[] = [];

/**
 * Reads the `size` bytes of an open file in pieces of up to 2 MiB, handing each to `use`
 * (awaited before its buffer is read into again). A piece is only valid inside `use`: copy it
 * to keep it. Fails with `shorter()` if the file ends sooner.
 */
export async function eachChunk(
  handle: FileHandle,
  size: number,
  use: (chunk: Buffer, at: number) => Promise<void> | void,
  shorter: () => Error,
): Promise<void> {
  const buffer = spare.pop() ?? Buffer.allocUnsafeSlow(CHUNK);
  for (let at = 0; at < size;) {
    const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, size - at), at);
    if (bytesRead === 0) throw shorter();
    await use(buffer.subarray(0, bytesRead), at);
    at += bytesRead;
  }
  // Given back only once every use of it has finished: after a failure a write may still hold it.
  if (spare.length < KEPT) spare.push(buffer);
}
