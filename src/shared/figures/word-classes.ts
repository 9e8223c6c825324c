// Runs everywhere: closed word classes used to end a counted noun phrase and to spot designations.

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '))

/** Prepositions, determiners, pronouns, conjunctions and auxiliaries: a counted noun phrase stops here. */
export const STOP_WORDS = words(
  'of in on at by from to for with without into onto over under across during since after before per than as ' +
    'about against between among amid through within near behind beyond toward towards via upon around like ' +
    'including despite while whereas who whom whose which that this these those there here when where why how ' +
    'what if but so because although though yet nor or the a an its their his her our my your each every all ' +
    'both some any no not most more less fewer is are was were be been being am has have had do does did will ' +
    'would shall should can could may might must said says say told according also only just still now then ' +
    'already again ago later earlier he she it they we you i them us him me itself themselves last next ' +
    'overnight today yesterday tomorrow alone such too very once twice apiece altogether together ' +
    'instead respectively out up down off back away worldwide nationwide abroad overseas aged',
)

/** Frequent verbs without a telltale -ed or -ing ending. */
export const COMMON_VERBS = words(
  'began begun became become came come went go goes hit hits fell fall falls rose rise rises left lost won ' +
    'ran run set put cut keep kept hold held stand stood flew flown saw see seen took take takes gave give ' +
    'gives got get gets made make makes live work works remain remains need needs face faces think ' +
    'thinks thought know knew found find use want wants spent spend pay paid buy bought sent send sell sold ' +
    'bring brought meet met leave leaves died die dies fled flee struck shot led lead leads hope hopes plan ' +
    'plans oppose opposes support supports say believe believes expect expects receive receives lack lacks',
)

/** Words before a number that make it a name or a reference rather than a quantity. */
export const DESIGNATION_KEYWORDS = words(
  'article section chapter page pages paragraph clause resolution route number no room ward platform gate ' +
    'flight reactor unit block level grade phase stage category appendix annex table figure item rule day ' +
    'boeing airbus windows iphone apollo formula season episode series vol volume tier zone version model ' +
    'mark channel highway bus tram line lines protocol amendment act bill decree law code regulation directive ' +
    'berth dock slipway pier hangar junction junctions exit exits terminal terminals platforms gates',
)

/** Verbs that make `from A to B` a change between two figures rather than a range. */
export const CHANGE_WORDS = words(
  'rose fell increased decreased grew dropped climbed jumped declined slowed accelerated rising falling ' +
    'up down cut raised reduced lowered went changed shrank expanded soared plunged slumped widened narrowed ' +
    'rise fall increase decrease grow drop climb jump decline slow accelerate raise reduce lower change by ' +
    'edged surged tumbled eased',
)

/** Comparatives that may follow a fraction (`a third fewer`), unlike a noun (`a third term`). */
export const COMPARATIVES = words('more fewer less higher lower bigger smaller larger greater')

/** Nouns ending in -ly that are not adverbs. */
export const LY_NOUNS = words('family supply assembly rally ally anomaly monopoly july italy')

/** `one <noun> was killed`: the verbs that make a lone `one` a count. */
export const CASUALTY_WORDS = words(
  'killed injured wounded hurt dead died missing arrested detained hospitalised hospitalized rescued captured',
)
