/**
 * fast-check arbitraries for talent-ledger, built from the core's codecs and vocabularies: dates,
 * actors, policy documents, raw commands (valid and malformed) and realistic city histories.
 */
export { addDays, dateOfDay, dayNumber, fullYears, impossibleDate, localDate } from './dates.js'
export {
  DISTRICTS,
  OCCUPATIONS,
  actorRole,
  assessedLevel,
  benefitKind,
  birthAndNationalId,
  bornBefore,
  carrierKind,
  certifiedLevel,
  competitionTier,
  district,
  education,
  incentiveKind,
  keysOf,
  level,
  occupationCode,
  organizationKind,
  personName,
  programmeKind,
  route,
  subsidyCategory,
  trainingField,
} from './vocabulary.js'
export { ACTOR_IDS, BUREAU, ORGANIZATION_IDS, actor, actorOf, mostlyBureau } from './actors.js'
export { POLICY_TAGS, policyDocument } from './policy.js'
export { TALENT_IDS, validCommand, validCommandOf, dateFields, malformedCommand, rawCommand, requiredFields, type CommandJson } from './commands.js'
export { organizationSetup } from './organizations.js'
export { commandsFor, gapDays, intent, step, type Intent, type Step } from './talent-steps.js'
export { cityHistory, commandsOf, talentHistory, type CityHistory, type HistoryOptions, type TalentIntent } from './history.js'
export { PROTOTYPE_NAMES, prototypeRenaming, renamed, renamedBack, rowsInOneOrder, type IdRenaming } from './prototype-ids.js'
