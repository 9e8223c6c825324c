import { describe, expect, it } from 'vitest'
import { articleLexicon } from './lang'
import { normalizeSpeaker } from './names'

const norm = (name: string, text: string, lang: string): string =>
  normalizeSpeaker(name, text, articleLexicon(lang, text))

describe('normalizeSpeaker', () => {
  it('leaves out a role or title before a person, by lexicon and by the role noun’s form (German cases too)', () => {
    const de = 'Auktionator Felix Brenneke sprach. Der Insolvenzverwalter Jörg Wendrich nannte Zahlen.'
    expect(norm('Auktionator Felix Brenneke', de, 'de')).toBe('Felix Brenneke')
    expect(norm('Insolvenzverwalters Jörg Wendrich', de, 'de')).toBe('Jörg Wendrich')
    expect(norm('Baudezernentin Petra Vollmann-Rieck', de, 'de')).toBe('Petra Vollmann-Rieck')
    expect(norm('Dr. Anna Weber', 'Dr. Anna Weber sagte.', 'en')).toBe('Anna Weber')
    // a two-word name keeps both words: no role can be told from a first name there
    expect(norm('Walter Brenneke', 'Walter Brenneke sagte.', 'de')).toBe('Walter Brenneke')
  })

  it('undoes a German case ending where the article writes the plain form', () => {
    const text =
      'Der Arbeitskreis Deutscher Auktionshäuser (ADA) zählt 46 Häuser. Nach Zahlen des Arbeitskreises …'
    expect(norm('Arbeitskreises Deutscher Auktionshäuser', text, 'de')).toBe(
      'Arbeitskreis Deutscher Auktionshäuser',
    )
    expect(norm('Arbeitskreises Deutscher Auktionshäuser', 'Nach Zahlen des Arbeitskreises.', 'de')).toBe(
      'Arbeitskreises Deutscher Auktionshäuser',
    )
  })

  it('leaves out where an English speaker works when the article also writes the surname alone', () => {
    const text = 'Tomas Reyer of the European Launch Observatory said 3. Reyer added 4.'
    expect(norm('Tomas Reyer of the European Launch Observatory', text, 'en')).toBe('Tomas Reyer')
    expect(norm('Bank of England', 'The Bank of England said.', 'en')).toBe('Bank of England')
  })

  it('extends a one-word name to the fullest name the article opens with it', () => {
    const text = 'Hackers hit Halbrook Building Society. Halbrook said 150 staff were hired.'
    expect(norm('Halbrook', text, 'en')).toBe('Halbrook Building Society')
    expect(norm('Kestrel', 'Kestrel Orbital’s rocket flew. Kestrel says 12.', 'en')).toBe('Kestrel Orbital')
    // a product with its model number is not its maker's name
    expect(norm('Aster', 'The Aster Nova 3 is fast. Aster says 80%.', 'en')).toBe('Aster')
    // German nouns are capitalised: only a body's head word or "&" extends
    expect(norm('Wendrich', 'Dass Wendrich Zahlen nannte.', 'de')).toBe('Wendrich')
    expect(norm('Brenneke', 'Im Auktionshaus Brenneke & Söhne. Brenneke sagte.', 'de')).toBe(
      'Brenneke & Söhne',
    )
  })

  it('names an unnamed source in a body as the body (conventions §14), in every language', () => {
    expect(norm('Fuentes de la Consejería de Agricultura', 'x', 'es')).toBe('Consejería de Agricultura')
    expect(norm('джерела в обласній військовій адміністрації', 'x', 'uk')).toBe(
      'обласній військовій адміністрації',
    )
    expect(norm('Источник в министерстве сельского хозяйства', 'x', 'ru')).toBe(
      'министерстве сельского хозяйства',
    )
    expect(norm('a source at the Treasury', 'x', 'en')).toBe('Treasury')
  })

  it('takes a role noun, in any case, to the fullest body the article names with that head', () => {
    const uk = 'Благодійний фонд «Світлиця» зібрав гроші. За даними звіту фонду, надходження зросли.'
    expect(norm('фонду', uk, 'uk')).toBe('Благодійний фонд «Світлиця»')
    expect(norm('Благодійний фонд', uk, 'uk')).toBe('Благодійний фонд «Світлиця»')
    const es = 'La Agencia Estatal de Tráfico publicó su balance. Según los datos de la agencia, murieron 17.'
    expect(norm('agencia', es, 'es')).toBe('Agencia Estatal de Tráfico')
  })

  it('expands an acronym as the article introduces it', () => {
    const es = 'Lo organizó la Coordinadora Humanitaria Internacional (CHI). Según la CHI, viven 240.000.'
    expect(norm('CHI', es, 'es')).toBe('Coordinadora Humanitaria Internacional')
  })
})
