import { describe, expect, it } from 'vitest';
import { issuedRecordEntry, verifyIssuedDocx } from '../../../src-main/record';

const details = {
  recordId: 'ur-zo-0001',
  kind: 'unit-record' as const,
  learnerId: 'ln-4f0c9a1b2d',
  unitRef: 'J/508/4003',
  format: 'docx' as const,
  issuedAt: '2025-03-14T12:00:00.000Z',
  issuedBy: 'as-1a2b3c4d5e',
};

describe('issued DOCX records', () => {
  const bytes = new TextEncoder().encode('pretend this is a docx');
  const entry = issuedRecordEntry(bytes, details);

  it('records the SHA-256 of the file as issued', () => {
    expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('accepts the file as issued and names the record', () => {
    const check = verifyIssuedDocx(bytes, [entry]);
    expect(check.ok).toBe(true);
    expect(check.match?.recordId).toBe('ur-zo-0001');
  });

  it('rejects a file changed by even one byte', () => {
    const changed = Uint8Array.from(bytes);
    changed[0] = changed[0]! ^ 1;
    const check = verifyIssuedDocx(changed, entry);
    expect(check.ok).toBe(false);
    expect(check.message).toMatch(/not record ur-zo-0001 as issued/);
  });
});
