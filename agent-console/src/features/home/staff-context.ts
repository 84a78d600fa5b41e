import type { AccountProfile } from '@rs/signaling';
import type { ApiClient, SignalingClient, Toaster } from '@rs/web-common';

/** What every part of a signed-in agent or supervisor console may use. */
export interface StaffContext {
  api: ApiClient;
  /** Bearer token of the signed-in account (REST calls such as the session record). */
  token: string;
  account: AccountProfile;
  signaling: SignalingClient;
  toaster: Toaster;
}

/** What a home screen (per role) gives back to main: its element and how to tear it down. */
export interface Home {
  element: HTMLElement;
  dispose(): void;
}
