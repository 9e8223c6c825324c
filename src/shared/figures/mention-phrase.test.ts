import { describe, expect, it } from 'vitest'
import { lexiconFor } from './lang'
import { germanPhrase, mentionPhrase } from './mention-phrase'
import { slavicPhraseNominative, slavicWordNominative } from './slavic-phrase'

const phrase = (lang: string, mention: string, text = ''): string =>
  mentionPhrase(mention, text, lexiconFor(lang as 'en'))

describe('a source frame speaks for its complement', () => {
  it('in Spanish, French, English and German', () => {
    expect(phrase('es', 'estimación provisional de la Consellería do Medio Rural')).toBe(
      'Consellería do Medio Rural',
    )
    expect(phrase('es', 'últimos datos de la Seguridad Social')).toBe('Seguridad Social')
    expect(phrase('es', 'de la Consellería do Medio Rural')).toBe('Consellería do Medio Rural')
    expect(phrase('es', 'portavoz de Ferrovías')).toBe('Ferrovías')
    expect(phrase('en', 'figures of the Met Office')).toBe('Met Office')
    expect(phrase('de', 'Angaben der Polizei')).toBe('Polizei')
    expect(phrase('de', 'Nach Zahlen der Bundesstelle für Produktsicherheit')).toBe(
      'Bundesstelle für Produktsicherheit',
    )
  })
  it('but a body named with its kind and complement keeps its name', () => {
    expect(phrase('fr', 'préfecture de la Drôme')).toBe('préfecture de la Drôme')
    expect(phrase('fr', 'chambre d’agriculture de la Sèvre')).toBe('chambre d’agriculture de la Sèvre')
    expect(phrase('es', 'fuentes de la investigación')).toBe('fuentes de la investigación')
    expect(phrase('en', 'Ministry of Finance')).toBe('Ministry of Finance')
  })
  it('in Russian and Ukrainian, in the nominative', () => {
    expect(phrase('ru', 'по данным регионального аптечного союза')).toBe('региональный аптечный союз')
    expect(phrase('ru', 'пресс-служба Северо-Прикаспийского таможенного управления')).toBe(
      'Северо-Прикаспийское таможенное управление',
    )
    expect(phrase('uk', 'за даними Одеської міської ради')).toBe('Одеська міська рада')
  })
})

describe('a descriptor before a name the article uses alone', () => {
  it('is left out', () => {
    const text = 'Die Gewerkschaft Verdi rief zum Streik. Verdi fordert 8 Prozent.'
    expect(phrase('de', 'Gewerkschaft Verdi', text)).toBe('Verdi')
    const ru = 'По данным агентства «Домострой-Аналитика», … «Домострой-Аналитика» ожидает роста.'
    expect(phrase('ru', 'агентство «Домострой-Аналитика»', ru)).toBe('Домострой-Аналитика')
  })
  it('is kept where the name never stands alone, is a place, or the descriptor is capitalised', () => {
    expect(phrase('de', 'Gewerkschaft Verdi', 'Die Gewerkschaft Verdi rief zum Streik.')).toBe(
      'Gewerkschaft Verdi',
    )
    expect(
      phrase('de', 'Regionaldirektion Westmark', 'Regionaldirektion Westmark. Arbeit in Westmark.'),
    ).toBe('Regionaldirektion Westmark')
    const uk = 'Благодійний фонд «Світлиця» зібрав … «Світлиця» дякує.'
    expect(phrase('uk', 'Благодійний фонд «Світлиця»', uk)).toBe('Благодійний фонд «Світлиця»')
    const fr = 'L’Agence régionale de santé Nouvelle-Aquitaine … La Nouvelle-Aquitaine manque de médecins.'
    expect(phrase('fr', 'Agence régionale de santé Nouvelle-Aquitaine', fr)).toBe(
      'Agence régionale de santé Nouvelle-Aquitaine',
    )
  })
})

describe('a place or time phrase after a name', () => {
  it('is cut, unless the name goes on to a capital', () => {
    expect(phrase('uk', 'Міністерство освіти і науки за підсумками вступної кампанії')).toBe(
      'Міністерство освіти і науки',
    )
    expect(phrase('es', 'Consejería de Sanidad en un')).toBe('Consejería de Sanidad')
    expect(phrase('uk', 'Міністерство у справах ветеранів України')).toBe(
      'Міністерство у справах ветеранів України',
    )
    expect(phrase('uk', 'Головне управління ДСНС у Закарпатській області')).toBe(
      'Головне управління ДСНС у Закарпатській області',
    )
  })
})

describe('the nominative by morphology', () => {
  it('Russian adjectives agree with the head noun', () => {
    expect(slavicPhraseNominative('Национальной лотереи', 'ru')).toBe('Национальная лотерея')
    expect(slavicPhraseNominative('Северо-Восточных авиалиний', 'ru')).toBe('Северо-Восточные авиалинии')
    expect(slavicPhraseNominative('Северного края', 'ru')).toBe('Северный край')
    expect(slavicPhraseNominative('Московской биржи', 'ru')).toBe('Московская биржа')
  })
  it('Ukrainian neuters in -ння keep their form and make their adjectives neuter', () => {
    expect(slavicPhraseNominative('Головного управління ДСНС', 'uk')).toBe('Головне управління ДСНС')
    expect(slavicPhraseNominative('Обласної прокуратури', 'uk')).toBe('Обласна прокуратура')
    expect(slavicPhraseNominative('Зернового терміналу', 'uk')).toBe('Зерновий термінал')
  })
  it('two capitalised words are a person, not an adjective and a noun', () => {
    expect(slavicPhraseNominative('Андрій Ковальчук', 'uk')).toBeUndefined()
    expect(slavicPhraseNominative('Алексей Дорохов', 'ru')).toBeUndefined()
  })
  it('a single word takes the form the text writes', () => {
    expect(slavicWordNominative('прокуратури', 'uk', 'Прокуратура відкрила справу.')).toBe('прокуратура')
  })
  it('German adjective and head', () => {
    expect(germanPhrase('Deutschen Wetterdienstes', '', true)).toBe('Deutscher Wetterdienst')
    expect(germanPhrase('Statistische Landesamt', '')).toBe('Statistisches Landesamt')
    expect(germanPhrase('Deutschen Bahn', '')).toBe('Deutsche Bahn')
    expect(germanPhrase('Karen Ahrens', '')).toBe('Karen Ahrens')
  })
})
