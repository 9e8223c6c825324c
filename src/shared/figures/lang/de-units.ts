// Runs everywhere: German currencies, percent words and measurement units, normalised to the names the
// labels use (`EUR`, `%`, `km`, `tonnes`, `hours`…). Plural and dative forms are listed beside the singular.
import { CURRENCY_PREFIXES } from '../lexicon'

/** Written before the number: `€ 5`, `CHF 9.50`, `Fr. 8.–`. */
export const DE_CURRENCY_PREFIXES: Readonly<Record<string, string>> = {
  ...CURRENCY_PREFIXES,
  'fr.': 'CHF',
  'sfr.': 'CHF',
}

const forms = (code: string, ...names: string[]): Record<string, string> =>
  Object.fromEntries(names.map((n) => [n, code]))

/** Written after the number: `40 Euro`, `1,4 Mrd. US-Dollar`, `14,6 Millionen Franken`. */
export const DE_CURRENCY_SUFFIXES: Readonly<Record<string, string>> = {
  ...forms('EUR', 'euro', 'euros', 'eur', '€'),
  ...forms('USD', 'us-dollar', 'dollar', 'usd', '$'),
  ...forms('CHF', 'franken', 'schweizer franken', 'chf', 'fr.'),
  ...forms('GBP', 'pfund sterling', 'britische pfund', 'gbp', '£'),
  ...forms('JPY', 'yen'),
  ...forms('CNY', 'yuan', 'renminbi'),
  ...forms('RUB', 'rubel', 'rub'),
  ...forms('UAH', 'hrywnja', 'hrywnja', 'griwna', 'uah'),
  ...forms('PLN', 'złoty', 'zloty', 'pln'),
  ...forms('SEK', 'schwedische kronen'),
  ...forms('NOK', 'norwegische kronen'),
  ...forms('DKK', 'dänische kronen'),
}

export const DE_PERCENT_WORDS: Readonly<Record<string, string>> = {
  '%': '%',
  prozent: '%',
  'v. h.': '%',
  prozentpunkte: 'percentage points',
  prozentpunkten: 'percentage points',
  prozentpunkt: 'percentage points',
  basispunkte: 'basis points',
  basispunkten: 'basis points',
  basispunkt: 'basis points',
  punkte: 'points',
  punkten: 'points',
  punkt: 'points',
  zähler: 'points',
}

/** Measurement units; the singular serves compounds ("24-Stunden-Streik" is excluded, "24-stündig" not read). */
export const DE_MEASURES: Readonly<Record<string, string>> = {
  ...forms(
    'l/m²',
    'liter pro quadratmeter',
    'litern pro quadratmeter',
    'l/m²',
    'l/m2',
    'millimeter niederschlag',
  ),
  ...forms('µg/m³', 'mikrogramm pro kubikmeter', 'µg/m³', 'µg/m3'),
  ...forms('km²', 'quadratkilometer', 'quadratkilometern', 'km²', 'km2', 'qkm'),
  ...forms('m²', 'quadratmeter', 'quadratmetern', 'm²', 'm2', 'qm'),
  ...forms('cubic metres', 'kubikmeter', 'kubikmetern', 'm³', 'm3'),
  ...forms('km/h', 'km/h', 'stundenkilometer', 'stundenkilometern', 'kilometer pro stunde'),
  ...forms('km', 'kilometer', 'kilometern', 'km'),
  ...forms('m', 'meter', 'metern', 'm'),
  ...forms('cm', 'zentimeter', 'zentimetern', 'cm'),
  ...forms('mm', 'millimeter', 'millimetern', 'mm'),
  ...forms('hectares', 'hektar', 'ha'),
  ...forms('kg', 'kilogramm', 'kilo', 'kg'),
  ...forms('g', 'gramm', 'g'),
  ...forms('tonnes', 'tonnen', 'tonne', 't'),
  ...forms('litres', 'liter', 'litern', 'l'),
  ...forms('barrels', 'barrel', 'fass'),
  ...forms('°C', 'grad celsius', '°c', 'ºc', 'grad'),
  ...forms('°F', 'grad fahrenheit', '°f'),
  ...forms('degrees', '°'),
  ...forms('GW', 'gigawatt', 'gw'),
  ...forms('MW', 'megawatt', 'mw'),
  ...forms('kW', 'kilowatt', 'kw'),
  ...forms('W', 'watt', 'w'),
  ...forms('TWh', 'terawattstunden', 'twh'),
  ...forms('GWh', 'gigawattstunden', 'gwh'),
  ...forms('MWh', 'megawattstunden', 'mwh'),
  ...forms('kWh', 'kilowattstunden', 'kwh'),
  ...forms('Wh', 'wattstunden', 'wh'),
  ...forms('GHz', 'gigahertz', 'ghz'),
  ...forms('MHz', 'megahertz', 'mhz'),
  ...forms('Hz', 'hertz', 'hz'),
  ...forms('TB', 'terabyte', 'tb'),
  ...forms('GB', 'gigabyte', 'gb'),
  ...forms('MB', 'megabyte', 'mb'),
  ...forms('inches', 'zoll'),
  ...forms('FPS', 'fps', 'bilder pro sekunde'),
  ...forms('nits', 'nits', 'nit', 'candela pro quadratmeter', 'cd/m²'),
  ...forms('dB', 'dezibel', 'db'),
  ...forms('seconds', 'sekunden', 'sekunde'),
  ...forms('minutes', 'minuten', 'minute'),
  ...forms('hours', 'stunden', 'stunde'),
  ...forms('days', 'tage', 'tagen', 'tag'),
  ...forms('weeks', 'wochen', 'woche'),
  ...forms('months', 'monate', 'monaten', 'monat'),
  ...forms('years', 'jahre', 'jahren', 'jahr'),
  ...forms('decades', 'jahrzehnte', 'jahrzehnten', 'jahrzehnt'),
}
