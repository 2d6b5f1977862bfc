import { lazy } from '../../src/core';

describe('lazy', () => {
  it('builds nothing until first asked, then builds once', () => {
    let built = 0;
    const value = lazy(() => ({ n: ++built }));
    expect(built).toBe(0);
    expect(value()).toBe(value());
    expect(built).toBe(1);
  });
});
