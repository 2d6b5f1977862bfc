import { inUserWords } from '../../src/core';

describe('inUserWords', () => {
  const header = ['Metric', 'Actual', 'Goal', 'Min', 'Critical'];
  const map = { name: 1, value: 2, target: 3, warning: 4, critical: 5 };

  it("names the user's headers instead of the readers' field names", () => {
    expect(inUserWords('value must be a number, got "n/a"', map, header)).toBe(
      '"Actual" must be a number, got "n/a"',
    );
    expect(
      inUserWords('warning and critical are equal (5): set direction to "higher" or "lower"', map, header),
    ).toBe('"Min" and "Critical" are equal (5): set direction to "higher" or "lower"');
  });

  it("keeps the user's quoted content, and the names of columns the table does not have", () => {
    expect(inUserWords('target must be a number, got "target value"', map, header)).toBe(
      '"Goal" must be a number, got "target value"',
    );
    expect(inUserWords('direction is blank and only one limit is set', map, header)).toBe(
      'direction is blank and only one limit is set',
    );
  });

  it('names fields in the subject only, not in the advice after it', () => {
    expect(inUserWords('target is blank: set the value the KPI should reach', map, header)).toBe(
      '"Goal" is blank: set the value the KPI should reach',
    );
  });
});
