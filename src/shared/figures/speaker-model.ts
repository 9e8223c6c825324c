// Runs everywhere: who a figure is attributed to, read as a model of the whole article rather than one
// sentence at a time: the title speaks for nobody (conventions v2 §12), the sentence readers of
// attribution.ts find who speaks where, and the article's table of entities (entities.ts) names them as
// the article introduces them.
import { suggestAttribution } from './attribution'
import { modelAttribution } from './attribution-model'
import { entityTable } from './entities'
import { resolveMention } from './entity-resolve'
import { discourseSpeaker } from './speaker-discourse'
import { en } from './lang/en'
import { normalizeSpeaker } from './names'
import type { Lexicon } from './lang/types'

/** Languages answered from the discourse state (speaker-discourse.ts); the others keep the sentence cascade. */
export const DISCOURSE = new Set(['en', 'fr', 'es', 'de', 'uk', 'ru'])

/** Languages whose speakers are resolved against the article's entity table (entity-resolve.ts). */
export const RESOLVE = new Set(['en', 'fr', 'es', 'de', 'uk', 'ru'])

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
  const named = normalizeSpeaker(entityTable(args.text, lex).canonical(found, args.start), args.text, lex)
  // the mention resolved against the article's entity table (entity-resolve.ts), where RESOLVE holds its language
  return RESOLVE.has(lex.code) ? resolveMention(named, args.text, args.start, lex) : named
}
