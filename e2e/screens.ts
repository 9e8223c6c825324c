// e2e: screenshots of the page at 1440×900 and 1024×700, light and dark, under reports/screens/.
import type { Page } from '@playwright/test'

const SIZES = [
  [1440, 900],
  [1024, 700],
] as const

/** `reports/screens/<name>-<width>x<height>-<scheme>.png` for each size and scheme; `prepare` runs before each. */
export async function screenshotSizes(
  page: Page,
  name: string,
  prepare?: () => Promise<void>,
): Promise<void> {
  for (const [width, height] of SIZES) {
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize({ width, height })
      await page.emulateMedia({ colorScheme: scheme })
      await prepare?.()
      await page.screenshot({ path: `reports/screens/${name}-${width}x${height}-${scheme}.png` })
    }
  }
}
