/**
 * A programme's state and fold: what a talent's enrolment is checked against
 * (`training.matches-programme`, DOMAIN.md §10). Other aggregates read a programme through this
 * file, which knows no other aggregate, so reading it makes no import cycle.
 */
import type { Foldable } from '../../kernel/category.js'
import { ProgrammeEventData, type ProgrammeEvent } from './messages.js'

/** The programme as opened; `opened: false` for an id never opened (an ad hoc enrolment's). */
export type ProgrammeState = { readonly opened: false } | ({ readonly opened: true } & Extract<ProgrammeEvent, { type: 'ProgrammeOpened' }>['data'])

/** Stream id of a programme. */
export const programmeStream = (programId: string): string => `programme-${programId}`

const evolve = (_s: ProgrammeState, e: ProgrammeEvent): ProgrammeState => ({ opened: true, ...e.data })

/** What a reader of a programme's stream needs to fold it. */
export const programmeFoldable: Foldable<ProgrammeEvent, ProgrammeState> = {
  name: 'programme',
  streamOf: programmeStream,
  idOfEvent: (e) => e.data.programId,
  events: ProgrammeEventData,
  initialState: { opened: false },
  evolve,
}
