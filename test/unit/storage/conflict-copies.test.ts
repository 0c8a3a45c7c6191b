import { describe, expect, it } from 'vitest';
import { conflictCopyOf } from '../../../src-main/storage/conflict-copies';

describe("sync engines' conflict copies", () => {
  it.each([
    ['Syncthing', 'portfolio.sync-conflict-20261202-064501-NNKV7RA.json'],
    ['Dropbox', 'portfolio (conflicted copy).json'],
    ['Dropbox, named', "portfolio (Priya's conflicted copy 2026-12-02).json"],
    ['Nextcloud / ownCloud', 'portfolio (conflicted copy 2026-12-02 064501).json'],
    ['OneDrive', 'portfolio-DESKTOP-4KQ1Q.json'],
    ['Google Drive', 'portfolio (1).json'],
  ])('knows %s naming', (_engine, name) => {
    expect(conflictCopyOf(name, ['portfolio.json'])).toBe('portfolio.json');
  });

  it('knows copies of change files, whatever the writer is called', () => {
    expect(
      conflictCopyOf('office-pc-4242-a1b2c3.sync-conflict-20261202-064501-NNKV7RA.jsonl', [
        '*.jsonl',
      ]),
    ).toBe('office-pc-4242-a1b2c3.jsonl');
    expect(conflictCopyOf('office-pc-4242-a1b2c3 (1).jsonl', ['*.jsonl'])).toBe(
      'office-pc-4242-a1b2c3.jsonl',
    );
  });

  it('leaves ordinary files alone', () => {
    for (const name of [
      'portfolio.json',
      'centre.json',
      'README.txt',
      'portfolio.json.damaged-x',
    ]) {
      expect(conflictCopyOf(name, ['portfolio.json'])).toBeNull();
    }
    expect(conflictCopyOf('office-pc-4242-a1b2c3.jsonl', ['*.jsonl'])).toBeNull();
  });
});
