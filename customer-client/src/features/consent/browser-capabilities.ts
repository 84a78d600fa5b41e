import type { ConsentActivity } from '@rs/signaling';

/** Whether this browser can do what an activity needs (a phone cannot capture its screen). */
export type CapabilityCheck = (activity: ConsentActivity) => boolean;

export function canCaptureScreen(): boolean {
  return typeof navigator.mediaDevices?.getDisplayMedia === 'function';
}

export const browserCan: CapabilityCheck = (activity) => (activity === 'view-desktop' ? canCaptureScreen() : true);
