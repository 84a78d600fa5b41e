import type { XEvent } from 'x11';
import type { ClipboardAccess } from '../input/injector';
import type { X11Connection } from './x11-connection';

/** How long the selection owner has to answer a conversion. */
const CONVERT_TIMEOUT_MS = 2000;

/**
 * The CLIPBOARD selection. Writing makes the helper the selection owner, which
 * answers other clients' SelectionRequests (TARGETS, UTF8_STRING, STRING);
 * reading asks the owner to convert the selection into a property of the
 * helper's own window. X has no clipboard storage: text written stays available
 * while the helper runs (a clipboard manager, if any, copies it).
 */
export class X11Clipboard implements ClipboardAccess {
  private owned: string | undefined;
  private readonly unsubscribe: () => void;
  private waiting: ((ev: XEvent) => void) | undefined;

  private constructor(
    private readonly x: X11Connection,
    private readonly window: number,
    private readonly atoms: Record<'CLIPBOARD' | 'TARGETS' | 'UTF8_STRING' | 'STRING' | 'TEXT' | 'ATOM' | 'PROP' | 'MIME', number>,
  ) {
    this.unsubscribe = x.onEvent((ev) => this.onEvent(ev));
  }

  static async create(x: X11Connection): Promise<X11Clipboard> {
    const names = ['CLIPBOARD', 'TARGETS', 'UTF8_STRING', 'STRING', 'TEXT', 'ATOM', 'PROP', 'MIME'] as const;
    const atomNames: Record<(typeof names)[number], string> = {
      CLIPBOARD: 'CLIPBOARD', TARGETS: 'TARGETS', UTF8_STRING: 'UTF8_STRING', STRING: 'STRING', TEXT: 'TEXT', ATOM: 'ATOM',
      PROP: 'REMOTE_SUPPORT_CLIPBOARD', MIME: 'text/plain;charset=utf-8',
    };
    const atoms = {} as Record<(typeof names)[number], number>;
    for (const name of names) atoms[name] = await x.atom(atomNames[name]);
    return new X11Clipboard(x, x.createHiddenWindow(), atoms);
  }

  async write(text: string): Promise<void> {
    this.owned = text;
    this.x.client.SetSelectionOwner(this.window, this.atoms.CLIPBOARD, 0);
    await this.x.sync();
    if ((await this.x.selectionOwner(this.atoms.CLIPBOARD)) !== this.window) throw new Error('could not take the clipboard');
  }

  async read(): Promise<string> {
    if (this.owned !== undefined && (await this.x.selectionOwner(this.atoms.CLIPBOARD)) === this.window) return this.owned;
    if ((await this.x.selectionOwner(this.atoms.CLIPBOARD)) === 0) return '';
    for (const target of [this.atoms.UTF8_STRING, this.atoms.STRING]) {
      const text = await this.convert(target);
      if (text !== undefined) return text;
    }
    return '';
  }

  async close(): Promise<void> {
    this.unsubscribe();
    this.x.client.DestroyWindow(this.window);
  }

  /** Asks the owner for the selection as `target`; undefined when refused. */
  private async convert(target: number): Promise<string | undefined> {
    const notified = new Promise<XEvent | undefined>((resolve) => {
      const timer = setTimeout(() => resolve(undefined), CONVERT_TIMEOUT_MS);
      this.waiting = (ev) => {
        clearTimeout(timer);
        resolve(ev);
      };
    });
    this.x.client.ConvertSelection(this.window, this.atoms.CLIPBOARD, target, this.atoms.PROP, 0);
    const ev = await notified;
    this.waiting = undefined;
    if (!ev || ev.property === 0) return undefined;
    const prop = await this.x.property(this.window, this.atoms.PROP, 0, true);
    return target === this.atoms.STRING ? prop.data.toString('latin1') : prop.data.toString('utf8');
  }

  private onEvent(ev: XEvent): void {
    if (ev.name === 'SelectionNotify' && ev.requestor === this.window) this.waiting?.(ev);
    else if (ev.name === 'SelectionClear' && ev.selection === this.atoms.CLIPBOARD) this.owned = undefined;
    else if (ev.name === 'SelectionRequest' && ev.owner === this.window) this.answer(ev);
  }

  /** ICCCM 2.2: store the converted text on the requestor's property, then notify it (property 0 = refused). */
  private answer(ev: XEvent): void {
    const requestor = ev.requestor as number;
    const target = ev.target as number;
    // Obsolete clients pass property None: the target names the property.
    const property = (ev.property as number) || target;
    const { TARGETS, UTF8_STRING, STRING, TEXT, ATOM, MIME } = this.atoms;
    let answered = property;
    if (this.owned === undefined) answered = 0;
    else if (target === TARGETS) this.x.client.ChangeProperty(0, requestor, property, ATOM, 32, [TARGETS, UTF8_STRING, STRING, TEXT, MIME]);
    else if (target === UTF8_STRING || target === TEXT || target === MIME) this.x.client.ChangeProperty(0, requestor, property, UTF8_STRING, 8, Buffer.from(this.owned, 'utf8'));
    else if (target === STRING) this.x.client.ChangeProperty(0, requestor, property, STRING, 8, Buffer.from(this.owned, 'latin1'));
    else answered = 0;
    this.x.client.SendEvent(requestor, 0, 0, { name: 'SelectionNotify', time: ev.time, requestor, selection: ev.selection, target, property: answered });
  }
}
