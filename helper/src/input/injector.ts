import type { KeyCode, KeyCombo, Monitor, PointerButton } from '@rs/signaling';

/** A point on the desktop in pixels (monitor offsets included). */
export interface DesktopPoint {
  x: number;
  y: number;
}

/** The controlled desktop: its full size and its monitors (one covering everything when unknown). */
export interface DesktopGeometry {
  width: number;
  height: number;
  monitors: Monitor[];
}

/**
 * Injects input into the local desktop as if from the person's own devices.
 * X11 (XTEST) is built here; Windows (SendInput) and macOS (CGEventPost) implement
 * the same interface: everything above it (gate, mapping, protocol) is shared.
 */
export interface InputInjector {
  geometry(): Promise<DesktopGeometry>;
  move(to: DesktopPoint): Promise<void>;
  button(button: PointerButton, down: boolean, at: DesktopPoint): Promise<void>;
  /** Wheel notches: positive dy scrolls down, positive dx scrolls right. */
  wheel(dx: number, dy: number, at: DesktopPoint): Promise<void>;
  /** A physical key down/up by `KeyboardEvent.code`; unknown codes are ignored. */
  key(code: KeyCode, down: boolean): Promise<void>;
  /** Characters typed as themselves, whatever keys the local layout needs (or none). */
  text(text: string): Promise<void>;
  combo(combo: KeyCombo): Promise<void>;
  /** Releases every key and button the remote side holds down (pause, stop). */
  releaseAll(): Promise<void>;
  close(): Promise<void>;
}

/** The clipboard of the controlled desktop (text only). */
export interface ClipboardAccess {
  write(text: string): Promise<void>;
  /** The clipboard's text, '' when empty or not text. */
  read(): Promise<string>;
  close(): Promise<void>;
}

/** Notices the local person's own pointer and keyboard activity. */
export interface LocalInputWatcher {
  /** `onLocalInput` fires on each activity that the helper did not inject itself. */
  start(onLocalInput: () => void): void;
  /** The helper is about to put the pointer here (not the person's own motion). */
  expectPointer(at: DesktopPoint): void;
  /** The helper is about to press keys or buttons. */
  expectKeys(): void;
  stop(): void;
}

/** What a platform provides to the helper. */
export interface Platform {
  name: string;
  injector: InputInjector;
  clipboard: ClipboardAccess;
  localInput: LocalInputWatcher;
  close(): Promise<void>;
}
