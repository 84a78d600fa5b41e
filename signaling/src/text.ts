import { z } from 'zod';

/**
 * Bidirectional formatting characters: embeddings and overrides (U+202A-U+202E),
 * isolates (U+2066-U+2069), the implicit marks LRM, RLM and ALM. In a name they
 * reorder what readers see around it (e.g. "\u202Eevil" spoofs the participants list).
 */
const BIDI_CONTROLS = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;
/** Whitespace of any kind, line and paragraph separators included: one plain space. */
const ANY_SPACE = /[\s\u2028\u2029]+/g;
/**
 * Controls (C0, C1), invisible characters (soft hyphen, zero-width space, word
 * joiner, invisible operators, BOM, interlinear annotation) and lone surrogates.
 * ZWNJ/ZWJ (U+200C/U+200D) stay: Persian words and emoji sequences need them.
 */
const INVISIBLE = /[\p{Cc}\u00AD\u180E\u200B\u2060-\u2064\uFEFF\uFFF9-\uFFFB]|\p{Cs}/gu;
/** More than four combining marks on one character only stacks ink upwards ("zalgo"). */
const STACKED_MARKS = /(\p{M}{4})\p{M}+/gu;

/**
 * A display name as people should see it: no bidi controls, no control or
 * invisible characters, whitespace collapsed, trimmed, NFC.
 */
export function sanitizeName(text: string): string {
  return text
    .replace(BIDI_CONTROLS, '')
    .replace(ANY_SPACE, ' ')
    .replace(INVISIBLE, '')
    .replace(STACKED_MARKS, '$1')
    .normalize('NFC')
    .replace(ANY_SPACE, ' ')
    .trim();
}

/** The one schema for free-text names (people, agents, anything shown as a name): cleaned, then 1..maxLength. */
export function nameSchema(maxLength: number) {
  return z.string().transform(sanitizeName).pipe(z.string().min(1, 'a name is required').max(maxLength));
}
