// Runs everywhere: the ONE name normaliser of a speaker (issue #13, round 16). A mention as a sentence reader
// found it ("Избирательной комиссии Северореченской области", "Chief Fire Officer Dana Whitlow", "Bilanz des
// Staatlichen Wetterdienstes", "Tierpark") is given as the article names it most fully and in the nominative,
// read against the article's entity table, in one order for every language:
// 1. the mention's noun phrase (mention-phrase.ts, entity-spans.ts): a source frame's complement, the
//    nominative by morphology ("de Turismo" → "Turismo", "Аналитики «Северного капитала»" → "Северный капитал");
// 2. the table's fullest form (entities.ts) and the name's own form (names.ts): roles before a person, case
//    endings, a short name extended ("Turismo" → "consejería de Turismo", "поліції" → "Національна поліція");
// 3. the entity it stands for (entity-resolve.ts): a kind noun, an acronym, a surname;
// 4. what resolving may bring back undone again: a frame ("La dirección de Cerámica Alcora Levante"), a role
//    before a person ("Chief Fire Officer Dana Whitlow"), a German genitive ("Verbands der Ersatzkassen").
// Every speaker producer names its speaker here and nowhere else.
import { entityTable, quotedName } from './entities'
import { resolveMention } from './entity-resolve'
import { companyName } from './attribution'
import { framePhrase, isManagement, mentionPhrase } from './mention-phrase'
import { germanNominative, normalizeSpeaker, withoutRoles } from './names'
import { sentenceAt, splitSentences } from './sentences'
import type { Lexicon } from './lang/types'

/** Languages whose speakers are resolved against the article's entity table (entity-resolve.ts). */
export const RESOLVE = new Set(['en', 'fr', 'es', 'de', 'uk', 'ru'])

/**
 * The canonical nominative full form of `mention`, a speaker found at `offset` of `text`; undefined where the
 * mention is the outlet of the article's dateline.
 */
export function speakerName(args: {
  mention: string
  text: string
  offset: number
  lex: Lexicon
}): string | undefined {
  const { text, offset, lex } = args
  const resolve = RESOLVE.has(lex.code)
  // a company's management alone ("a estimé la direction", "керівництво") speaks as the company (session 12)
  const company = isManagement(args.mention) ? companyName(text) : undefined
  if (company !== undefined) return company
  const phrase = resolve ? framePhrase(args.mention, text, lex) : args.mention
  const sentences = splitSentences(text)
  const until = sentences.length > 0 ? sentences[sentenceAt(sentences, offset)].end : text.length
  const named = normalizeSpeaker(entityTable(text, lex).canonical(phrase, offset), text, lex, until)
  if (!resolve) return named
  const resolved = resolveMention(named, text, offset, lex)
  if (resolved === undefined) return resolved
  // (a lower-case kind noun before a quoted name is no part of it: "перевозчика «Горэлектротранс»")
  const unframed = quotedName(mentionPhrase(resolved, text, lex))
  return withoutRoles(lex.code === 'de' ? germanNominative(unframed, text) : unframed, lex)
}
