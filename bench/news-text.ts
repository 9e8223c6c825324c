// Bench (Node): synthetic news articles — a headline, a standfirst and paragraphs of reporting with figures,
// quotes and attributions — built from a seeded generator, so the same seed gives the same words.
import type { Random } from './random'
import type { Topic } from './vocabulary'
import { FIRST_NAMES, MONTHS, PLACES, ROLES, SOURCES, SURNAMES, TOPICS, WEEKDAYS } from './vocabulary'

export type NewsStory = {
  title: string
  standfirst: string
  paragraphs: string[]
  topic: Topic
  place: string
  source: string
  author: string
  publishedAt: string
  url: string
}

function number(r: Random): string {
  const roll = r.next()
  if (roll < 0.3) return String(r.int(2, 99))
  if (roll < 0.55) return r.int(100, 9999).toLocaleString('en-GB')
  if (roll < 0.8) return `${r.int(1, 99)}.${r.int(1, 9)}`
  return r.pick(['two', 'three', 'five', 'seven', 'twelve', 'fifteen', 'a dozen', 'several hundred'])
}

function person(r: Random): string {
  return `${r.pick(FIRST_NAMES)} ${r.pick(SURNAMES)}`
}

function sentence(r: Random, t: Topic, place: string): string {
  const noun = r.pick(t.nouns)
  const unit = r.pick(t.units)
  const event = r.pick(t.events)
  const org = r.pick(t.orgs)
  switch (r.int(0, 9)) {
    case 0:
      return `${capital(org)} said on ${r.pick(WEEKDAYS)} that ${number(r)} ${unit} had been ${event} in ${place} since ${r.pick(MONTHS)}.`
    case 1:
      return `“We have ${event} ${number(r)} ${unit} this week alone, and the work is far from over,” said ${person(r)}, ${r.pick(ROLES)} at ${org}.`
    case 2:
      return `The figure was ${number(r)} percent higher than a year earlier, according to ${org}, which publishes its estimates every ${r.pick(['week', 'month', 'quarter'])}.`
    case 3:
      return `In ${place}, residents described long queues and uncertainty about ${noun}, while officials insisted the situation was under control.`
    case 4:
      return `${person(r)}, who has followed ${t.name} for more than ${number(r)} years, cautioned that early figures are often revised once ${org} completes its count.`
    case 5:
      return `About ${number(r)} ${unit} were ${event} between ${r.pick(MONTHS)} and ${r.pick(MONTHS)}, down from ${number(r)} in the same period last year.`
    case 6:
      return `Local reports put the number closer to ${number(r)}, though that estimate could not be independently verified.`
    case 7:
      return `The ${noun} in ${r.pick(PLACES)} and ${r.pick(PLACES)} were among the hardest hit, and ${number(r)} ${unit} remain affected.`
    case 8:
      return `${capital(org)} has asked for ${number(r)} ${r.pick(['million', 'billion'])} euros in additional funding to cover ${noun} over the next ${r.pick(['six months', 'year', 'two years'])}.`
    default:
      return `Critics said the plan for ${noun} did too little, too late, and called for an independent review before the ${r.pick(['winter', 'summer', 'election', 'next budget'])}.`
  }
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1)
}

function slug(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
}

/** About `targetLength` characters of article text (paragraphs joined by blank lines). */
export function newsStory(r: Random, targetLength: number): NewsStory {
  const topic = r.pick(TOPICS)
  const place = r.pick(PLACES)
  const title = `${place} ${r.pick(topic.nouns)} ${r.pick(topic.events)} as ${number(r)} ${r.pick(topic.units)} reported`
  const standfirst = sentence(r, topic, place)
  const paragraphs: string[] = []
  let length = 0
  while (length < targetLength) {
    const count = r.int(2, 5)
    const para = Array.from({ length: count }, () => sentence(r, topic, place)).join(' ')
    paragraphs.push(para)
    length += para.length + 2
  }
  const year = r.int(2021, 2025)
  const month = r.int(1, 12)
  const day = r.int(1, 28)
  const publishedAt = `${year}-${pad(month)}-${pad(day)}`
  const source = r.pick(SOURCES)
  return {
    title: capital(title),
    standfirst,
    paragraphs,
    topic,
    place,
    source,
    author: person(r),
    publishedAt,
    url: `https://www.${slug(source)}.example/${year}/${pad(month)}/${slug(title).slice(0, 60)}-${r.int(1000, 99999)}`,
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}

/** Queries a researcher would type into search over this archive: words, names, places, phrases, figures. */
export const SEARCH_QUERIES = [
  'grain',
  'substations',
  'Odesa',
  'Sheremet',
  'interest rates',
  'flood barriers',
  'drones intercepted',
  'waiting lists',
  'council tax',
  'train services cancelled',
  'million tonnes',
  'independent review',
  'Kravets energy',
  'evacuations Riverside',
  'food prices central bank',
  'social housing',
  'exam results',
  'could not be independently verified',
  'Castellanos',
  'missiles launched Kharkiv',
]
