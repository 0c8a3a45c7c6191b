import type { DecisionStatus } from '../../../../src-main/decision/marking-types';

/** How each decision reads on screen and the colour of its chip. */
export const statusLabel: Record<DecisionStatus, string> = {
  'not-assessed': 'Not yet assessed',
  met: 'Met',
  'not-yet-met': 'Not yet met',
};

export const statusColour: Record<DecisionStatus, string> = {
  'not-assessed': 'gray',
  met: 'green',
  'not-yet-met': 'orange',
};

/** A criterion with parts reads as met only when every part is, not yet met when any is. */
export function combinedStatus(statuses: DecisionStatus[]): DecisionStatus {
  if (statuses.length && statuses.every((s) => s === 'met')) return 'met';
  if (statuses.some((s) => s === 'not-yet-met')) return 'not-yet-met';
  return 'not-assessed';
}

export const signOffLabel = {
  open: 'Open',
  'awaiting-countersignature': 'Awaiting countersignature',
  'signed-off': 'Signed off',
} as const;
