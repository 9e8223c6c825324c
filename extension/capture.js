// Extension: runs in the page being saved (chrome.scripting.executeScript), so it must stand alone — no
// imports, no closures. Returns the live DOM as the user sees it and the selection with the text around it.
export function capturePage(withHtml) {
  const squash = (s) => s.replace(/\s+/g, ' ')
  let selection = null
  const sel = window.getSelection()
  if (sel && sel.rangeCount > 0 && !sel.isCollapsed && document.body) {
    const range = sel.getRangeAt(0)
    const exact = sel.toString().trim()
    if (exact) {
      const before = document.createRange()
      before.setStart(document.body, 0)
      before.setEnd(range.startContainer, range.startOffset)
      const after = document.createRange()
      after.setStart(range.endContainer, range.endOffset)
      after.setEnd(document.body, document.body.childNodes.length)
      selection = {
        exact: exact.slice(0, 100000),
        prefix: squash(before.toString()).trimStart().slice(-64),
        suffix: squash(after.toString()).trimEnd().slice(0, 64),
      }
    }
  }
  return {
    url: location.href,
    title: document.title,
    html: withHtml ? document.documentElement.outerHTML : '',
    selection,
  }
}
