// Runs everywhere: the pieces of argument schemas more than one group of the contract's methods uses.
import { z } from 'zod'
import { colorSchema, idSchema } from './schemas'

export const none = z.object({}).strict()

export const byId = z.object({ id: idSchema }).strict()

export const ok = z.object({ ok: z.literal(true) })

export const calendarDay = z
  .string()
  .max(10)
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date such as 2024-01-10')

/** The library's filters, as the main process applies them (src/shared/library-query.ts). */
export const libraryFilterSchema = z
  .object({
    tag: z.string().max(300).optional(),
    source: z.string().max(300).optional(),
    from: calendarDay.optional(),
    to: calendarDay.optional(),
    hasFigures: z.boolean().optional(),
    hasNotes: z.boolean().optional(),
    color: colorSchema.optional(),
    collection: z.string().max(200).optional(),
    creator: z.string().max(200).optional(),
  })
  .strict()
