/**
 * Model-based test of the talent decider (fast-check `fc.commands` / `fc.modelRun`): random
 * sequences of assessments, revocations, competitions and benefit claims, each checked against the
 * tiny reference model of ./talent-model.ts — same acceptance or refusal code, same level,
 * certificates, talent-pool membership, granted amounts and flagged grants after every step.
 */
import * as fc from 'fast-check'
import * as E from 'fp-ts/lib/Either.js'
import { levelOf, nationalIdCheckChar, type LedgerEvent, type TalentState } from '@talent-ledger/core'
import { describe, expect, it } from 'vitest'
import { addDays, BUREAU } from '../../src/arbitraries/index.js'
import { pureLedger, type Outcome, type PureLedger } from '../../src/invariants/index.js'
import {
  claimUntil,
  competitionTarget,
  eligible,
  FIRST_CERTIFICATION,
  inPool,
  LADDER,
  levelOfModel,
  newModel,
  ok,
  PRIZES,
  rankOf,
  refused,
  REGISTERED_ON,
  SKILL_UPGRADE_C,
  valid,
  validAt,
  type Expectation,
  type ModelLevel,
  type TalentModel,
} from './talent-model.js'

const TALENT = 't-1'
const OCCUPATION = '6-18-02-04'
const BODY = { id: 'body-1', role: 'assessment-body' } as const

interface Real {
  readonly ledger: PureLedger
}

const setup = async (): Promise<{ model: TalentModel; real: Real }> => {
  const ledger = pureLedger()
  const org = (organizationId: string, kind: string, extra: object) => ({ type: 'RegisterOrganization', actor: BUREAU, data: { organizationId, kind, name: organizationId, ...extra } })
  await ledger.execute(org('emp-1', 'employer', {}))
  await ledger.execute(org('body-1', 'assessment-body', { authorizations: [{ route: 'skill-level-recognition', occupations: ['*'], maxLevel: 'senior-technician' }] }))
  const registered = await ledger.execute({
    type: 'RegisterTalent',
    actor: BUREAU,
    data: {
      talentId: TALENT, name: '王伟', nationalId: `32070319900101123${nationalIdCheckChar('32070319900101123')}`, birthDate: '1990-01-01', occupation: OCCUPATION, occupationSince: REGISTERED_ON,
      education: 'none', employerId: 'emp-1', district: '海州区', frontLine: true, registeredOn: REGISTERED_ON,
    },
  })
  if (E.isLeft(registered.result)) throw new Error(`setup failed: ${registered.result.left.message}`)
  return { model: newModel(), real: { ledger } }
}

const eventsOf = (o: Outcome): ReadonlyArray<LedgerEvent> => (E.isRight(o.result) ? o.result.right : [])

/** The decider's answer matches the model's, and the state after it agrees with the model. */
const agree = (o: Outcome, expected: Expectation, m: TalentModel, wasInPool: boolean, s: TalentState): void => {
  if (expected.ok) expect(E.isRight(o.result) ? 'accepted' : `${o.result.left.code}: ${o.result.left.message}`).toBe('accepted')
  else expect(E.isLeft(o.result) ? o.result.left.code : 'accepted').toBe(expected.code)
  expect(levelOf(s)).toBe(levelOfModel(m))
  expect(s.inTalentPool).toBe(inPool(m))
  expect(s.certificates.filter((c) => c.revoked === null).map((c) => c.level).sort()).toEqual(valid(m).map((c) => c.level).sort())
  expect(s.grants.map((g) => ({ key: g.grantId, amount: g.amount, flagged: g.flagged !== null }))).toEqual(m.grants.map((g) => ({ key: g.key, amount: g.amount, flagged: g.flagged })))
  const types = eventsOf(o).map((e) => e.type)
  expect(types.includes('TalentPoolEntered')).toBe(!wasInPool && inPool(m))
  expect(types.includes('TalentPoolLeft')).toBe(wasInPool && !inPool(m))
}

