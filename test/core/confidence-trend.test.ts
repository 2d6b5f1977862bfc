import { type CellValue, confidenceFall, okrSignals } from '../../src/core';

const linear = (value: CellValue) => (typeof value === 'number' ? value / 100 : null);

describe('confidenceFall', () => {
  it('flags a fall of 3 or more between the last two check-ins while the score did not rise', () => {
    const history = [
      { value: 40, confidence: 5 },
      { value: 40, confidence: 8 },
    ];
    expect(confidenceFall(history, linear)).toEqual({ from: 8, to: 5 });
  });
  it('does not flag a fall of 2, or a fall while the score rose', () => {
    expect(
      confidenceFall(
        [
          { value: 40, confidence: 6 },
          { value: 40, confidence: 8 },
        ],
        linear,
      ),
    ).toBeNull();
    expect(
      confidenceFall(
        [
          { value: 45, confidence: 4 },
          { value: 40, confidence: 8 },
        ],
        linear,
      ),
    ).toBeNull();
  });
  it('reads confidence words on the same scale: on track to at risk is a fall of 3', () => {
    const history = [
      { value: 30, confidence: 'at risk' },
      { value: 35, confidence: 'on track' },
    ];
    expect(confidenceFall(history, linear)).toEqual({ from: 'on track', to: 'at risk' });
  });
  it('needs two check-ins with a confidence', () => {
    expect(confidenceFall([{ value: 1, confidence: 2 }], linear)).toBeNull();
    expect(
      confidenceFall(
        [
          { value: 1, confidence: '' },
          { value: 1, confidence: 9 },
        ],
        linear,
      ),
    ).toBeNull();
  });
});

describe('okrSignals', () => {
  it('writes the fall in words on the rows of the key results it concerns', () => {
    const map = { keyResult: 1, target: 2, current: 3, id: 4 };
    const rows = [
      ['Users', 100, 40, 'KR-1'],
      ['Revenue', 100, 50, 'KR-2'],
    ];
    const history = new Map([
      [
        'KR-1',
        [
          { value: 40, confidence: 4 },
          { value: 42, confidence: 7 },
        ],
      ],
    ]);
    expect(okrSignals(rows, map, history)).toEqual(['Confidence falling (7 to 4)', '']);
  });
});
