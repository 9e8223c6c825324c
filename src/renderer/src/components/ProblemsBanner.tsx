// Renderer: tells the researcher, once, when part of the archive could not be read, and offers the repair.
type Props = { problems: { file?: string; message: string }[]; onRepair: () => void }

export default function ProblemsBanner({ problems, onRepair }: Props) {
  const damaged = problems.filter((p) => p.file)
  if (!damaged.length) return null
  return (
    <div className="problems-banner" role="alert">
      <span>
        {damaged.length === 1
          ? damaged[0].message
          : `${damaged.length} archive files could not be read (${damaged.map((p) => p.file).join(', ')}).`}{' '}
        That part of the archive is read-only until it is repaired.
      </span>
      <button type="button" className="primary small" onClick={onRepair}>
        Restore from a backup…
      </button>
    </div>
  )
}
