// Runs everywhere: the Spanish words that tell who is speaking ("afirmó", "ha explicado", "según", "de
// acuerdo con"), titles and bodies ("el secretario de Estado", "la Consellería do Medio Rural").
import type { SpeechWords } from './types'

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '))

/** A reporting verb as the preterite, the present, the imperfect and the participle of the compound past. */
const conjugated = (stems: string): string[] =>
  stems.split(' ').flatMap((stem) => {
    const [root, kind] = stem.split(':')
    if (kind === 'er') return [`${root}ió`, `${root}e`, `${root}ía`, `${root}ido`]
    return [`${root}ó`, `${root}a`, `${root}aba`, `${root}ado`]
  })

// Regular -ar and -er/-ir verbs by stem ("afirm" → afirmó, afirma, afirmaba, afirmado), then the irregular.
const VERBS = new Set([
  ...conjugated(
    'afirm asegur explic declar señal indic añad:er precis apunt subray destac advirt:er recalc ' +
      'estim calcul inform anunci confirm insist:er manifest coment detall aclar revel admit:er ' +
      'cifr critic denunci lament reproch avanz relat murmur expres agreg matiz remarc enfatiz ' +
      'puntualiz valor pronostic alert avis concret respond:er replic conclu:er argument resum:er ' +
      'record reconoc:er cont registr contabiliz',
  ),
  ...words(
    'dijo dice decía dicho advierte sostuvo sostiene sostenido recuerda reconoce cuenta contó ' +
      'escribió escribe escrito concluyó concluye repite repitió prevé previó previsto admite ' +
      'explicaron afirmaron aseguraron señalaron indicaron añadieron informaron anunciaron ' +
      'estimaron calcularon declararon precisaron detallaron advirtieron recordaron dijeron',
  ),
])
const INVERTED = VERBS

export const esSpeech: SpeechWords = {
  verbs: VERBS,
  inverted: INVERTED,
  titles: words(
    'presidente presidenta vicepresidente vicepresidenta ministro ministra secretario secretaria ' +
      'consejero consejera conselleiro conselleira alcalde alcaldesa concejal concejala teniente gobernador ' +
      'gobernadora senador senadora diputado diputada embajador embajadora general coronel capitán ' +
      'comandante jefe jefa director directora delegado delegada subdelegado subdelegada portavoz ' +
      'responsable gerente doctor doctora dr dra profesor profesora catedrático catedrática juez jueza ' +
      'fiscal rey reina príncipe comisario comisaria almirante economista analista investigador ' +
      'investigadora sindicalista abogado abogada médico médica enfermero enfermera candidato candidata ' +
      'líder fundador fundadora experto experta ingeniero ingeniera ingeniería climatólogo meteorólogo ' +
      'sociólogo historiador historiadora agricultor agricultora activista periodista estudiante vecina ' +
      'vecino consejera-delegada sr sra don doña',
  ),
  orgs: words(
    'ministerio consejería consellería conselleria departamento oficina banco fondo agencia servicio ' +
      'consejo comité comisión sindicato unión instituto universidad escuela empresa compañía grupo ' +
      'ejército fuerzas policía guardia administración gobierno ejecutivo parlamento congreso senado ' +
      'asamblea autoridad observatorio fundación organización dirección tribunal juzgado centro federación ' +
      'asociación partido alianza delegación subdelegación ayuntamiento diputación junta xunta generalitat ' +
      'cabildo patronal confederación cámara mesa defensor seguridad agencia aemet ine cis ocu ' +
      'organismo institución entidad fuentes padrón consorcio plataforma colegio oficina sociedad',
  ),
  pronouns: words('él ella ellos ellas'),
  functionWords: words(
    'él ella ellos ellas nosotros vosotros yo tú usted ustedes esto eso este esta estos estas ese esa esos ' +
      'esas aquí allí en por para pero y o u e ni como cuando si que quien donde de del a al con sin sobre ' +
      'entre desde hasta según tras durante ante el la los las lo un una unos unas hay es son fue ' +
      'lunes martes miércoles jueves viernes sábado domingo así también además no sí ya hoy ayer',
  ),
  phraseBreaks: words(
    'pero y o que quien cuando si en a al con para por sobre entre desde hasta según publicado publicados ' +
      'publicada publicadas',
  ),
  connectors: words('de del la las los el y para en do da dos das'),
  particles: words('de del la las los van von der den da di do dos das'),
  determiners: words('el la los las un una su sus nuestro nuestra nuestros nuestras este esta estos estas'),
  /** Said when, between an inverted verb and its speaker: "informó el martes el INE". */
  afterVerb: [
    ...'lunes martes miércoles jueves viernes sábado domingo'.split(' ').flatMap((d) => [
      ['el', d],
      ['este', d],
    ]),
    ['ayer'],
    ['hoy'],
    ['a', 'las', '#time'],
    ['por', 'la', 'mañana'],
    ['por', 'la', 'tarde'],
  ],
  according: [['según'], ['de', 'acuerdo', 'con'], ['a', 'juicio', 'de'], ['en', 'palabras', 'de']],
  by: ['por', 'de', 'del'],
  dropsSubject: true,
  who: ['quien', 'que'],
}
