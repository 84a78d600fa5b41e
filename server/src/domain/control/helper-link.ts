import type { CapturedSurface, HelperControlState, HelperEndReason, RemoteInput } from '@rs/signaling';

/**
 * The connected helper of a grant, as the domain sees it (implemented by the
 * gateway's /helper namespace). The domain never holds a socket.
 */
export interface HelperLink {
  state(state: HelperControlState): void;
  surface(surface: CapturedSurface): void;
  input(input: RemoteInput): void;
  clipboardWrite(text: string): Promise<void>;
  clipboardRead(): Promise<string>;
  /** Tells the helper control is over (helper:end) and closes its connection: the input path is gone. */
  end(reason: HelperEndReason): void;
}
