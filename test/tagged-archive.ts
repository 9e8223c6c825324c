// Tests (Node): a temp archive, through the real service, holding a small tag hierarchy — the setup the tag
// tests share (src/main/handlers/tags.test.ts, src/main/archive/tag-merge-undo.test.ts).
//   A: tags strikes, strikes/launched, war; a figure on "520 drones" tagged strikes/launched and drones, its
//      metric strikes/launched
//   B: tag economy; a highlight on "70%" tagged strikes/repelled
//   strikes/launched is coloured orange.
import { serviceHarness } from './service-harness'
import { sampleTarget } from './temp-archive'

export const TAGGED_TEXT = 'Russia launched 520 drones in the first week.\n\nUkraine repelled 70% on average.'

export async function taggedArchive() {
  const h = await serviceHarness()
  const a = await h.call('articles.create', {
    title: 'A',
    text: TAGGED_TEXT,
    tags: ['strikes', 'strikes/launched', 'war'],
  })
  const b = await h.call('articles.create', {
    title: 'B',
    text: `${TAGGED_TEXT} Again.`,
    tags: ['economy'],
  })
  const figure = await h.call('annotations.create', {
    articleId: a.id,
    target: sampleTarget(TAGGED_TEXT, '520 drones'),
    tags: ['strikes/launched', 'drones'],
    figure: { value: 520, metric: 'strikes/launched' },
  })
  await h.call('annotations.create', {
    articleId: b.id,
    target: sampleTarget(TAGGED_TEXT, '70%'),
    tags: ['strikes/repelled'],
  })
  await h.call('tags.setColor', { name: 'strikes/launched', color: 'orange' })
  /** The annotations of an article, A's by default. */
  const annotations = (articleId = a.id) => h.call('annotations.list', { articleId })
  return { ...h, a, b, figure, annotations }
}
