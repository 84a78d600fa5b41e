import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Janus (Debian's package) for the capacity bench: VideoRoom plugin and the HTTP transport only, on loopback. */
export interface JanusHandle {
  url: string;
  pid: number;
  stop(): Promise<void>;
}

const LIB = '/usr/lib/x86_64-linux-gnu/janus';
const OTHER_PLUGINS = ['audiobridge', 'duktape', 'echotest', 'lua', 'nosip', 'recordplay', 'sip', 'streaming', 'textroom', 'videocall', 'voicemail'];
const OTHER_TRANSPORTS = ['mqtt', 'nanomsg', 'pfunix', 'rabbitmq', 'websockets'];
const so = (names: string[]) => names.map((n) => `libjanus_${n}.so`).join(',');

function configs(dir: string, httpPort: number, rtpPorts: string, iceAddress: string): void {
  writeFileSync(path.join(dir, 'janus.jcfg'), `general: {
  configs_folder = "${dir}"
  plugins_folder = "${LIB}/plugins"
  transports_folder = "${LIB}/transports"
  events_folder = "${LIB}/events"
  loggers_folder = "${LIB}/loggers"
  debug_level = 2
  session_timeout = 0
  server_name = "capacity-bench"
}
media: {
  rtp_port_range = "${rtpPorts}"
}
nat: {
  ice_enforce_list = "${iceAddress}"
  ignore_mdns = true
}
plugins: { disable = "${so(OTHER_PLUGINS)}" }
transports: { disable = "${so(OTHER_TRANSPORTS)}" }
events: { broadcast = false }
`);
  writeFileSync(path.join(dir, 'janus.transport.http.jcfg'), `general: {
  json = "plain"
  base_path = "/janus"
  http = true
  port = ${httpPort}
  ip = "127.0.0.1"
  https = false
}
admin: { admin_http = false }
`);
  writeFileSync(path.join(dir, 'janus.plugin.videoroom.jcfg'), 'general: {\n}\n');
}

/**
 * Starts Janus with a throwaway configuration; resolves once its HTTP API answers `info`.
 * Janus never gathers loopback candidates: its ICE is held to `iceAddress` (the bench's own veth address).
 */
export async function startJanus(iceAddress: string, httpPort = Number(process.env.JANUS_HTTP_PORT ?? 47990), rtpPorts = process.env.JANUS_RTP_PORTS ?? '47000-47899'): Promise<JanusHandle> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'capacity-janus-'));
  configs(dir, httpPort, rtpPorts, iceAddress);
  const child: ChildProcess = spawn('janus', ['-F', dir, '-C', path.join(dir, 'janus.jcfg'), '-o'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stopped: Promise<void> | null = null;
  const stop = () =>
    (stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    })());
  const url = `http://127.0.0.1:${httpPort}/janus`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`janus exited (code ${child.exitCode}):\n${output}`);
    }
    try {
      const response = await fetch(`${url}/info`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`janus did not answer on ${url} within 20 s:\n${output}`);
    }
    await sleep(100);
  }
  return { url, pid: child.pid as number, stop };
}
