// Runs everywhere: who a figure is attributed to, read as a model of the whole article rather than one
// sentence at a time: the title speaks for nobody (conventions v2 §12), the sentence readers of
// attribution.ts find who speaks where, and the article's table of entities (entities.ts) names them as
// the article introduces them.
import { suggestAttribution } from './attribution'
import { modelAttribution } from './attribution-model'
import { discourseSpeaker } from './speaker-discourse'
import { speakerName } from './speaker-name'
import { en } from './lang/en'
import type { Lexicon } from './lang/types'

export { RESOLVE } from './speaker-name'

/** Languages answered from the discourse state (speaker-discourse.ts); the others keep the sentence cascade. */
export const DISCOURSE = new Set(['en', 'fr', 'es', 'de', 'uk', 'ru'])

/** The first line of an article file, `date YYYY-MM-DD Title`: a title's figure has no speaker. */
export function inTitle(text: string, offset: number): boolean {
  const firstLine = text.indexOf('\n')
  return /^date \d{4}-\d{2}-\d{2} /.test(text) && (firstLine < 0 || offset < firstLine)
}

/** Who the figure at `start`…`end` of `text` is attributed to, undefined in the article's own voice. */
export function attributeSpeaker(args: {
  text: string
  start: number
  end: number
  lex?: Lexicon
}): string | undefined {
  if (inTitle(args.text, args.start)) return undefined
  const lex = args.lex ?? en
  // where the sentence readers find no one, the clause model of attribution-model.ts
  const found = DISCOURSE.has(lex.code)
    ? discourseSpeaker(args.text, args.start, args.end, lex)
    : (suggestAttribution(args) ?? modelAttribution({ text: args.text, start: args.start, lex }))
  if (found === undefined || found === null) return undefined
  // named as the article names it most fully, in the nominative (speaker-name.ts)
  return speakerName({ mention: found, text: args.text, offset: args.start, lex })
}
