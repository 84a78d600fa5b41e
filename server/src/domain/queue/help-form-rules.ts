import type { FormField, HelpFormAnswers } from '@rs/signaling';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * The pre-session form against its queue's fields, on the server: every
 * required field answered, no unknown field, lengths, select options, e-mail
 * shape, checkbox values. Returns the refusals by field id (empty: accepted).
 * The name, e-mail and problem limits are already in the schema.
 */
export function refuseHelpForm(fields: readonly FormField[], answers: HelpFormAnswers): Record<string, string> {
  const refusals: Record<string, string> = {};
  const known = new Map(fields.map((f) => [f.id, f]));
  for (const id of Object.keys(answers.fields)) if (!known.has(id)) refusals[id] = 'unknown field';
  for (const field of fields) {
    const refusal = refuseAnswer(field, answers.fields[field.id] ?? '');
    if (refusal) refusals[field.id] = refusal;
  }
  return refusals;
}

function refuseAnswer(field: FormField, answer: string): string | null {
  const empty = answer.length === 0 || (field.kind === 'checkbox' && answer === 'false');
  if (empty) return field.required ? 'required' : null;
  if (answer.length > field.maxLength) return `at most ${field.maxLength} characters`;
  switch (field.kind) {
    case 'select':
      return field.options.some((o) => o.value === answer) ? null : 'not one of the choices';
    case 'email':
      return EMAIL.test(answer) ? null : 'not an e-mail address';
    case 'checkbox':
      return answer === 'true' ? null : 'true or false';
    default:
      return null;
  }
}
