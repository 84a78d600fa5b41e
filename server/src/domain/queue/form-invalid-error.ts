import type { ErrorPayload } from '@rs/signaling';
import { AppError } from '../../errors/app-error';

/** FORM_INVALID naming each refused field, so the help page marks them. */
export class FormInvalidError extends AppError {
  constructor(readonly fields: Record<string, string>) {
    super('FORM_INVALID', `please check: ${Object.keys(fields).join(', ')}`);
  }

  override toPayload(): ErrorPayload {
    return { ...super.toPayload(), fields: this.fields };
  }
}
