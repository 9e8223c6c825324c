// Renderer: the app's openings (see openings.ts): started by the route, taken by the reader's hooks.
import { api } from '../api'
import { createOpenings } from './openings'

export const { openArticle, loadArticle, loadAnnotations } = createOpenings(api)
