import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Cell } from '../../../src-main/storage/change-log/document-cells';
import {
  ErasedText,
  learnerTombstones,
  scrubErasedText,
  wordCount,
  type ErasedIdentity,
  type ErasedLearner,
} from '../../../src-main/storage/learner-tombstones';

const hash = (v: string) => createHash('sha256').update(`salt\u0000${v}`).digest('hex');
/** Recognises the erased values by their hashes alone, as a tombstone does. */
function matcher(values: string[]): (text: string) => boolean {
  const known = new Set(values.map(hash));
  return (text) => known.has(hash(text));
}

/** What identifies her, hashed with the centre's one salt, with the word counts of each. */
function identityOf(values: string[]): ErasedIdentity {
  const centreHash = (v: string) => createHash('sha256').update(`centre\u0000${v}`).digest('hex');
  return {
    hash: centreHash,
    hashes: new Set(values.map(centreHash)),
    wordCounts: [...new Set(values.map(wordCount))],
  };
}

const erased: ErasedLearner = {
  learnerId: 'ln-erased',
  pseudonym: 'Learner 7F3A',
  isErasedValue: matcher([
    'Zoë O’Brien',
    '1000000019',
    'Harbour Hotel Group',
    'york station',
    'Dyslexia: 25% extra time; coloured overlays.',
    'Observation of practice',
    'Line manager',
  ]),
  identity: identityOf(['Zoë O’Brien', '1000000019', 'Harbour Hotel Group', 'york station']),
};
const scrubOf = (doc: Record<string, unknown>) => learnerTombstones([erased])(doc);
const cell = (k: string, f: string, x: unknown): Cell => ({ id: `${k}\u0000${f}`, k, f, x });

describe('scrubErasedText', () => {
  it('finds each erased value by its hash, at word and quote boundaries, longest first', () => {
    const text =
      "Zoë O’Brien's work (1000000019): only learner employed by 'Harbour Hotel Group', with needs 'Dyslexia: 25% extra time; coloured overlays.'";
    expect(scrubErasedText(text, erased.isErasedValue!)).toBe(
      "[erased]'s work ([erased]): only learner employed by '[erased]', with needs '[erased]'",
    );
  });

  it('leaves text that holds no erased value as the very same string', () => {
    const text = 'Zoë visited the Harbour Hotel on 10000000190.';
    expect(scrubErasedText(text, erased.isErasedValue!)).toBe(text);
  });
});

