// Runs everywhere: the clause model of attribution, read where the word-by-word readers of attribution.ts find
// no one. Each sentence is split into clauses (clauses.ts); a clause's communication verb (speech-verbs.ts, any
// inflected form) or a source phrase ("según X", "за даними X") names an agent — the subject before the verb,
// the speaker after an inverted one ("informó este martes la Consejería", "сообщил в понедельник сервис
// «Кинометрика»"), or, for a coordinated verb with no subject of its own ("Izquierdo pidió … y recordó que"), the
// subject of the clause before; a figure inside a quote takes the quote's attribution wherever the quote ends;
// a pronoun or role noun ("la agencia", "таможни", "the lender") is the latest entity of the article it fits.
import { quoteAt, quoteSpans, splitClauses } from './clauses'
import type { QuoteSpan } from './clauses'
import { sentenceAt, splitSentences } from './sentences'
import type { Sentence } from './sentences'
import { SEPARABLE, isSpeechVerb } from './speech-verbs'
import { DOCUMENT, SOURCE_PHRASES } from './source-phrases'
import { deCommonNoun } from './lang/de-clauses'
import type { Lexicon } from './lang/types'
import { AUXILIARY, CONJ, LINKS, PARTICIPLE, PRONOUNS, SKIPPABLE, nominative } from './speaker-tables'

type Word = { text: string; lower: string; start: number; end: number }
/** An agent as read: the words of its noun phrase, or a pointer back (a pronoun, a dropped subject). */
type Agent = { words: Word[]; at: number; back?: boolean }

const isCap = (w: string): boolean => /^\p{Lu}/u.test(w)
const isAcronym = (w: string): boolean => /^\p{Lu}{2,7}$/u.test(w)

