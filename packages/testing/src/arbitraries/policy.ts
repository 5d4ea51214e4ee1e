/**
 * Policy documents a city might adopt, derived from the shipped `defaultPolicyDocument`: years and
 * amounts varied, values unset (null), promotion alternatives and competition rows dropped, edited
 * or added, an occupation catalogue filled in. Every value decodes with the `PolicyDocument` codec.
 */
import * as fc from 'fast-check'
import {
  DEFAULT_POLICY_ID,
  Education,
  defaultPolicyDocument,
  rank,
  type Alternative,
  type CompetitionPrize,
  type CompetitionRule,
  type Condition,
  type PolicyDocument,
  type PromotionRule,
} from '@talent-ledger/core'
import { assessedLevel, competitionTier, FEATURED_STANDARD_ID, keysOf, OCCUPATIONS, subsidyCategory } from './vocabulary.js'

type Fen = number | null

/** An amount in fen: mostly the default, sometimes another whole number, sometimes unset. */
const fen = (current: Fen): fc.Arbitrary<Fen> =>
  fc.oneof(
    { arbitrary: fc.constant(current), weight: 3 },
    { arbitrary: fc.integer({ min: 0, max: 5_000_000 }), weight: 2 },
    { arbitrary: fc.constant(null), weight: 1 },
  )

/** A count of months or a percentage: the default, another value up to `max`, or unset. */
const count = (current: number | null, max: number): fc.Arbitrary<number | null> =>
  fc.oneof({ arbitrary: fc.constant(current), weight: 3 }, { arbitrary: fc.integer({ min: 0, max }), weight: 2 }, { arbitrary: fc.constant(null), weight: 1 })

const keepOr = <T>(current: T, other: fc.Arbitrary<T>): fc.Arbitrary<T> =>
  fc.oneof({ arbitrary: fc.constant(current), weight: 2 }, { arbitrary: other, weight: 1 })

const condition = (c: Condition): fc.Arbitrary<Condition> => {
  switch (c.kind) {
    case 'years-in-occupation':
      return keepOr(c.min, fc.integer({ min: 0, max: 10 })).map((min) => ({ ...c, min }))
    case 'holds':
      return keepOr(c.minYears, fc.integer({ min: 0, max: 6 })).map((minYears) => ({ ...c, minYears }))
    case 'education':
      return keepOr(c.anyOf, fc.subarray(keysOf(Education), { minLength: 1 })).map((anyOf) => ({ ...c, anyOf }))
    default:
      return fc.constant(c)
  }
}

const renamed = (ruleId: string, tag: string): string => ruleId.replace(`${DEFAULT_POLICY_ID}.`, `${tag}.`)

const alternative = (a: Alternative, tag: string): fc.Arbitrary<Alternative> =>
  fc.tuple(...a.allOf.map(condition)).map((allOf) => ({ ruleId: renamed(a.ruleId, tag), text: a.text, allOf }))

/** A promotion rule with its alternatives varied; each one is kept with probability 4/5. */
const promotionRule = (r: PromotionRule, tag: string): fc.Arbitrary<PromotionRule> =>
  fc
    .tuple(...r.alternatives.map((a) => fc.tuple(alternative(a, tag), fc.integer({ min: 0, max: 4 }))))
    .map((alts) => ({ level: r.level, alternatives: alts.filter(([, keep]) => keep > 0).map(([a]) => a) }))

const ranks = fc.tuple(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 15 })).map(([from, span]) => ({ from, to: from + span }))

const competitionRow = (r: CompetitionRule, tag: string): fc.Arbitrary<CompetitionRule> =>
  fc
    .record({
      ranks: keepOr(r.ranks, fc.option(ranks, { nil: null })),
      awards: keepOr(r.awards, fc.constantFrom<string[]>([], ['excellence'])),
      percentileMax: keepOr(r.percentileMax, fc.option(fc.integer({ min: 0, max: 100 }), { nil: null })),
      promotesTo: keepOr(r.promotesTo, assessedLevel),
      thenTo: keepOr(r.thenTo, fc.option(assessedLevel, { nil: null })),
    })
    .map((v) => ({ ...r, ...coherent(v), ruleId: renamed(r.ruleId, tag) }))

