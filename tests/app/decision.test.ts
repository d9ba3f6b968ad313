import { describe, expect, it } from 'vitest';
import {
  CONSENSUS_FRAMES,
  ConsensusTracker,
  identify,
  verifyClaim,
  type Template,
  type Verdict,
} from '../../src/app/logic/decision';
import { euclideanDistance } from '../../src/app/logic/vector';

const v = (...values: number[]) => Float32Array.from(values);
const alice: Template = { personId: 'a', name: 'Alice', mean: v(0, 0, 0) };
const bob: Template = { personId: 'b', name: 'Bob', mean: v(1, 0, 0) };

describe('vector maths', () => {
  it('euclidean distance', () => {
    expect(euclideanDistance(v(0, 0), v(3, 4))).toBe(5);
    expect(() => euclideanDistance(v(1), v(1, 2))).toThrow(/length/);
  });
});

describe('verifyClaim (1:1)', () => {
  it('accepts at or below the threshold, rejects above it', () => {
    // 0.5 and 0.625 are exact in float32.
    expect(verifyClaim(v(0.5, 0, 0), alice, 0.5)).toEqual({
      outcome: 'match',
      personId: 'a',
      name: 'Alice',
      distance: 0.5,
    });
    expect(verifyClaim(v(0.625, 0, 0), alice, 0.6)).toEqual({
      outcome: 'no-match',
      personId: 'a',
      name: 'Alice',
      distance: 0.625,
    });
  });
});

describe('identify (1:N)', () => {
  it('names the nearest person within the threshold', () => {
    const verdict = identify(v(0.8, 0, 0), [alice, bob], 0.6);
    expect(verdict).toMatchObject({ outcome: 'match', personId: 'b', name: 'Bob' });
    expect(verdict.distance).toBeCloseTo(0.2, 6);
  });

  it('no match when even the nearest is too far, but says who was nearest', () => {
    const verdict = identify(v(0, 5, 0), [alice, bob], 0.6);
    expect(verdict).toMatchObject({ outcome: 'no-match', personId: 'a', name: 'Alice' });
  });

  it('no one enrolled: no match', () => {
    expect(identify(v(0, 0, 0), [], 0.6)).toEqual({
      outcome: 'no-match',
      personId: null,
      name: null,
      distance: Infinity,
    });
  });
});

describe('ConsensusTracker', () => {
  const match = (personId: string, distance: number): Verdict => ({
    outcome: 'match',
    personId,
    name: personId,
    distance,
  });
  const miss = (distance: number, personId: string | null = null): Verdict => ({
    outcome: 'no-match',
    personId,
    name: personId,
    distance,
  });

  it(`decides after ${CONSENSUS_FRAMES} agreeing frames, with their mean distance`, () => {
    const tracker = new ConsensusTracker();
    expect(tracker.push(match('a', 0.3))).toBeNull();
    expect(tracker.push(match('a', 0.4))).toBeNull();
    const decision = tracker.push(match('a', 0.5));
    expect(decision).toMatchObject({ outcome: 'match', personId: 'a', distances: [0.3, 0.4, 0.5] });
    expect(decision!.distance).toBeCloseTo(0.4, 9);
  });

  it('a disagreeing frame starts the count again', () => {
    const tracker = new ConsensusTracker(3);
    tracker.push(match('a', 0.3));
    tracker.push(match('a', 0.3));
    expect(tracker.push(match('b', 0.3))).toBeNull();
    expect(tracker.streak).toBe(1);
    tracker.push(miss(0.9));
    expect(tracker.streak).toBe(1);
  });

  it('no-match frames agree whoever was nearest', () => {
    const tracker = new ConsensusTracker(2);
    tracker.push(miss(0.8, 'a'));
    expect(tracker.push(miss(0.9, 'b'))).toMatchObject({ outcome: 'no-match' });
  });

  it('reset forgets the run (a frame without a usable face)', () => {
    const tracker = new ConsensusTracker(2);
    tracker.push(match('a', 0.3));
    tracker.reset();
    expect(tracker.push(match('a', 0.3))).toBeNull();
  });

  it('needs a positive whole number of frames', () => {
    expect(() => new ConsensusTracker(0)).toThrow();
    expect(() => new ConsensusTracker(1.5)).toThrow();
  });
});
