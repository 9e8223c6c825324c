// Runs everywhere: the words of the speech events that are not verbs of saying (speech-events.ts), per language,
// as data: a document that speaks for its owner ("the board's figures show", "свідчать дані митниці", "según su
// informe"). Each entry is a regular expression's source, matched case-insensitively on word boundaries.

export type EventWords = {
  /** Nouns of a document, a count or a data set that speaks for whoever made it. */
  documents: string
  /** Verbs whose subject is a document: "the report shows", "свідчать дані", "indique le bulletin". */
  shows: string
  /** Phrases that put the sentence under a document after them: "according to", "según", "laut", "за", "как следует из". */
  sources: string
  /** Words that make the document the sentence subject's own: "its own", "sus propios", "eigenen", "власними". */
  own: string
  /** Words between a document and its owner after it: "of", "from", "by", "published on Monday by", "de", "por". */
  links: string
}

export const EVENT_WORDS: Readonly<Record<string, EventWords>> = {
  en: {
    documents:
      'figures|data|report|study|survey|audit|analysis|statistics|filing|filings|records|estimates?|review|census|bulletin|accounts|tally|count|release',
    shows: 'show|shows|showed|shown|found|finds|suggests?|suggested|indicates?|indicated|reveals?|revealed',
    sources: 'according to',
    own: 'own|latest|annual|monthly|weekly|quarterly|internal|official|new|preliminary|provisional|early',
    links: 'of|from|by|compiled by|published by|released by|issued by',
  },
  fr: {
    documents:
      'chiffres|données|rapport|étude|enquête|bilan|bulletin|statistiques|relevés|comptes|comptage|décompte|estimations?|note|communiqué',
    shows: 'montrent?|montrait|révèlent?|indiquent?|indiquait|font état|fait état|souligne|signale',
    sources: "selon|d[’']après",
    own: 'ses|leurs?|son|propres?|dernier|dernière|derniers|dernières|annuel|annuelle|mensuel|hebdomadaire',
    links: "de la|de l[’']|du|des|de|publiée? par|publiés par|publiées par|par|établie? par",
  },
  es: {
    documents:
      'datos|cifras|informe|balance|estudio|encuesta|boletín|estadísticas?|registros|cálculos|estimación|estimaciones|memoria|recuento|conteo|auditoría|comunicado|cuentas',
    shows: 'muestran?|mostró|revelan?|reveló|indican?|indicó|reflejan?|reflejó',
    sources: 'según|de acuerdo con|conforme a',
    own: 'sus|su|propios?|propias?|último|última|últimos|anual|mensual|semanal|trimestral',
    links:
      'de la|del|de los|de las|de|publicad[oa]s? .{0,40}?por|presentad[oa]s? .{0,40}?por|elaborad[oa]s? por|por',
  },
  de: {
    documents:
      'Zahlen|Daten|Bericht|Berichts|Studie|Statistik|Erhebung|Umfrage|Angaben|Bilanz|Prospekt|Wertpapierprospekt|Analyse|Auswertung|Schätzung|Schätzungen|Zählung|Jahresbericht|Mitteilung|Jahresabschluss|Geschäftsbericht',
    shows: 'zeigt|zeigen|zeigte|zeigten|ergab|ergibt|belegt|belegen',
    sources: 'laut|nach|gemäß|gemäss|wie aus',
    own: 'eigenen|seinen|ihren|seiner|ihrer|jüngsten|neuen|aktuellen',
    links: 'des|der|vom|von|von der|vom|des|der',
  },
  uk: {
    documents:
      'дан(?:і|их|ими)|звіт(?:і|у|ом)?|дослідженн(?:я|і)|статистик(?:а|и|ою)|опитуванн(?:я|і)|підрахунк(?:и|ами|ів)|оцінк(?:а|и|ами)|повідомленн(?:я|і)|бюлетен(?:ь|і)|зведенн(?:я|і)|документ(?:і|у|ом|а)?',
    shows: 'свідчать|свідчить|показують|показує|показали|показало|засвідчили|йдеться|йшлося|випливає',
    sources: 'за|згідно з|як випливає з|йдеться у|йдеться в',
    own: 'власними|своїми|власних|останніми|оприлюдненими|офіційними|попередніми',
    links: '',
  },
  ru: {
    documents:
      'данн(?:ые|ых|ым|ыми)|отч[её]т(?:е|а|у)?|исследовани(?:е|я|и)|статистик(?:а|и|е|ой)|опрос(?:а|е)?|подсч[её]т(?:ы|ам|ов)|оценк(?:а|е|и|ам)|сообщени(?:е|и|я)|бюллетен(?:ь|е|я)|сводк(?:а|е|и)|материал(?:ах|ы)|документ(?:е|у|ом|а)?',
    shows:
      'свидетельствуют|свидетельствует|показывают|показывает|показали|показало|говорится|следует|сказано',
    sources: 'по|согласно|как следует из|говорится в|сказано в',
    own: 'собственным|своим|собственных|последним|опубликованным|официальным|предварительным',
    links: '',
  },
}