/** A row as a policy may say it: its "then" level above its first one (else none), ranks in order. */
const coherent = <R extends Pick<CompetitionRule, 'promotesTo' | 'thenTo'>>(r: R): R =>
  r.thenTo !== null && rank(r.thenTo) <= rank(r.promotesTo) ? { ...r, thenTo: null } : r

const extraRow = (tag: string, i: number): fc.Arbitrary<CompetitionRule> =>
  fc.record({
    ruleId: fc.constant(`${tag}.competition.extra-${i}`),
    tier: competitionTier,
    ranks: fc.option(ranks, { nil: null }),
    awards: fc.constantFrom<string[]>([], ['excellence']),
    percentileMax: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    promotesTo: assessedLevel,
    thenTo: fc.option(assessedLevel, { nil: null }),
  }).map(coherent)

const competitionTable = (tag: string): fc.Arbitrary<CompetitionRule[]> =>
  fc
    .tuple(
      fc.tuple(...defaultPolicyDocument.competition.table.map((r) => fc.tuple(competitionRow(r, tag), fc.integer({ min: 0, max: 5 })))),
      fc.tuple(extraRow(tag, 1), extraRow(tag, 2)),
      fc.integer({ min: 0, max: 2 }),
    )
    .map(([rows, extras, n]) => [...rows.filter(([, keep]) => keep > 0).map(([r]) => r), ...extras.slice(0, n)])

const prizes = (tag: string): fc.Arbitrary<CompetitionPrize[]> =>
  fc
    .tuple(
      fc.tuple(...defaultPolicyDocument.competition.prizes.map((p) => fen(p.amount).map((amount) => ({ ...p, ruleId: renamed(p.ruleId, tag), amount })))),
      fc.uniqueArray(fc.record({ tier: competitionTier, rank: fc.integer({ min: 1, max: 8 }), amount: fen(100_000), title: fc.option(fc.constantFrom('江苏工匠', '技术能手'), { nil: null }) }), {
        maxLength: 4,
        selector: (p) => `${p.tier}/${p.rank}`,
      }),
    )
    // NOTE: one prize per tier and rank, so "the prize of a result" is never ambiguous
    .map(([kept, extra]) => [
      ...kept,
      ...extra.filter((p) => !kept.some((k) => k.tier === p.tier && k.rank === p.rank)).map((p) => ({ ...p, ruleId: `${tag}.prize.${p.tier}.${p.rank}` })),
    ])

const subsidyLevels = (current: Record<'junior' | 'intermediate' | 'senior' | 'technician' | 'senior-technician', Fen>) =>
  fc.record({
    junior: fen(current.junior),
    intermediate: fen(current.intermediate),
    senior: fen(current.senior),
    technician: fen(current.technician),
    'senior-technician': fen(current['senior-technician']),
  })

const yearSpan = (from: string, to: string) =>
  keepOr({ from, to }, fc.tuple(fc.integer({ min: 2020, max: 2030 }), fc.integer({ min: 0, max: 10 })).map(([y, n]) => ({ from: `${y}-01-01`, to: `${y + n}-12-31` })))

/**
 * The honours block (DOMAIN.md §14): absent (a document written before it), or a part of the
 * default catalogue; the prize rows then name only honours the catalogue holds (or none), and the
 * share target is set or left unset.
 */
