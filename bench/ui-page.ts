// Bench (Node): the scripts the renderer bench runs inside the page, as strings: this tsconfig has no DOM
// types, and the page's own clock (performance.now(), from navigation start) is what they report.
//
// Both measures stop once the frame that shows the result has been rendered, not when the result is merely in
// the DOM: the check runs in an animation frame callback, before that frame's style, layout and paint, so it
// posts a task, which runs only after the frame is done, and that task reads the clock.

/** Installed before the app loads: the first library row on screen, once its frame is rendered. */
export const RECORDER = `
  window.__bench = { rowsAt: null, paintedAt: null, bodyAt: null, t0: null };
  window.__afterFrame = (record) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => record(performance.now());
    channel.port2.postMessage(null);
  };
  const watch = () => {
    const row = document.querySelector('.article-row');
    if (row) {
      const box = row.getBoundingClientRect();
      if (box.height > 0 && box.top < innerHeight) return window.__afterFrame((t) => (window.__bench.rowsAt = t));
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
`

export const ROWS_SHOWN = 'window.__bench && window.__bench.rowsAt !== null'

/** Resource timing of one API call made by the page: when it started and when its answer was in. */
export function apiTiming(method: string): string {
  return `(() => {
    const e = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/${method}')).pop();
    return e ? { start: e.startTime, end: e.responseEnd, bytes: e.encodedBodySize } : null;
  })()`
}

/** Clears any paint, starts the clock and opens the article through the URL, as a link would. */
export function openArticle(id: string): string {
  return `(() => {
    CSS.highlights.clear();
    window.__bench.t0 = performance.now();
    location.hash = '#/article/${id}';
  })()`
}

/**
 * True once the highlight registry holds `count` ranges across the colour layers (checked every frame) and the
 * frame that paints them has been rendered.
 */
export function highlightsPainted(colors: readonly string[], count: number): string {
  return `(() => {
    const b = window.__bench;
    if (b.bodyAt === null && document.querySelector('[data-testid="article-body"]')) b.bodyAt = performance.now();
    if (b.paintedAt !== null) return true;
    let ranges = 0;
    for (const c of ${JSON.stringify(colors)}) ranges += CSS.highlights.get('hl-' + c)?.size ?? 0;
    if (ranges >= ${count} && !b.painting) {
      b.painting = true;
      window.__afterFrame((t) => (b.paintedAt = t));
    }
    return false;
  })()`
}

export const BENCH_STATE = '({ ...window.__bench })'

export type PageState = {
  rowsAt: number | null
  paintedAt: number | null
  bodyAt: number | null
  t0: number | null
}
export type ApiTiming = { start: number; end: number; bytes: number } | null
