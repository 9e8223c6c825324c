// Scripts: what the entity resolver (entity-resolve.ts) changes, figure by figure: each labelled speaker whose
// right/wrong flips when its language leaves RESOLVE, on sets 1–9. Usage:
//   npx jiti test/figures/speaker-resolve-diff.ts [lang …]
import { RESOLVE } from '../../src/shared/figures/speaker-model'
import { printSpeakerFlips } from './speaker-flips'

printSpeakerFlips(RESOLVE)
