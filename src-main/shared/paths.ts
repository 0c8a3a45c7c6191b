import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const APP_FOLDER = 'assessor-verifier-workbench';

/** The project root, found from this file both as source (src-main/shared) and bundled (out/main). */
export function appRoot(): string {
  return path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
}

export function defaultResourcesDir(): string {
  return path.join(appRoot(), 'resources');
}

export function defaultRendererDir(): string {
  return path.join(appRoot(), 'out', 'renderer');
}

/**
 * Where this computer's preferences and the demo centre live, matching Electron's own choice
 * of folder; WORKBENCH_USER_DATA overrides it (each test gets its own).
 */
export function defaultUserDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.WORKBENCH_USER_DATA) return path.resolve(env.WORKBENCH_USER_DATA);
  const home = os.homedir();
  if (process.platform === 'win32') {
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_FOLDER);
  }
  if (process.platform === 'darwin') {
    return path.join(home, 'Library', 'Application Support', APP_FOLDER);
  }
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_FOLDER);
}
