// Main process: the team settings of an archive (sync/settings.json): the database's address and the user name.
// Never the password: Electron keeps it with safeStorage, browser mode only for the session (team-secret.ts).
import { readFile } from 'node:fs/promises'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { idSchema } from '../../shared/schemas'
import { writeAtomic } from '../archive/atomic'
import { syncDir } from './state'

export const teamSettingsSchema = z.object({
  remote: z.string().max(2000).optional(),
  user: z.string().trim().max(200).optional(),
  /** Live sync: in the background, after each change and when the team's database changes. */
  live: z.boolean().optional(),
  /** Share these collections only (their articles and annotations); absent: the whole archive. */
  share: z.array(idSchema).max(1000).optional(),
})
export type TeamSettings = z.infer<typeof teamSettingsSchema>

const file = (dir: string) => join(syncDir(dir), 'settings.json')
const cache = new Map<string, TeamSettings>()

export async function readTeamSettings(dir: string): Promise<TeamSettings> {
  const cached = cache.get(dir)
  if (cached) return cached
  let settings: TeamSettings = {}
  try {
    const parsed = teamSettingsSchema.safeParse(JSON.parse(await readFile(file(dir), 'utf8')))
    if (parsed.success) settings = parsed.data
  } catch {
    // No settings yet: not in a team.
  }
  cache.set(dir, settings)
  return settings
}

export async function writeTeamSettings(dir: string, settings: TeamSettings): Promise<void> {
  await mkdir(syncDir(dir), { recursive: true })
  await writeAtomic(file(dir), JSON.stringify(teamSettingsSchema.parse(settings)))
  cache.set(dir, settings)
}