/** Runs one step: advance the date, predict, send, update the model, compare. */
const step = async (m: TalentModel, r: Real, days: number, raw: (on: string, serial: number) => object, predict: () => Expectation, update: (o: Outcome) => void): Promise<void> => {
  m.date = addDays(m.date, days)
  m.serial++
  const wasInPool = inPool(m)
  const expected = predict()
  const o = await r.ledger.execute(raw(m.date, m.serial))
  if (expected.ok && E.isRight(o.result)) update(o)
  agree(o, expected, m, wasInPool, await r.ledger.talent(TALENT))
}

/** A level named outright, or (null) the one the talent would aim at or holds, chosen when the step runs. */
type Aim = ModelLevel | null
const nextRung = (m: TalentModel): ModelLevel => LADDER[Math.min(rankOf(levelOfModel(m)) + 1, LADDER.length - 1)]!
const heldOr = (m: TalentModel, pick: number, fallback: ModelLevel): ModelLevel => {
  const held = valid(m)
  return held.length === 0 ? fallback : held[pick % held.length]!.level
}

class Assess implements fc.AsyncCommand<TalentModel, Real> {
  constructor(readonly days: number, readonly aim: Aim) {}
  check = (): boolean => true
  async run(m: TalentModel, r: Real): Promise<void> {
    const level = this.aim ?? nextRung(m)
    await step(m, r, this.days,
      (on, n) => ({ type: 'RecordAssessment', actor: BODY, data: { talentId: TALENT, assessmentId: `a-${n}`, route: 'skill-level-recognition', occupation: OCCUPATION, level, passed: true, assessorId: BODY.id, on } }),
      () => (validAt(m, level) ? refused('Duplicate') : rankOf(level) < rankOf(levelOfModel(m)) || !eligible(m, level) ? refused('NotEligible') : ok),
      () => void m.certificates.push({ level, on: m.date, byCompetition: false, revoked: false }))
  }
  toString = (): string => `Assess(${this.aim ?? 'next'} +${this.days}d)`
}

class Revoke implements fc.AsyncCommand<TalentModel, Real> {
  constructor(readonly days: number, readonly aim: Aim, readonly pick: number) {}
  check = (): boolean => true
  async run(m: TalentModel, r: Real): Promise<void> {
    const level = this.aim ?? heldOr(m, this.pick, 'junior')
    await step(m, r, this.days,
      (on) => ({ type: 'RevokeCertificate', actor: BUREAU, data: { talentId: TALENT, level, reason: 'fraud', on } }),
      // revoking again is "done already" (DOMAIN.md §8: Duplicate); never certified at all is NotFound
      () => (validAt(m, level) ? ok : m.certificates.some((c) => c.level === level) ? refused('Duplicate') : refused('NotFound')),
      () => {
        validAt(m, level)!.revoked = true
        for (const g of m.grants) if (g.level === level) g.flagged = true
      })
  }
  toString = (): string => `Revoke(${this.aim ?? `held #${this.pick}`} +${this.days}d)`
}

class Compete implements fc.AsyncCommand<TalentModel, Real> {
  constructor(readonly days: number, readonly tier: string, readonly rank: number) {}
  check = (): boolean => true
  async run(m: TalentModel, r: Real): Promise<void> {
    const { tier, rank } = this
    let target: ModelLevel | null = null
    await step(m, r, this.days,
      (on, n) => ({ type: 'RecordCompetitionResult', actor: BUREAU, data: { talentId: TALENT, competitionId: `c-${n}`, tier, rank, on } }),
      () => {
        const promotes = competitionTarget(tier, rank, levelOfModel(m))
        const limited = m.certificates.some((c) => c.byCompetition && c.on.slice(0, 4) === m.date.slice(0, 4))
        target = limited ? null : promotes
        return ok
      },
      (o) => {
        m.competitions.push({ id: `c-${m.serial}`, tier, rank })
        if (target !== null) m.certificates.push({ level: target, on: m.date, byCompetition: true, revoked: false })
        expect(eventsOf(o).filter((e) => e.type === 'LevelCertified').map((e) => e.data.level)).toEqual(target === null ? [] : [target])
      })
  }
  toString = (): string => `Compete(${this.tier} #${this.rank} +${this.days}d)`
}

