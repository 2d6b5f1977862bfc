import {
  InputError,
  isBlank,
  parseNumericText,
  readDate,
  readDone,
  readNumber,
  readText,
} from '../../src/core';

describe('readNumber', () => {
  it.each([
    [42, 42],
    [-0.5, -0.5],
    ['12', 12],
    [' 12 ', 12],
    ['45%', 0.45],
    ['-3.5', -3.5],
    ['1,000', 1000],
    ['1,234,567.5', 1234567.5],
    ['.5', 0.5],
    ['1e3', 1000],
  ])('reads %p as %p', (input, expected) => {
    expect(readNumber(input, 'current')).toBeCloseTo(expected, 12);
  });

  it.each([[''], ['   '], [null], [undefined]])('reads the blank %p as null', (input) => {
    expect(readNumber(input, 'current')).toBeNull();
  });

  it.each([
    ['abc', 'current must be a number, got "abc"'],
    ['1,5', 'current must be a number, got "1,5"'],
    ['12 apples', 'current must be a number, got "12 apples"'],
    [true, 'current must be a number, got true'],
    [Number.NaN, 'current must be a finite number, got NaN'],
    [Number.POSITIVE_INFINITY, 'current must be a finite number, got Infinity'],
    ['#N/A', 'current is #N/A (the cell holds an error)'],
    ['#REF!', 'current is #REF! (the cell holds an error)'],
  ])('refuses %p naming the field and value', (input, message) => {
    expect(() => readNumber(input, 'current')).toThrow(new InputError(message));
  });

  it('refuses a date in a number field', () => {
    expect(() => readNumber(new Date(2026, 0, 5), 'target')).toThrow(
      'target must be a number, got 2026-01-0',
    );
  });
});

describe('readDone', () => {
  it.each([true, 1, 'done', 'DONE', ' yes ', 'x', '✓'])('reads %p as done', (input) => {
    expect(readDone(input, 'current')).toBe(true);
  });
  it.each([false, 0, 'not done', 'No', 'pending'])('reads %p as not done', (input) => {
    expect(readDone(input, 'current')).toBe(false);
  });
  it.each([0.5, 'maybe', '#N/A'])('refuses %p', (input) => {
    expect(() => readDone(input, 'current')).toThrow(/^current /);
  });
  it('reads a blank as null', () => expect(readDone('', 'current')).toBeNull());
});

describe('readDate', () => {
  it('keeps a Date', () => {
    const d = new Date(2026, 2, 31);
    expect(readDate(d, 'cycle_end')).toBe(d);
  });
  it('reads ISO text as a local date', () => {
    expect(readDate('2026-03-31', 'cycle_end')).toEqual(new Date(2026, 2, 31));
  });
  it("reads a Sheets serial number (days since 1899-12-30) as that day in the script's zone", () => {
    expect(readDate(46023, 'as_of')).toEqual(new Date(2026, 0, 1));
    expect(readDate(46023.75, 'as_of')).toEqual(new Date(2026, 0, 1, 18));
  });
  it.each([
    [1e300, '1e+300'],
    [-5, '-5'],
    [0, '0'],
    [Number.MAX_VALUE, '1.7976931348623157e+308'],
    [new Date(-8.64e15), '-271821-04-20'],
    ['0226-01-05', '"0226-01-05"'],
    ['0050-01-05', '"0050-01-05"'],
  ])('refuses %p, which is no plausible date', (input, shown) => {
    expect(() => readDate(input, 'as_of')).toThrow(
      `as_of must be a date from 1900-01-01 to 9999-12-31, got ${shown}`,
    );
  });
  it('reads the first and last days a tracker can mean', () => {
    expect(readDate('1900-01-01', 'as_of')).toEqual(new Date(1900, 0, 1));
    expect(readDate(2958465, 'as_of')).toEqual(new Date(9999, 11, 31));
  });
  it.each(['01/02/2026', '2026-02-30', 'soon', true])('refuses the ambiguous or invalid %p', (input) => {
    expect(() => readDate(input, 'as_of')).toThrow(/^as_of must be a date/);
  });
  it('refuses an invalid Date', () => {
    expect(() => readDate(new Date(Number.NaN), 'as_of')).toThrow(
      'as_of must be a valid date, got an invalid date',
    );
  });
});

describe('other readers', () => {
  it('treats whitespace-only text as blank', () => expect(isBlank('  ')).toBe(true));
  it('parses percentages with a space before the sign', () =>
    expect(parseNumericText('45 %')).toBeCloseTo(0.45));
  it('reads numbers as text', () => expect(readText(12, 'owner')).toBe('12'));
  it('refuses an error cell as text', () =>
    expect(() => readText('#VALUE!', 'owner')).toThrow('owner is #VALUE!'));
});
