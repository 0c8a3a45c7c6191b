import { useCallback, useMemo, useSyncExternalStore } from 'react';

/**
 * What the screen shows lives in the address's query (`?page=marking&learner=…&unit=…`), so
 * Back and Forward, reload, bookmarks and a second tab or window all work, in the browser and in
 * the desktop app alike. The query, not the path, because both hosts serve the one page at `/`;
 * the fragment is the HTTP host's token.
 */

const CHANGED = 'workbench:address-changed';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

const currentSearch = () => window.location.search;

/** The address's query, updated on Back, Forward and every move inside the app. */
export function useAddress(): URLSearchParams {
  const search = useSyncExternalStore(subscribe, currentSearch);
  return useMemo(() => new URLSearchParams(search), [search]);
}

export type AddressChange = Record<string, string | null | undefined>;

export interface MoveOptions {
  /** Change the current step of the history rather than add one (for moves Back should skip). */
  replace?: boolean;
  /** Keep the values the change does not name (the default); false starts from an empty query. */
  keep?: boolean;
  /**
   * Only write it down: nothing re-renders (for where the marking screen's highlight is, which
   * moves on every key press and is read back only when the screen opens).
   */
  quiet?: boolean;
}

/** Moves to another address in the app; Back returns to this one unless `replace` is set. */
export function moveTo(
  change: AddressChange,
  { replace = false, keep = true, quiet = false }: MoveOptions = {},
) {
  const next = new URLSearchParams(keep ? window.location.search : '');
  for (const [name, value] of Object.entries(change)) {
    if (value === null || value === undefined || value === '') next.delete(name);
    else next.set(name, value);
  }
  const query = next.toString();
  const url = `${window.location.pathname}${query ? `?${query}` : ''}`;
  if (url === `${window.location.pathname}${window.location.search}`) return;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  if (!quiet) window.dispatchEvent(new Event(CHANGED));
}

/** One value of the address, used like state: setting it is a step Back can undo. */
export function useAddressValue(
  name: string,
): [string | null, (value: string | null, options?: MoveOptions) => void] {
  const address = useAddress();
  const set = useCallback(
    (value: string | null, options?: MoveOptions) => moveTo({ [name]: value }, options),
    [name],
  );
  return [address.get(name), set];
}
