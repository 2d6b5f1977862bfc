import fc from 'fast-check';
import { scoreKeyResult, type ZoneKeyResult, zoneScore } from '../../src/core';

const growth = { kind: 'zone', start: 0, commit: 80, target: 100, stretch: 130 } as const;
const cut = { kind: 'zone', start: 500, commit: 400, target: 300, stretch: 250 } as const;
const at = (base: Omit<ZoneKeyResult, 'current'>, current: number) => zoneScore({ ...base, current });

describe('zone score', () => {
  it.each([
    [-5, 0],
    [0, 0],
    [40, 0.15],
    [80, 0.3],
    [90, 0.5],
    [100, 0.7],
    [115, 0.85],
    [130, 1],
    [200, 1],
  ])('grades %p as %p (commit 80, target 100, stretch 130)', (current, score) => {
    expect(at(growth, current)).toBeCloseTo(score, 12);
  });

  it('mirrors a key result that decreases', () => {
    expect(at(cut, 600)).toBe(0);
    expect(at(cut, 450)).toBeCloseTo(0.15, 12);
    expect(at(cut, 400)).toBeCloseTo(0.3, 12);
    expect(at(cut, 300)).toBeCloseTo(0.7, 12);
    expect(at(cut, 275)).toBeCloseTo(0.85, 12);
    expect(at(cut, 100)).toBe(1);
  });

  it.each([
    [{ ...growth, commit: 110 }, 'commit to target does not'],
    [{ ...growth, stretch: 100 }, 'target to stretch does not'],
    [{ ...growth, start: 90 }, 'start to commit does not'],
    [{ ...cut, start: 0 }, 'start to commit does not'],
    [{ ...growth, commit: 130 }, 'start, commit, target and stretch must all increase or all decrease'],
  ])('refuses values out of order, naming them (%#)', (kr, message) => {
    expect(() => at(kr, 50)).toThrow(message);
    expect(() => at(kr, 50)).toThrow(/got start -?\d+, commit \d+, target \d+, stretch \d+/);
  });

  const orderedZones = fc
    .tuple(
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
      fc.array(fc.double({ min: 1e-3, max: 1e4, noNaN: true }), { minLength: 3, maxLength: 3 }),
      fc.boolean(),
    )
    .map(([start, gaps, down]) => {
      const sign = down ? -1 : 1;
      const [a, b, c] = gaps as [number, number, number];
      return {
        kind: 'zone' as const,
        start,
        commit: start + sign * a,
        target: start + sign * (a + b),
        stretch: start + sign * (a + b + c),
      };
    });

  it('is continuous at every zone boundary', () => {
    fc.assert(
      fc.property(orderedZones, (kr) => {
        const edges = [kr.start, kr.commit, kr.target, kr.stretch];
        // A step much smaller than the narrowest zone: the score may move by its slope times the step.
        const narrowest = Math.min(...edges.slice(1).map((edge, i) => Math.abs(edge - (edges[i] as number))));
        const eps = narrowest * 1e-7;
        for (const edge of edges) {
          if (Math.abs(at(kr, edge - eps) - at(kr, edge + eps)) > 1e-6) return false;
        }
        return true;
      }),
    );
  });

  it('never falls as the key result moves its way, and stays within 0..1', () => {
    fc.assert(
      fc.property(
        orderedZones,
        fc.double({ min: -0.5, max: 1.5, noNaN: true }),
        fc.double({ min: -0.5, max: 1.5, noNaN: true }),
        (kr, p, q) => {
          const [lo, hi] = p <= q ? [p, q] : [q, p];
          const value = (t: number) => kr.start + t * (kr.stretch - kr.start);
          const a = at(kr, value(lo));
          const b = at(kr, value(hi));
          return a <= b + 1e-12 && a >= 0 && b <= 1;
        },
      ),
    );
  });
});

describe('uncapped', () => {
  it('shows over-achievement above 1 and regression as 0', () => {
    expect(scoreKeyResult({ kind: 'uncapped', start: 0, target: 100, current: 120 })).toBeCloseTo(1.2, 12);
    expect(scoreKeyResult({ kind: 'uncapped', start: 400, target: 280, current: 250 })).toBeCloseTo(1.25, 12);
    expect(scoreKeyResult({ kind: 'uncapped', start: 0, target: 100, current: -10 })).toBe(0);
    expect(scoreKeyResult({ kind: 'linear', start: 0, target: 100, current: 120 })).toBe(1);
  });
  it('refuses a target equal to its start', () => {
    expect(() => scoreKeyResult({ kind: 'uncapped', start: 5, target: 5, current: 6 })).toThrow(
      'an uncapped key result needs a distance to cover',
    );
  });
});
