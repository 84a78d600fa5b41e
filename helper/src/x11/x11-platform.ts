import type { Platform } from '../input/injector';
import { X11Clipboard } from './x11-clipboard';
import { X11Connection } from './x11-connection';
import { X11Injector } from './x11-injector';
import { X11LocalInput } from './x11-local-input';

/** Linux/BSD desktops on X11 (Xorg, Xvfb, XWayland for X clients). */
export async function openX11Platform(displayName = process.env.DISPLAY): Promise<Platform> {
  const x = await X11Connection.open(displayName);
  const injector = await X11Injector.create(x);
  const clipboard = await X11Clipboard.create(x);
  const localInput = new X11LocalInput(x);
  return {
    name: `x11 ${displayName ?? ''}`.trim(),
    injector,
    clipboard,
    localInput,
    close: async () => {
      localInput.stop();
      await injector.close().catch(() => undefined);
      await clipboard.close().catch(() => undefined);
      await x.close();
    },
  };
}
