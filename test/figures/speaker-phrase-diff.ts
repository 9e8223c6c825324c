// Scripts: what the noun-phrase reading (mention-phrase.ts) changes, figure by figure: each labelled speaker whose
// right/wrong flips when its language leaves PHRASE, on sets 1–9. Usage:
//   npx jiti test/figures/speaker-phrase-diff.ts [lang …]
import { PHRASE } from '../../src/shared/figures/mention-phrase'
import { printSpeakerFlips } from './speaker-flips'

printSpeakerFlips(PHRASE)
