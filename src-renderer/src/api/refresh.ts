import { createContext, useEffect, useState } from 'react';
import { call } from './client';

/** How many times the open workspace has been changed by another program. */
export const RefreshContext = createContext(0);

const POLL_MS = 2000;

/**
 * Asks the workbench every two seconds whether a file was changed outside the app (a sync
 * client, an editor). The question is cheap; when the answer changes, screens reload.
 */
export function useOutsideChanges(): number {
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    const timer = window.setInterval(() => {
      call('workspace:changes', {})
        .then(({ generation: next }) => {
          if (live) setGeneration(next);
        })
        .catch(() => undefined);
    }, POLL_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, []);
  return generation;
}
