// CLI (Node): the `glossa` command. Help is answered from the usage table alone; a command's code is
// loaded only when it runs.
import { helpText, isCommand } from './usage'

const HELP = new Set(['--help', '-h', 'help'])

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || HELP.has(name)) {
    const topic = rest[0]
    if (topic !== undefined && !isCommand(topic)) {
      console.error(`Unknown command "${topic}".\n\n${helpText()}`)
      return 2
    }
    console.log(helpText(topic))
    return 0
  }
  if (!isCommand(name)) {
    console.error(`Unknown command "${name}".\n\n${helpText()}`)
    return 2
  }
  if (rest.some((arg) => arg === '--help' || arg === '-h')) {
    console.log(helpText(name))
    return 0
  }
  const { commands } = await import('./commands')
  return commands[name](rest)
}
