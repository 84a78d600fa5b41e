import type { Platform } from './input/injector';
import { openX11Platform } from './x11/x11-platform';

/**
 * The input layer of this machine. Linux/BSD desktops run X11 (or XWayland);
 * Windows (SendInput) and macOS (CGEventPost) are further implementations of
 * the same `Platform` (see README, "Remote control helper").
 */
export async function openPlatform(): Promise<Platform> {
  if (process.platform === 'linux' || process.platform === 'freebsd' || process.platform === 'openbsd') return openX11Platform();
  throw new Error(`this helper is not built for ${process.platform} yet`);
}
