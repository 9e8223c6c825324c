// Runs everywhere: the phrases that name a source after them ("according to X", "selon X", "laut X", "за даними X",
// "по данным X") and the nouns of a document whose source is named after them ("los datos de la agencia"), per language.

/**
 * Phrases that name a source after them, as lower-case word sequences: "according to", "data from", "selon",
 * "según", "laut", "nach Angaben", "за даними", "по данным". A word written `*` stands for any one word
 * ("по его данным", "за її словами").
 */
export const SOURCE_PHRASES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  en: [['according', 'to'], ['data', 'from'], ['figures', 'from'], ['estimates', 'from'], ['per']],
  fr: [['selon'], ["d'après"], ['d’après'], ['de', 'source'], ['aux', 'yeux', 'de']],
  es: [
    ['según'],
    ['de', 'acuerdo', 'con'],
    ['a', 'juicio', 'de'],
    ['en', 'palabras', 'de'],
    ['citado', 'por'],
  ],
  de: [
    ['laut'],
    ['nach', 'angaben'],
    ['nach', 'zahlen'],
    ['nach', 'schätzungen'],
    ['nach', 'einschätzung'],
    ['nach', 'auskunft'],
    ['nach', 'berechnungen'],
    ['gemäß'],
    ['gemäss'],
    ['nach', 'ansicht'],
  ],
  uk: [
    ['за', 'даними'],
    ['за', 'словами'],
    ['за', 'інформацією'],
    ['за', 'оцінками'],
    ['за', 'оцінкою'],
    ['за', 'підрахунками'],
    ['за', 'прогнозом'],
    ['за', 'версією'],
    ['згідно', 'з'],
    ['за', '*', 'даними'],
    ['за', '*', 'словами'],
    ['на', 'думку'],
  ],
  ru: [
    ['по', 'данным'],
    ['по', 'словам'],
    ['по', 'информации'],
    ['по', 'оценке'],
    ['по', 'оценкам'],
    ['по', 'подсчетам'],
    ['по', 'подсчётам'],
    ['по', 'версии'],
    ['по', 'прогнозу'],
    ['по', 'мнению'],
    ['согласно'],
    ['по', '*', 'данным'],
    ['по', '*', 'словам'],
    ['по', '*', 'оценке'],
  ],
}

/** Nouns of a document or of data, whose source is named after them: "los datos de la agencia", "звіту фонду". */
export const DOCUMENT =
  /^(?:data|figures|report|statement|study|survey|bulletin|release|estimates?|datos|cifras|informe|balance|estudio|encuesta|boletín|comunicado|chiffres|rapport|bilan|étude|enquête|communiqué|données|Zahlen|Angaben|Bericht|Mitteilung|Studie|Erhebung|Halbjahresbericht|звіт\p{L}*|дан\p{L}*|досліджен\p{L}*|повідомлен\p{L}*|отч[её]т\p{L}*|исследовани\p{L}*|сообщени\p{L}*|статистик\p{L}*|підсумк\p{L}*|итог\p{L}*)$/iu
