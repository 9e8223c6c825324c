// Node: `npm start` — opens the built app in Electron, or says plainly why it cannot (after `npm run build`).
import { spawn } from 'node:child_process'
import { electronBinary } from './electron-binary.mjs'

if (!electronBinary()) {
  console.error(
    "Glossa's desktop window needs Electron's binary, which is not installed here (it downloads from " +
      'outside the npm registry); run `npm run serve` to use Glossa in your browser instead.',
  )
  process.exit(1)
}
const child = spawn('npx', ['electron-vite', 'preview', '--skipBuild'], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 1))
