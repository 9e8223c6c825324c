// Renderer: what the reader does with an article's images and links once its sanitized HTML is in place. Images
// are the archive's own (`glossa-asset:` names, fetched through the contract, never from the web); links open in
// the system browser, and only those isSafeExternalUrl accepts.
import { ASSET_SCHEME, assetNameOf } from '../../../shared/assets'
import { isSafeExternalUrl } from '../../../shared/url-safety'
import { api } from '../api'

/** DOMPurify knows no `glossa-asset:` scheme and would drop the src: it rides in a data attribute instead. */
export function parkAssetSources(html: string): string {
  return html.replace(
    /<img src="glossa-asset:([0-9a-f]{64}\.(?:png|jpg|gif|webp|avif))"/g,
    '<img data-asset="$1"',
  )
}

/** Gives every archive image its bytes; one that is missing (a restored backup carries none) is hidden. */
export function loadArticleImages(container: HTMLElement, articleId: string): void {
  for (const img of Array.from(container.querySelectorAll<HTMLImageElement>('img[data-asset]'))) {
    const name = assetNameOf(`${ASSET_SCHEME}${img.dataset.asset ?? ''}`)
    if (!name) continue
    api['articles.image']({ id: articleId, name }).then(
      ({ mime, base64 }) => {
        if (img.isConnected) img.src = `data:${mime};base64,${base64}`
      },
      () => {
        img.hidden = true
      },
    )
  }
}

/** A click on an article link: never navigates the app; a safe address opens outside it (Electron's window-open
 * handler hands it to the system browser after the same check; browser mode opens a new tab). */
export function onArticleClick(event: MouseEvent): void {
  const link = (event.target as Element | null)?.closest?.('a[href]')
  if (!link) return
  event.preventDefault()
  const href = link.getAttribute('href') ?? ''
  if (isSafeExternalUrl(href)) window.open(href, '_blank', 'noopener,noreferrer')
}
