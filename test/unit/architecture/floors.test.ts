import { describe, expect, it } from 'vitest';
import { contract } from '../../../src-main/api/contract';
import { operationNames, operationWrites } from '../../../src-main/kernel/operation-names';
import { againstPlan, domains, knownBackArrows, placeOf } from './floor-plan';
import { cycles, importsOf, sourceFiles, type ImportEdge } from './import-graph';

const files = [...sourceFiles('src-main'), ...sourceFiles('src-renderer/src')];
const edges: ImportEdge[] = files.flatMap(importsOf);
const internal = edges.filter((e) => e.internal);
const values = internal.filter((e) => !e.typeOnly);

const arrow = (e: ImportEdge) => `${e.from} -> ${e.to}`;

/** The place a file stands for the folder graph: its top folder, or the operation layer. */
function placeName(file: string): string {
  const place = placeOf(file);
  if (place.floor === 'domain') return place.domain!;
  if (place.floor === 'renderer') return `renderer/${file.split('/')[2]}`;
  return place.floor;
}

describe('the floor plan', () => {
  it('has no file that imports itself round a circle, counting type imports too', () => {
    const graph = new Map<string, Set<string>>(files.map((f) => [f, new Set()]));
    for (const e of internal) graph.get(e.from)?.add(e.to);
    expect(cycles(graph)).toEqual([]);
  });

  it('has no circle between folders once the listed back-arrows are taken out', () => {
    const known = new Set(knownBackArrows);
    const graph = new Map<string, Set<string>>();
    for (const e of values) {
      if (known.has(arrow(e))) continue;
      const a = placeName(e.from);
      const b = placeName(e.to);
      if (a === b) continue;
      if (!graph.has(a)) graph.set(a, new Set());
      graph.get(a)!.add(b);
    }
    expect(cycles(graph)).toEqual([]);
  });

  it('lists each domain after the domains it may use, so the table itself has no circle', () => {
    const seen = new Set<string>();
    const late: string[] = [];
    for (const [domain, uses] of Object.entries(domains)) {
      for (const used of uses) if (!seen.has(used)) late.push(`${domain} uses ${used}`);
      seen.add(domain);
    }
    expect(late).toEqual([]);
  });

  it('runs every value import down the floors, or names it as a known back-arrow', () => {
    const known = new Set(knownBackArrows);
    const against = values
      .map((e) => ({ e, why: againstPlan(e.from, e.to) }))
      .filter(({ e, why }) => why && !known.has(arrow(e)))
      .map(({ e, why }) => `${arrow(e)}: ${why}`);
    expect(against).toEqual([]);
  });

  it('lists only back-arrows that are still there, so the list can only shrink', () => {
    const present = new Set(values.filter((e) => againstPlan(e.from, e.to)).map(arrow));
    expect(knownBackArrows.filter((a) => !present.has(a))).toEqual([]);
  });

  it('gives the renderer and the preload main-process values from the kernel alone', () => {
    const outside = values
      .filter((e) => ['renderer', 'preload'].includes(placeOf(e.from).floor))
      .filter((e) => e.to.startsWith('src-main/') && placeOf(e.to).floor !== 'kernel')
      .map(arrow);
    expect(outside).toEqual([]);
  });

  it('keeps the kernel free of packages, Node and every other folder', () => {
    const kernel = edges.filter((e) => placeOf(e.from).floor === 'kernel');
    expect(kernel.length).toBeGreaterThan(0);
    const outside = kernel
      .filter((e) => !e.internal || placeOf(e.to).floor !== 'kernel')
      .map(arrow);
    expect(outside).toEqual([]);
  });

  it('puts every folder of src-main on a floor the plan names', () => {
    const unplaced = [...new Set(sourceFiles('src-main').map((f) => placeOf(f)))]
      .filter((p) => p.floor === 'domain' && !(p.domain! in domains))
      .map((p) => p.domain);
    expect([...new Set(unplaced)]).toEqual([]);
  });
});

describe('the plain list of operation names', () => {
  it('names every operation of the contract, and says which change anything, as the contract does', () => {
    const fromContract = Object.fromEntries(
      Object.entries(contract).map(([name, op]) => [name, (op as { writes: boolean }).writes]),
    );
    expect(operationWrites).toEqual(fromContract);
    expect([...operationNames].sort()).toEqual(Object.keys(contract).sort());
  });
});
