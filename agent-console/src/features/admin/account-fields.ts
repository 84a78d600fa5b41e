import type { AccountProfile } from '@rs/signaling';
import { LIMITS } from '@rs/signaling';
import { h, replaceChildren } from '@rs/web-common';

/** A number input for an agent's maximum of concurrent sessions (1 = single-session mode). */
export function createMaxSessionsInput(testId: string, value: number): HTMLInputElement {
  const input = h('input', {
    className: 'input input-small',
    testId,
    i18nAttrs: { 'aria-label': 'admin.maxSessions' },
    attrs: { type: 'number', min: 1, max: LIMITS.maxSessionsPerAgent, step: 1, required: true },
  });
  input.value = String(value);
  return input;
}

/** The max-sessions value typed, or null when it is not a whole number in range. */
export function readMaxSessions(input: HTMLInputElement): number | null {
  const value = Number(input.value);
  return Number.isInteger(value) && value >= 1 && value <= LIMITS.maxSessionsPerAgent ? value : null;
}

/** A <select> of supervisors ("None" first); `fill` refreshes the choices and keeps the value. */
export function createSupervisorSelect(testId: string): { select: HTMLSelectElement; fill: (supervisors: AccountProfile[], value: string | null) => void } {
  const select = h('select', { className: 'input input-small', testId, i18nAttrs: { 'aria-label': 'admin.supervisor' } });
  const fill = (supervisors: AccountProfile[], value: string | null): void => {
    replaceChildren(select, [
      h('option', { i18n: 'admin.noSupervisor', attrs: { value: '' } }),
      ...supervisors.map((supervisor) => h('option', { userText: `${supervisor.displayName} (${supervisor.username})`, attrs: { value: supervisor.id } })),
    ]);
    select.value = value ?? '';
  };
  return { select, fill };
}
