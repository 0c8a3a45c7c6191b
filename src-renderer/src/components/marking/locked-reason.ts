/** Why the marking fields cannot be changed: said beside each, instead of "Saved as you type". */
export function lockedReason(locked: boolean, readOnly: boolean): string | undefined {
  if (locked) {
    return 'Locked: this unit is signed off, so nothing on it can change. To change it, unlock it with a reason in the sign-off section.';
  }
  if (readOnly) return 'Read only: your role can see decisions but not change them.';
  return undefined;
}
