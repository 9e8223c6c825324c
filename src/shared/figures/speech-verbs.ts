// Runs everywhere: communication verbs in any inflected form, per language, from a lexicon of stems and the
// language's inflection endings (not a list of surface forms): Ukrainian and Russian past tense by gender
// ("заявив/заявила/заявили", "сообщил/сообщила"), Spanish and French tenses ("informó", "a précisé",
// "indique"), German strong and weak forms and separable verbs ("teilte … mit"). The phrases that name a
// source ("según X", "laut X", "за даними X") are in source-phrases.ts.

import { EVENT_KINDS, kindsKey } from './event-kinds'
import type { EventKind } from './event-kinds'
import { EVENT_VERBS } from './lang/event-words'
import type { Lexicon, SpeechWords } from './lang/types'

/** Endings a stem takes in each language (verb classes merged: a stem is a verb's form without its ending). */
const ENDINGS: Readonly<Record<string, RegExp>> = {
  en: /^(?:|s|es|ed|d|ing)$/u,
  fr: /^(?:e|es|ent|é|ée|és|ées|ait|aient|a|era|eront|ant|er|it|ît|is|u|ue|ons)$/u,
  es: /^(?:ó|aron|a|an|ado|ada|aba|aban|ará|arán|e|en|ando|ió|ieron|ido|ida|ía|ían|irá|erá|ieron|aría)$/u,
  de: /^(?:t|te|ten|e|et|ete|eten|st)$/u,
  uk: /^(?:в|ла|ло|ли|ив|ила|ило|или|ав|ала|али|ів|іла|іли|ує|ують|ює|юють|ляє|ляють|яє|яють|ить|ять|ать|ає|ають|ів|ено|ено)$/u,
  ru: /^(?:л|ла|ло|ли|ил|ила|ило|или|ал|ала|али|ял|яла|яли|ел|ела|ели|ет|ют|ит|ят|ает|ают|яет|яют|ирует|ируют|ывает|ывают|ивает|ивают|ено|ено)$/u,
}

/** Stems of communication verbs (saying, reporting, estimating, finding) per language. */
const STEMS: Readonly<Record<string, readonly string[]>> = {
  en: [
    'say',
    'state',
    'announc',
    'report',
    'add',
    'not',
    'estimat',
    'warn',
    'explain',
    'confirm',
    'claim',
    'argu',
    'insist',
    'predict',
    'forecast',
    'calculat',
    'reckon',
    'stress',
    'told',
    'tell',
    'said',
    'wrote',
    'writ',
    'show',
    'found',
    'find',
    'expect',
    'project',
    'put',
    'disclos',
    'reveal',
    'publish',
    'count',
  ],
  fr: [
    'déclar',
    'annonc',
    'indiqu',
    'précis',
    'expliqu',
    'affirm',
    'estim',
    'soulign',
    'ajout',
    'rappel',
    'assur',
    'signal',
    'communiqu',
    'avanc',
    'chiffr',
    'détaill',
    'confirm',
    'calcul',
    'répliqu',
    'insist',
    'prévoi',
    'prévi',
    'pronostiqu',
    'dénonc',
    'averti',
    'prévien',
    'reconn',
    'écri',
    'di',
    'admi',
    'fai valoir',
    'martel',
    'regrett',
    'conclu',
    'contest',
  ],
  es: [
    'inform',
    'declar',
    'explic',
    'señal',
    'asegur',
    'afirm',
    'indic',
    'precis',
    'añad',
    'record',
    'apunt',
    'destac',
    'subray',
    'estim',
    'calcul',
    'reconoc',
    'admit',
    'anunci',
    'comunic',
    'detall',
    'cifr',
    'confirm',
    'revel',
    'advert',
    'advirt',
    'sostuv',
    'sosten',
    'defend',
    'insist',
    'expres',
    'cuantific',
    'dij',
    'dic',
    'report',
    'alert',
    'prev',
    'denunci',
    'concluy',
    'conclu',
    'repli',
    'respond',
    'admitid',
    'atribuy',
  ],
  de: [
    'sag',
    'erklär',
    'bericht',
    'beton',
    'schätz',
    'meld',
    'erläuter',
    'warn',
    'beziffer',
    'bestätig',
    'ankündig',
    'mitteil',
    'teil',
    'nenn',
    'nann',
    'sprach',
    'widersprach',
    'rechn',
    'ergänz',
    'räum',
    'verwies',
    'verweis',
    'kritisier',
    'hielt',
    'gab',
    'gib',
    'teilt',
    'veröffentlich',
    'prognostizier',
    'erwart',
  ],
  uk: [
    'заяв',
    'повідом',
    'сказ',
    'розпов',
    'розповід',
    'зазнач',
    'наголос',
    'наголош',
    'дода',
    'поясн',
    'підкресл',
    'уточн',
    'оцін',
    'оціню',
    'підрах',
    'підрахову',
    'очіку',
    'прогнозу',
    'інформу',
    'відзнач',
    'звіту',
    'запевн',
    'нагада',
    'зауваж',
    'відпові',
    'ка',
    'казал',
    'визна',
    'написа',
    'пиш',
    'повідомля',
    'розповіда',
    'заявля',
  ],
  ru: [
    'заяв',
    'заявля',
    'сообщ',
    'сообща',
    'сказ',
    'рассказ',
    'рассказыва',
    'отмет',
    'отмеча',
    'подчеркн',
    'подчеркива',
    'добав',
    'добавля',
    'поясн',
    'поясня',
    'уточн',
    'уточня',
    'оцен',
    'оценива',
    'подсчит',
    'подсчитыва',
    'ожида',
    'счита',
    'ответ',
    'отвеча',
    'обнарод',
    'информир',
    'прогнозир',
    'говор',
    'указ',
    'указыва',
    'призна',
    'напомн',
    'написа',
    'пиш',
  ],
}