/**
 * Verbs of an event kind by an agent (the subject before the verb, the speaker after an inverted one), per
 * language: stems that take the language's verb endings (speech-verbs.ts) and whole forms.
 * - estimate: counts, estimates and measurements ("Kestrel counted", "berechnete das Amt", "насчитали",
 *   "la Delegación los cifró", "le HCFP table sur"). Not a verb that also states a size or a number held ("the
 *   screen measures", "das Display misst", "der Flughafen zählte 8 Mio. Passagiere"), nor one an impersonal
 *   plural often takes with no agent ("зафіксували", "зарегистрировали"), nor one a passive shares its form with
 *   ("registriert … worden").
 * - request: requests, demands, promises, warnings, denials ("pidió", "fordert", "urged", "вимагає", "réclame",
 *   "пообещал"): a speech act whose content is what the agent wants or rejects; whoever makes it speaks, person
 *   or body (README, "Decided in session 10"). Not "asked" (a question, "was asked"), nor "предлагает",
 *   "обещает", "просят" (a maker "promises" updates, an asking price, impersonal "обещают").
 * - proposal: proposals, offers, recommendations and instructions ("a proposé", "propuso", "empfahl", "пропонує",
 *   "доручила"): a person's
 *   speaks, a body's formal proposal is an act with no speaker unless a verb of saying gives one (the same
 *   decision), so the kind is read only where the languages' readers have not yet been told the two apart.
 */
export const EVENT_VERBS: Readonly<
  Record<'estimate' | 'request' | 'proposal', Readonly<Record<string, { stems: string[]; forms: string[] }>>>
> = {
  estimate: {
    en: {
      stems: [],
      forms: [
        'counted',
        'tallied',
        'tallies',
        'estimated',
        'calculated',
        'calculates',
        'reckons',
        'reckoned',
        'puts',
        'put',
        'logged',
        'projected',
      ],
    },
    fr: {
      stems: ['recens', 'comptabilis', 'dénombr', 'évalu', 'revendiqu', 'tabl', 'relev'],
      forms: ['relève', 'relèvent'],
    },
    es: {
      stems: ['contabiliz', 'registr', 'sitú', 'situ', 'evalu', 'proyect', 'reivindic'],
      forms: [],
    },
    de: {
      stems: ['erfass', 'ermittel', 'berechn', 'veranschlag', 'taxier'],
      forms: ['ermittelt', 'berechnet'],
    },
    uk: {
      stems: ['нарахува', 'нарахов', 'наліч', 'порахува'],
      forms: [],
    },
    ru: {
      stems: ['насчита', 'насчитыва', 'посчита'],
      forms: [],
    },
  },
  request: {
    en: {
      stems: [],
      forms: [
        'demanded',
        'demands',
        'urged',
        'urges',
        'pledged',
        'pledges',
        'promised',
        'vowed',
        'vows',

        'requested',
        'requests',
        'denied',
        'denies',
        'disputed',
        'disputes',
      ],
    },
    fr: {
      stems: ['réclam', 'exig', 'demand', 'sollicit', 'prôn', 'plaid'],
      forms: [
        'promet',
        'promettent',
        'promis',
        'dément',
        'démentent',
        'démenti',
        'appelle',
        'appellent',
        'réfute',
      ],
    },
    es: {
      stems: ['pid', 'exig', 'reclam', 'solicit', 'promet', 'rechaz', 'neg', 'inst', 'plante'],
      forms: ['niega', 'niegan'],
    },
    de: {
      stems: ['forder', 'verlang', 'beantrag', 'bestreit', 'mahn', 'appellier', 'dräng', 'befürcht'],
      forms: ['versprach', 'verspricht', 'versprachen', 'bestritt'],
    },
    uk: {
      stems: [
        'вимаг',
        'вимага',
        'заклик',
        'заклика',
        'пообіця',
        'попереди',
        'попередж',
        'запереч',
        'наполяг',
      ],
      forms: ['попросив', 'попросила', 'попросили'],
    },
    ru: {
      stems: [
        'требу',
        'требова',
        'потребова',
        'призва',
        'призыва',
        'пообеща',
        'предупред',
        'предупрежда',
        'возраз',
        'отрица',
        'настаива',
      ],
      forms: ['попросил', 'попросила', 'попросили', 'опроверг', 'опровергла', 'опровергли'],
    },
  },
  proposal: {
    en: { stems: [], forms: ['proposed', 'proposes', 'recommended', 'recommends', 'offered'] },
    fr: { stems: ['propos', 'recommand'], forms: [] },
    es: { stems: ['ofrec', 'propon', 'recomend'], forms: ['propuso', 'propusieron'] },
    de: { stems: [], forms: ['empfahl', 'empfiehlt'] },
    uk: { stems: ['пропон', 'запропонува', 'доруч'], forms: [] },
    ru: { stems: ['предлож', 'поруч'], forms: [] },
  },
}

/**
 * A view with no verb, opening its sentence: "For the union, …", "Pour le SJA, …", "Para el Partido Vecinal, …",
 * "Für den Verband ist …" — the preposition, and what ends the holder's phrase (a comma; in German the finite
 * verb). Ukrainian and Russian write it as a source phrase ("на думку", "по мнению": source-phrases.ts).
 */
export const VIEW_WORDS: Readonly<Record<string, { opens: string; ends: string }>> = {
  en: { opens: 'For', ends: ',' },
  fr: { opens: 'Pour', ends: ',' },
  es: { opens: 'Para', ends: ',' },
  de: { opens: 'Für', ends: '(?:,|\\s(?:ist|sind|war|waren|bleibt|bleiben|wäre|wären|sei|seien)\\s)' },
}

/**
 * A broadcast transcript: paragraphs opening with a speaker's label ("HOST:", "DANA WHITCOMBE:", "Волкова:").
 * The labels of the host, whose lines are the article's voice, in the six languages.
 */
export const HOST_LABELS =
  /^(?:host|presenter|interviewer|moderator|anchor|q|présentateur|présentatrice|animateur|animatrice|journaliste|question|presentador|presentadora|entrevistador|entrevistadora|pregunta|moderatorin|frage|ведучий|ведуча|кореспондент|кореспондентка|питання|ведущий|ведущая|корреспондент|вопрос)$/iu
