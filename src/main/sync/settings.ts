// Main process: the team settings of an archive (sync/settings.json): the database's address and the user name.
// Never the password: Electron keeps it with safeStorage, browser mode only for the session (team-secret.ts).
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { idSchema } from '../../shared/schemas'
import { writeAtomic } from '../archive/atomic'
import { readRegular } from '../archive/regular-file'
import { syncDir } from './state'

/**
 * Whether `url` may be a team database: an http(s) address with no user name or password written into it. The
 * settings file is the archive's (a shared folder, a restored copy: hostile), so it is checked when read too: a
 * path there would make the sync job write a database outside the archive, and a password there is never kept.
 */
export function teamAddressProblem(url: string): string | undefined {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return 'it is not an address, such as https://couch.example.org/team'
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return 'it is not an http or https address, such as https://couch.example.org/team'
  if (parsed.username || parsed.password)
    return 'it has a user name and password in it: type them in their own fields (the password is never kept in the archive)'
  return undefined
}

export const teamSettingsSchema = z.object({
  remote: z
    .string()
    .max(2000)
    .refine((url) => !teamAddressProblem(url), 'not a team database address')
    .optional(),
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
    const parsed = teamSettingsSchema.safeParse(JSON.parse(await readRegular(file(dir))))
    if (parsed.success) settings = parsed.data
  } catch {
    // No settings yet: not in a team. A pipe, device or link in its place is not read (it waited forever).
  }
  cache.set(dir, settings)
  return settings
}

export async function writeTeamSettings(dir: string, settings: TeamSettings): Promise<void> {
  await mkdir(syncDir(dir), { recursive: true })
  await writeAtomic(file(dir), JSON.stringify(teamSettingsSchema.parse(settings)))
  cache.set(dir, settings)
}
