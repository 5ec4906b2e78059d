/**
 * Console diagnostics that never flood: each code is reported at most once per page.
 * Shopkeeper never throws into the host page; this is where its problems go instead.
 */
const reported = new Set<string>();

/** Warn once per `code`; later calls with the same code are ignored. */
export function warnOnce(code: string, message: string, ...details: unknown[]): void {
  if (reported.has(code)) return;
  reported.add(code);
  try {
    console.warn(`[shopkeeper] ${message} (${code})`, ...details);
  } catch {
    // A host that replaced console with something broken must not break us.
  }
}

/** Runs `fn`, reporting (once per code) instead of throwing. Returns `fallback` on failure. */
export function attempt<T>(code: string, fn: () => T, fallback: T): T {
  try {
    return fn();
  } catch (error) {
    warnOnce(code, "internal error, this feature is skipped", error);
    return fallback;
  }
}

/** For tests: forget which codes were reported. */
export function _resetWarnings(): void {
  reported.clear();
}
