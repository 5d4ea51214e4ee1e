/**
 * RecordPriorCertificate: a certificate issued before the ledger existed, recorded by the hr-bureau
 * as its issuer issued it. The issuing system applied its own promotion rules, so ours are not
 * applied: the level simply holds from `issuedOn`. What is checked is what the ledger itself can
 * know: the talent exists, the certificate is not recorded twice (its number, per talent; or a
 * valid certificate at the same level), and it was issued on or before the day it is recorded.
 */
import * as E from 'fp-ts/lib/Either.js'
import { chain } from '../chain.js'
import { pipe } from 'fp-ts/lib/function.js'
import { duplicate, notEligible, type DomainError } from '../../kernel/errors.js'
import type { CommandOf } from './commands.js'
import { requireRegistered, type TalentContext } from './context.js'
import type { TalentEvent } from './events.js'
import { validCertificateAt, type TalentState } from './state.js'

type Decided = E.Either<DomainError, ReadonlyArray<TalentEvent>>

/** True when the talent already has a certificate recorded under this number (revoked ones too). */
const numberTaken = (s: TalentState, certificateNumber: string): boolean => s.certificates.some((c) => c.certificateNumber === certificateNumber)

/** Decides RecordPriorCertificate (authorization, hr-bureau only, ran before). */
export const decidePriorCertificate = (c: CommandOf<'RecordPriorCertificate'>, s: TalentState, ctx: TalentContext): Decided =>
  pipe(
    requireRegistered(s, c.data.talentId),
    chain(() => {
      const d = c.data
      if (numberTaken(s, d.certificateNumber)) return E.left(duplicate(`certificate ${d.certificateNumber} of ${d.talentId} is already recorded`))
      if (validCertificateAt(s, d.level) !== undefined) return E.left(duplicate(`talent ${d.talentId} already holds a valid ${d.level} certificate`))
      // "prior" means issued already: not even the deployment's allowance for future dates applies
      const recordDate = ctx.dates?.recordDate
      if (recordDate !== undefined && d.issuedOn > recordDate)
        return E.left(
          notEligible(`a prior certificate is one already issued`, [
            { rule: 'prior-certificate.issued', field: 'data.issuedOn', message: `issued on ${d.issuedOn}, after the record date ${recordDate}` },
          ]),
        )
      return E.right<DomainError, ReadonlyArray<TalentEvent>>([
        {
          type: 'PriorCertificateRecorded',
          data: {
            talentId: d.talentId,
            certificateNumber: d.certificateNumber,
            level: d.level,
            occupation: d.occupation,
            issuedOn: d.issuedOn,
            issuer: d.issuer,
            route: d.route ?? null,
            ...(d.occupationName === undefined ? {} : { occupationName: d.occupationName }),
          },
        },
      ])
    }),
  )
