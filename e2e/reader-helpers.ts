// e2e: selecting text in the reader and reading back what the CSS Custom Highlight API paints.
import type { Page } from '@playwright/test'

/** Selects from the first character of `from` to the last of `to` inside the article body. */
export async function selectText(page: Page, from: string, to: string): Promise<void> {
  await page.evaluate(
    ([fromText, toText]) => {
      const body = document.querySelector('[data-testid="article-body"]')!
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
      const nodes: Text[] = []
      while (walker.nextNode()) nodes.push(walker.currentNode as Text)
      const find = (needle: string, last: boolean): [Text, number] => {
        for (const node of nodes) {
          const at = node.data.indexOf(needle)
          if (at >= 0) return [node, last ? at + needle.length : at]
        }
        throw new Error(`"${needle}" is not in one text node of the article`)
      }
      const range = document.createRange()
      range.setStart(...find(fromText, false))
      range.setEnd(...find(toText, true))
      const sel = window.getSelection()!
      sel.removeAllRanges()
      sel.addRange(range)
    },
    [from, to],
  )
  await page.locator('.reader-scroll').dispatchEvent('mouseup')
}

/** The text under every painted highlight of one CSS highlight name, in document order. */
export async function paintedText(page: Page, name: string): Promise<string[]> {
  return page.evaluate((n) => {
    const highlight = CSS.highlights.get(n)
    return highlight ? [...highlight].map((r) => (r as Range).toString()) : []
  }, name)
}
