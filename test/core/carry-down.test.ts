import { carryObjectivesDown } from '../../src/core';

describe('carryObjectivesDown', () => {
  it('gives each blank cell the objective above it', () => {
    expect(carryObjectivesDown(['Win enterprise', '', '  ', 'Delight users', null, undefined])).toEqual([
      'Win enterprise',
      'Win enterprise',
      'Win enterprise',
      'Delight users',
      'Delight users',
      'Delight users',
    ]);
  });

  it('leaves blanks above the first objective blank and keeps every written cell as it is', () => {
    const column = ['', 'Grow', 42, ''];
    expect(carryObjectivesDown(column)).toEqual(['', 'Grow', 42, 42]);
    expect(column).toEqual(['', 'Grow', 42, '']);
  });
});