class ClaimPrize implements fc.AsyncCommand<TalentModel, Real> {
  constructor(readonly days: number, readonly pick: number) {}
  check = (m: Readonly<TalentModel>): boolean => m.competitions.length > 0
  async run(m: TalentModel, r: Real): Promise<void> {
    const c = m.competitions[this.pick % m.competitions.length]!
    const key = `competition-prize:${c.id}`
    await step(m, r, this.days,
      (on) => ({ type: 'GrantBenefit', actor: BUREAU, data: { talentId: TALENT, benefit: 'competition-prize', competitionId: c.id, on } }),
      () => (m.grants.some((g) => g.key === key) ? refused('Duplicate') : c.tier !== 'municipal' ? refused('PolicyValueUnset') : PRIZES[c.rank] === undefined ? refused('NotEligible') : ok),
      () => void m.grants.push({ key, level: null, amount: PRIZES[c.rank]!, flagged: false }))
  }
  toString = (): string => `ClaimPrize(#${this.pick} +${this.days}d)`
}

class ClaimForLevel implements fc.AsyncCommand<TalentModel, Real> {
  constructor(readonly days: number, readonly benefit: 'skill-upgrade-subsidy' | 'first-certification-allowance', readonly aim: Aim, readonly pick: number, readonly insuredMonths: number) {}
  check = (): boolean => true
  async run(m: TalentModel, r: Real): Promise<void> {
    const { benefit, insuredMonths } = this
    const level = this.aim ?? heldOr(m, this.pick, 'senior')
    const key = benefit === 'skill-upgrade-subsidy' ? `${benefit}:${OCCUPATION}:${level}` : `${benefit}:${level}`
    const amount = benefit === 'skill-upgrade-subsidy' ? SKILL_UPGRADE_C[level] : FIRST_CERTIFICATION[level]
    await step(m, r, this.days,
      (on) => ({ type: 'GrantBenefit', actor: BUREAU, data: { talentId: TALENT, benefit, level, on, ...(benefit === 'skill-upgrade-subsidy' ? { insuredMonths } : {}) } }),
      () => {
        const cert = validAt(m, level)
        if (cert === undefined) return refused('NotFound')
        if (m.grants.some((g) => g.key === key)) return refused('Duplicate')
        const allowed =
          benefit === 'skill-upgrade-subsidy'
            ? insuredMonths >= 12 && cert.on <= m.date && m.date <= claimUntil(cert.on)
            : amount !== undefined && m.certificates.find((c) => c.level === level) === cert
        return allowed ? ok : refused('NotEligible')
      },
      () => void m.grants.push({ key, level, amount: amount!, flagged: false }))
  }
  toString = (): string => `Claim(${this.benefit} ${this.aim ?? `held #${this.pick}`} ${this.insuredMonths}m +${this.days}d)`
}

const days = fc.oneof(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 61, max: 800 }), fc.integer({ min: 800, max: 2000 }))
const aim: fc.Arbitrary<Aim> = fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.constantFrom(...LADDER), weight: 1 })
const commands = fc.commands(
  [
    fc.tuple(days, aim).map(([d, a]) => new Assess(d, a)),
    fc.tuple(days, aim, fc.nat(5)).map(([d, a, p]) => new Revoke(d, a, p)),
    fc.tuple(days, fc.constantFrom('municipal', 'provincial', 'national-2', 'enterprise'), fc.integer({ min: 1, max: 22 })).map(([d, t, r]) => new Compete(d, t, r)),
    fc.tuple(days, fc.nat(5)).map(([d, p]) => new ClaimPrize(d, p)),
    fc.tuple(days, fc.constantFrom('skill-upgrade-subsidy', 'first-certification-allowance') as fc.Arbitrary<'skill-upgrade-subsidy' | 'first-certification-allowance'>, aim, fc.nat(5), fc.integer({ min: 0, max: 24 })).map(([d, b, a, p, i]) => new ClaimForLevel(d, b, a, p, i)),
  ],
  { maxCommands: 40, size: 'large' },
)

describe('the talent decider against a reference model', () => {
  it('agrees with the model on every step of 1,000 random lives', async () => {
    await fc.assert(fc.asyncProperty(commands, (cmds) => fc.asyncModelRun(setup, cmds)), { numRuns: 1000 })
  })
})
