// Bench (Node): the words synthetic news articles are made of. Topics carry their own nouns and units, so
// articles read like reporting on one subject and search queries have realistic hit counts.

export type Topic = {
  name: string
  tag: string
  nouns: string[]
  units: string[]
  events: string[]
  orgs: string[]
}

export const TOPICS: Topic[] = [
  {
    name: 'energy grid',
    tag: 'energy/grid',
    nouns: ['substations', 'transformers', 'power lines', 'generating units', 'thermal plants'],
    units: ['megawatts', 'gigawatt-hours', 'households', 'substations'],
    events: ['repaired', 'reconnected', 'damaged', 'shut down', 'restored'],
    orgs: ['the national grid operator', 'the regional energy company', 'the energy ministry'],
  },
  {
    name: 'grain exports',
    tag: 'trade/grain',
    nouns: ['grain', 'wheat', 'corn', 'barley', 'sunflower oil', 'cargo'],
    units: ['tonnes', 'million tonnes', 'vessels', 'percent'],
    events: ['shipped', 'loaded', 'exported', 'held at port', 'insured'],
    orgs: ['the sea ports authority', 'the agriculture ministry', 'the grain traders association'],
  },
  {
    name: 'city budget',
    tag: 'budget/city',
    nouns: ['the budget', 'council tax', 'bus services', 'library funding', 'road repairs'],
    units: ['million euros', 'percent', 'jobs', 'libraries'],
    events: ['approved', 'cut', 'raised', 'frozen', 'reallocated'],
    orgs: ['the city council', 'the finance committee', 'the mayor’s office'],
  },
  {
    name: 'air defence',
    tag: 'strikes/air',
    nouns: ['drones', 'missiles', 'interceptors', 'air raid alerts', 'launchers'],
    units: ['drones', 'missiles', 'alerts', 'hours'],
    events: ['launched', 'intercepted', 'shot down', 'detected', 'fired'],
    orgs: ['the air force', 'the defence ministry', 'the regional military administration'],
  },
  {
    name: 'housing',
    tag: 'housing/rents',
    nouns: ['rents', 'new homes', 'mortgages', 'evictions', 'social housing'],
    units: ['homes', 'percent', 'euros a month', 'applications'],
    events: ['built', 'approved', 'rose', 'fell', 'delayed'],
    orgs: ['the housing agency', 'the statistics office', 'the tenants union'],
  },
  {
    name: 'hospitals',
    tag: 'health/hospitals',
    nouns: ['waiting lists', 'beds', 'ambulances', 'nurses', 'emergency admissions'],
    units: ['patients', 'beds', 'minutes', 'percent'],
    events: ['treated', 'admitted', 'discharged', 'transferred', 'recruited'],
    orgs: ['the health ministry', 'the hospital trust', 'the nurses union'],
  },
  {
    name: 'floods',
    tag: 'weather/floods',
    nouns: ['rainfall', 'river levels', 'flood barriers', 'evacuations', 'sandbags'],
    units: ['millimetres', 'metres', 'homes', 'people'],
    events: ['flooded', 'evacuated', 'protected', 'breached', 'pumped out'],
    orgs: ['the environment agency', 'the fire service', 'the county council'],
  },
  {
    name: 'rail strikes',
    tag: 'labour/strikes',
    nouns: ['train services', 'drivers', 'pay talks', 'cancellations', 'commuters'],
    units: ['trains', 'percent', 'days', 'workers'],
    events: ['cancelled', 'balloted', 'walked out', 'returned', 'negotiated'],
    orgs: ['the rail operator', 'the drivers union', 'the transport ministry'],
  },
  {
    name: 'inflation',
    tag: 'economy/prices',
    nouns: ['food prices', 'fuel prices', 'interest rates', 'wages', 'pensions'],
    units: ['percent', 'basis points', 'euros', 'points'],
    events: ['rose', 'fell', 'held steady', 'were revised', 'jumped'],
    orgs: ['the central bank', 'the statistics office', 'the finance ministry'],
  },
  {
    name: 'schools',
    tag: 'education/schools',
    nouns: ['classrooms', 'teachers', 'exam results', 'shelters', 'school meals'],
    units: ['pupils', 'schools', 'teachers', 'percent'],
    events: ['reopened', 'closed', 'hired', 'refurbished', 'moved online'],
    orgs: ['the education ministry', 'the school board', 'the teachers union'],
  },
]

export const PLACES = [
  'Odesa',
  'Kharkiv',
  'Dnipro',
  'Lviv',
  'Kyiv',
  'Mykolaiv',
  'Zaporizhzhia',
  'Poltava',
  'Chernihiv',
  'Sumy',
  'Marlow Bridge',
  'Northfield',
  'Easton',
  'Riverside',
  'Kingsmere',
  'Ashford Vale',
  'Porthaven',
  'Millbrook',
  'Greyford',
  'Stanmoor',
  'Hollins',
  'Westcombe',
  'Larkhill',
  'Brackenbury',
  'Oakhurst',
  'Fenwick',
  'Aldermoor',
  'Castleton',
  'Thornbury',
  'Wexcombe',
]

export const FIRST_NAMES = [
  'Andrii',
  'Olena',
  'Priya',
  'Tomasz',
  'Maria',
  'James',
  'Aisha',
  'Dmytro',
  'Sofia',
  'Kwame',
  'Ingrid',
  'Mateo',
  'Hannah',
  'Yusuf',
  'Lena',
  'Oleksandr',
  'Chloe',
  'Rafael',
  'Nadia',
  'Pieter',
  'Grace',
  'Ivan',
  'Fatima',
  'Lukas',
]

export const SURNAMES = [
  'Sheremet',
  'Kravets',
  'Castellanos',
  'Novak',
  'Okafor',
  'Lindqvist',
  'Moreau',
  'Hughes',
  'Bondarenko',
  'Tkachenko',
  'Rossi',
  'Haddad',
  'Schneider',
  'Adeyemi',
  'Petrenko',
  'Walsh',
  'Kowalski',
  'Jansen',
  'Marchetti',
  'Shevchenko',
  'Barros',
  'Nakamura',
  'Osei',
  'Fitzgerald',
  'Horvath',
  'Melnyk',
]

export const ROLES = [
  'deputy head',
  'spokesperson',
  'chief economist',
  'director',
  'regional governor',
  'mayor',
  'senior analyst',
  'chair',
  'press officer',
  'head of operations',
]

export const SOURCES = [
  'The Riverside Courier',
  'Kyiv Ledger',
  'Northfield Evening Post',
  'Black Sea Wire',
  'The Porthaven Times',
  'Continental Review',
  'Daily Meridian',
  'The Millbrook Gazette',
]

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']

export { MONTHS } from '../src/shared/export/citation'

export const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const

export const NOTE_LINES = [
  'Compare with the ministry’s own figure from last month.',
  'Check whether this counts only the city or the whole region.',
  'Second source for the same number — see the wire report.',
  'Attribution is vague here: “officials said”.',
  'Contradicts the figure quoted two paragraphs earlier.',
  'Good quote for the chapter on infrastructure.',
  'Period unclear: since the start of the year or since the last report?',
  'Follow up: ask the press office for the underlying data.',
]
