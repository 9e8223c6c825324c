// Main process: what went wrong when the archive was opened or used — a damaged file, or a notice.
export type Problem = { file?: string; message: string }
