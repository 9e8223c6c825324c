// Runs everywhere: the Spanish word tables figure detection reads: qualifiers, currencies, scales, units,
// vague quantities and the closed word classes that end a counted noun phrase.
import { CURRENCY_PREFIXES, SCALE_WORDS } from '../lexicon'
import type { VagueEntry } from './types'

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '))

/** Longest first, so `poco más de` wins over `más de`; "del"/"al" forms come before a percentage. */
export const ES_QUALIFIERS = [
  'un poco más de',
  'un poco menos de',
  'justo por encima del',
  'justo por debajo del',
  'por encima del',
  'por encima de',
  'por debajo del',
  'por debajo de',
  'alrededor del',
  'alrededor de',
  'en torno al',
  'en torno a',
  'cerca del',
  'cerca de',
  'cercano al',
  'cercano a',
  'cercana al',
  'cercana a',
  'cercanos a',
  'cercanas a',
  'próximo al',
  'próximo a',
  'próxima al',
  'próxima a',
  'poco más de',
  'poco menos de',
  'algo más de',
  'algo menos de',
  'bastante más de',
  'mucho más de',
  'no más de',
  'no menos de',
  'más del',
  'menos del',
  'más de',
  'menos de',
  'superior al',
  'superior a',
  'inferior al',
  'inferior a',
  'por lo menos',
  'al menos',
  'como mínimo',
  'como máximo',
  'como mucho',
  'a lo sumo',
  'hasta un máximo de',
  'hasta',
  'aproximadamente',
  'unos',
  'unas',
  'casi',
  'prácticamente',
] as const

/** Written before the number: `$38`, `US$5`, `€20`, `EUR 40`. */
export const ES_CURRENCY_PREFIXES: Readonly<Record<string, string>> = {
  ...CURRENCY_PREFIXES,
  mxn: 'MXN',
  ars: 'ARS',
}

const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  euros: 'EUR',
  euro: 'EUR',
  dólares: 'USD',
  dólar: 'USD',
  'dólares estadounidenses': 'USD',
  'libras esterlinas': 'GBP',
  libras: 'GBP',
  'francos suizos': 'CHF',
  yenes: 'JPY',
  yuanes: 'CNY',
  rublos: 'RUB',
  grivnas: 'UAH',
  'pesos mexicanos': 'MXN',
  'pesos argentinos': 'ARS',
  'pesos chilenos': 'CLP',
  'pesos colombianos': 'COP',
  soles: 'PEN',
  reales: 'BRL',
}

/** After the number, with or without "de": "179 euros", "10.456 millones de euros", "5 M€". */
export const ES_CURRENCY_SUFFIXES: Readonly<Record<string, string>> = Object.fromEntries([
  ...Object.entries(CURRENCY_WORDS).flatMap(([word, code]) => [
    [word, code],
    [`de ${word}`, code],
  ]),
  ['€', 'EUR'],
  ['usd', 'USD'],
  ['eur', 'EUR'],
  ['gbp', 'GBP'],
])

export const ES_SCALE_WORDS: Readonly<Record<string, number>> = {
  ...SCALE_WORDS,
  mil: 1e3,
  miles: 1e3,
  millón: 1e6,
  millon: 1e6,
  millones: 1e6,
  mill: 1e6,
  'mill.': 1e6,
  'mm.': 1e6,
  billón: 1e12,
  billones: 1e12,
  millardo: 1e9,
  millardos: 1e9,
}

/** Only after a currency, or glued to one: `5 M€`, `300 k€`. */
export const ES_MONEY_SCALES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mm: 1e9, b: 1e9 }

/** Lower bounds of vague quantities: dozens 24, hundreds 200, thousands 2000 (test/fixtures/figures/README.md). */
export const ES_VAGUE: Readonly<Record<string, VagueEntry>> = {
  'cientos de miles': { value: 2e5 },
  'centenares de miles': { value: 2e5 },
  'decenas de miles': { value: 2e4 },
  'miles de millones': { value: 2e9 },
  'cientos de millones': { value: 2e8 },
  'decenas de millones': { value: 2e7 },
  'varios cientos': { value: 300 },
  'varios miles': { value: 3000 },
  'varios millones': { value: 3e6 },
  'varias decenas': { value: 30 },
  'varias docenas': { value: 36 },
  decenas: { value: 24 },
  docenas: { value: 24 },
  cientos: { value: 200 },
  centenares: { value: 200 },
  miles: { value: 2000 },
  millares: { value: 2000 },
  millones: { value: 2e6, needsOf: true },
  décadas: { value: 20, unit: 'years', needsOf: true },
}

