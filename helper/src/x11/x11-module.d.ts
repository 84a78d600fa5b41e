/** The part of the `x11` package (pure JS X11 client, no types shipped) the helper uses. */
declare module 'x11' {
  type Callback<T> = (err: Error | null | undefined, value: T) => void;

  export interface XEvent {
    type: number;
    name?: string;
    seq: number;
    [field: string]: unknown;
  }

  export interface XScreen {
    root: number;
    pixel_width: number;
    pixel_height: number;
    white_pixel: number;
    black_pixel: number;
  }

  export interface XProperty {
    type: number;
    format: number;
    bytesAfter: number;
    data: Buffer;
  }

  export interface XPointer {
    root: number;
    child: number;
    rootX: number;
    rootY: number;
    keyMask: number;
  }

  export interface XTestExtension {
    KeyPress: number;
    KeyRelease: number;
    ButtonPress: number;
    ButtonRelease: number;
    MotionNotify: number;
    FakeInput(type: number, detail: number, time: number, window: number, x: number, y: number): void;
  }

  export interface RandrExtension {
    QueryVersion(major: number, minor: number, cb: Callback<[number, number]>): void;
    GetScreenResourcesCurrent(win: number, cb: Callback<{ crtcs: number[]; outputs: number[] }>): void;
    GetCrtcInfo(crtc: number, configTs: number, cb: Callback<{ x: number; y: number; width: number; height: number; mode: number; output: number[] }>): void;
    GetOutputPrimary(win: number, cb: Callback<number>): void;
  }

  interface ExtensionMap {
    xtest: XTestExtension;
    randr: RandrExtension;
  }

  export interface XClient {
    AllocID(): number;
    atoms: Record<string, number>;
    on(event: 'event', listener: (ev: XEvent) => void): this;
    on(event: 'error', listener: (err: Error) => void): this;
    on(event: 'end' | 'close', listener: () => void): this;
    removeListener(event: string, listener: (...args: never[]) => void): this;
    require<K extends keyof ExtensionMap>(name: K, cb: Callback<ExtensionMap[K]>): void;
    terminate(): void;
    sync(): Promise<void>;
    close(cb?: () => void): void;
    CreateWindow(wid: number, parent: number, x: number, y: number, width: number, height: number, borderWidth: number, depth: number, klass: number, visual: number, values: Record<string, number>): void;
    DestroyWindow(wid: number): void;
    InternAtom(onlyIfExists: boolean, name: string, cb: Callback<number>): void;
    ChangeProperty(mode: number, wid: number, name: number, type: number, format: number, data: Buffer | string | number[]): void;
    GetProperty(del: number, wid: number, name: number, type: number, longOffset: number, longLength: number, cb: Callback<XProperty>): void;
    DeleteProperty(wid: number, name: number): void;
    SetSelectionOwner(owner: number, selection: number, time?: number): void;
    GetSelectionOwner(selection: number, cb: Callback<number>): void;
    ConvertSelection(requestor: number, selection: number, target: number, property: number, time?: number): void;
    SendEvent(destination: number, propagate: number, eventMask: number, event: Record<string, unknown>): void;
    QueryPointer(wid: number, cb: Callback<XPointer>): void;
    QueryKeymap(cb: Callback<Buffer>): void;
    GetKeyboardMapping(startCode: number, num: number, cb: Callback<number[][]>): void;
    ChangeKeyboardMapping(firstKeycode: number, keysymsPerKeycode: number, keysyms: number[]): void;
    GetInputFocus(cb: Callback<{ focus: number; revertTo: number }>): void;
  }

  export interface XDisplay {
    client: XClient;
    screen: XScreen[];
    min_keycode: number;
    max_keycode: number;
  }

  export function createClient(options: { display?: string }, cb: Callback<XDisplay>): XClient;
  export const eventMask: Record<string, number>;
}
