import { validateCheckInForm } from '../../src/ui/check-in-schema';

const valid = { krId: 'KR-1', value: '42', confidence: '7', comment: 'Good week' };

describe('the check-in form schema', () => {
  it.each([
    [valid],
    [{ ...valid, value: '45%' }],
    [{ ...valid, value: true }],
    [{ ...valid, confidence: 'At risk' }],
    [{ ...valid, comment: '=HYPERLINK("http://x")' }],
  ])('accepts %p', (form) => {
    expect(validateCheckInForm(form)).toEqual({ ok: true, form });
  });

  it.each([
    [{ ...valid, krId: '' }, 'krId', 'Choose a key result'],
    [{ ...valid, value: 'lots' }, 'value', 'Enter a number such as 42, 3.5 or 45% (got "lots")'],
    [{ ...valid, value: '' }, 'value', 'Enter a number such as 42, 3.5 or 45% (got "")'],
    [
      { ...valid, confidence: '11' },
      'confidence',
      'Choose 1 to 10, or on track / at risk / off track (got "11")',
    ],
    [
      { ...valid, confidence: 'great' },
      'confidence',
      'Choose 1 to 10, or on track / at risk / off track (got "great")',
    ],
    [{ ...valid, comment: 'x'.repeat(1001) }, 'comment', 'Keep the comment under 1000 characters'],
  ])('refuses %p with a message for %s', (form, field, message) => {
    expect(validateCheckInForm(form)).toEqual({ ok: false, errors: { [field]: message } });
  });

  it('reports every bad field at once', () => {
    const result = validateCheckInForm({ krId: '', value: 'x', confidence: '', comment: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.errors).sort()).toEqual(['confidence', 'krId', 'value']);
  });

  it('refuses a payload that is not a form', () => {
    expect(validateCheckInForm('hello')).toMatchObject({ ok: false, errors: { form: expect.any(String) } });
  });
});
