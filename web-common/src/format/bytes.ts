import { getLanguage } from '../i18n/i18n';

const UNITS = ['byte', 'kilobyte', 'megabyte', 'gigabyte', 'terabyte'] as const;

/**
 * A byte count for people, in decimal units everywhere (1 MB = 1 000 000 bytes, as file managers
 * and the manual's "150 MB" limit count): `512 bytes`, `3.4 kB`, `150 MB`, `4.3 GB`; unit names
 * and decimal separators in the page's language (fr: `150 Mo`, `3,4 ko`).
 */
export function formatBytes(bytes: number, language: string = getLanguage()): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  const digitsFor = (v: number, u: number) => (u === 0 || v >= 100 ? 0 : 1);
  // Up a unit while the rounded figure would show 1000 or more (999 960 bytes is "1 MB", not "1000 kB").
  while (Number(value.toFixed(digitsFor(value, unit))) >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = digitsFor(value, unit);
  const rounded = Number(value.toFixed(digits));
  return new Intl.NumberFormat(language, {
    style: 'unit',
    unit: UNITS[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: digits,
    useGrouping: false,
  }).format(rounded);
}
