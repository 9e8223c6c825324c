// Runs @doyensec/electronegativity on the sources and on the build, and fails on any finding of medium or
// high severity that security/electronegativity-accepted.json does not explain. The check that downloads
// Electron's release list is skipped: CI has no network.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync } from 'node:fs'

const accepted = JSON.parse(readFileSync('security/electronegativity-accepted.json', 'utf8'))
mkdirSync('reports', { recursive: true })
let failures = 0

for (const input of ['src', 'out']) {
  const output = `reports/electronegativity-${input}.csv`
  const run = spawnSync(
    'node_modules/.bin/electronegativity',
    [
      '-i',
      input,
      '-r',
      '-v',
      'true',
      '-e',
      '45.4.1',
      '-x',
      'AvailableSecurityFixesGlobalCheck',
      '-o',
      output,
    ],
    { encoding: 'utf8' },
  )
  if (run.status !== 0) {
    console.error(`electronegativity failed on ${input}:\n${run.stdout}\n${run.stderr}`)
    process.exit(1)
  }
  // A file its parser cannot read is silently left out, and its global checks then misfire: refuse that.
  const unparsed = `${run.stdout}\n${run.stderr}`.split('\n').filter((l) => l.startsWith('Error parsing'))
  if (unparsed.length) {
    console.error(
      `electronegativity could not parse part of ${input} (e.g. #private class fields):\n${unparsed.join('\n')}`,
    )
    process.exit(1)
  }
  const rows = readFileSync(output, 'utf8').trim().split('\n').slice(1)
  // Main always has findings (its preload): none means its bundle was not analysed at all.
  if (!rows.some((r) => /,"?main\//.test(r))) {
    console.error(`electronegativity reported nothing for ${input}/main: its code was not analysed`)
    process.exit(1)
  }
  for (const row of rows) {
    const [issue, severity, , file] = row.split(',').map((c) => c.replace(/^"|"$/g, ''))
    if (!['MEDIUM', 'HIGH'].includes(severity)) continue
    const why = accepted.find((a) => a.issue === issue && file.startsWith(a.file))
    if (why) console.log(`accepted ${severity} ${issue} in ${input}/${file}: ${why.reason}`)
    else {
      console.error(`UNEXPLAINED ${severity} ${issue} in ${input}/${file}`)
      failures++
    }
  }
  console.log(`electronegativity ${input}: ${rows.length} findings, see ${output}`)
}
if (failures) {
  console.error(
    `${failures} medium/high findings are not explained in security/electronegativity-accepted.json`,
  )
  process.exit(1)
}
