// Runs everywhere: finds who speaks in one sentence: "X said", "said X", "according to X", with titles
// ("Energy Minister Oksana Zhuk") reduced to the name and roles ("the ministry", "he") kept for resolving.

import type { Speaker, SpeechWords } from './lang/types'
import { joinWords as join, splitWords } from './speaker-words'
import type { Word } from './speaker-words'

export type { Speaker }

export type SpeakerReader = {
  findSpeakers: (sentence: string) => Speaker[]
  namedBefore: (text: string, head: string, offset: number) => string | undefined
  findTitledPeople: (text: string) => { title: string; name: string; index: number }[]
  titles: ReadonlySet<string>
  determiners: ReadonlySet<string>
  pronounsForBodies: boolean
}

const readers = new WeakMap<SpeechWords, SpeakerReader>()

/** The speaker finder for one language's words (built once per language). */
export function speakerReader(speech: SpeechWords): SpeakerReader {
  let reader = readers.get(speech)
  if (reader === undefined) {
    reader = makeReader(speech)
    readers.set(speech, reader)
  }
  return reader
}

function makeReader(speech: SpeechWords): SpeakerReader {
  const {
    verbs: VERBS,
    inverted: INVERTED,
    titles: TITLES,
    orgs: ORGS,
    pronouns: PRONOUNS,
    functionWords: FUNCTION_WORDS,
    phraseBreaks: PHRASE_BREAKS,
    connectors: CONNECTORS,
    particles: PARTICLES,
    determiners: DETERMINERS,
  } = speech

  const AUXILIARIES = speech.auxiliaries ?? new Set<string>()
  const phrases = speech.nounPhrases === true

  const toWords = (sentence: string): Word[] => splitWords(sentence, speech)

  const isHead = (w: Word | undefined): boolean =>
    w !== undefined && (TITLES.has(w.lower) || ORGS.has(w.lower))

  /**
   * Where bodies are named in lower case ("le ministère russe de la Défense", "l'armée de l'air
   * ukrainienne"): the noun phrase from `at` in direction `step`, up to a determiner, a break or punctuation.
   */
  function nounPhrase(ws: Word[], at: number, step: 1 | -1): Word[] {
    const phrase: Word[] = []
    for (let k = at; k >= 0 && k < ws.length && phrase.length < 10; k += step) {
      const w = ws[k]
      // "Agence régionale de santé (ARS) Nouvelle-Aquitaine": an acronym in brackets is passed over
      if (w.text === (step === 1 ? '(' : ')') && ws[k + 2 * step]?.text === (step === 1 ? ')' : '(')) {
        k += 2 * step
        continue
      }
      if (!/^\p{L}/u.test(w.text) || VERBS.has(w.lower) || AUXILIARIES.has(w.lower)) break
      // "de la Défense", "de l'air": a determiner after a connector is inside the name
      const inside = CONNECTORS.has(ws[k - 1]?.lower ?? '') && !DETERMINERS.has(ws[k - 1].lower)
      if ((DETERMINERS.has(w.lower) && !inside) || PHRASE_BREAKS.has(w.lower) || PRONOUNS.has(w.lower)) break
      if (step === 1) phrase.push(w)
      else phrase.unshift(w)
    }
    while (phrase.length > 0 && CONNECTORS.has(phrase[phrase.length - 1].lower)) phrase.pop()
    while (phrase.length > 0 && CONNECTORS.has(phrase[0].lower)) phrase.shift()
    return phrase
  }

  /** A lower-case phrase names a body or a role when it opens with one: "ministère…", "préfet du Finistère". */
  const namedPhrase = (phrase: Word[]): Speaker | undefined =>
    phrase.length > 0 && (isHead(phrase[0]) || phrase.every((w) => w.cap || CONNECTORS.has(w.lower)))
      ? reduce(phrase)
      : undefined

  const isName = (w: Word | undefined): boolean =>
    w !== undefined && w.cap && !DETERMINERS.has(w.lower) && !FUNCTION_WORDS.has(w.lower)

  /** Reduces a capitalised run to the most specific name in it. */
  function reduce(run: Word[]): Speaker | undefined {
    while (run.length > 0 && (DETERMINERS.has(run[0].lower) || ['in', 'but', 'and'].includes(run[0].lower)))
      run = run.slice(1)
    if (run.length === 0) return undefined
    const segments: Word[][] = [[]]
    for (const w of run) {
      if (CONNECTORS.has(w.lower) && !w.cap) segments.push([])
      else segments[segments.length - 1].push(w)
    }
    for (const [k, segment] of segments.entries()) {
      let last = -1
      segment.forEach((w, i) =>
        TITLES.has(w.lower) || ORGS.has(w.lower.replace(/['’]s$/, '')) ? (last = i) : undefined,
      )
      let name = segment.slice(last + 1)
      // "compagnie aérienne française Air Azur": the name is the capitalised words at the end
      if (phrases) name = name.slice(name.findLastIndex((w) => !w.cap) + 1)
      // after "of"/"for" a name needs its own title or body: "Institute for Demography" names nobody
      if (k > 0 && last < 0) continue
      if (name.length > 0) return { name: join(name), kind: 'person', index: name[0].index }
    }
    const all = join(run)
    const head = run[run.length - 1].lower
    // "a Peninsula Rail spokesperson": the body before the role is who speaks
    const body = run.slice(0, -1)
    if (TITLES.has(head) && body.length > 0 && body.every((w) => !TITLES.has(w.lower) && !ORGS.has(w.lower)))
      return { name: join(body), kind: 'org', index: run[0].index }
    return { name: all, kind: TITLES.has(head) ? 'role' : 'org', index: run[0].index }
  }

  /** Capitalised run ending at word `end`, reading leftwards over connectors ("Minister for Strategic Industries X"). */
  function runLeft(ws: Word[], end: number): Word[] {
    let start = end
    while (
      start > 0 &&
      (isName(ws[start - 1]) || (CONNECTORS.has(ws[start - 1].lower) && isName(ws[start - 2])))
    )
      start--
    while (start > 0 && PARTICLES.has(ws[start - 1].text)) start--
    return ws.slice(start, end + 1)
  }

  function runRight(ws: Word[], start: number): Word[] {
    let end = start
    while (isName(ws[end + 1]) || (CONNECTORS.has(ws[end + 1]?.lower ?? '') && isName(ws[end + 2]))) end++
    return ws.slice(start, end + 1)
  }

  /** A lower-case noun phrase ending at `end` back to its determiner: "the ministry", "Kyiv's military administration". */
  function roleLeft(ws: Word[], end: number): Speaker | undefined {
    let start = end
    while (
      start > 0 &&
      start > end - 4 &&
      /^\p{L}/u.test(ws[start - 1].text) &&
      !VERBS.has(ws[start - 1].lower)
    ) {
      if (PHRASE_BREAKS.has(ws[start - 1].lower)) break
      start--
      if (DETERMINERS.has(ws[start].lower) || /['’]s$/.test(ws[start].text)) break
    }
    const head = ws[end].lower
    if (PRONOUNS.has(head)) return { name: head, kind: 'pronoun', index: ws[end].index }
    if (!TITLES.has(head) && !ORGS.has(head) && !ORGS.has(head.replace(/s$/, ''))) return undefined
    return {
      name: ws
        .slice(start, end + 1)
        .map((w) => w.text)
        .join(' '),
      kind: 'role',
      index: ws[start].index,
    }
  }

  function speakerBefore(ws: Word[], verb: number): Speaker | undefined {
    let end = verb - 1
    // "X a déclaré", "X a d'ores et déjà annoncé": the speaker comes before the auxiliary
    for (let k = end; k >= 0 && k >= verb - 6 && AUXILIARIES.size > 0; k--) {
      if (AUXILIARIES.has(ws[k].lower)) {
        end = k - 1
        break
      }
      if (!/^\p{Ll}/u.test(ws[k].text)) break
    }
    if (ws[end]?.text === ',') {
      // "Ihor Klymenko, the interior minister, said": skip the apposition
      let k = end - 1
      while (k > 0 && k > end - 14 && ws[k].text !== ',') k--
      const opener = ws[k + 1]?.lower ?? ''
      const inside = ws.slice(k + 1, end)
      // "Dalmiran's president, Aurel Vasko, said": the name between the commas speaks
      if (ws[k]?.text === ',' && inside.length > 1 && inside.length <= 4 && inside.every(isName))
        return reduce(inside)
      if (
        ws[k]?.text === ',' &&
        (DETERMINERS.has(opener) || TITLES.has(opener) || speech.who.includes(opener))
      )
        end = k - 1
    }
    // "Marcus Lee of Pembroke Securities, who noted"
    if (speech.who.includes(ws[end]?.lower ?? '') && ws[end - 1]?.text === ',') end -= 2
    const last = ws[end]
    if (last === undefined || !/^\p{L}/u.test(last.text)) return undefined
    const named = phrases ? namedPhrase(nounPhrase(ws, end, -1)) : undefined
    return named ?? (isName(last) ? reduce(runLeft(ws, end)) : roleLeft(ws, end))
  }

  function speakerAfter(ws: Word[], at: number): Speaker | undefined {
    // "сообщил в среду X": when it was said stands between the verb and the speaker
    // (several in a row: "a indiqué mercredi à 7h30 la préfecture"; "#time" stands for a clock time)
    let verb = at
    for (let n = 0; n < 3; n++) {
      const skip = speech.afterVerb?.find((p) =>
        p.every((part, k) => {
          const w = ws[verb + 1 + k]?.lower ?? ''
          return w === part || (part === '#time' && /^\d{1,2}(?:h\d{0,2}|[.:]\d\d)?$/.test(w))
        }),
      )
      if (skip === undefined) break
      verb += skip.length
    }
    const first = ws[verb + 1]
    // "сообщил министр сельского хозяйства области Павел Дорохин", "сообщил территориальный орган
    // Росстата": where bodies and roles take no determiner, a lower-case phrase after the verb
    if (phrases && DETERMINERS.size === 0 && first !== undefined && /^\p{Ll}/u.test(first.text)) {
      const phrase = nounPhrase(ws, verb + 1, 1)
      if (phrase.slice(0, 2).some((w) => isHead(w))) {
        const name = phrase.findIndex((w, i) => i > 0 && isName(w) && isName(phrase[i + 1]))
        if (name > 0) return reduce(runRight(ws, ws.indexOf(phrase[name])))
        return { name: join(phrase), kind: 'org', index: phrase[0].index }
      }
    }
    if (isName(first)) return reduce(runRight(ws, verb + 1))
    if (first !== undefined && PRONOUNS.has(first.lower) && phrases)
      return { name: first.lower, kind: 'pronoun', index: first.index }
    if (first === undefined || !DETERMINERS.has(first.lower)) return undefined
    if (phrases) {
      // "a précisé le PDG du groupe, Marc Delaunay", "prévient la Conférence des doyens de médecine"
      const phrase = nounPhrase(ws, verb + 2, 1)
      const next = verb + 2 + phrase.length
      if (ws[next]?.text === ',' && isName(ws[next + 1])) return reduce(runRight(ws, next + 1))
      const named = namedPhrase(phrase)
      if (named) return named
    }
    let end = verb + 1
    while (ws[end + 1] && /^\p{Ll}/u.test(ws[end + 1].text) && end < verb + 5) end++
    const after = ws[end + 1]
    if (after?.text === ',' && isName(ws[end + 2])) return reduce(runRight(ws, end + 2)) // said its chief, Helen Marsh-Taylor
    if (after !== undefined && !/^[.,;!?"”]$/.test(after.text)) return undefined // "said the figures showed"
    return roleLeft(ws, end)
  }

  /** "according to the Interior Ministry", "according to the UN refugee agency", "according to the ministry". */
  function accordingTo(ws: Word[], first: number): Speaker | undefined {
    if (phrases) {
      const phrase = nounPhrase(ws, first, 1)
      // "selon le ministre de l'Intérieur, Laurent Vasseur": the name after the role
      const next = first + phrase.length
      if (TITLES.has(phrase[0]?.lower ?? '') && ws[next]?.text === ',' && isName(ws[next + 1]))
        return reduce(runRight(ws, next + 1))
      const named = namedPhrase(phrase)
      if (named) return named
      // "selon une étude du Cerema": the body behind the document
      // "selon les chiffres de la Drees": past a determiner too
      // "según el portal inmobiliario Hábitat24": the name that ends the phrase
      const tail = phrase.slice(phrase.findLastIndex((w) => !w.cap) + 1)
      if (tail.length > 0 && tail.length < phrase.length && !DETERMINERS.has(tail[0].lower))
        return { name: join(tail), kind: 'org', index: tail[0].index }
      const by = phrase.findIndex(
        (w, i) =>
          i > 0 &&
          speech.by.includes(w.lower) &&
          (isName(phrase[i + 1]) || (DETERMINERS.has(phrase[i + 1]?.lower ?? '') && isName(phrase[i + 2]))),
      )
      if (by > 0) {
        const name = isName(phrase[by + 1]) ? phrase[by + 1] : phrase[by + 2]
        return reduce(runRight(ws, ws.indexOf(name)))
      }
    }
    const run = isName(ws[first]) ? runRight(ws, first) : []
    const acronymOnly = run.length === 1 && run[0].text === run[0].text.toUpperCase()
    if (run.length > 0 && !acronymOnly) return reduce(run)
    let end = first + run.length - 1
    while (
      end < first + 3 &&
      /^\p{Ll}/u.test(ws[end + 1]?.text ?? '') &&
      !PHRASE_BREAKS.has(ws[end + 1].lower)
    )
      end++
    if (end < first) return undefined
    const role = roleLeft(ws, end)
    if (role) return run.length > 0 ? { ...role, kind: 'org' } : role
    // "according to estimates by the research firm Tidewater Analytics", "según los datos publicados el
    // martes por el Ministerio de Trabajo"
    const by = ws.findIndex((w, i) => i > end && i <= end + 4 && speech.by.includes(w.lower))
    const named = by < 0 ? -1 : ws.findIndex((w, i) => i > by && i <= by + 5 && isName(w))
    if (named >= 0) return reduce(runRight(ws, named))
    // "según el portal inmobiliario Hábitat24": lower-case words, then the name
    let k = first
    while (k < first + 3 && /^\p{Ll}/u.test(ws[k]?.text ?? '') && !PHRASE_BREAKS.has(ws[k].lower)) k++
    if (k > first && isName(ws[k])) {
      const name = runRight(ws, k)
      return { name: join(name), kind: 'org', index: name[0].index }
    }
    return undefined
  }

  /** Speakers named in `sentence`, in order of appearance. */
  function findSpeakers(sentence: string): Speaker[] {
    // "Julien Marchetti (LR), a jugé": a short aside in brackets is passed over
    const all = toWords(sentence)
    const ws = all.filter((_, i) => {
      const open = all.slice(Math.max(0, i - 4), i + 1).findLastIndex((w) => w.text === '(' || w.text === ')')
      if (open < 0) return true
      const k = Math.max(0, i - 4) + open
      if (all[k].text === ')')
        return k === i ? !all.slice(Math.max(0, i - 5), i).some((w) => w.text === '(') : true
      const close = all.slice(k, k + 6).findIndex((w) => w.text === ')')
      return close < 0
    })
    const found: Speaker[] = []
    ws.forEach((w, i) => {
      const phrase = speech.according.find((p) => p.every((part, k) => ws[i + k]?.lower === part))
      if (phrase) {
        const after = i + phrase.length
        const speaker = accordingTo(ws, DETERMINERS.has(ws[after]?.lower ?? '') ? after + 1 : after)
        if (speaker) found.push(speaker)
      } else if (i === 0 && w.cap && VERBS.has(w.lower) && speech.dropsSubject === true) {
        // "Añadió que…": a verb that opens its sentence has the speaker before as its subject
        found.push({ name: w.lower, kind: 'pronoun', index: w.index })
      } else if (VERBS.has(w.lower)) {
        const speaker = speakerBefore(ws, i) ?? (INVERTED.has(w.lower) ? speakerAfter(ws, i) : undefined)
        if (speaker) found.push(speaker)
      }
    })
    const { normalizeName } = speech
    if (normalizeName === undefined) return found
    return found.map((s) => ({ ...s, name: normalizeName(s.name, sentence.slice(0, s.index)) }))
  }

  /** The nearest capitalised name before `offset` built around `head`: "bank" → "National Bank of Ukraine". */
  function namedBefore(text: string, head: string, offset: number): string | undefined {
    const ws = toWords(text)
    let found: string | undefined
    ws.forEach((w, i) => {
      if (w.index >= offset || w.lower.replace(/['’]s$/, '') !== head || !w.cap) return
      const start = i - runLeft(ws, i).length + 1
      found = runRight(ws, start)
        .map((x) => x.text)
        .join(' ')
    })
    return found
  }

  /** People introduced with a title anywhere in `text`: "President Volodymyr Zelenskyy" → the name. */
  function findTitledPeople(text: string): { title: string; name: string; index: number }[] {
    const ws = toWords(text)
    const people: { title: string; name: string; index: number }[] = []
    ws.forEach((w, i) => {
      const next = ws[i + 1]
      if (
        next === undefined ||
        !TITLES.has(w.lower) ||
        !isName(next) ||
        TITLES.has(next.lower) ||
        ORGS.has(next.lower)
      )
        return
      let end = i + 1
      while (
        isName(ws[end + 1]) &&
        end < i + 3 &&
        !TITLES.has(ws[end + 1].lower) &&
        !ORGS.has(ws[end + 1].lower)
      )
        end++
      people.push({
        title: w.lower,
        name: ws
          .slice(i + 1, end + 1)
          .map((x) => x.text)
          .join(' '),
        index: ws[i + 1].index,
      })
    })
    return people
  }
  return {
    findSpeakers: speech.reader?.findSpeakers ?? findSpeakers,
    namedBefore,
    findTitledPeople: speech.reader?.findTitledPeople ?? findTitledPeople,
    titles: TITLES,
    determiners: DETERMINERS,
    pronounsForBodies: speech.pronounsForBodies === true,
  }
}
