import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../../storage/atomic-write';

const boundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
});

const stateSchema = z.object({ bounds: boundsSchema, maximised: z.boolean() });

export type WindowState = z.infer<typeof stateSchema>;
export type Rectangle = { x: number; y: number; width: number; height: number };

const fallback: WindowState = { bounds: { width: 1280, height: 820 }, maximised: false };

/** Last session's size and place, unless that place is on a screen no longer attached. */
export async function loadWindowState(
  userDataDir: string,
  workAreas: Rectangle[],
): Promise<WindowState> {
  try {
    const saved = stateSchema.parse(
      JSON.parse(await readFile(path.join(userDataDir, 'window-state.json'), 'utf8')),
    );
    const { x, y, width, height } = saved.bounds;
    if (x === undefined || y === undefined) return saved;
    const visible = workAreas.some(
      (a) =>
        x < a.x + a.width - 50 && x + width > a.x + 50 && y >= a.y - 10 && y < a.y + a.height - 50,
    );
    return visible ? saved : { ...saved, bounds: { width, height } };
  } catch {
    return fallback;
  }
}

export async function saveWindowState(userDataDir: string, state: WindowState): Promise<void> {
  await writeFileAtomic(path.join(userDataDir, 'window-state.json'), JSON.stringify(state));
}
