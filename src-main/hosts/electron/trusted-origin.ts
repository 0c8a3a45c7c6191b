export const APP_SCHEME = 'app';
export const APP_HOST = 'workbench';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * Whether a URL belongs to the workbench's own pages: the app:// origin, or the dev server
 * while developing. Parsed and compared part by part, never substring-matched, so
 * `https://evil/?next=app://workbench` or `app://workbench.evil` do not pass.
 */
export function isAppUrl(url: string | undefined | null, devServerUrl?: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (!devServerUrl) return false;
  try {
    return parsed.origin === new URL(devServerUrl).origin;
  } catch {
    return false;
  }
}
