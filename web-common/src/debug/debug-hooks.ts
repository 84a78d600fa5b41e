declare global {
  interface Window {
    /** Read-only probes for the end-to-end tests (frames decoded, sharing state). */
    remoteSupportDebug?: object;
  }
}

export function exposeDebugHooks(hooks: object): void {
  window.remoteSupportDebug = hooks;
}
