/** `/code` just before the cursor (at the start or after a space). */
const CODE_BEFORE_CURSOR = /(?:^|\s)\/([a-z0-9][a-z0-9_-]*)$/;

/**
 * The quick-phrase code typed just before the cursor in a chat box (R6.2), with how
 * many characters it takes (the slash included), or null.
 */
export function codeBeforeCursor(text: string, cursor: number): { code: string; length: number } | null {
  const match = CODE_BEFORE_CURSOR.exec(text.slice(0, cursor));
  return match?.[1] ? { code: match[1], length: match[1].length + 1 } : null;
}
