import type { DisplaySurface } from '@rs/signaling';
import { canCaptureScreen } from '../consent/browser-capabilities';

/** Asks the browser for the screen (what the agent asked for is pre-selected in the picker); a test may replace it. */
export type ScreenCapture = (surface?: DisplaySurface) => Promise<MediaStream>;

export const captureDisplay: ScreenCapture = (surface) => {
  if (!canCaptureScreen()) return Promise.reject(new DOMException('this browser cannot capture the screen', 'NotSupportedError'));
  const video: MediaTrackConstraints = surface ? ({ displaySurface: surface } as MediaTrackConstraints) : {};
  // A browser tab: the one the customer started from (co-browse, R3.1).
  const options = { video, audio: false, ...(surface === 'browser' ? { preferCurrentTab: true, selfBrowserSurface: 'include' } : {}) };
  return navigator.mediaDevices.getDisplayMedia(options as DisplayMediaStreamOptions);
};

/**
 * Browsers that open the picker only inside a click refuse without one
 * (InvalidStateError in Chromium and Firefox, InvalidAccessError in Safari).
 */
export function needsUserGesture(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'InvalidStateError' || error.name === 'InvalidAccessError');
}

/** The browser has no screen capture at all (a phone): nothing to retry. */
export function isUnsupported(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'NotSupportedError';
}
