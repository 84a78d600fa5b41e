const KEY = 'rs.customer-key';

/**
 * A random key this browser keeps (local storage, shared by its tabs) and sends
 * when joining: a customer who closes the tab and joins again from a new one
 * takes back their entry instead of leaving a "Disconnected" ghost behind.
 * Without storage (private mode, disabled) each join is simply a new entry.
 */
export function customerKey(): string | undefined {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored && /^[A-Za-z0-9_-]{32,64}$/.test(stored)) return stored;
    const fresh = randomKey();
    localStorage.setItem(KEY, fresh);
    return fresh;
  } catch {
    return undefined;
  }
}

function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
