import { describe, expect, it } from 'vitest';
import { ArgumentError } from '../errors/argument-error.js';
import { assertKnownOptions } from './option-keys.js';

const known = ['epochs', 'batchSize', 'optimizer', 'reduction'];

function messageOf(options: unknown): string {
  try {
    assertKnownOptions('fit', 'options', options, known);
  } catch (error) {
    expect(ArgumentError.isInstance(error)).toBe(true);
    return (error as Error).message;
  }
  return 'no error';
}

describe('assertKnownOptions', () => {
  it('passes known keys and undefined', () => {
    expect(messageOf(undefined)).toBe('no error');
    expect(messageOf({})).toBe('no error');
    expect(messageOf({ epochs: 3, batchSize: 8 })).toBe('no error');
  });

  it('names the unknown key and suggests the closest known one', () => {
    expect(messageOf({ epoch: 3 })).toBe(
      "fit: unknown key 'epoch' in options (did you mean 'epochs'? known: batchSize, epochs, optimizer, reduction)",
    );
    expect(messageOf({ reduce: 'sum' })).toContain("did you mean 'reduction'?");
    expect(messageOf({ batchsize: 8 })).toContain("did you mean 'batchSize'?");
    expect(messageOf({ batch: 8 })).toContain("did you mean 'batchSize'?");
  });

  it('offers no suggestion for a key unlike any known one', () => {
    expect(messageOf({ colour: 'red' })).toBe(
      "fit: unknown key 'colour' in options (known: batchSize, epochs, optimizer, reduction)",
    );
  });

  it('refuses options that are not a plain object', () => {
    expect(messageOf(null)).toBe('fit: expected options to be an object, got null');
    expect(messageOf([1])).toBe('fit: expected options to be an object, got an array');
    expect(messageOf(3)).toBe('fit: expected options to be an object, got number');
  });
});
