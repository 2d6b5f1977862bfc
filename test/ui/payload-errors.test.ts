import { validateCheckInForm } from '../../src/ui/check-in-schema';
import { validateConnectForm } from '../../src/ui/connect-schema';
import { QUOTED_MAX, quoteInput } from '../../src/ui/form-errors';
import { validateThresholdForm } from '../../src/ui/threshold-schema';

const checkIn = { krId: 'KR-1', value: '42', confidence: '7', comment: 'Good week' };
const limits = { sheet: 'KPIs', kpi: 'Leads', warning: '200', critical: '150', direction: 'higher' };
const huge = 'x'.repeat(100_000);
const wrong: [string, unknown][] = [
  ['a number', 5],
  ['a boolean', false],
  ['null', null],
  ['missing', undefined],
  ['an object', { a: 1 }],
  ['a list', [1, 2]],
];

const forms = [
  [
    'check-in',
    validateCheckInForm,
    checkIn,
    { krId: 'Key result', confidence: 'Confidence', comment: 'Comment' },
  ],
  [
    'threshold',
    validateThresholdForm,
    limits,
    { sheet: 'Sheet', kpi: 'KPI', warning: 'Warning', critical: 'Critical', direction: 'Direction' },
  ],
] as const;

describe('sidebar payload errors', () => {
  for (const [formName, validate, valid, labels] of forms) {
    for (const [field, label] of Object.entries(labels)) {
      it.each(wrong)(`${formName}: ${field} as %s names the field and what it takes`, (_, bad) => {
        const result = validate({ ...valid, [field]: bad });
        expect(result.ok).toBe(false);
        const message = result.ok ? '' : (result.errors as Record<string, string>)[field];
        expect(message).toMatch(new RegExp(`^${label} must be .+, got .+`));
        expect(message).not.toMatch(/Invalid (input|option)/);
      });
    }
  }

  it('the check-in value takes a number as text, done / not done, or null for a key result that follows a KPI', () => {
    const result = validateCheckInForm({ ...checkIn, value: 42 });
    expect(result).toEqual({
      ok: false,
      errors: {
        value:
          'Value must be a number typed as text, done / not done (true or false), or null for a key result that follows a KPI, got 42',
      },
    });
    expect(validateCheckInForm({ ...checkIn, value: null }).ok).toBe(true);
  });

  it('the connect form names its fields too, and keeps the messages it words itself', () => {
    const form = {
      sheet: 'Team',
      headerRow: 'x',
      headers: [],
      kind: '',
      roles: {},
      direction: '',
      tolerance: '',
    };
    const result = validateConnectForm(form);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.headerRow).toBe('Header row must be a row number, got "x"');
      expect(result.errors.kind).toBe('Choose what the table holds: KPIs, or key results (OKRs)');
    }
  });

  it('a direction that is not one of the choices is quoted', () => {
    expect(validateThresholdForm({ ...limits, direction: 'sideways' })).toEqual({
      ok: false,
      errors: { direction: 'Direction must be higher, lower, or blank (from the limits), got "sideways"' },
    });
  });

  it.each([
    ['text', 'hello', '"hello"'],
    ['a list', [1], 'a list of 1 item'],
    ['a number', 3, '3'],
    ['nothing', null, 'nothing'],
  ])('a payload that is %s is refused for the whole form', (_, payload, shown) => {
    expect(validateCheckInForm(payload)).toEqual({
      ok: false,
      errors: { form: `The form sent ${shown} instead of its fields. Reopen the sidebar.` },
    });
  });

  it('never echoes a huge value: at most QUOTED_MAX characters of it', () => {
    const results = [
      validateCheckInForm({ ...checkIn, value: huge }),
      validateCheckInForm({ ...checkIn, confidence: huge }),
      validateCheckInForm({ ...checkIn, comment: huge }),
      validateThresholdForm({ ...limits, warning: huge }),
      validateThresholdForm({ ...limits, direction: huge }),
      validateCheckInForm(huge),
    ];
    for (const result of results) {
      expect(result.ok).toBe(false);
      for (const message of Object.values(result.ok ? {} : result.errors))
        expect((message as string).length).toBeLessThan(200);
    }
    expect(quoteInput(huge)).toBe(`"${'x'.repeat(QUOTED_MAX)}…"`);
  });
});
