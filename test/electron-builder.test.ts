// The packaging config cannot run here (it downloads Electron), so it is checked instead: against
// electron-builder's own schema, and for the fields the app depends on.
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

type Config = {
  appId: string
  productName: string
  files: string[]
  extraResources: { from: string; to: string }[]
  fileAssociations: { ext: string[] }[]
  linux: { target: string[]; icon: string }
  mac: { target: string[] }
  win: { target: string[] }
}
const config = parse(readFileSync('electron-builder.yml', 'utf8')) as Config

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own configuration schema', async () => {
    const require = createRequire(import.meta.url)
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration: (c: unknown, logger: unknown) => Promise<void>
    }
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown }
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
    await expect(validateConfiguration({ ...config, notAField: 1 }, new DebugLogger(false))).rejects.toThrow(
      /notAField/,
    )
  })

  it('names the app, targets every platform, and associates .html and .md', () => {
    expect(config.appId).toBe('org.glossa.app')
    expect(config.productName).toBe('Glossa')
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual(['dmg'])
    expect(config.win.target).toEqual(['nsis'])
    expect(config.fileAssociations.flatMap((a) => a.ext)).toEqual(expect.arrayContaining(['html', 'md']))
  })

  it('ships the built app, the icon and the sample articles the app seeds from', () => {
    expect(config.files).toContain('out/**')
    expect(existsSync(config.linux.icon)).toBe(true)
    for (const r of config.extraResources) expect(existsSync(r.from), r.from).toBe(true)
    // Packaged, main reads samples from process.resourcesPath/samples (src/main/index.ts).
    expect(config.extraResources).toContainEqual({ from: 'resources/samples', to: 'samples' })
    expect(readFileSync('src/main/index.ts', 'utf8')).toContain('app.isPackaged ? process.resourcesPath')
  })
})
