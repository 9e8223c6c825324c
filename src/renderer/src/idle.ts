// Renderer: work for when the page is idle — requestIdleCallback, or a timer where there is none.

/** Runs `work` once the page is idle; returns what cancels it. */
export function whenIdle(work: () => void, fallbackMs: number): () => void {
  if (window.requestIdleCallback) {
    const handle = window.requestIdleCallback(work)
    return () => window.cancelIdleCallback(handle)
  }
  const timer = window.setTimeout(work, fallbackMs)
  return () => window.clearTimeout(timer)
}
