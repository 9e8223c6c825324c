// Scripts: the speaker misses of one language's labelled articles — each labelled figure whose prefilled speaker
// is not the label's, with what the prefill gave. speaker-misses.ts prints them, speaker-causes.ts sorts them.
import { prefillFigure } from '../../src/shared/figures/index'
import { type Article, type Label, sameSpeaker } from './score'

export type SpeakerMiss = { article: Article; label: Label; got: string | undefined }

export function* speakerMisses(lang: string, articles: Article[]): Generator<SpeakerMiss> {
  for (const article of articles) {
    for (const label of article.labels) {
      if (label.attributedTo === undefined) continue
      const got = prefillFigure({
        text: article.text,
        start: label.start,
        end: label.end,
        lang,
        articleDate: article.date,
      }).attributedTo
      if (!sameSpeaker(label.attributedTo, got)) yield { article, label, got }
    }
  }
}
