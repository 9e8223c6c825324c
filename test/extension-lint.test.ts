// The browser extension (#16) as Firefox's add-on store checks it: Mozilla's addons-linter on the folder
// `npm run build` writes (built here into a temporary folder, as the build does), with no error, warning or
// notice; the icons the manifest names exist at their sizes. A copy with a planted eval is flagged, so the
// lint really runs.
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

const run = promisify(execFile)
const LINTER = resolve('node_modules/addons-linter/bin/addons-linter')

type LintReport = {
  summary: { errors: number; notices: number; warnings: number }
  errors: { code: string; message: string }[]
  warnings: { code: string; message: string }[]
  notices: { code: string; message: string }[]
  metadata: { id: string; manifestVersion: number }
}

async function lint(dir: string): Promise<LintReport> {
  // The linter exits non-zero when it finds errors; its JSON report is on stdout either way.
  const { stdout } = await run(process.execPath, [LINTER, '--output', 'json', dir]).catch(
    (err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }),
  )
  return JSON.parse(stdout) as LintReport
}

let dir = ''
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glossa-ext-lint-'))
  await run(process.execPath, [resolve('scripts/build-extension.mjs'), '--out', dir])
}, 60_000)
afterAll(() => rm(dir, { recursive: true, force: true }))

describe('the built extension', () => {
  test('passes addons-linter with nothing to report', async () => {
    const report = await lint(dir)
    expect(report.metadata).toMatchObject({ id: 'connector@glossa.app', manifestVersion: 3 })
    expect([...report.errors, ...report.warnings, ...report.notices]).toEqual([])
  }, 60_000)

  test('names icons that exist at the sizes it says', async () => {
    type Manifest = { icons: Record<string, string>; action: { default_icon: Record<string, string> } }
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Manifest
    const named = { ...manifest.icons, ...manifest.action.default_icon }
    expect(Object.keys(named).length).toBeGreaterThan(0)
    for (const [size, file] of Object.entries(named)) {
      // A PNG's IHDR: its width and height, big-endian, at bytes 16 and 20.
      const png = await readFile(join(dir, file))
      expect(png.subarray(1, 4).toString(), file).toBe('PNG')
      expect([png.readUInt32BE(16), png.readUInt32BE(20)], file).toEqual([Number(size), Number(size)])
    }
  })

  test('a planted eval is reported (the lint is real)', async () => {
    const copy = await mkdtemp(join(tmpdir(), 'glossa-ext-lint-bad-'))
    try {
      await run('cp', ['-R', `${dir}/.`, copy])
      const popup = join(copy, 'popup.js')
      await writeFile(popup, `${await readFile(popup, 'utf8')}\neval(location.hash)\n`)
      const report = await lint(copy)
      expect(report.warnings.map((w) => w.code)).toContain('DANGEROUS_EVAL')
    } finally {
      await rm(copy, { recursive: true, force: true })
    }
  }, 60_000)
})