export const ES_MONTHS = [
  'enero',
  'febrero',
  'marzo',
  'abril',
  'mayo',
  'junio',
  'julio',
  'agosto',
  'septiembre',
  'octubre',
  'noviembre',
  'diciembre',
] as const

/** Prepositions, articles, pronouns, conjunctions, auxiliaries and adverbs: a counted noun phrase stops here. */
export const ES_STOP_WORDS = words(
  'de del a al en por para con sin sobre entre hasta desde hacia según tras durante mediante contra ante ' +
    'bajo el la los las lo un una unos unas y e o u ni que se su sus este esta estos estas ese esa esos ' +
    'esas aquel aquella aquellos aquellas es son fue fueron era eran ha han había habían hay habrá será ' +
    'serán sería está están estaba estaban estará estarán sea sean siendo sido como cuando donde más menos ' +
    'muy ya también solo sólo no sí cada todo todos toda todas otro otros otra otras mismo misma mismos ' +
    'mismas le les me te nos os mi mis tu tus nuestro nuestra nuestros nuestras hoy ayer mañana ahora aquí ' +
    'allí allá después antes luego entonces aún todavía pero sino aunque porque pues mientras si cuyo cuya ' +
    'quien quienes cual cuales respectivamente aproximadamente apenas casi incluso además frente respecto ' +
    'cerca alrededor encima debajo tanto tanta tantos tantas mucho mucha muchos muchas poco pocos pocas',
)

/** Frequent verbs after a number ("143 socios aportaron" is fine; "2,2 cobran" is not a noun). */
export const ES_COMMON_VERBS = words(
  'tiene tienen tenía tenían hace hacen hizo hicieron llega llegan llegó llegaron sale salen salió ' +
    'queda quedan quedó quedaron murió murieron resultó resultaron pasa pasan pasó pasaron supone suponen ' +
    'supuso representa representan representó cuesta cuestan costó vive viven vivía trabaja trabajan ' +
    'recibe reciben recibió recibieron aporta aportan aportó aportaron dice dicen dijo dijeron',
)

/** Words before a number that make it a name or a reference rather than a quantity. */
export const ES_DESIGNATION_KEYWORDS = words(
  'artículo artículos capítulo capítulos sección apartado página páginas párrafo anexo tabla gráfico ' +
    'figura número núm nº ley decreto real orden línea líneas ruta vuelo sala planta puerta andén ' +
    'autobús tren carretera autovía kilómetro fase nivel categoría modelo versión temporada episodio ' +
    'serie volumen tomo zona sector canal distrito habitación portal bloque lote expediente caso ' +
    'jornada día puesto posición dorsal grupo grada dique muelle dársena pabellón nave salida salidas vía terminal ' +
    'iphone android windows boeing airbus',
)

/** Words that make a lone count of people a casualty figure. */
export const ES_CASUALTY_WORDS = words(
  'muertos muertas fallecidos fallecidas heridos heridas desaparecidos desaparecidas detenidos ' +
    'detenidas evacuados evacuadas rescatados murió murieron falleció fallecieron resultaron',
)

/** Verbs that make `de A a B` a change between two figures rather than a range. */
export const ES_CHANGE_WORDS = words(
  'subió sube suben subieron subirá subirán subido bajó baja bajan bajaron bajará bajado creció crece ' +
    'crecen crecieron crecerá crecerán crecido aumentó aumenta aumentan aumentaron aumentará aumentado ' +
    'disminuyó disminuye disminuido cayó cae caen cayeron caerá caído descendió desciende descendido pasó ' +
    'pasa pasan pasaron pasará pasado redujo reduce reducido elevó eleva elevado recortó recorta ' +
    'rebajó rebaja incrementó incrementa incrementado disparó desplomó retrocedió avanzó saltó escaló ' +
    'repuntó mejoró empeoró cambió',
)

export const ES_COMPARATIVES = words('más menos mayor menor superior inferior')
