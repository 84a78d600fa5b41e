import type { Monitor, RemoteInput } from '@rs/signaling';
import { toDesktopPixel } from './coordinates';
import type { InputInjector, LocalInputWatcher } from './injector';

/**
 * One checked input event onto the desktop: pointer positions mapped into the
 * captured area, and the local-input watcher told what the helper injects so
 * it is not mistaken for the person's own hand.
 */
export async function applyInput(input: RemoteInput, area: Monitor, injector: InputInjector, watcher: LocalInputWatcher): Promise<void> {
  switch (input.t) {
    case 'move': {
      const at = toDesktopPixel(input.x, input.y, area);
      watcher.expectPointer(at);
      return injector.move(at);
    }
    case 'button': {
      const at = toDesktopPixel(input.x, input.y, area);
      watcher.expectPointer(at);
      watcher.expectKeys();
      return injector.button(input.button, input.down, at);
    }
    case 'wheel': {
      const at = toDesktopPixel(input.x, input.y, area);
      watcher.expectPointer(at);
      watcher.expectKeys();
      return injector.wheel(input.dx, input.dy, at);
    }
    case 'key':
      watcher.expectKeys();
      return injector.key(input.code, input.down);
    case 'text':
      watcher.expectKeys();
      return injector.text(input.text);
    case 'combo':
      watcher.expectKeys();
      return injector.combo(input.combo);
  }
}
