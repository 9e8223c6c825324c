// Tests (Node): a process that opens an archive and syncs it, to be killed mid-sync by the crash test.
// argv: archive dir, database URL, user, password, the bundled sync-worker.
import { Archive } from '../../src/main/archive/archive'
import { lockArchive } from '../../src/main/archive/lock'
import { nodeProcess } from '../../src/main/jobs/job-process'
import { runSync } from '../../src/main/sync/run-sync'

const [dir, url, username, password, worker] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
]
lockArchive(dir, 'sync crash test')
const archive = await Archive.open(dir)
process.stdout.write('syncing\n')
await runSync(archive, { url, username, password }, () => nodeProcess(worker))
process.stdout.write('done\n')
