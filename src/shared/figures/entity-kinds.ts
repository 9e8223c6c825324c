// Runs everywhere: the KIND nouns of bodies in six languages — what a body is ("company", "Amt", "відомство"),
// grouped in classes, so that a later mention by a kind noun ("the company", "das Unternehmen", "компанія",
// "ведомство") finds the body the article introduced with a noun of the same class ("the Dutch fund Polder
// Ventures", "Der Stahlkonzern Harkort Stahl", "провайдер «Укрлінк-Схід»", "Bundeskartellamt").

/** Kind noun stems by class (lower case; a stem matches a word it opens, or a German compound it ends). */
const CLASSES: Readonly<Record<string, readonly string[]>> = {
  company: [
    // en
    'company',
    'companies',
    'firm',
    'startup',
    'start-up',
    'maker',
    'manufacturer',
    'carrier',
    'airline',
    'group',
    'operator',
    'chain',
    'retailer',
    'lender',
    'insurer',
    'developer',
    'supplier',
    'utility',
    'shipyard',
    // fr
    'entreprise',
    'société',
    'groupe',
    'compagnie',
    'opérateur',
    'fabricant',
    'constructeur',
    'enseigne',
    'concessionnaire',
    'exploitant',
    // es
    'empresa',
    'compañía',
    'grupo',
    'cadena',
    'operador',
    'fabricante',
    'aerolínea',
    'astillero',
    'constructora',
    'distribuidora',
    'concesionaria',
    // de (also the tails of compounds: Stahlkonzern, Roboterhersteller)
    'unternehmen',
    'konzern',
    'firma',
    'gesellschaft',
    'hersteller',
    'betreiber',
    'anbieter',
    'versorger',
    'werft',
    'bahn',
    'kette',
    'fluggesellschaft',
    'airline',
    // uk
    'компані',
    'підприємств',
    'провайдер',
    'оператор',
    'мереж',
    'концерн',
    'перевізник',
    'авіакомпані',
    'забудовник',
    'виробник',
    // ru
    'компани',
    'предприяти',
    'сеть',
    'сети',
    'перевозчик',
    'авиакомпани',
    'авиалини',
    'застройщик',
    'производител',
  ],
  authority: [
    'ministry',
    'department',
    'agency',
    'authority',
    'office',
    'regulator',
    'administration',
    'ministère',
    'agence',
    'autorité',
    'direction',
    'préfecture',
    'ministerio',
    'consejería',
    'agencia',
    'autoridad',
    'organismo',
    'ministerium',
    'amt',
    'behörde',
    'agentur',
    'verwaltung',
    'міністерств',
    'відомств',
    'управлінн',
    'служб',
    'адміністраці',
    'департамент',
    'министерств',
    'ведомств',
    'управлени',
    'администраци',
    'мэри',
  ],
  association: [
    'association',
    'union',
    'federation',
    'fédération',
    'syndicat',
    'sindicato',
    'asociación',
    'federación',
    'verband',
    'gewerkschaft',
    'verein',
    'профспілк',
    'спілк',
    'асоціаці',
    'профсоюз',
    'союз',
    'ассоциаци',
  ],
  fund: ['fund', 'fonds', 'fondo', 'фонд'],
  club: ['club', 'клуб'],
}

/** A mention by a generic kind noun, which any body of its class answers ("the agency", "відомство"). */
const GENERIC = new Set([
  'company',
  'firm',
  'group',
  'agency',
  'authority',
  'entreprise',
  'société',
  'groupe',
  'empresa',
  'compañía',
  'grupo',
  'organismo',
  'unternehmen',
  'konzern',
  'firma',
  'behörde',
  'компані',
  'підприємств',
  'відомств',
  'компани',
  'предприяти',
  'ведомств',
])

/** Legal forms of companies, matched as written. */
const LEGAL = /^(?:GmbH|AG|KG|SE|Ltd|plc|PLC|Inc|SA|SAS|SL|SpA|NV|BV)$/u

const STEMS = Object.entries(CLASSES).flatMap(([cls, stems]) => stems.map((stem) => ({ cls, stem })))

/** The kind of a word, when it is (or, in German, ends in) a kind noun: its stem and class. */
export function kindOf(
  word: string,
  german = false,
): { stem: string; cls: string; generic: boolean } | undefined {
  // a legal form, written as such: "Kruse & Söhne KG", "Harlow Foods plc"
  if (LEGAL.test(word)) return { stem: word.toLowerCase(), cls: 'company', generic: false }
  const w = word.toLowerCase().replace(/[«»"“”„]/g, '')
  let best: { stem: string; cls: string } | undefined
  for (const k of STEMS) {
    const opens = w.startsWith(k.stem) && w.length - k.stem.length <= 3
    // (a German compound ends in its kind, with a case ending: "Bundeskartellamts", "Stahlkonzerns")
    const ends = german && k.stem.length >= 3 && /^[a-zäöüß]+$/.test(k.stem) && compoundEnds(w, k.stem)
    if ((opens || ends) && (best === undefined || k.stem.length > best.stem.length)) best = k
  }
  return best && { ...best, generic: GENERIC.has(best.stem) }
}

function compoundEnds(word: string, stem: string): boolean {
  for (const ending of ['', 's', 'es', 'e', 'en', 'n'])
    if (word.endsWith(stem + ending) && word.length > stem.length + ending.length + 2) return true
  return false
}

/** A person or body the article introduces (entity-resolve.ts reads them; here so role-holder.ts needs no cycle). */
export type Entity = {
  name: string
  kind: 'person' | 'body'
  start: number
  /** Kind stems and classes the article gives the body ("konzern"/company). */
  kinds: { stem: string; cls: string }[]
  acronym?: string
  /** Where the article names it (by its key word), for salience. */
  mentions: number[]
  /** Read by the name readers of entities.ts (a looser span: resolved to by kind only). */
  loose?: boolean
}
