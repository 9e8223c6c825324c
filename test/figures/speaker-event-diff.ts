// Scripts: what one kind of speech event (speech-events.ts) changes, figure by figure: each labelled speaker
// whose right/wrong flips when its language leaves the kind's switch, on sets 1–11. Usage:
//   npx jiti test/figures/speaker-event-diff.ts KIND [lang …]
import { resetDiscourse } from '../../src/shared/figures/speaker-discourse'
import { EVENT_KINDS } from '../../src/shared/figures/event-kinds'
import type { EventKind } from '../../src/shared/figures/event-kinds'
import { printSpeakerFlips } from './speaker-flips'

const kind = process.argv[2] as EventKind
if (!(kind in EVENT_KINDS))
  throw new Error(`usage: speaker-event-diff.ts ${Object.keys(EVENT_KINDS).join('|')} [lang …]`)
printSpeakerFlips(EVENT_KINDS[kind], resetDiscourse)
