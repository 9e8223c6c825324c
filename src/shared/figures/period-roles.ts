// Runs everywhere: the words of a sentence that name a time but are not the period of its figures (the paragraph
// model's phrase ROLES, round 12): a wire dateline ("УЖГОРОД, 6 грудня (Glossa) —", "PARIS, 1er décembre
// (Glossa) —"), a live blog's update header ("Update, 4:40 p.m.:", "Mise à jour, 3 décembre, 17 h 20 :",
// "Actualización, 19.45:"), a clock time ("около 9:40", "с 6:00 до 9:00", "à 17 h 20") and a part of the day
// written next to its day ("у п'ятницю ввечері": the evening is that Friday's). They are blanked out before
// the period phrases are read, in all six languages.

/** A dateline: a place in capitals, a comma, the date, an agency in brackets, a dash. */
const DATELINE =
  /^\s*[\p{Lu}][\p{Lu}\p{M}'’. -]{1,40}(?:\s*\([^)\n]{1,30}\))?,\s*[^—–()\n-]{1,40}?(?:\s*\([^)\n]{1,40}\))?\s*[—–-]\s/u

/** A live blog's update header at a sentence's start, up to its colon. */
const UPDATE =
  /^\s*(?:update[ds]?|latest|mise\s+à\s+jour|actualizaci[óo]n|[úu]ltima\s+hora|aktualisierung|aktualisiert|nachtrag|оновлення|оновлено|обновление|обновлено)\b[^:\n]{0,40}:/iu

/** A clock time: "9:40", "18:00", "17 h 20", "7h30", "19.45 Uhr", "4:40 p.m.", with "at"/"à"/"um"/"о"/"в" before it. */
const CLOCK =
  /(?:(?<![\p{L}])(?:at|around|à|vers|a\s+las?|hacia\s+las?|um|gegen|о|об|близько|в|около|с|з|до|from|to|until|de|desde|hasta|von|bis)\s+)?(?<![\d,.])(?:[01]?\d|2[0-3])(?::[0-5]\d|\s?h\s?[0-5]\d|\.[0-5]\d(?=\s*(?:Uhr|h|a\.?m|p\.?m|horas|hrs?)))(?:\s*(?:Uhr|a\.?m\.?|p\.?m\.?|h|horas|hrs?))?(?![\d\p{L}])/giu

/** A part of the day next to its day ("Friday evening", "у п'ятницю ввечері", "am Samstagmorgen" is one word). */
const PART_OF_DAY =
  /(?<![\p{L}])(?:ввечері|увечері|вранці|уранці|вдень|вночі|вечером|утром|днём|днем|ночью|abends|morgens|nachmittags|vormittags|(?:in\s+the\s+)?(?:morning|afternoon|evening)|(?:au\s+)?(?:matin|soir)|(?:por\s+la\s+)?(?:mañana|tarde|noche))(?![\p{L}])/giu

/** A weekday in the six languages (its stem), which a part of the day may stand next to. */
const WEEKDAY =
  /(?<![\p{L}])(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|понеділ\p{L}*|вівтор\p{L}*|серед\p{L}*|четвер\p{L}*|п['’]ятниц\p{L}*|субот\p{L}*|неділ\p{L}*|понедельник\p{L}*|вторник\p{L}*|сред[уае]|четверг\p{L}*|пятниц\p{L}*|суббот\p{L}*|воскресень\p{L}*)(?![\p{L}])/iu

const blank = (s: string): string => s.replace(/[^\n]/g, ' ')

/** The sentence opens with a dateline (`DATELINE`). */
export const hasDateline = (slice: string): boolean => DATELINE.test(slice)

/** The sentence has a clock time (`CLOCK`). */
export const hasClock = (slice: string): boolean => new RegExp(CLOCK.source, 'iu').test(slice)

/**
 * `slice` (one sentence) with its dateline, update header and a day's part of day blanked, and with `clock` its
 * clock times too: the caller blanks them only where the sentence names a day or a span besides ("В субботу около
 * 9:40", "С 10 декабря по 28 февраля … с 6:00 до 9:00"); alone ("as of 15:00", "По состоянию на 21:30") a time
 * is a moment of the article's own day.
 */
export function maskRoles(slice: string, clock: boolean, dateline = true): string {
  let out = slice
  const head = (dateline ? out.match(DATELINE) : null) ?? out.match(UPDATE)
  if (head) out = blank(head[0]) + out.slice(head[0].length)
  if (clock) out = out.replace(CLOCK, blank)
  out = out.replace(PART_OF_DAY, (m, index: number) => {
    const near = out.slice(Math.max(0, index - 24), index + m.length + 24)
    return WEEKDAY.test(near) ? blank(m) : m
  })
  return out
}

/** The end of the words before a period phrase that opens a parallel segment: ", in 2024 — 13", "; im Winter davor 27". */
const SEGMENT_OPENS =
  /[,;]\s*(?:(?:and|but|while|et|mais|y|pero|und|aber|а|и|і|й|та|але|тогда\s+как|тоді\s+як)\s+)?(?:(?:in|im|en|au|à|el|the|в|во|у|за|на)\s+)?$/iu

/**
 * A period phrase after the figure that opens its own parallel segment ("в 2025 году произошло девять катастроф,
 * в 2024-м — 13", "im vergangenen Winter 19, im Winter davor 27", "у листопаді 57, у жовтні — 41"): it dates the
 * figure of its segment (after a dash or the figure itself), not one before its comma. `rest` is the text after
 * the phrase, `figures` tells whether a text holds a figure.
 */
export function opensSegment(gap: string, rest: string, figures: (s: string) => boolean): boolean {
  if (!SEGMENT_OPENS.test(gap)) return false
  const segment = rest.split(/[,;.!?]/u)[0]
  return /^\s*[—–]/u.test(segment) || figures(segment)
}

/** "so far", "bislang", "hasta ahora", "поки що" right after a period under way: it ends on the article's date. */
const SO_FAR =
  /(?<![\p{L}])(?:so\s+far|to\s+date|jusqu['’]ici|jusqu['’]à\s+présent|pour\s+l['’]instant|hasta\s+ahora|hasta\s+la\s+fecha|en\s+lo\s+que\s+va|bislang|bisher|bis\s+jetzt|поки\s+що|досі|наразі|пока\s+что|на\s+данный\s+момент|до\s+сих\s+пор)(?![\p{L}])/iu

export const soFar = (words: string): boolean => SO_FAR.test(words)
