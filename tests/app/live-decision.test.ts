import { describe, expect, it } from 'vitest';
import { combinedOutcome, sameFaceThroughout } from '../../src/app/logic/live-decision';
import { describeLiveness, instruction } from '../../src/app/logic/liveness-text';

const vector = (...values: number[]) => Float32Array.from(values);

describe('sameFaceThroughout', () => {
  it('passes when the final descriptor is within the threshold of the neutral one', () => {
    const outcome = sameFaceThroughout({ neutral: vector(0, 0), final: vector(0.3, 0.4) }, 0.55);
    expect(outcome).toEqual({ status: 'passed', finalDistance: expect.closeTo(0.5, 6) });
  });

  it('fails as a different person beyond the threshold (the threshold itself still passes)', () => {
    expect(sameFaceThroughout({ neutral: vector(0, 0), final: vector(0.6, 0) }, 0.55)).toEqual({
      status: 'failed',
      failure: 'different-person',
    });
    expect(sameFaceThroughout({ neutral: vector(0, 0), final: vector(0.5, 0) }, 0.5).status).toBe('passed');
  });
});

describe('combinedOutcome', () => {
  it('accepts only a match whose liveness passed or was turned off', () => {
    expect(combinedOutcome('match', { status: 'passed', finalDistance: 0.2 })).toBe('match');
    expect(combinedOutcome('match', { status: 'off' })).toBe('match');
    expect(combinedOutcome('match', { status: 'failed', failure: 'flat' })).toBe('no-match');
    expect(combinedOutcome('no-match', { status: 'passed', finalDistance: 0.2 })).toBe('no-match');
  });
});

describe('liveness wording', () => {
  const pose = { yawDeg: 0, pitchDeg: 0, rollDeg: 0, eyeOpenness: 0.3, mouthOpenness: 0 };
  it('names the asked action at each step', () => {
    const actions = ['turn-right', 'turn-left', 'open-mouth'] as const;
    const at = (status: 'neutral' | 'action' | 'return', current: number) =>
      instruction({ status, actions, current, holdFraction: 0, timeLeftMs: 5000, pose });
    expect(at('neutral', 0)).toMatch(/straight at the camera/);
    expect(at('action', 0)).toBe('Turn your head to your right');
    expect(at('action', 1)).toBe('Turn your head to your left');
    expect(at('action', 2)).toBe('Open your mouth');
    expect(at('return', 2)).toMatch(/straight at the camera again/);
  });

  it('says why a check failed and when it was off', () => {
    expect(describeLiveness({ status: 'failed', failure: 'flat' })).toMatch(/photo, not a live face/);
    expect(describeLiveness({ status: 'failed', failure: 'different-person' })).toMatch(/different face/);
    expect(describeLiveness({ status: 'off' })).toMatch(/Off .*photo of an enrolled person could have been accepted/);
  });
});
