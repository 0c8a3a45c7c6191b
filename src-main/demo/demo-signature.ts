import { encodePng } from './png';

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
  const png = encodePng(width, height, 'rgba', rows);
  return `data:image/png;base64,${png.toString('base64')}`;
}
