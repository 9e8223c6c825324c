// Renderer: figures in the open article — detected candidates (underlined), and the figure form's draft,
// prefilled from detection, the period around it (relative to the article's date) and who said it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { describeFigureTarget } from '../../../shared/figures/figure-target'
import type { FigureCandidate } from '../../../shared/figures'
import type * as FigureToolsModule from '../../../shared/figures'
import type { Article, Figure } from '../../../shared/types'
import type { FigureDraft } from '../components/FigureForm'
import { whenIdle } from '../idle'
import type { AnnotationSync, LocalAnnotation } from './annotation-sync'
import type { DomText } from './dom-text'
import type { Span } from './paint'

type FigureTools = typeof FigureToolsModule
let tools: Promise<FigureTools> | null = null
/**
 * The detector and the period and attribution suggestions (chrono-node reads the periods): loaded once an
 * article is on screen, not before its first paint. A failed load is tried again at the next use.
 */
const loadFigureTools = (): Promise<FigureTools> => {
  tools ??= import('../../../shared/figures').catch((err: unknown) => {
    tools = null
    throw err
  })
  return tools
}
const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end

/** The figure form's code (it validates with the contract's zod schemas), fetched ahead of its first use. */
const preloadFigureForm = () => void import('../components/FigureForm').catch(() => {})

export function useFigures(
  model: DomText | null,
  article: Article | null,
  sync: AnnotationSync | null,
  tagged: Span[],
) {
  const [draft, setDraft] = useState<FigureDraft | null>(null)
  const text = model?.text ?? ''
  const language = article?.language
  // Detection waits until the article and its highlights are on screen: it is not needed for the first paint.
  // A click on a number before then loads and runs it at once (detectNow), so no click is ever lost.
  const [found, setFound] = useState<{ text: string; candidates: FigureCandidate[] }>({
    text: '',
    candidates: [],
  })
  const detected = useMemo(() => (found.text === text ? found.candidates : []), [found, text])
  const detectNow = useCallback(async (): Promise<FigureCandidate[]> => {
    if (found.text === text) return found.candidates
    const figureTools = await loadFigureTools()
    const candidates = figureTools.detectFigures(text, figureTools.articleLexicon(language, text))
    setFound({ text, candidates })
    return candidates
  }, [found, text, language])
  useEffect(() => {
    if (!text) return
    let live = true
    let cancelDetect = () => {}
    const cancelLoad = whenIdle(() => {
      preloadFigureForm()
      loadFigureTools().then(
        ({ detectFigures, articleLexicon }) => {
          if (!live) return
          cancelDetect = whenIdle(
            () =>
              setFound((f) =>
                f.text === text
                  ? f
                  : { text, candidates: detectFigures(text, articleLexicon(language, text)) },
              ),
            1,
          )
        },
        // No underlines this time; a click on a number tries again.
        (err: unknown) => console.error('Glossa: figure detection could not be loaded', err),
      )
    }, 1)
    return () => {
      live = false
      cancelLoad()
      cancelDetect()
    }
  }, [text, language])
  // Candidates already tagged as figures are no longer offered.
  const untagged = useCallback((c: Span) => !tagged.some((t) => overlaps(t, c)), [tagged])
  const candidates = useMemo(() => detected.filter(untagged), [detected, untagged])

  const prefill = useCallback(
    (
      { prefillFigure }: FigureTools,
      start: number,
      end: number,
      candidate?: FigureCandidate,
    ): Partial<Figure> => {
      const articleDate = article?.publishedAt
      const { period, ...rest } = prefillFigure({ text, start, end, lang: language, articleDate, candidate })
      return period ? { ...rest, periodStart: period.start, periodEnd: period.end } : rest
    },
    [text, article, language],
  )

  // Each opening of the form supersedes the one before, and cancelling supersedes them all: a form whose
  // tools were still loading does not open after the researcher has moved on.
  const latest = useRef(0)
  const openWith = useCallback(
    async (make: (tools: FigureTools) => FigureDraft | null | Promise<FigureDraft | null>): Promise<void> => {
      const ticket = ++latest.current
      try {
        const next = await make(await loadFigureTools())
        if (next && ticket === latest.current) setDraft(next)
      } catch (err) {
        console.error('Glossa: figure tools could not be loaded', err)
      }
    },
    [],
  )

  /** Opens the form on the untagged candidate under `offset`, if there is one. */
  const openCandidateAt = useCallback(
    (offset: number) =>
      openWith(async (tools) => {
        const c = (await detectNow()).find((x) => x.start <= offset && offset < x.end && untagged(x))
        if (!c) return null
        return {
          start: c.start,
          end: c.end,
          quote: c.text,
          figure: prefill(tools, c.start, c.end, c),
          note: '',
        }
      }),
    [openWith, detectNow, untagged, prefill],
  )

  // Detection may not have run yet (it waits for an idle moment): the form reads it now, so a passage
  // selected the moment the article opens is prefilled like one selected later.
  const openForSpan = useCallback(
    (start: number, end: number) =>
      openWith(async (tools) => {
        const inside = (await detectNow()).find((c) => overlaps(c, { start, end }))
        return {
          start,
          end,
          quote: text.slice(start, end),
          figure: prefill(tools, start, end, inside),
          note: '',
        }
      }),
    [openWith, detectNow, prefill, text],
  )

  const openForAnnotation = useCallback(
    (a: LocalAnnotation, span: Span | undefined) => {
      const start = span?.start ?? a.target.position.start
      const end = span?.end ?? a.target.position.end
      const draftOf = (figure: Partial<Figure>): FigureDraft => ({
        start,
        end,
        quote: a.target.quote.exact,
        figure,
        note: a.note,
        editingId: a.id,
      })
      // A tagged figure opens as it is; only an untagged passage needs the suggestions.
      if (a.figure) {
        latest.current++
        setDraft(draftOf(a.figure))
        return Promise.resolve()
      }
      return openWith(async (tools) => {
        const inside = (await detectNow()).find((c) => overlaps(c, { start, end }))
        return draftOf(prefill(tools, start, end, inside))
      })
    },
    [openWith, detectNow, prefill],
  )

  const save = useCallback(
    (figure: Figure, note: string): string | null => {
      if (!draft || !sync || !model) return null
      setDraft(null)
      if (draft.editingId) {
        sync.update(draft.editingId, { figure, note })
        return draft.editingId
      }
      return sync.create({
        // The whole sentence as context, so every list and export can quote it.
        target: describeFigureTarget(model.text, draft.start, draft.end),
        color: 'blue',
        kind: 'figure',
        figure,
        note,
      })
    },
    [draft, sync, model],
  )

  const restore = useCallback((kept: FigureDraft) => setDraft((open) => open ?? kept), [])

  return {
    candidates,
    draft,
    openCandidateAt,
    openForSpan,
    openForAnnotation,
    save,
    /** Opens the form on a draft kept from before a reload. */
    restore,
    cancel: () => {
      latest.current++
      setDraft(null)
    },
  }
}
