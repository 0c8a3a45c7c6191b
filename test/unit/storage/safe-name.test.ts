import { describe, expect, it } from 'vitest';
import { safeName } from '../../../src-main/storage/safe-name';

describe('safeName', () => {
  it.each([
    ["Zoë O'Brien", 'zoe-obrien'],
    ['Łukasz Wójcik', 'lukasz-wojcik'],
    ['Nguyễn Thị Hoa', 'nguyen-thi-hoa'],
    ['Siobhán Ní Bhriain', 'siobhan-ni-bhriain'],
    ['../../etc/passwd', 'etc-passwd'],
    ['CON', 'con'],
    ['   ', 'untitled'],
    ['???', 'untitled'],
  ])('%s becomes %s', (input, expected) => {
    expect(safeName(input)).toBe(expected);
  });

  it('keeps names short enough for every file system', () => {
    expect(safeName('a '.repeat(200)).length).toBeLessThanOrEqual(60);
  });
});
