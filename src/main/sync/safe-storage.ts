// Main process (Electron only): Electron's safeStorage as the SecretBox that keeps the team password (team-secret.ts).
// On Linux without a keyring safeStorage falls back to a fixed key ("basic_text"): that is not kept as safe, so
// the password is then asked once per session instead. Untested here (no Electron runtime in CI); the logic
// around it is tested with a stand-in (team-secret.test.ts).
import { safeStorage } from 'electron'
import type { SecretBox } from './team-secret'

export function safeStorageBox(): SecretBox {
  return {
    available: () =>
      safeStorage.isEncryptionAvailable() &&
      (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (data) => safeStorage.decryptString(data),
  }
}
