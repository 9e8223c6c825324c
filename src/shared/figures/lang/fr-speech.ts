// Runs everywhere: the French words that tell who is speaking ("a déclaré", "a-t-il précisé", "selon",
// "d'après", titles and bodies).
import type { SpeechWords } from './types'

const words = (list: string): ReadonlySet<string> => new Set(list.split(' '))

// Reporting verbs in the present and as the participle of the compound past ("a déclaré"), the word
// next to the speaker either way.
const REPORTING =
  'déclaré déclare affirmé affirme précisé précise indiqué indique annoncé annonce ajouté ajoute ' +
  'souligné souligne expliqué explique estimé estime assuré assure dénoncé dénonce prévenu prévient ' +
  'reconnu reconnaît reconnait averti avertit rappelé rappelle confié confie jugé martelé martèle ' +
  'insisté insiste tranche tranché soupire soupiré noté dit confirmé confirme détaillé détaille ' +
  'révélé révèle signalé signale rapporté rapporte observé observe commenté commente regretté regrette ' +
  'résumé résume relevé relève recensé recense dénombré dénombre comptabilisé comptabilise mesuré ' +
  'enregistré enregistre écrit écrivait chiffré ' +
  'répondu répond réagi réagit conclu conclut plaidé plaide glissé glisse lâché lâche poursuivi poursuit ' +
  'argumenté argumente déploré déplore promis promet assurait affirmait expliquait estimait réclamé ' +
  'réclame table tablent anticipe anticipent prévoit prévoient défendu contesté conteste lancé évoqué'
const VERBS = words(REPORTING)
/** After these, the speaker may follow: « … », précise la compagnie; a indiqué Air Azur. */
const INVERTED = VERBS

/** "l'Agence" → "l'" "Agence"; "a-t-il" → "il" "a", "dit-elle" → "elle" "dit": the speaker before its verb. */
function splitWord(word: string): string[] {
  const inverted = /^(.+?)-(?:t-)?(il|elle|ils|elles|on)$/i.exec(word)
  if (inverted) return [inverted[2], inverted[1]]
  const elided = /^((?:[cdjlmnst]|qu|jusqu|lorsqu|puisqu)['’])(\p{L}.*)$/iu.exec(word)
  return elided ? [elided[1], elided[2]] : [word]
}

export const frSpeech: SpeechWords = {
  verbs: VERBS,
  inverted: INVERTED,
  titles: words(
    'président présidente vice-président vice-présidente premier ministre ministre secrétaire chancelier ' +
      'chancelière maire gouverneur gouverneure préfet préfète sénateur sénatrice député députée ambassadeur ' +
      'ambassadrice général générale colonel capitaine lieutenant commandant chef cheffe directeur directrice ' +
      'pdg dg patron patronne porte-parole responsable docteur docteure dr professeur professeure pr ' +
      'm mme mlle juge procureur procureure roi reine prince commissaire amiral analyste économiste ' +
      'chercheur chercheuse syndicaliste avocat avocate médecin infirmier infirmière ' +
      'élu élue conseiller conseillère adjoint adjointe fondateur fondatrice gérant gérante habitant habitante ' +
      'expert experte ingénieur ingénieure climatologue météorologue sociologue historien historienne ' +
      'agriculteur agricultrice militant militante journaliste étudiant étudiante',
  ),
  orgs: words(
    'ministère ministre département office banque fonds agence service conseil comité commission ' +
      'syndicat union institut université école société groupe entreprise compagnie armée forces police ' +
      'gendarmerie garde administration gouvernement parlement assemblée sénat autorité observatoire ' +
      'fondation organisation direction cour tribunal centre fédération association parti alliance ' +
      'mission opérateur cabinet préfecture mairie région collectivité caisse bureau haut-commissariat ' +
      'conférence chambre agences ministères services opposition majorité exécutif',
  ),
  pronouns: words('il elle ils elles lui eux'),
  functionWords: words(
    'il elle ils elles on nous vous je ce cet cette ces celui celle ceux cela ça là ici en dans sur sous à ' +
      'au aux par pour mais et ou or donc car si comme quand lorsque alors que qui dont où de du des le la ' +
      'les un une après avant depuis pendant selon d’après dès avec sans entre chez vers contre ' +
      'lundi mardi mercredi jeudi vendredi samedi dimanche mis suivez bonjour verdict',
  ),
  phraseBreaks: words(
    'mais et ou alors que qui dont quand lorsque si dans sur en à au aux par avec lors publié publiée',
  ),
  connectors: words("de du des la le l' l’ d' d’ pour sur en à aux"),
  particles: words('de du des la le van von der den da di al ben'),
  determiners: words("le la les l' l’ un une son sa ses leur leurs notre nos ce cet cette ces"),
  /** Said when, between an inverted verb and its speaker: "a indiqué mercredi à 7h30 la préfecture". */
  afterVerb: [
    ...'lundi mardi mercredi jeudi vendredi samedi dimanche hier matin soir'.split(' ').map((d) => [d]),
    ['à', '#time'],
    ['vers', '#time'],
    ['dans', 'la', 'soirée'],
    ['dans', 'la', 'matinée'],
  ],
  according: [['selon'], ["d'", 'après'], ['d’', 'après'], ['de', 'source']],
  by: ['par', 'de', 'du', 'des'],
  who: ['qui'],
  splitWord,
  auxiliaries: words('a ont avait avaient aurait auraient avaient va vont'),
  nounPhrases: true,
  pronounsForBodies: true,
}
