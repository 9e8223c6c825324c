// Bench (Node): the scripts the renderer bench runs inside the page, as strings: this tsconfig has no DOM
// types, and the page's own clock (performance.now(), from navigation start) is what they report.
//
// In the library and settled-article runs nothing of the bench runs in the page while the library loads
// (Playwright's own scripts would compete with the app for the main thread): the browser times the first row's
// paint itself, through the Element Timing attribute on each row's title, and the bench reads that entry once
// the rows are there. Only the worst-case run installs a script before load (openOnFirstRows), to open the
// article within a frame of the rows; its library figures are not used.

/** The paint time of the first library row (Element Timing), or null while none has been painted. */
export const FIRST_ROW_PAINT = `new Promise((resolve) => {
  new PerformanceObserver((list, observer) => {
    const times = list.getEntries().filter((e) => e.identifier === 'library-row').map((e) => e.renderTime || e.loadTime);
    observer.disconnect();
    resolve(times.length ? Math.min(...times) : null);
  }).observe({ type: 'element', buffered: true });
  setTimeout(() => resolve(null), 200);
})`

/**
 * Installed once the library is loaded, before an article is opened: calls \`record\` with the time at which the
 * frame under way has been rendered. A check in an animation frame callback runs before that frame's style,
 * layout and paint; the task it posts runs only after the frame is done.
 */
export const AFTER_FRAME = `
  window.__bench = { paintedAt: null, t0: null, painting: false };
  window.__afterFrame = (record) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => record(performance.now());
    channel.port2.postMessage(null);
  };
`

/**
 * Installed before the app loads, for the worst case: opens the article from inside the page as soon as the
 * frame showing the first library row is drawn, before the reader's code (fetched from then on) has arrived.
 */
export function openOnFirstRows(id: string): string {
  return `${AFTER_FRAME}
  const watch = () => {
    const row = document.querySelector('.article-row');
    if (row && row.getBoundingClientRect().height > 0) {
      return window.__afterFrame(() => {
        CSS.highlights.clear();
        window.__bench.t0 = performance.now();
        location.hash = '#/article/${id}';
      });
    }
    requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);`
}

/** The reader's code: the chunk the app loads when an article opens (a regular expression, as page source). */
const READER_CHUNK = String.raw`/\/ReaderPane-[^/]*\.js$/`

/**
 * True once the reader's code, which the library fetches when its rows are shown, has arrived and the page has
 * been idle since: the state of the app when a researcher clicks an article.
 */
export const LIBRARY_SETTLED = `new Promise((resolve) => {
  const loaded = performance.getEntriesByType('resource').some((r) => ${READER_CHUNK}.test(r.name));
  if (!loaded) return resolve(false);
  requestIdleCallback(() => resolve(true), { timeout: 1000 });
})`

/** When the reader's code (its chunk) had arrived, on the page's clock. */
export const READER_CODE_IN = `Math.max(...performance.getEntriesByType('resource')
  .filter((r) => ${READER_CHUNK}.test(r.name)).map((r) => r.responseEnd))`

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
  paintedAt: number | null
  painting?: boolean
  t0: number | null
}
export type ApiTiming = { start: number; end: number; bytes: number } | null
