// Runs everywhere: the English words that tell who is speaking ("said", "according to", titles, bodies).
import type { SpeechWords } from './types'

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '))

export const enSpeech: SpeechWords = {
  verbs: words(
    'said says say told tells added adds noted stated announced announces wrote writes explained explains ' +
      'claimed estimated estimates warned warns confirmed confirms insisted insists argued argues admitted admits reported ' +
      'recalled recalls stressed stresses emphasised emphasized emphasises emphasizes acknowledged conceded cautioned ' +
      'predicted predicts revealed disclosed observed remarked asserted declared commented responded replied ' +
      // findings and forecasts are the body's (conventions v2 §10): "the survey found", "data show", "the airport expects"
      'found finds show shows showed expects forecasts projects promises',
  ),
  /** Verbs after which the speaker may follow: "said Iryna Kovalska", "says the president". */
  inverted: words(
    'said says added adds noted notes wrote writes explained explains warned warns stated recalled declared told',
  ),
  titles: words(
    'president vice prime minister deputy secretary chancellor mayor governor councillor councilor senator ' +
      'ambassador general colonel captain lieutenant major commander chief head director executive ceo chairman ' +
      'chairwoman chair spokesman spokeswoman spokesperson dr doctor professor prof mr mrs ms sir dame judge ' +
      'striker substitute manager coach economist analyst energy defence defense finance foreign interior health ' +
      'economy agriculture justice education king queen prince sergeant officer inspector commissioner admiral speaker ' +
      'farmer resident teacher nurse soldier driver owner pensioner volunteer student lawyer activist journalist ' +
      'researcher scientist climatologist meteorologist engineer worker founder partner candidate councilwoman ' +
      'prosecutor',
  ),
  orgs: words(
    'ministry department office bank fund agency service council committee commission union institute university ' +
      'college company group corporation forces force staff army navy police guard administration government ' +
      'parliament rada assembly board authority observatory capital securities research analytics networks ' +
      'foundation organization organisation industries affairs statistics treasury bureau court centre center ' +
      'federation association party alliance reserve exchange operator officials authorities military airport ' +
      'survey markets',
  ),
  pronouns: words('he she they it'),
  /** "…, it said": "it" stands for a body named before ("the agency", "Fjordlaks"). */
  pronounsForBodies: true,
  /** Capitalised at the start of a sentence, but never part of a name. */
  functionWords: words(
    'he she they it we i you this that these those there here in on at but and or as after when while if so for of to by with from',
  ),
  /** Words that end a role phrase read leftwards or rightwards. */
  phraseBreaks: words('but and or while as that which who when if in on at of for to by with from published'),
  connectors: words('of for at de van von der da al'),
  /** Lower-case particles that open a surname: "de Vries", "van der Berg". */
  particles: words('de van von der den da di du al bin ben la le'),
  determiners: words('the a an its their his her our'),
  according: [['according', 'to']],
  by: ['by'],
  who: ['who'],
}
