import { UserError } from '../kernel/user-error';

/** How a person signs on screen: drawn with a pen, mouse or finger, or typed where allowed. */
export interface SignatureMark {
  method: 'drawn' | 'typed';
  image?: string;
  typedName?: string;
}

/**
 * A signature is drawn, or typed where the centre accepts typed signatures, and never blank:
 * the one rule for sign-off declarations, assessment plans and progress reviews.
 */
export function assertSignatureGiven(mark: SignatureMark, allowTyped: boolean): void {
  if (mark.method === 'typed' && !allowTyped) {
    throw new UserError(
      'forbidden',
      'This centre does not accept typed signatures. Draw the signature with the mouse, a pen or a finger.',
    );
  }
  if (mark.method === 'drawn' && !mark.image) {
    throw new UserError('invalid-input', 'Draw the signature before saving it.');
  }
  if (mark.method === 'typed' && !mark.typedName?.trim()) {
    throw new UserError('invalid-input', 'Type the full name to sign with.');
  }
}

/** The mark as a record keeps it, once given: the drawing, or the name as typed (trimmed). */
export function keptMark(mark: SignatureMark): { image: string } | { typedName: string } {
  return mark.method === 'drawn'
    ? { image: mark.image ?? '' }
    : { typedName: mark.typedName!.trim() };
}