const withHonours = (doc: PolicyDocument): fc.Arbitrary<PolicyDocument> =>
  fc
    .record({
      catalogue: fc.option(fc.subarray([...(defaultPolicyDocument.honours?.catalogue ?? [])]), { nil: undefined }),
      keepIds: fc.boolean(),
      target: keepOr<number | null>(null, fc.integer({ min: 0, max: 100 })),
      extraIds: fc.array(fc.constantFrom('lyg-skill-champion', 'jiangsu-craftsman', 'lyg-craftsman'), { minLength: doc.competition.prizes.length, maxLength: doc.competition.prizes.length }),
    })
    .map(({ catalogue, keepIds, target, extraIds }) => {
      const ids = new Set((catalogue ?? []).map((h) => h.honourId))
      const prizes = doc.competition.prizes.map((p, i) => {
        const { honourId: _old, ...row } = p
        const wanted = p.honourId !== undefined && keepIds ? p.honourId : extraIds[i]!
        // a prize names a catalogued honour, null, or (as before §14) nothing
        return wanted !== null && ids.has(wanted) ? { ...row, honourId: wanted } : keepIds ? row : { ...row, honourId: null }
      })
      const { honours: _h, ...rest } = doc
      return {
        ...rest,
        competition: { ...doc.competition, prizes },
        targets: { ...doc.targets, ...(target === null && catalogue === undefined ? {} : { honoursHighSkilledSharePercent: target }) },
        ...(catalogue === undefined ? {} : { honours: { catalogue } }),
      }
    })

/**
 * The services block (DOMAIN.md §15): absent (a document written before it), the default's, or
 * each service with a level and frequency set or left unset.
 */
const withServices = (doc: PolicyDocument): fc.Arbitrary<PolicyDocument> =>
  fc
    .oneof(
      fc.constant<PolicyDocument['services']>(undefined),
      fc.constant(defaultPolicyDocument.services),
      fc.tuple(
        ...(defaultPolicyDocument.services ?? []).map((e) =>
          fc.record({
            service: fc.constant(e.service),
            minLevel: fc.option(fc.constantFrom('junior', 'senior', 'technician', 'senior-technician'), { nil: null }),
            frequency: fc.option(fc.constantFrom('on-request', 'once', 'yearly'), { nil: null }),
          }),
        ),
      ),
    )
    .map((services) => {
      const { services: _s, ...rest } = doc
      return services === undefined ? rest : { ...rest, services: [...services] }
    })

/** A document derived from the default, its rule ids prefixed with `tag`. */
const policyDocumentTagged = (tag: string): fc.Arbitrary<PolicyDocument> => policyDocumentCore(tag).chain(withHonours).chain(withServices)

