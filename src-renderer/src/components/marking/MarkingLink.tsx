import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';
import { moveTo } from '../../api/address';

/** A link to one learner's unit on the marking screen: a real address, so it opens in a new tab too. */
export function MarkingLink({
  learnerId,
  unitId,
  children,
}: {
  learnerId: string;
  unitId: string;
  children: ReactNode;
}) {
  const query = new URLSearchParams({ page: 'marking', learner: learnerId, unit: unitId });
  return (
    <Anchor
      href={`?${query.toString()}`}
      onClick={(e) => {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
        e.preventDefault();
        moveTo({ page: 'marking', learner: learnerId, unit: unitId }, { keep: false });
      }}
    >
      {children}
    </Anchor>
  );
}
