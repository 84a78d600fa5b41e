/** Asks the browser for the screen; a test may replace it. */
export type ScreenCapture = () => Promise<MediaStream>;

export const captureDisplay: ScreenCapture = () => navigator.mediaDevices.getDisplayMedia({ video: true, audio: false });

/**
 * Browsers that open the picker only inside a click refuse without one
 * (InvalidStateError in Chromium and Firefox, InvalidAccessError in Safari).
 */
export function needsUserGesture(error: unknown): boolean {
  return error instanceof DOMException && (error.name === 'InvalidStateError' || error.name === 'InvalidAccessError');
}
