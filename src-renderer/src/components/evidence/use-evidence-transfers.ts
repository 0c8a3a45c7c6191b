import { useRef, useState } from 'react';
import {
  addEvidenceFile,
  type EvidenceDetailsInput,
  type FileToAdd,
} from '../../api/add-evidence-file';
import { notifyDone, notifyError } from '../../api/notify';

export interface Transfer {
  key: number;
  name: string;
  fraction: number;
  cancel: () => void;
}

/** Files being copied into the portfolio, each with how far it has come and a way to cancel. */
export function useEvidenceTransfers(learnerId: string, onAdded: () => void) {
  const [transfers, setTransfers] = useState<Transfer[]>([]);
  const counter = useRef(0);

  function add(batch: FileToAdd[], described: EvidenceDetailsInput) {
    for (const [i, file] of batch.entries()) {
      const key = (counter.current += 1);
      const title =
        batch.length > 1 ? `${described.title} (${i + 1} of ${batch.length})` : described.title;
      const adding = addEvidenceFile(learnerId, file, { ...described, title }, (fraction) =>
        setTransfers((all) => all.map((t) => (t.key === key ? { ...t, fraction } : t))),
      );
      setTransfers((all) => [...all, { key, name: file.name, fraction: 0, cancel: adding.cancel }]);
      adding.done
        .then(() => {
          notifyDone(`Added ${file.name}.`);
          onAdded();
        })
        .catch((error: unknown) => notifyError(`${file.name} was not added`, error))
        .finally(() => setTransfers((all) => all.filter((t) => t.key !== key)));
    }
  }

  return { transfers, add };
}
