// CLI (Node): every `glossa` command with its arguments and options, written once: the help text is printed
// from this table and each command parses its flags with it. Importing it loads nothing else, so `--help`
// answers at once.
import type { ParseArgsConfig } from 'node:util'

type OptionSpec = {
  type: 'string' | 'boolean'
  multiple?: boolean
  default?: boolean
  /** The value's placeholder in the help: DIR, ID, PATH. */
  value?: string
  text: string
}
export type CommandSpec = { summary: string; args: string; options: Record<string, OptionSpec> }

const archive: Record<string, OptionSpec> = {
  archive: {
    type: 'string',
    value: 'DIR',
    text: 'the archive folder (default: GLOSSA_ARCHIVE, else the app’s)',
  },
}
const json: Record<string, OptionSpec> = {
  json: { type: 'boolean', default: false, text: 'print JSON for scripts' },
}

export const SPECS = {
  import: {
    summary: 'import files and folders (html, md, txt, pdf, json backups)',
    args: 'PATH...',
    options: {
      ...archive,
      ...json,
      source: { type: 'string', value: 'S', text: 'the source to record for every file' },
      tag: { type: 'string', multiple: true, value: 'T', text: 'a tag for every article (repeatable)' },
      'password-stdin': {
        type: 'boolean',
        default: false,
        text: 'read an encrypted PDF’s password from standard input (used once, never stored)',
      },
    },
  },
  list: { summary: 'list the articles in the archive', args: '', options: { ...archive, ...json } },
  show: {
    summary: 'print one article',
    args: 'ID',
    options: { ...archive, ...json, text: { type: 'boolean', default: false, text: 'only its stored text' } },
  },
  figures: {
    summary: 'print the figures found in a text file, with the form’s prefill',
    args: 'FILE',
    options: {
      ...json,
      lang: {
        type: 'string',
        value: 'en|fr|es|de|uk|ru',
        text: 'read with this language (default: detected)',
      },
    },
  },
  export: {
    summary: 'export notes or data',
    args: '',
    options: {
      ...archive,
      format: { type: 'string', value: 'F', text: 'md, csv, highlights-csv, json, jsonld or csl' },
      tag: { type: 'string', value: 'T', text: 'only articles and figures with this tag' },
      article: { type: 'string', multiple: true, value: 'ID', text: 'only this article (repeatable)' },
      collection: { type: 'string', value: 'C', text: 'only this collection' },
      metric: { type: 'string', value: 'M', text: 'only figures of this metric (csv)' },
      layout: { type: 'string', value: 'L', text: 'md: per-article, combined or by-tag' },
      'group-by': { type: 'string', value: 'G', text: 'md: group notes by tag' },
      bom: { type: 'boolean', text: 'csv: a byte-order mark for Excel' },
      out: {
        type: 'string',
        value: 'PATH',
        text: 'file or folder to write (per-article md: a folder, or a .zip)',
      },
    },
  },
  serve: {
    summary: 'serve the app to a browser on 127.0.0.1',
    args: '',
    options: {
      ...archive,
      port: { type: 'string', value: 'N', text: 'the port (default: any free one)' },
      'connector-port': {
        type: 'string',
        value: 'N',
        text: 'the browser connector’s port (default 21787; 0: any free one)',
      },
    },
  },
  sync: {
    summary: 'sync the archive with a team database (CouchDB), once, both ways',
    args: '',
    options: {
      ...archive,
      ...json,
      remote: { type: 'string', value: 'URL', text: 'the database, e.g. https://couch.example.org/team' },
      user: { type: 'string', value: 'U', text: 'user name (password from GLOSSA_SYNC_PASSWORD)' },
    },
  },
} satisfies Record<string, CommandSpec>

export type CommandName = keyof typeof SPECS
export const isCommand = (name: string | undefined): name is CommandName =>
  name !== undefined && Object.hasOwn(SPECS, name)

/** The spec's options as node:util's parseArgs reads them. */
export function parseOptions(name: CommandName): NonNullable<ParseArgsConfig['options']> {
  const options: NonNullable<ParseArgsConfig['options']> = {}
  for (const [flag, { type, multiple, default: value }] of Object.entries(
    SPECS[name].options as Record<string, OptionSpec>,
  ))
    options[flag] = {
      type,
      ...(multiple ? { multiple } : {}),
      ...(value !== undefined ? { default: value } : {}),
    }
  return options
}

const table = (rows: [string, string][]): string => {
  const width = Math.max(...rows.map(([left]) => left.length))
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`).join('\n')
}

/** `glossa --help`, or `glossa help CMD` / `glossa CMD --help` when `name` is given. */
export function helpText(name?: CommandName): string {
  if (name === undefined) {
    const rows = Object.entries(SPECS).map(([n, s]): [string, string] => [
      `glossa ${n} ${s.args}`.trimEnd(),
      s.summary,
    ])
    return (
      `Usage: glossa COMMAND [options]\n\n${table(rows)}\n\n` +
      'Every command that reads an archive takes --archive DIR, or the GLOSSA_ARCHIVE environment variable.\n' +
      '`glossa help COMMAND` or `glossa COMMAND --help` lists its options.'
    )
  }
  const spec: CommandSpec = SPECS[name]
  const rows = Object.entries(spec.options).map(([flag, o]): [string, string] => [
    `--${flag}${o.value ? ` ${o.value}` : ''}`,
    o.text,
  ])
  return `Usage: glossa ${[name, spec.args].filter(Boolean).join(' ')} [options]\n\n${spec.summary}.\n\nOptions:\n${table([...rows, ['--help', 'print this help']])}`
}