const policyDocumentCore = (tag: string): fc.Arbitrary<PolicyDocument> => {
  const d = defaultPolicyDocument
  const b = d.benefits
  return fc.record(
    {
    title: fc.constant(`Lianyungang policy ${tag} (generated from the default)`),
    promotion: fc
      .tuple(...d.promotion.map((r) => fc.tuple(promotionRule(r, tag), fc.integer({ min: 0, max: 9 }))))
      .map((rules) => rules.filter(([, keep]) => keep > 0).map(([r]) => r)),
    competition: fc.record({ oneLevelPromotionPerYear: keepOr(true, fc.boolean()), table: competitionTable(tag), prizes: prizes(tag) }),
    occupations: fc.record({
      // an occupation may say where its national standard stops (DOMAIN.md §12)
      catalogue: fc.uniqueArray(
        fc
          .record({ code: fc.constantFrom(...OCCUPATIONS), category: subsidyCategory, shortage: fc.boolean(), topLevel: fc.option(fc.constantFrom('technician', 'senior-technician' as const), { nil: undefined }) })
          .map(({ topLevel, ...e }) => (topLevel === undefined ? e : { ...e, topLevel })),
        { maxLength: 5, selector: (e) => e.code },
      ),
      unlistedCategory: keepOr(d.occupations.unlistedCategory, subsidyCategory),
      qualificationCatalogue: fc.oneof(fc.constant(null), fc.subarray([...OCCUPATIONS])),
    }),
    apprenticeship: fc.tuple(fc.integer({ min: 1, max: 2 }), fc.integer({ min: 0, max: 2 })).map(([min, extra]) => ({ minPlannedYears: min, maxPlannedYears: min + extra })),
    benefits: fc.record({
      skillUpgradeSubsidy: fc.record({
        minInsuredMonths: count(b.skillUpgradeSubsidy.minInsuredMonths, 36),
        claimWindowMonths: count(b.skillUpgradeSubsidy.claimWindowMonths, 36),
        shortageBonusPercent: count(b.skillUpgradeSubsidy.shortageBonusPercent, 100),
        amounts: fc.record({
          A: subsidyLevels(b.skillUpgradeSubsidy.amounts.A),
          B: subsidyLevels(b.skillUpgradeSubsidy.amounts.B),
          C: subsidyLevels(b.skillUpgradeSubsidy.amounts.C),
        }),
        specialAbility: fc.record({ A: fen(b.skillUpgradeSubsidy.specialAbility.A), B: fen(b.skillUpgradeSubsidy.specialAbility.B), C: fen(b.skillUpgradeSubsidy.specialAbility.C) }),
      }),
      firstCertificationAllowance: fc.record({
        occupationPrefixes: keepOr(b.firstCertificationAllowance.occupationPrefixes, fc.constantFrom<string[]>([], ['6-', '4-'])),
        amounts: fc.record({
          senior: fen(b.firstCertificationAllowance.amounts.senior),
          technician: fen(b.firstCertificationAllowance.amounts.technician),
          'senior-technician': fen(b.firstCertificationAllowance.amounts['senior-technician']),
          'principal-technician': fen(b.firstCertificationAllowance.amounts['principal-technician']),
          'chief-technician': fen(b.firstCertificationAllowance.amounts['chief-technician']),
        }),
      }),
      apprenticeshipSubsidy: fc.record({ perApprenticePerYear: fen(b.apprenticeshipSubsidy.perApprenticePerYear) }),
      // the default leaves these unset: a city sets them, or not
      housingSubsidy: fc.oneof(
        fc.record({ amount: fen(null).chain((a) => keepOr(a, fc.integer({ min: 1, max: 20_000_000 }))) }),
        // DOMAIN.md §15: graded by level, with or without conditions (instalments, window, insured months)
        fc.record({
          amount: fc.constant(null),
          byLevel: byLevel(20_000_000),
          conditions: fc.option(
            fc.record({
              firstHomeOnly: fc.option(fc.boolean(), { nil: null }),
              purchaseWindowMonths: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
              minInsuredMonths: fc.option(fc.integer({ min: 0, max: 24 }), { nil: null }),
              instalments: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
            }),
            { nil: undefined },
          ),
        }).map(compactRecord),
      ),
      livingAllowance: fc.oneof(
        fc.record({ monthly: fen(null).chain((a) => keepOr(a, fc.integer({ min: 1, max: 500_000 }))) }),
        fc.record({
          monthly: fc.constant(null),
          byLevel: byLevel(500_000),
          conditions: fc.option(
            fc.record({ minInsuredMonths: fc.option(fc.integer({ min: 0, max: 24 }), { nil: null }), maxMonths: fc.option(fc.integer({ min: 1, max: 36 }), { nil: null }) }),
            { nil: undefined },
          ),
        }).map(compactRecord),
      ),
    }),
    // a city standard for a featured industry (DOMAIN.md §13): on or off the ladder, levels with their own alternatives, some unset
    featuredStandards: fc.option(
      fc
        .record({
          occupations: fc.subarray([...OCCUPATIONS], { minLength: 1 }),
          countsTowardLadder: fc.boolean(),
          levels: fc.subarray(['junior', 'intermediate', 'senior'] as const, { minLength: 1 }),
          years: fc.integer({ min: 0, max: 6 }),
          unset: fc.boolean(),
        })
        .map((f) => [
          {
            standardId: FEATURED_STANDARD_ID,
            title: '连云港穿戴甲职业技能评价规范 (generated)',
            issuer: null,
            occupations: f.occupations,
            countsTowardLadder: f.countsTowardLadder,
            levels: f.levels.map((level, i) => ({
              level,
              alternatives:
                f.unset && i === f.levels.length - 1
                  ? null
                  : [{ ruleId: `${tag}.featured.${FEATURED_STANDARD_ID}.${level}.years`, text: `years in occupation ≥ ${f.years + i}`, allOf: [{ kind: 'years-in-occupation' as const, min: f.years + i }] }],
            })),
          },
        ]),
      { nil: undefined },
    ),
    // the senior-post block (DOMAIN.md §12): absent (open-ended, unlimited posts), or terms and a quota, some unset
    appointment: fc.option(
      fc.record({
        termYears: fc.record({ 'principal-technician': fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }), 'chief-technician': fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }) }),
        quotaRequired: fc.option(fc.boolean(), { nil: null }),
      }),
      { nil: undefined },
    ),
    // training carriers (DOMAIN.md §10): absent, or the masters' studio's minimum master level, set or unset
    carriers: fc.option(fc.record({ masterStudio: fc.record({ minMasterLevel: fc.option(fc.constantFrom('junior', 'senior', 'technician', 'senior-technician' as const), { nil: null }) }) }), { nil: undefined }),
    // date rules (DOMAIN.md §17): absent, or a school's youngest student age, set or unset
    dates: fc.option(fc.record({ minStudentAgeYears: fc.option(fc.integer({ min: 12, max: 16 }), { nil: null }) }), { nil: undefined }),
    targets: fc
      .record({
        newHighSkilled: fc.tuple(keepOr(d.targets.newHighSkilled.count, fc.integer({ min: 0, max: 200 })), yearSpan(d.targets.newHighSkilled.from, d.targets.newHighSkilled.to)),
        skilledSharePercent: keepOr(d.targets.skilledSharePercent, fc.integer({ min: 0, max: 100 })),
        highSkilledSharePercent: keepOr(d.targets.highSkilledSharePercent, fc.integer({ min: 0, max: 100 })),
        highSkilledTotal: keepOr(d.targets.highSkilledTotal.count, fc.integer({ min: 0, max: 100 })),
        carriers: fc.tuple(keepOr(d.targets.carriers.count, fc.integer({ min: 0, max: 5 })), yearSpan(d.targets.carriers.from, d.targets.carriers.to)),
      })
      .map((t) => ({
        newHighSkilled: { count: t.newHighSkilled[0], ...t.newHighSkilled[1] },
        skilledSharePercent: t.skilledSharePercent,
        highSkilledSharePercent: t.highSkilledSharePercent,
        highSkilledShareBy: d.targets.highSkilledShareBy,
        highSkilledTotal: { count: t.highSkilledTotal, by: d.targets.highSkilledTotal.by },
        carriers: { count: t.carriers[0], ...t.carriers[1] },
      })),
    },
    { requiredKeys: ['title', 'promotion', 'competition', 'occupations', 'apprenticeship', 'benefits', 'targets'] },
  )
}

/** An amount per high-skilled level, each set or unset (DOMAIN.md §15). */
function byLevel(max: number) {
  const amount = fc.option(fc.integer({ min: 1, max }), { nil: null })
  return fc.record({ senior: amount, technician: amount, 'senior-technician': amount, 'principal-technician': amount, 'chief-technician': amount })
}

/** Drops the keys whose value is undefined (an optional block left out). */
function compactRecord<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T
}

/** Ids the generated documents prefix their rule ids with. */
export const POLICY_TAGS = ['lyg-2026', 'lyg-2028', 'js-2023'] as const

/** A policy document derived from the default one; rule ids carry `tag` (default: one of `POLICY_TAGS`). */
export const policyDocument = (tag?: string): fc.Arbitrary<PolicyDocument> =>
  (tag === undefined ? fc.constantFrom(...POLICY_TAGS) : fc.constant(tag)).chain((t) => policyDocumentTagged(t))
