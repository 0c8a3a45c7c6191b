import { shell } from 'electron';

/** Opens web links in the user's browser; anything that is not plain http(s) is refused. */
export function openExternalSafely(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return false;
  if (parsed.username || parsed.password) return false;
  void shell.openExternal(parsed.toString());
  return true;
}
