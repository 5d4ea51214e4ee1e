/** The programme aggregate (stream `programme-<id>`, DOMAIN.md §10): what the ledger may use of it. */
export { programmeCategory, type ProgrammeContext } from './programme.js'
export { ProgrammeCommandData, ProgrammeEventData, type ProgrammeCommand, type ProgrammeEvent } from './messages.js'
export { programmeFoldable, programmeStream, type ProgrammeState } from './state.js'