/** Forms that are not a stem and one of its endings (strong and irregular verbs). */
const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  en: ['said', 'says', 'told', 'wrote', 'found', 'shows', 'showed', 'put', 'according'],
  fr: [
    'dit',
    'disent',
    'déclare',
    'écrit',
    'prévoit',
    'prévoient',
    'reconnaît',
    'admet',
    'conclut',
    'retient',
    'prévient',
    'avertit',
  ],
  es: [
    'dijo',
    'dijeron',
    'dice',
    'dicen',
    'dicho',
    'sostuvo',
    'advirtió',
    'advierte',
    'prevé',
    'prevén',
    'reconoció',
    'añadió',
    'concluyó',
    'atribuye',
  ],
  de: [
    'sagte',
    'nannte',
    'sprach',
    'widersprach',
    'hielt',
    'gab',
    'gibt',
    'verwies',
    'hieß',
    'heißt',
    'zufolge',
  ],
  uk: ['каже', 'кажуть', 'розповів', 'розповіла', 'розповіли'],
  ru: ['говорит', 'говорят', 'рассказал', 'рассказала'],
}

/** Particles that complete a German separable verb at its clause's end: "teilte … mit", "gab … an". */
export const SEPARABLE: Readonly<Record<string, string>> = {
  teilte: 'mit',
  teilt: 'mit',
  teilten: 'mit',
  gab: 'an',
  gibt: 'an',
  gaben: 'an',
  hielt: 'dagegen',
  rechnet: 'mit',
  rechnete: 'mit',
}

const cache = new Map<string, boolean>()

/** Whether `lower` is one of `stems` with one of the language's endings (or a German participle of one). */
function stemMatch(lower: string, lang: string, stems: readonly string[]): boolean {
  const endings = ENDINGS[lang]
  if (!endings) return false
  for (const stem of stems) {
    if (lower.startsWith(stem) && endings.test(lower.slice(stem.length))) return true
    // a German participle: "gesagt", "mitgeteilt", "bestätigt"
    if (lang === 'de' && /^(?:mit|an|be)?ge/u.test(lower)) {
      const rest = lower.replace(/^(?:mit|an)?ge/u, '')
      if (rest.startsWith(stem) && /^(?:t|et|en)$/u.test(rest.slice(stem.length))) return true
    }
  }
  return false
}

/** The kind of speech event (event-kinds.ts) whose verb `word` is in `lang`, among the kinds read there. */
export function eventVerbKind(word: string, lang: string): EventKind | undefined {
  const lower = word.toLowerCase()
  for (const kind of Object.keys(EVENT_VERBS) as (keyof typeof EVENT_VERBS)[]) {
    const words = EVENT_VERBS[kind][lang]
    if (words === undefined || !EVENT_KINDS[kind].has(lang)) continue
    if (words.forms.includes(lower) || stemMatch(lower, lang, words.stems)) return kind
  }
  return undefined
}

/** Whether `word` is a communication verb of `lang` in any inflected form (a verb of an event kind included). */
export function isSpeechVerb(word: string, lang: string): boolean {
  const lower = word.toLowerCase().replace(/-(?:t-)?(?:il|elle|ils|elles|on)$/u, '')
  const key = `${lang}\u0000${lower}\u0000${kindsKey(lang)}`
  const known = cache.get(key)
  if (known !== undefined) return known
  const found =
    (IRREGULAR[lang] ?? []).includes(lower) ||
    stemMatch(lower, lang, STEMS[lang] ?? []) ||
    eventVerbKind(lower, lang) !== undefined
  if (cache.size > 20000) cache.clear()
  cache.set(key, found)
  return found
}

/** A language's verbs of saying that also hold the verbs of its event kinds ("counted", "zählte"). */
class EventVerbs extends Set<string> {
  constructor(
    verbs: ReadonlySet<string>,
    private readonly lang: string,
  ) {
    super(verbs)
  }
  override has(word: string): boolean {
    return super.has(word) || eventVerbKind(word, this.lang) !== undefined
  }
}

const withEvents = new WeakMap<SpeechWords, SpeechWords>()

/** `lex`'s speech words with its event kinds' verbs among the verbs (the sentence readers of attribution.ts). */
export function withEventVerbs(lex: Lexicon): SpeechWords {
  let speech = withEvents.get(lex.speech)
  if (speech === undefined) {
    speech = { ...lex.speech, verbs: new EventVerbs(lex.speech.verbs, lex.code) }
    withEvents.set(lex.speech, speech)
  }
  return speech
}
