import type { Learner } from '../centre/centre-schema';
import { identitySalt, valueHash } from '../portfolio/erasure-scrub';
import type { Portfolio } from '../portfolio/portfolio-schema';
import type { CellScrub } from '../storage/document-tombstones';
import {
  ErasedText,
  learnerTombstones,
  type ErasedIdentity,
  type ErasedLearner,
} from '../storage/learner-tombstones';

/** What the QA files' tombstones are read from: the roster, and each erased portfolio. */
export interface ErasureSource {
  readonly centre: {
    readonly learners: readonly Learner[];
    /** Who else the centre holds (staff, witnesses on the roster): their details stay theirs. */
    readonly staff?: readonly unknown[];
    readonly witnesses?: readonly unknown[];
    readonly awardingBodies?: readonly unknown[];
    readonly centre?: { readonly id?: string; readonly name: string };
  };
  portfolio(learnerId: string): Promise<{ readonly data: Portfolio }>;
}

function stringsIn(value: unknown, into: Set<string>): Set<string> {
  if (typeof value === 'string') into.add(value.normalize('NFC').trim());
  else if (Array.isArray(value)) for (const v of value) stringsIn(v, into);
  else if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) stringsIn(v, into);
  }
  return into;
}

/**
 * What the centre still holds of others than the erased learners: `kept`, what learners on the
 * roster hold (an employer two learners share), stays outside what is about the erased learner;
 * `always`, its staff, witnesses on the roster and its own names, stays everywhere (an assessor
 * may have written an erased evidence item, a witness signed an erased testimony). A witness's
 * employer is not among them: it is most often the learner's own, kept on the witness roster.
 */
function keptValues(centre: ErasureSource['centre']): { kept: Set<string>; always: Set<string> } {
  const live = centre.learners.filter((l) => !l.erased);
  const witnesses = (centre.witnesses ?? []).map((w) =>
    typeof w === 'object' && w !== null ? { ...w, employer: undefined } : w,
  );
  const always = stringsIn([centre.staff, witnesses, centre.awardingBodies], new Set());
  if (centre.centre) always.add(centre.centre.name.trim());
  return { kept: stringsIn(live, new Set()), always };
}

/**
 * The tombstones every QA file of a workspace is read with (sampling plans and reviews,
 * standardisation records, EQA visit records): each learner the roster says was erased, by id
 * and pseudonym, and the salted hashes of their erased values from their portfolio's erasure,
 * so an older copy synced back never brings a name, ULN or other erased detail back. Nothing
 * here holds an erased value.
 */
/** How an erasure's values are known: all of them, and what identifies the learner. */
interface Known {
  isErasedValue: (text: string) => boolean;
  identity?: ErasedIdentity;
}

export class QaTombstones {
  private readonly hashes = new Map<string, Known | null>();
  private identityHash: { salt: string; hash: (text: string) => string } | null = null;
  private text: { version: string; text: ErasedText } | null = null;

  constructor(private readonly source: ErasureSource) {}

  private erasedInRoster(): Learner[] {
    return this.source.centre.learners.filter((l) => l.erased);
  }

  /** Which erasures the QA files are folded with; a new one folds them again. */
  version(): string {
    return this.erasedInRoster()
      .map((l) => `${l.id}${this.hashes.get(l.id) ? '#' : ''}`)
      .join(',');
  }

  /** Reads the hashes of erasures the roster gained since (the portfolio may come later). */
  async refresh(): Promise<void> {
    for (const learner of this.erasedInRoster()) {
      if (this.hashes.get(learner.id)) continue;
      this.hashes.set(learner.id, await this.matcherOf(learner.id));
    }
  }

  /** The centre's one identity hash (its salt from the centre's id), the same for every erasure. */
  private hashOfIdentity(): ((text: string) => string) | null {
    const id = this.source.centre.centre?.id;
    if (!id) return null;
    const salt = identitySalt(id);
    if (this.identityHash?.salt !== salt) {
      this.identityHash = { salt, hash: (text) => valueHash(salt, text) };
    }
    return this.identityHash.hash;
  }

  private async matcherOf(learnerId: string): Promise<Known | null> {
    try {
      const { data } = await this.source.portfolio(learnerId);
      const erasure = data.erasures.find((e) => e.scope === 'learner');
      if (!erasure) return null;
      const known = new Set(erasure.valueHashes);
      const hash = this.hashOfIdentity();
      const identity = hash
        ? {
            hash,
            hashes: new Set(erasure.identityHashes),
            wordCounts: erasure.identityWordCounts,
          }
        : undefined;
      return { isErasedValue: (text) => known.has(valueHash(erasure.salt, text)), identity };
    } catch {
      // Not here yet, or unreadable: the id and pseudonym still stand; asked again next time.
      return null;
    }
  }

  erased(): ErasedLearner[] {
    return this.erasedInRoster().map((l) => ({
      learnerId: l.id,
      pseudonym: l.erased!.pseudonym,
      isErasedValue: this.hashes.get(l.id)?.isErasedValue,
      identity: this.hashes.get(l.id)?.identity,
    }));
  }

  /** The erased values' finder for today's erasures, kept while they stand (it remembers texts). */
  erasedText(): ErasedText {
    const version = this.version();
    if (this.text?.version !== version) {
      const { kept, always } = keptValues(this.source.centre);
      const text = new ErasedText(this.erased(), kept, always);
      this.text = { version, text };
    }
    return this.text.text;
  }

  /** The spec's hooks: how a QA document's cells are scrubbed, and when to fold it again. */
  readonly hooks = {
    tombstones: (doc: Readonly<Record<string, unknown>>): CellScrub | null =>
      learnerTombstones(this.erased(), this.erasedText())(doc),
    tombstonesVersion: () => this.version(),
  };
}

const all = new WeakMap<ErasureSource, QaTombstones>();

/** The one set of QA tombstones of a workspace object. */
export function qaTombstones(workspace: ErasureSource): QaTombstones {
  let found = all.get(workspace);
  if (!found) all.set(workspace, (found = new QaTombstones(workspace)));
  return found;
}
