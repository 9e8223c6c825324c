// Tests (Node): a real archive with one article whose figure (500 strikes) is tagged "old" and on disk — where
// the counts tests (a kill, a power cut) make their second save.
import { serviceHarness } from './service-harness'
import { sampleTarget } from './temp-archive'

export const STRIKES_TEXT =
  'There were 500 missile and drone strikes overnight.\n\nThe grid held at 70% of capacity.'

export async function strikesArchive() {
  const h = await serviceHarness()
  const article = await h.call('articles.create', { title: 'Strikes', text: STRIKES_TEXT, source: 'Wire' })
  await h.call('annotations.create', {
    articleId: article.id,
    target: sampleTarget(STRIKES_TEXT, '500'),
    figure: { value: 500, metric: 'strikes/launched', attributedTo: 'Air force' },
    tags: ['old'],
  })
  await h.archive.flush()
  return { h, article }
}
