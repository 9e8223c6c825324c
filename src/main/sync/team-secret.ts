// Main process: where the team password is kept. In the desktop app it is encrypted by the operating system's
// keychain (Electron's safeStorage: Keychain on macOS, DPAPI on Windows, the Secret Service / KWallet on Linux) and
// the encrypted bytes go into the app's own data folder — never into the archive (which is synced, backed up and
// shared), its settings file or a log. Where the system offers no keychain (safeStorage would only obfuscate), and
// in browser mode (no SecretBox at all), the password is kept in memory for the session and asked again after a
// restart. The Electron glue is `safeStorageBox` in index.ts; everything here runs with any SecretBox.
import { createHash } from 'node:crypto'
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { removeDurably, writeAtomic } from '../archive/atomic'

/** What encrypts the password: Electron's safeStorage, or a stand-in in tests. */
export type SecretBox = {
  /** False when the system has no keychain to encrypt with. */
  available(): boolean
  encrypt(plain: string): Buffer
  decrypt(data: Buffer): string
}

/** Which password: one per archive, team database and user. */
export type SecretKey = { archiveDir: string; remote: string; user: string }

/** Where a password is: stored encrypted (desktop app), or only in memory for this session. */
export type Keeping = 'stored' | 'session'

export class TeamSecrets {
  /**
   * @param dir a folder of the app's own data (Electron's userData), never inside an archive
   * @param box the system keychain; absent in browser mode
   */
  constructor(
    private readonly dir: string,
    private readonly box?: SecretBox,
  ) {}

  private file(key: SecretKey): string {
    const name = createHash('sha256')
      .update(JSON.stringify([key.archiveDir, key.remote, key.user]))
      .digest('hex')
    return join(this.dir, `${name.slice(0, 32)}.bin`)
  }

  private usable(): SecretBox | undefined {
    try {
      return this.box?.available() ? this.box : undefined
    } catch {
      return undefined
    }
  }

  /** Keeps the password encrypted if the system can; says where it is. */
  async save(key: SecretKey, password: string): Promise<Keeping> {
    const box = this.usable()
    if (!box) return 'session'
    await mkdir(this.dir, { recursive: true })
    await writeAtomic(this.file(key), box.encrypt(password))
    return 'stored'
  }

  /** The stored password, if there is one the system can still decrypt. */
  async load(key: SecretKey): Promise<string | undefined> {
    const box = this.usable()
    if (!box) return undefined
    let data: Buffer
    try {
      data = await readFile(this.file(key))
    } catch {
      return undefined
    }
    try {
      return box.decrypt(data)
    } catch {
      // Encrypted by another user or machine (a copied profile): as if none were stored.
      return undefined
    }
  }

  async forget(key: SecretKey): Promise<void> {
    await removeDurably(this.file(key))
  }
}
