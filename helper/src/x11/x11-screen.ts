import type { RandrExtension } from 'x11';
import type { Monitor } from '@rs/signaling';
import type { DesktopGeometry } from '../input/injector';
import { call } from './x11-connection';
import type { X11Connection } from './x11-connection';


type CrtcInfo = { x: number; y: number; width: number; height: number; mode: number; output: number[] };

/** The active CRTCs (one per lit monitor, clones merged) as monitors. */
async function randrMonitors(x: X11Connection, randr: RandrExtension): Promise<Monitor[]> {
  await call<[number, number]>((cb) => randr.QueryVersion(1, 3, cb));
  const resources = await call<{ crtcs: number[] }>((cb) => randr.GetScreenResourcesCurrent(x.root, cb));
  const primaryOutput = await call<number>((cb) => randr.GetOutputPrimary(x.root, cb)).catch(() => 0);
  const monitors: Monitor[] = [];
  for (const crtc of resources.crtcs) {
    const info = await call<CrtcInfo>((cb) => randr.GetCrtcInfo(crtc, 0, cb));
    if (!info.mode || info.width === 0 || info.height === 0) continue;
    if (monitors.some((m) => m.x === info.x && m.y === info.y && m.width === info.width && m.height === info.height)) continue;
    monitors.push({ x: info.x, y: info.y, width: info.width, height: info.height, primary: info.output.includes(primaryOutput) });
  }
  return monitors;
}

/** Desktop size and monitors: RandR when the server has it, else the root window as one monitor. */
export async function readGeometry(x: X11Connection): Promise<DesktopGeometry> {
  const { width, height } = x.rootSize;
  const whole: Monitor = { x: 0, y: 0, width, height, primary: true };
  const randr = await call<RandrExtension>((cb) => x.client.require('randr', cb)).catch(() => undefined);
  const monitors = randr ? await randrMonitors(x, randr).catch(() => []) : [];
  if (monitors.length > 0 && !monitors.some((m) => m.primary)) monitors[0] = { ...monitors[0]!, primary: true };
  return { width, height, monitors: monitors.length > 0 ? monitors.slice(0, 16) : [whole] };
}
