import { crc32, deflateSync } from 'node:zlib';

function chunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body) >>> 0);
  return Buffer.concat([length, body, crc]);
}

/**
 * A drawn-looking signature for the demo: a looping pen stroke on a transparent background,
 * shaped by a seed, as a PNG data URL (the form signatures drawn on screen are kept in).
 */
export function demoSignature(seed: number, width = 300, height = 100): string {
  const alpha = new Uint8Array(width * height);
  const dot = (cx: number, cy: number) => {
    for (let dy = -1; dy <= 1; dy += 1) {
      for (let dx = -1; dx <= 1; dx += 1) {
        const x = Math.round(cx + dx);
        const y = Math.round(cy + dy);
        if (x >= 0 && y >= 0 && x < width && y < height) alpha[y * width + x] = 255;
      }
    }
  };
  const loops = 3 + (seed % 3);
  for (let t = 0; t <= 1; t += 0.0004) {
    const x = 20 + t * (width - 40) + 12 * Math.cos(t * loops * 2 * Math.PI);
    const y =
      height / 2 +
      22 * Math.sin(t * loops * 2 * Math.PI + seed) * (1 - t * 0.5) +
      6 * Math.sin(t * 31 + seed);
    dot(x, y);
  }
  const rows: Buffer[] = [];
  for (let y = 0; y < height; y += 1) {
    const row = Buffer.alloc(1 + width * 4);
    for (let x = 0; x < width; x += 1) row.set([20, 30, 90, alpha[y * width + x]!], 1 + x * 4);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return `data:image/png;base64,${png.toString('base64')}`;
}
