/**
 * What a talent decision reads besides the talent's own stream: the policies adopted so far, the
 * organisations the command names and the §17 date context. The category loads them (category.ts);
 * the decisions stay pure.
 */
import * as E from 'fp-ts/lib/Either.js'
import { notFound, type DomainError } from '../../kernel/errors.js'
import type { AdoptedPolicy } from '../../policy/document.js'
import { policyInForce, type PolicyRegistry } from '../../policy/registry.js'
import type { AgreementState } from '../agreement/index.js'
import type { DateContext } from '../date-rules.js'
import type { OrganizationState } from '../organization/index.js'
import type { ProgrammeState } from '../programme/state.js'
import type { SealedPersonalData } from '../personal-data.js'
import type { CommandOf } from './commands.js'
import type { OrganizationKind } from '../../vocabulary/terms.js'
import type { TalentState } from './state.js'
import { ownEntry } from '../../kernel/own-keys.js'

/** Context of a talent decision. */
export interface TalentContext {
  readonly policies: PolicyRegistry
  readonly organizations: Readonly<Record<string, OrganizationState | undefined>>
  /**
   * The version each organisation's stream was read at (0: no events): a senior post is held on
   * the employer's stream against that version (DOMAIN.md §12). Absent in contexts built by hand.
   */
  readonly organizationVersions?: Readonly<Record<string, number>>
  /** The programme an enrolment names, by id (DOMAIN.md §10); absent or not `opened`: an ad hoc programme. */
  readonly programmes?: Readonly<Record<string, ProgrammeState>>
  /** The cooperation agreement the command names (DOMAIN.md §11), by id; absent or undefined: none registered. */
  readonly agreements?: Readonly<Record<string, AgreementState | undefined>>
  /** The record date and the opened birth date for the §17 rules; null: not checked (pure tools). */
  readonly dates: DateContext | null
}

/** `RegisterTalent` after its personal data was sealed with the talent's key. */
export interface SealedRegisterTalent {
  readonly type: 'RegisterTalent'
  readonly actor: CommandOf<'RegisterTalent'>['actor']
  readonly data: Omit<CommandOf<'RegisterTalent'>['data'], 'name' | 'nationalId' | 'birthDate'> & { readonly personal: SealedPersonalData }
}

/** Commands of the talent stream, as the decider sees them. */
export type TalentCommand =
  | SealedRegisterTalent
  | CommandOf<
      | 'ChangeEmployer'
      | 'EnrollTraining'
      | 'CompleteTraining'
      | 'RecordAssessment'
      | 'AppointSeniorPost'
      | 'RecordCompetitionResult'
      | 'ConferHonor'
      | 'GrantBenefit'
      | 'RecordIncentive'
      | 'RevokeCertificate'
      | 'ForgetTalent'
      | 'ReleaseTalent'
      | 'RecordPriorCertificate'
      | 'RecordServiceDelivery'
      | 'RenewSeniorPost'
      | 'EndSeniorPost'
    >

/** The policy in force on a business date. */
export const policyOn = (ctx: TalentContext, date: string): AdoptedPolicy => policyInForce(ctx.policies, date)

/** `NotFound` unless the talent is registered. */
export const requireRegistered = (s: TalentState, talentId: string): E.Either<DomainError, TalentState> =>
  s.registered ? E.right(s) : E.left(notFound(`talent ${talentId} is not registered`))

/** `NotFound` unless the organisation is registered as one of `kinds`. */
export const requireOrganization = (
  ctx: TalentContext,
  id: string,
  kinds: ReadonlyArray<OrganizationKind>,
): E.Either<DomainError, OrganizationState> => {
  const org = ownEntry(ctx.organizations, id)
  return org !== undefined && org.registered && kinds.includes(org.kind)
    ? E.right(org)
    : E.left(notFound(`no registered ${kinds.join(' or ')} ${id}`))
}
