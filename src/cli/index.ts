// CLI (Node): the `glossa` command.
import { commands } from './commands'

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  const command = name ? commands[name] : undefined
  if (!command) {
    const list = Object.entries(commands)
      .map(([n, c]) => `  glossa ${n.padEnd(8)} ${c.summary}`)
      .join('\n')
    console.error(`${name && name !== 'help' ? `Unknown command "${name}".\n\n` : ''}Usage:\n${list}`)
    return name && name !== 'help' ? 2 : 0
  }
  return command.run(rest)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    console.error(`glossa: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = 1
  },
)
