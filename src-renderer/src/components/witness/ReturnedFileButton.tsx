import { Button } from '@mantine/core';
import type { FileToAdd } from '../../api/add-evidence-file';
import { useChooseFiles } from '../../api/choose-files';

interface Props {
  label: string;
  accept: string;
  testId: string;
  onChosen: (file: FileToAdd) => void;
  variant?: string;
}

/** Picks one returned form: the desktop app's file dialog, or the browser's file input. */
export function ReturnedFileButton({ label, accept, testId, onChosen, variant }: Props) {
  const { choose, inputProps } = useChooseFiles(([first]) => {
    if (first) onChosen(first);
  }, 'No file was chosen');
  return (
    <>
      <Button variant={variant ?? 'default'} onClick={choose}>
        {label}
      </Button>
      <input {...inputProps} accept={accept} aria-label={label} data-testid={testId} />
    </>
  );
}
