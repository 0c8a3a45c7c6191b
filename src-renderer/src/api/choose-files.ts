import { useRef, type ChangeEvent } from 'react';
import type { FileToAdd } from './add-evidence-file';
import { call, isDesktop } from './client';
import { notifyError } from './notify';

type Staged = { name: string; size: number; stagedId: string };

/** Files the desktop app staged (from its file dialog or a drop), ready to add by their id. */
export const stagedFiles = (picked: Staged[]): FileToAdd[] =>
  picked.map((p) => ({
    name: p.name,
    size: p.size,
    source: { kind: 'staged', stagedId: p.stagedId },
  }));

/** Files a browser holds (from its file input or a drop), to upload when added. */
export const browserFiles = (list: File[]): FileToAdd[] =>
  list.map((file) => ({ name: file.name, size: file.size, source: { kind: 'browser', file } }));

/**
 * Choosing files with a button: the desktop app's own file dialog, or in a browser the hidden
 * file input whose props this gives. `failed` titles the toast when the dialog fails.
 */
export function useChooseFiles(onChosen: (files: FileToAdd[]) => void, failed: string) {
  const input = useRef<HTMLInputElement>(null);
  async function choose() {
    if (!isDesktop) {
      input.current?.click();
      return;
    }
    try {
      onChosen(stagedFiles(await call('evidence:choose-files', {})));
    } catch (error) {
      notifyError(failed, error);
    }
  }
  const inputProps = {
    ref: input,
    type: 'file',
    hidden: true,
    onChange: (e: ChangeEvent<HTMLInputElement>) => {
      onChosen(browserFiles([...(e.currentTarget.files ?? [])]));
      e.currentTarget.value = '';
    },
  } as const;
  return { choose: () => void choose(), inputProps };
}