describe('learnerTombstones', () => {
  it('has nothing to scrub in a document that names no erased learner', () => {
    expect(scrubOf({ samples: [{ id: 's1', learnerId: 'ln-other', location: 'Leeds' }] })).toBe(
      null,
    );
    expect(learnerTombstones([])({ learnerId: 'ln-erased' })).toBe(null);
  });

  it('puts the pseudonym in a name kept beside the id, and keeps what another learner shares', () => {
    const samples = [
      {
        learnerId: 'ln-erased',
        learner: 'Zoë O’Brien',
        unit: 'Unit 1',
        note: 'at Harbour Hotel Group',
      },
      {
        learnerId: 'ln-other',
        learner: 'Owen Griffiths',
        unit: 'Unit 1',
        note: 'at Harbour Hotel Group',
      },
    ];
    // Owen, still on the roster, works for the same employer: it stays his.
    const kept = new Set(['Owen Griffiths', 'Harbour Hotel Group']);
    const scrub = learnerTombstones([erased], new ErasedText([erased], kept))({ samples })!;
    const out = scrub('$', cell('', 'samples', samples));
    expect(out.x).toEqual([
      { learnerId: 'ln-erased', learner: 'Learner 7F3A', unit: 'Unit 1', note: 'at [erased]' },
      samples[1],
    ]);
    const untouched = cell('', 'centreId', 'centre-1');
    expect(scrub('$', untouched)).toBe(untouched);
  });

  it('scrubs every field of a record that names the learner, but never its proof or ids', () => {
    const review = {
      id: 'sr-1',
      learnerId: 'ln-erased',
      feedbackToAssessor: 'Zoë O’Brien (1000000019) was well supported.',
      proof: { signed: 'Zoë O’Brien' },
    };
    const other = { id: 'sr-2', learnerId: 'ln-other', feedbackToAssessor: 'Owen helped.' };
    const scrub = scrubOf({ reviews: [review, other] })!;
    expect(scrub('reviews', cell('sr-1', 'feedbackToAssessor', review.feedbackToAssessor)).x).toBe(
      '[erased] ([erased]) was well supported.',
    );
    const proof = cell('sr-1', 'proof', review.proof);
    expect(scrub('reviews', proof)).toBe(proof);
    const theirs = cell('sr-2', 'feedbackToAssessor', other.feedbackToAssessor);
    expect(scrub('reviews', theirs)).toBe(theirs);
  });

  it('scrubs the whole of a document about the learner’s work (a standardisation record)', () => {
    const doc = { sample: { learnerId: 'ln-erased', description: 'x' }, agreed: {} };
    const scrub = scrubOf(doc)!;
    expect(scrub('$', cell('', 'agreed', { rationale: 'Zoë O’Brien met it.' })).x).toEqual({
      rationale: '[erased] met it.',
    });
  });

  it('knows the learner by id and pseudonym alone until the erased values’ hashes are read', () => {
    const bare = learnerTombstones([{ learnerId: 'ln-erased', pseudonym: 'Learner 7F3A' }]);
    const samples = [{ learnerId: 'ln-erased', learner: 'Zoë O’Brien', uln: '1000000019' }];
    expect(bare({ samples })!('$', cell('', 'samples', samples)).x).toEqual([
      { learnerId: 'ln-erased', learner: 'Learner 7F3A', uln: '' },
    ]);
  });

  it('finds her values in text that does not name her: another learner’s review, a plan’s note', () => {
    const review = { id: 'sr-2', learnerId: 'ln-other', feedbackToAssessor: 'Zoë O’Brien helped.' };
    const scrub = scrubOf({ reviews: [review], note: 'Visit Harbour Hotel Group (1000000019).' })!;
    expect(scrub('reviews', cell('sr-2', 'feedbackToAssessor', review.feedbackToAssessor)).x).toBe(
      '[erased] helped.',
    );
    const note = cell('', 'note', 'Visit Harbour Hotel Group (1000000019).');
    expect(scrub('$', note).x).toBe('Visit [erased] ([erased]).');
    const proof = cell('sr-2', 'proof', { signed: 'Zoë O’Brien' });
    expect(scrub('reviews', proof)).toBe(proof);
  });

  it('outside what is about her, finds only what identifies her, in any case', () => {
    const text = 'Observation of practice at york station: Line manager confirmed Zoë O’Brien.';
    const review = { id: 'sr-2', learnerId: 'ln-other', feedbackToAssessor: text };
    const scrub = scrubOf({ reviews: [review] })!;
    expect(scrub('reviews', cell('sr-2', 'feedbackToAssessor', text)).x).toBe(
      'Observation of practice at [erased]: Line manager confirmed [erased].',
    );
    // In her own record, every value of hers goes.
    const own = { id: 'sr-1', learnerId: 'ln-erased', feedbackToAssessor: text };
    expect(
      scrubOf({ reviews: [own] })!('reviews', cell('sr-1', 'feedbackToAssessor', text)).x,
    ).toBe('[erased] at [erased]: [erased] confirmed [erased].');
    const untouched = { note: 'Observation of practice: Line manager confirmed.' };
    expect(scrubOf(untouched)).toBe(null);
  });

  it('hashes a run of words once for all erased learners, and only runs as long as their values', () => {
    const hashed: string[] = [];
    const hash = (v: string) => (hashed.push(v), createHash('sha256').update(v).digest('hex'));
    const learner = (id: string, name: string): ErasedLearner => ({
      learnerId: id,
      pseudonym: `Learner ${id}`,
      isErasedValue: matcher([name]),
      identity: { hash, hashes: new Set([hash(name)]), wordCounts: [2] },
    });
    const text = new ErasedText([learner('a', 'Ann Lee'), learner('b', 'Bob Ray')]);
    hashed.length = 0;
    const note = 'Met Ann Lee and Bob Ray on site today.';
    expect(text.scrub(note)).toBe('Met [erased] and [erased] on site today.');
    // Eight words: at most seven runs of two, each hashed once for both learners.
    expect(hashed.length).toBeLessThanOrEqual(7);
    expect(new Set(hashed).size).toBe(hashed.length);
    expect(hashed.every((run) => run.split(' ').length === 2)).toBe(true);
  });

  it('keeps a value someone still on the roster holds, outside what is about her', () => {
    const kept = new Set(['Harbour Hotel Group']);
    const tombstones = learnerTombstones([erased], new ErasedText([erased], kept));
    const doc = { note: 'Zoë O’Brien and Owen, both at Harbour Hotel Group.' };
    expect(tombstones(doc)!('$', cell('', 'note', doc.note)).x).toBe(
      '[erased] and Owen, both at Harbour Hotel Group.',
    );
    expect(tombstones({ note: 'Owen at Harbour Hotel Group.' })).toBe(null);
  });

  it('never takes the centre’s own people out, even from what is about her', () => {
    // An assessor wrote one of her evidence items: his name is among the erased values.
    const withAssessor = { ...erased, isErasedValue: matcher(['Zoë O’Brien', 'Tom Fletcher']) };
    const text = new ErasedText([withAssessor], new Set(), new Set(['Tom Fletcher']));
    const samples = [{ learnerId: 'ln-erased', note: 'Zoë O’Brien, assessed by Tom Fletcher' }];
    const scrub = learnerTombstones([withAssessor], text)({ samples })!;
    expect(scrub('$', cell('', 'samples', samples)).x).toEqual([
      { learnerId: 'ln-erased', note: '[erased], assessed by Tom Fletcher' },
    ]);
  });
});
