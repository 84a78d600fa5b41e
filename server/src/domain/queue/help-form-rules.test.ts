import type { FormField } from '@rs/signaling';
import { refuseHelpForm } from './help-form-rules';

const field = (over: Partial<FormField> & Pick<FormField, 'id' | 'kind'>): FormField => ({
  label: { en: over.id }, required: false, maxLength: 500, options: [], ...over,
});

describe('the pre-session form checked against its queue', () => {
  const fields = [
    field({ id: 'order', kind: 'text', required: true, maxLength: 10 }),
    field({ id: 'product', kind: 'select', options: [{ value: 'printer', label: { en: 'Printer' } }] }),
    field({ id: 'contact', kind: 'email' }),
    field({ id: 'terms', kind: 'checkbox', required: true }),
  ];
  const form = (answers: Record<string, string>) => ({ name: 'Casey', fields: answers });

  it('accepts a complete form', () => {
    expect(refuseHelpForm(fields, form({ order: '42', product: 'printer', contact: 'c@example.com', terms: 'true' }))).toEqual({});
  });

  it('names every refused field', () => {
    expect(refuseHelpForm(fields, form({ order: '12345678901', product: 'fax', contact: 'nope', terms: 'false', extra: 'x' }))).toEqual({
      order: 'at most 10 characters',
      product: 'not one of the choices',
      contact: 'not an e-mail address',
      terms: 'required',
      extra: 'unknown field',
    });
  });

  it('requires required fields and lets optional ones be empty', () => {
    expect(refuseHelpForm(fields, form({ terms: 'true' }))).toEqual({ order: 'required' });
  });
});