/** Words of `text[start, end)`: letters and digits (with inner hyphens and apostrophes), quote marks, punctuation. */
function words(text: string, start: number, end: number): Word[] {
  const out: Word[] = []
  const re = /[\p{L}\d][\p{L}\d'’&-]*|[«»„“”"‹›(),;:–—]/gu
  re.lastIndex = start
  for (let m = re.exec(text); m !== null && m.index < end; m = re.exec(text)) {
    // French elision: "l'Agence" → "l'" "Agence"
    const el = /^((?:[dlDL]|qu|Qu)['’])(\p{L}.*)$/u.exec(m[0])
    if (el) {
      out.push({ text: el[1], lower: el[1].toLowerCase(), start: m.index, end: m.index + el[1].length })
      out.push({
        text: el[2],
        lower: el[2].toLowerCase(),
        start: m.index + el[1].length,
        end: m.index + m[0].length,
      })
    } else out.push({ text: m[0], lower: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length })
  }
  return out
}

/** Words after which a word is a noun, not a verb: "el informe", "the report", "les chiffres". */
function afterDeterminer(ws: Word[], i: number, lex: Lexicon): boolean {
  const prev = ws[i - 1]?.lower ?? ''
  return lex.speech.determiners.has(prev) || /^(?:de|del|des|du|of|по|за)$/u.test(prev)
}

/** The agent's noun phrase from word `k` on: up to a clause break, a relative pronoun or a verb, at most 10 words. */
function phraseFrom(ws: Word[], k: number, lex: Lexicon): Word[] {
  const out: Word[] = []
  let quoted = false
  for (let j = k; j < ws.length && out.length < 12; j++) {
    const w = ws[j]
    if (w.text === '«' || w.text === '„' || w.text === '“' || w.text === '"') {
      quoted = true
      out.push(w)
      continue
    }
    if (quoted && /^[»“”"]$/.test(w.text)) {
      out.push(w)
      quoted = false
      continue
    }
    if (!quoted && /^[(),;:–—»”]$/.test(w.text)) break
    if (
      !quoted &&
      out.length > 0 &&
      /^(?:que|qui|who|which|that|der|die|das|який|яка|які|що|который|которая|которые|что|y|and|et|und|і|и|та|а|,)$/u.test(
        w.lower,
      ) &&
      !isCap(w.text)
    )
      break
    if (!quoted && out.length > 0 && isSpeechVerb(w.text, lex.code) && !isCap(w.text)) break
    out.push(w)
  }
  return out
}

/**
 * Whether a phrase can name an agent: a capitalised name, an acronym, a quoted name, or a role or body noun. A
 * capital is a name's only where it marks one: not a German common noun ("Die Experten"), not a Ukrainian or
 * Russian sentence's first word alone ("Собеседник … сообщил").
 */
function namesSomeone(phrase: Word[], lex: Lexicon, text = ''): boolean {
  const { titles, orgs, functionWords, determiners } = lex.speech
  const slavic = lex.code === 'uk' || lex.code === 'ru'
  const nameCap = (w: Word, i: number): boolean => {
    if (!isCap(w.text) || (i === 0 && (functionWords.has(w.lower) || determiners.has(w.lower)))) return false
    if (isAcronym(w.text)) return true
    if (lex.code === 'de') return !deCommonNoun(w.text, text)
    if (slavic && i === 0) return isCap(phrase[1]?.text ?? '')
    return true
  }
  return phrase.some(
    (w, i) =>
      nameCap(w, i) ||
      titles.has(w.lower) ||
      orgs.has(w.lower) ||
      orgs.has(w.lower.replace(/(?:s|а|и|ы|у|і|ю|е|ой|ого|ом)$/u, '')) ||
      (slavic && slavicOrg(w.lower, orgs)) ||
      /^[«„“"]$/.test(w.text),
  )
}

/** A Ukrainian or Russian body noun in any case: the stem of a word of the language's body list ("таможни"). */
function slavicOrg(word: string, orgs: ReadonlySet<string>): boolean {
  if (word.length < 5) return false
  for (const o of orgs) {
    const stem = o.slice(0, Math.max(4, o.length - 2))
    if (o.length >= 5 && word.startsWith(stem) && word.length - stem.length <= 4) return true
  }
  return false
}

/** Agents of one sentence, each with the word index where it was found (for choosing the one nearest a figure). */
function sentenceAgents(
  text: string,
  s: Sentence,
  lex: Lexicon,
  quotes: readonly QuoteSpan[],
): { agent: Agent; clauseStart: number; clauseEnd: number }[] {
  const lang = lex.code
  const clauses = splitClauses(text, s.start, s.end, lang, undefined, quotes)
  const found: { agent: Agent; clauseStart: number; clauseEnd: number }[] = []
  const phrases = SOURCE_PHRASES[lang] ?? []
  const pronouns = PRONOUNS[lang] ?? []
  let prevSubject: Agent | undefined
  for (const c of clauses) {
    // (words inside a quote stay: a quoted name is a name, "сервис «Кинометрика»"; a verb inside one is not
    // the article's attribution)
    const ws = words(text, c.start, c.end)
    let subject: Agent | undefined
    let lastVerb = -1
    for (let i = 0; i < ws.length; i++) {
      const w = ws[i]
      // a source phrase: "según la CHI", "за даними звіту фонду", "nach Angaben des Insolvenzverwalters"
      const phrase = phrases.find((p) => p.every((part, k) => part === '*' || ws[i + k]?.lower === part))
      if (phrase) {
        // (what follows a source phrase is a source, named or not: "по данным таможни", "selon lui")
        const np = phraseFrom(ws, i + phrase.length, lex)
        const back =
          np.length === 0 || pronouns.includes(np[0].lower) || (np.length === 1 && DOCUMENT.test(np[0].text))
        // (a source is named or a body: "según su consumo", "за даними енергетиків" name no one)
        if (back || namesSomeone(np, lex, text))
          found.push({
            agent: { words: back ? [] : np, at: w.start, back },
            clauseStart: c.start,
            clauseEnd: c.end,
          })
        i += phrase.length
        continue
      }
      // German "X zufolge": the source before the postposition
      if (lang === 'de' && w.lower === 'zufolge') {
        const np = ws.slice(0, i).filter((x) => /^\p{L}/u.test(x.text))
        if (namesSomeone(np, lex, text))
          found.push({ agent: { words: np, at: w.start }, clauseStart: c.start, clauseEnd: c.end })
        continue
      }
      if (!isSpeechVerb(w.text, lang) || afterDeterminer(ws, i, lex)) continue
      if (quoteAt(quotes, w.start) !== undefined) continue
      // a French or Spanish participle is a verb only after its auxiliary ("a précisé", "ha informado"); alone
      // it is an adjective ("lo más destacado", "le modèle doté")
      if (PARTICIPLE[lang]?.test(w.lower) === true && !AUXILIARY.has(ws[i - 1]?.lower ?? '')) continue
      // a separable German verb speaks only with its particle at the clause's end: "teilte … mit"
      const particle = lang === 'de' ? SEPARABLE[w.lower] : undefined
      if (particle !== undefined && !ws.slice(i + 1).some((x) => x.lower === particle)) continue
      // the French pronoun of an inverted verb: "affirme-t-il", "a indiqué-t-elle"
      const inv = /-(?:t-)?(il|elle|ils|elles)$/u.exec(w.lower)
      if (inv) {
        found.push({ agent: { words: [], at: w.start, back: true }, clauseStart: c.start, clauseEnd: c.end })
        continue
      }
      // the subject before the verb, in its clause (auxiliaries and adverbs passed over)
      // (after an earlier verb of the clause, only the words since it: "X defendió que … y recordó que"; a quote
      // of more than a name is no subject)
      const quoted = (x: Word): boolean => {
        const mark = /^[«»„“”"]$/.test(x.text)
        const q =
          quoteAt(quotes, x.start) ??
          (mark ? (quoteAt(quotes, x.start + 1) ?? quoteAt(quotes, x.start - 1)) : undefined)
        return q !== undefined && text.slice(q.start, q.end).split(/\s+/).length > 5
      }
      const before = ws
        .slice(lastVerb + 1, i)
        .filter((x) => (/^\p{L}/u.test(x.text) || /^[«»„“”"]$/.test(x.text)) && !quoted(x))
      const lead = before.filter((x) => !(lex.speech.auxiliaries?.has(x.lower) ?? false))
      const beforeNames = lead.length > 0 && lead.length <= 12 && namesSomeone(lead, lex, text)
      // the speaker after an inverted verb: "informó este martes la Consejería", "сообщил сервис «…»"
      let k = i + 1
      while (k < ws.length && k <= i + 4 && SKIPPABLE.test(ws[k].lower) && !isCap(ws[k].text)) k++
      if (
        lang !== 'de' &&
        ws[k] &&
        lex.speech.determiners.has(ws[k].lower) === false &&
        SKIPPABLE.test(ws[k].lower)
      )
        k++
      const after = phraseFrom(ws, k, lex)
      const afterNames =
        after.length > 0 && namesSomeone(after, lex, text) && !pronouns.includes(after[0].lower)
      const pronounBefore = lead.length > 0 && pronouns.includes(lead[lead.length - 1].lower)
      const pronounAfter = ws[i + 1] !== undefined && pronouns.includes(ws[i + 1].lower)
      let agent: Agent | undefined
      if (pronounBefore || pronounAfter) agent = { words: [], at: w.start, back: true }
      else if (
        beforeNames &&
        !(afterNames && lead.every((x) => !isCap(x.text) || lex.speech.functionWords.has(x.lower)))
      )
        agent = { words: subjectOf(lead, lex), at: w.start }
      else if (afterNames) agent = { words: after, at: w.start }
      else if (
        lead.length === 0 ||
        (lastVerb >= 0 && CONJ.test(lead[0]?.lower ?? '')) ||
        (c.opener !== '' && /^, ?(?:y|and|et|und|і|и|та|а|e)$/u.test(c.opener)) ||
        /^(?:y|and|et|und|і|и|та|й|e)$/u.test(lead[0]?.lower ?? '')
      )
        // a verb with no subject of its own: the coordinated clause's subject, else the speaker before
        agent = prevSubject ?? { words: [], at: w.start, back: true }
      lastVerb = i
      if (agent) {
        found.push({ agent, clauseStart: c.start, clauseEnd: c.end })
        subject = agent
      }
    }
    // the subject of this clause, for a coordinated verb after it ("El Ministerio defendió … y recordó")
    if (subject) prevSubject = subject
    else {
      const lead = ws.filter((x) => /^\p{L}/u.test(x.text)).slice(0, 8)
      const capital = lead.findIndex(
        (x, i) => isCap(x.text) && !(i === 0 && lex.speech.functionWords.has(x.lower)),
      )
      if (capital >= 0 && c.opener === '') {
        // the subject is the capitalised run there ("Izquierdo pidió «…»": "Izquierdo"), with its links
        let end = capital + 1
        while (
          end < lead.length &&
          (isCap(lead[end].text) || (LINKS.test(lead[end].lower) && isCap(lead[end + 1]?.text ?? '')))
        )
          end++
        prevSubject = { words: lead.slice(capital, end), at: c.start }
      }
    }
  }
  return found
}

/** The subject's own words from the words before its verb: from its first name or body word to its last. */
function subjectOf(lead: Word[], lex: Lexicon): Word[] {
  const { titles, orgs, determiners } = lex.speech
  let first = lead.findIndex(
    (w) => isCap(w.text) || titles.has(w.lower) || orgs.has(w.lower) || /^[«„“"]$/.test(w.text),
  )
  if (first < 0) first = 0
  // "Le syndicat, de son côté, affirme": the subject's noun, its determiner left out
  while (first > 0 && determiners.has(lead[first - 1].lower)) first--
  let last = lead.length - 1
  // adverbs between the subject and its verb: "Le syndicat toutefois affirme"
  while (
    last > first &&
    !isCap(lead[last].text) &&
    !titles.has(lead[last].lower) &&
    !orgs.has(lead[last].lower) &&
    !/^[»“”"]$/.test(lead[last].text)
  )
    last--
  return lead.slice(first, last + 1)
}

/** The agent's words as a name: determiners and document nouns left out, a quoted name taken from its frame. */
function agentName(agent: Agent, lex: Lexicon): string | undefined {
  let ws = agent.words.filter((w) => !/^[()]$/.test(w.text))
  const open = ws.findIndex((w) => /^[«„“"]$/.test(w.text))
  if (open >= 0) {
    const close = ws.findIndex((w, i) => i > open && /^[»“”"]$/.test(w.text))
    const inner = ws.slice(open + 1, close < 0 ? undefined : close)
    if (inner.length > 0 && isCap(inner[0].text)) {
      // "Благодійний фонд «Світлиця»" keeps its frame when it opens with a capital; "сервис «Кинометрика»" does not
      const frame = ws.slice(0, open)
      if (frame.length > 0 && isCap(frame[0].text) && lex.code !== 'de')
        return join(ws.slice(0, close < 0 ? undefined : close + 1))
      return join(inner)
    }
  }
  const { determiners } = lex.speech
  while (
    ws.length > 0 &&
    (determiners.has(ws[0].lower) ||
      /^(?:de|del|des|du|d['’]|of|the|la|le|l['’]|el|los|las|les|von|vom)$/u.test(ws[0].lower))
  )
    ws = ws.slice(1)
  // "los datos de la agencia", "звіту фонду": the body behind the document
  if (ws.length > 1 && DOCUMENT.test(ws[0].text)) {
    ws = ws.slice(1)
    while (
      ws.length > 0 &&
      (determiners.has(ws[0].lower) ||
        /^(?:de|del|des|du|d['’]|of|from|the|la|le|l['’]|el|von|vom|der|des)$/u.test(ws[0].lower))
    )
      ws = ws.slice(1)
  }
  if (ws.length === 0) return undefined
  return join(ws)
}

const join = (ws: Word[]): string =>
  ws
    .map((w, i) => (i > 0 && w.start > ws[i - 1].end ? ' ' : '') + w.text)
    .join('')
    .trim()

type ModelArgs = { text: string; start: number; lex: Lexicon }

/** What `modelAttribution` with `own` answers for a pronoun or a dropped subject: the speaker of the state. */
export const POINTS_BACK = '\u2190'

/**
 * Who the figure at `start` is attributed to by the clause model, before naming (the entity table and the name
 * normaliser name it as the article does); undefined where the model finds no one.
 */
export function modelAttribution(args: ModelArgs & { own?: false }): string | undefined
/** Only the figure's sentence (and a quote's attribution after it); `null` for a sentence of its own unnamed speaker. */
export function modelAttribution(args: ModelArgs & { own: true }): string | null | undefined
export function modelAttribution(args: ModelArgs & { own?: boolean }): string | null | undefined {
  const { text, start, lex } = args
  // (English: the sentence readers of attribution.ts find nearly every speaker, and English words are verbs and
  // nouns alike — "forecast", "report", "count" — where a clause model without a tagger reads wrong)
  if (lex.code === 'en') return undefined
  const sentences = splitSentences(text)
  if (sentences.length === 0) return undefined
  const quotes = quoteSpans(text)
  const at = sentenceAt(sentences, start)
  const para = sentences[at].paragraph
  const inQuote = quoteAt(quotes, start)
  // the figure's sentence, then (inside a quote) the sentences to the quote's end, then the paragraph's earlier ones
  const order: number[] = [at]
  if (inQuote)
    for (let i = at + 1; i < sentences.length && sentences[i].start <= inQuote.end + 80; i++)
      if (!args.own || sentences[i].paragraph === para) order.push(i)
  if (!args.own) for (let i = at - 1; i >= 0 && sentences[i].paragraph === para; i--) order.push(i)
  for (const index of order) {
    const agents = sentenceAgents(text, sentences[index], lex, quotes)
    // a sentence of its own unnamed speaker ("Представитель независимых кинотеатров … жалуется") takes no
    // earlier one's
    if (agents.length === 0 && index === at && opensWithRole(text, sentences[at], lex))
      return args.own ? null : undefined
    if (agents.length === 0) continue
    // in the figure's sentence, the agent of the figure's clause or the nearest one
    const pick =
      index === at
        ? (agents.find((a) => a.clauseStart <= start && start < a.clauseEnd) ??
          [...agents].sort((a, b) => Math.abs(a.agent.at - start) - Math.abs(b.agent.at - start))[0])
        : agents[agents.length - 1]
    if (pick.agent.back || pick.agent.words.length === 0) {
      // (the discourse model resolves a pointer back from its state)
      if (args.own) return POINTS_BACK
      const back = pointBack(text, sentences, index, lex, quotes)
      if (back) return back
      continue
    }
    const name = agentName(pick.agent, lex)
    if (name)
      return nominative(name, text, text.slice(sentences[index].start, pick.agent.words[0].start), lex)
  }
  return undefined
}

/** Whether a sentence opens with a role noun as its subject: "Представитель …", "Un porte-parole …". */
function opensWithRole(text: string, s: Sentence, lex: Lexicon): boolean {
  const ws = words(text, s.start, Math.min(s.end, s.start + 60)).filter((w) => /^\p{L}/u.test(w.text))
  const first = lex.speech.determiners.has(ws[0]?.lower ?? '') ? ws[1] : ws[0]
  return first !== undefined && lex.speech.titles.has(first.lower)
}

/** A pronoun or a dropped subject: the nearest named agent before, searching back across paragraphs. */
function pointBack(
  text: string,
  sentences: Sentence[],
  from: number,
  lex: Lexicon,
  quotes: readonly QuoteSpan[],
): string | undefined {
  for (let i = from - 1; i >= 0 && i >= from - 6; i--) {
    if (sentences[i].start === 0 && /^date \d{4}/.test(text)) break
    const agents = sentenceAgents(text, sentences[i], lex, quotes).filter(
      (a) => !a.agent.back && a.agent.words.length > 0,
    )
    const last = agents[agents.length - 1]
    if (last) return agentName(last.agent, lex)
  }
  return undefined
}
