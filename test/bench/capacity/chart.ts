/** An SVG chart of the ramp: server CPU (% of all cores) and receiver loss (%) against sessions, one line per target. */

export interface ChartSeries {
  name: string;
  color: string;
  points: { sessions: number; cpu: number; loss: number }[];
}

const WIDTH = 900;
const PANEL = { width: 400, height: 280, top: 60, left: 60, gap: 80 };

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function niceMax(value: number): number {
  if (value <= 0) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((m) => m >= value) ?? value;
}

function panel(x0: number, title: string, unit: string, series: ChartSeries[], pick: (p: ChartSeries['points'][number]) => number, line?: { value: number; label: string }): string {
  const xs = series.flatMap((s) => s.points.map((p) => p.sessions));
  const ys = series.flatMap((s) => s.points.map(pick));
  const xMax = niceMax(Math.max(1, ...xs));
  const yMax = niceMax(Math.max(line?.value ?? 0, ...ys, 0.1) * 1.1);
  const px = (x: number) => x0 + (x / xMax) * PANEL.width;
  const py = (y: number) => PANEL.top + PANEL.height - (y / yMax) * PANEL.height;
  const parts: string[] = [`<text x="${x0 + PANEL.width / 2}" y="${PANEL.top - 15}" text-anchor="middle" font-weight="bold">${escapeXml(title)}</text>`];
  parts.push(`<rect x="${x0}" y="${PANEL.top}" width="${PANEL.width}" height="${PANEL.height}" fill="none" stroke="#999"/>`);
  for (let i = 0; i <= 4; i++) {
    const yv = (yMax * i) / 4;
    const xv = (xMax * i) / 4;
    parts.push(`<line x1="${x0}" x2="${x0 + PANEL.width}" y1="${py(yv)}" y2="${py(yv)}" stroke="#eee"/>`);
    parts.push(`<text x="${x0 - 6}" y="${py(yv) + 4}" text-anchor="end" font-size="11">${+yv.toFixed(2)}</text>`);
    parts.push(`<text x="${px(xv)}" y="${PANEL.top + PANEL.height + 16}" text-anchor="middle" font-size="11">${+xv.toFixed(1)}</text>`);
  }
  parts.push(`<text x="${x0 + PANEL.width / 2}" y="${PANEL.top + PANEL.height + 36}" text-anchor="middle" font-size="12">concurrent sessions</text>`);
  parts.push(`<text x="${x0 - 45}" y="${PANEL.top + PANEL.height / 2}" text-anchor="middle" font-size="12" transform="rotate(-90 ${x0 - 45} ${PANEL.top + PANEL.height / 2})">${escapeXml(unit)}</text>`);
  if (line) {
    parts.push(`<line x1="${x0}" x2="${x0 + PANEL.width}" y1="${py(line.value)}" y2="${py(line.value)}" stroke="#c00" stroke-dasharray="6 4"/>`);
    parts.push(`<text x="${x0 + PANEL.width - 4}" y="${py(line.value) - 4}" text-anchor="end" font-size="11" fill="#c00">${escapeXml(line.label)}</text>`);
  }
  for (const s of series) {
    if (s.points.length === 0) continue;
    const path = s.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(p.sessions).toFixed(1)},${py(pick(p)).toFixed(1)}`).join(' ');
    parts.push(`<path d="${path}" fill="none" stroke="${s.color}" stroke-width="2"/>`);
    for (const p of s.points) parts.push(`<circle cx="${px(p.sessions).toFixed(1)}" cy="${py(pick(p)).toFixed(1)}" r="3" fill="${s.color}"/>`);
  }
  return parts.join('\n');
}

export function capacityChart(series: ChartSeries[], subtitle: string): string {
  const height = PANEL.top + PANEL.height + 90;
  const legend = series.map((s, i) => `<rect x="${PANEL.left + i * 220}" y="${height - 30}" width="14" height="4" fill="${s.color}"/><text x="${PANEL.left + i * 220 + 20}" y="${height - 25}" font-size="12">${escapeXml(s.name)}</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH + 60}" height="${height}" font-family="sans-serif" font-size="13">`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="${(WIDTH + 60) / 2}" y="20" text-anchor="middle" font-size="12" fill="#555">${escapeXml(subtitle)}</text>`,
    panel(PANEL.left, 'Server CPU (all processes of the target)', '% of all cores', series, (p) => p.cpu, { value: 70, label: 'knee 70 %' }),
    panel(PANEL.left + PANEL.width + PANEL.gap, 'Receiver loss', '% of packets', series, (p) => p.loss, { value: 1, label: 'knee 1 %' }),
    ...legend,
    '</svg>',
  ].join('\n');
}
