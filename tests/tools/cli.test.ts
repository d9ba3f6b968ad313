import { describe, expect, it } from 'vitest';
import { COUNT, NON_NEGATIVE, numberOption, POSITIVE, RATE, readOptions, UsageError, WHOLE } from '../../tools/cli';

const OPTIONS = {
  epochs: { type: 'string' },
  variant: { type: 'string', multiple: true },
  'no-write': { type: 'boolean' },
} as const;

describe('tools/cli readOptions', () => {
  it('reads strings, repeated options and flags', () => {
    const values = readOptions(['--epochs', '3', '--variant', 'a', '--variant', 'b,c', '--no-write'], OPTIONS, '');
    expect(values).toEqual({ epochs: '3', variant: ['a', 'b,c'], 'no-write': true });
  });

  it('refuses an unknown option, a missing value and a stray argument', () => {
    expect(() => readOptions(['--epoch', '3'], OPTIONS, '')).toThrow(UsageError);
    expect(() => readOptions(['--epoch', '3'], OPTIONS, '')).toThrow(/--epoch/);
    expect(() => readOptions(['--epochs'], OPTIONS, '')).toThrow(/--epochs/);
    expect(() => readOptions(['--no-write', 'yes'], OPTIONS, '')).toThrow(/yes/);
  });
});

describe('tools/cli numberOption', () => {
  it('returns the fallback when the option is absent', () => {
    expect(numberOption(undefined, 'epochs', COUNT, 30)).toBe(30);
  });

  it('reads numbers the rule accepts', () => {
    expect(numberOption('12', 'epochs', COUNT, 30)).toBe(12);
    expect(numberOption('0', 'trials', WHOLE, 400)).toBe(0);
    expect(numberOption('0', 'lambda', NON_NEGATIVE, 0.1)).toBe(0);
    expect(numberOption('1e-3', 'far', RATE, 0.01)).toBe(0.001);
    expect(numberOption('0.05', 'lr', POSITIVE, 0.01)).toBe(0.05);
  });

  it('refuses what the rule does not accept, naming the option and the value', () => {
    expect(() => numberOption('ten', 'epochs', COUNT, 30)).toThrow(UsageError);
    expect(() => numberOption('ten', 'epochs', COUNT, 30)).toThrow('--epochs needs a whole number ≥ 1, not "ten"');
    expect(() => numberOption('', 'epochs', COUNT, 30)).toThrow(/--epochs/);
    expect(() => numberOption('0', 'people', COUNT, 10)).toThrow(/--people/);
    expect(() => numberOption('2.5', 'trials', WHOLE, 400)).toThrow(/--trials/);
    expect(() => numberOption('-0.1', 'lambda', NON_NEGATIVE, 0.1)).toThrow(/--lambda/);
    expect(() => numberOption('1', 'far', RATE, 1e-3)).toThrow(/--far/);
    expect(() => numberOption('0', 'lr', POSITIVE, 0.01)).toThrow(/--lr/);
  });
});
