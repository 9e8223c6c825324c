// Scripts: what the role linking (role-holder.ts) changes, figure by figure: each labelled speaker whose
// right/wrong flips when its language leaves ROLES, on sets 1–9. Usage:
//   npx jiti test/figures/speaker-role-diff.ts [lang …]
import { ROLES } from '../../src/shared/figures/role-holder'
import { printSpeakerFlips } from './speaker-flips'

printSpeakerFlips(ROLES)
