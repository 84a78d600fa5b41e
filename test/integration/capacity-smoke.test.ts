import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

interface SmokeStep {
  sessions: number;
  receivedPacketsPerSecond: number;
  sessionsWithoutMedia: number;
  serverCpuPercent: number;
  processes: { label: string; pid: number }[];
}
interface SmokeTarget {
  sessionsPerNode: number | null;
  serverCpuPercentPerSession: number;
  error?: string;
  steps: SmokeStep[];
  sample: { decodedFrames: number; width: number; height: number } | null;
}

/**
 * The capacity bench cannot rot: its 2-session smoke runs the real generator (WebRTC peers
 * replaying the clip) through our server, bare mediasoup and Janus, and the report holds
 * sane data. No performance threshold: figures depend on the machine.
 */
describe('capacity bench smoke', () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'capacity-smoke-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('carries 2 sessions through ours, bare mediasoup and Janus; every session receives media; the report has its keys', async () => {
    await run('npx', ['tsx', 'test/bench/capacity/run-capacity.ts', '--smoke', `--out=${out}`], { cwd: ROOT, timeout: 280_000, maxBuffer: 16 * 2 ** 20 });
    const report = JSON.parse(readFileSync(path.join(out, 'capacity-smoke.json'), 'utf8')) as Record<string, unknown> & Record<'ours' | 'bare' | 'janus', SmokeTarget>;

    for (const key of ['sessionsPerNode', 'serverCpuPercentPerSession', 'controlPlaneOverheadRatio', 'machine', 'steps', 'ours', 'bare', 'janus']) expect(report).toHaveProperty(key);
    expect(report.machine).toEqual(expect.objectContaining({ cores: expect.any(Number), cpuModel: expect.any(String) }));
    for (const name of ['ours', 'bare', 'janus'] as const) {
      const target = report[name];
      expect({ name, error: target.error }).toEqual({ name, error: undefined });
      expect(target).toHaveProperty('sessionsPerNode');
      expect(target).toHaveProperty('serverCpuPercentPerSession');
      expect(target.steps).toHaveLength(1);
      const [step] = target.steps;
      expect(step!.sessions).toBe(2);
      // Every session received packets during the measured window, and the target's own processes were measured.
      expect(step!.sessionsWithoutMedia).toBe(0);
      expect(step!.receivedPacketsPerSecond).toBeGreaterThan(0);
      expect(step!.processes.length).toBeGreaterThan(0);
      // The screen that went through the SFU decodes (ffmpeg) into pictures.
      expect(target.sample?.decodedFrames).toBeGreaterThan(0);
      expect(target.sample?.width).toBeGreaterThan(0);
    }
    expect(report.steps).toEqual(report.ours.steps);
    expect(existsSync(path.join(out, 'capacity-smoke.svg'))).toBe(true);
  }, 300_000);
});
