/**
 * The organisations the bureau registers before anything else: employers (some authorized to
 * appoint 特级/首席技师, some registered for 用人单位自主评价), social training-evaluation
 * organisations, appraisal bodies for the qualification catalogue, training providers and
 * vocational schools — and the choice of who assesses a talent on a given day.
 */
import { rank, type CertifiedLevel, type Command, type OrganizationKind } from '@talent-ledger/core'
import { DISTRICTS, OCCUPATIONS, occupationsOf, type Occupation, type Sector } from './city-data.js'
import { weighted, type Random } from './random.js'

/** An employer of the roster. */
export interface Employer {
  readonly id: string
  readonly sector: Sector
  readonly canAppoint: boolean
  /** Highest level it may certify its own staff at (skill-level-recognition), or null. */
  readonly assessesUpTo: CertifiedLevel | null
}

/** A body registered to certify some occupations by one route up to a level. */
interface Body {
  readonly id: string
  readonly role: 'assessment-body' | 'appraisal-body'
  readonly route: 'skill-level-recognition' | 'vocational-qualification' | 'featured-industry' | 'special-ability'
  readonly occupations: ReadonlyArray<string> | '*'
  readonly maxLevel: CertifiedLevel
}

/** Everything registered, with the commands that register it. */
export interface Roster {
  readonly employers: ReadonlyArray<Employer>
  readonly employersBySector: Readonly<Record<Sector, ReadonlyArray<Employer>>>
  readonly bodies: ReadonlyArray<Body>
  readonly trainingProviders: ReadonlyArray<string>
  readonly schools: ReadonlyArray<string>
  readonly commands: ReadonlyArray<Command>
}

/** Who records an assessment, and by which route. */
export interface Assessor {
  readonly id: string
  readonly role: 'employer' | 'assessment-body' | 'appraisal-body'
  readonly route: Body['route']
}

const bureau = { id: 'hr-bureau', role: 'hr-bureau' } as const
const pickSector = weighted<Sector>([['manufacturing', 55], ['services', 18], ['logistics', 14], ['agriculture', 13]])
const PREFIXES = ['港城', '海州', '云台', '花果山', '徐圩', '东海', '灌河', '赣榆', '新海', '苍梧', '朝阳', '墟沟', '板桥', '宿城']
const TRADES: Record<Sector, ReadonlyArray<string>> = {
  manufacturing: ['装备制造', '石化', '新材料', '医药', '机械', '船舶配件', '电子', '水晶工艺'],
  services: ['餐饮管理', '养老服务', '物业服务', '电子商务', '信息技术'],
  logistics: ['港口物流', '运输', '国际货运'],
  agriculture: ['农业科技', '水产', '种业'],
}
const CATALOGUE = OCCUPATIONS.filter(([o]) => o.qualification === true).map(([o]) => o.code)
const FEATURED = OCCUPATIONS.filter(([o]) => o.featured === true).map(([o]) => o.code)
const SCHOOLS = ['连云港技师学院', '连云港中等专业学校', '连云港职业技术学院', '连云港工贸高等职业技术学校']
const PROVIDERS = ['港城职业培训学校', '云台技能培训中心', '海州区职工培训学校', '东海县农民培训学校', '徐圩石化培训中心', '赣榆区职业培训学校', '低空经济实训中心', '数字技能培训学院']

const register = (organizationId: string, kind: OrganizationKind, name: string, extra: { authorizations?: Body[]; canAppoint?: boolean } = {}): Command => ({
  type: 'RegisterOrganization',
  actor: bureau,
  data: {
    organizationId,
    kind,
    name,
    ...(extra.authorizations === undefined
      ? {}
      : { authorizations: extra.authorizations.map((b) => ({ route: b.route, occupations: b.occupations === '*' ? ['*'] : [...b.occupations], maxLevel: b.maxLevel })) }),
    ...(extra.canAppoint === undefined ? {} : { canAppoint: extra.canAppoint }),
  },
})

/** Builds the roster: `employers` employers (one of each sector at least) and the fixed bodies and schools. */
export const buildRoster = (r: Random, employers: number): Roster => {
  const commands: Command[] = []
  const list: Employer[] = []
  const bySector: Record<Sector, Employer[]> = { manufacturing: [], services: [], logistics: [], agriculture: [] }
  const first: ReadonlyArray<Sector> = ['manufacturing', 'services', 'logistics', 'agriculture']
  for (let i = 0; i < Math.max(employers, first.length); i++) {
    const sector = first[i] ?? pickSector(r)
    const id = `emp-${String(i + 1).padStart(3, '0')}`
    const large = i < 4 || r.chance(0.25)
    const canAppoint = large && sector !== 'services' && r.chance(0.8)
    const assessesUpTo: CertifiedLevel | null = canAppoint || (large && r.chance(0.7)) ? 'senior-technician' : r.chance(0.3) ? 'technician' : null
    const e: Employer = { id, sector, canAppoint, assessesUpTo }
    list.push(e)
    bySector[sector].push(e)
    const name = `连云港${r.pick(PREFIXES)}${r.pick(TRADES[sector])}${large ? '集团' : ''}有限公司 (${r.pick(DISTRICTS)})`
    const own: Body[] = assessesUpTo === null ? [] : [{ id, role: 'assessment-body', route: 'skill-level-recognition', occupations: occupationsOf(sector), maxLevel: assessesUpTo }]
    commands.push(register(id, 'employer', name, { authorizations: own, canAppoint }))
  }
  const bodies: Body[] = [
    { id: 'eval-01', role: 'assessment-body', route: 'skill-level-recognition', occupations: '*', maxLevel: 'senior-technician' },
    { id: 'eval-01', role: 'assessment-body', route: 'special-ability', occupations: '*', maxLevel: 'senior-technician' },
    { id: 'eval-02', role: 'assessment-body', route: 'skill-level-recognition', occupations: occupationsOf('manufacturing'), maxLevel: 'senior-technician' },
    { id: 'eval-03', role: 'assessment-body', route: 'skill-level-recognition', occupations: [...occupationsOf('services'), ...occupationsOf('logistics')], maxLevel: 'technician' },
    { id: 'eval-04', role: 'assessment-body', route: 'skill-level-recognition', occupations: occupationsOf('agriculture'), maxLevel: 'senior' },
    { id: 'eval-05', role: 'assessment-body', route: 'featured-industry', occupations: FEATURED, maxLevel: 'senior-technician' },
    { id: 'eval-05', role: 'assessment-body', route: 'special-ability', occupations: occupationsOf('services'), maxLevel: 'senior-technician' },
    { id: 'appr-01', role: 'appraisal-body', route: 'vocational-qualification', occupations: CATALOGUE, maxLevel: 'senior-technician' },
    { id: 'appr-02', role: 'appraisal-body', route: 'vocational-qualification', occupations: CATALOGUE, maxLevel: 'technician' },
  ]
  const bodyNames: Record<string, string> = { 'eval-01': '港城职业技能评价中心', 'eval-02': '连云港制造业技能等级认定站', 'eval-03': '连云港服务业技能评价站', 'eval-04': '连云港农业技能评价站', 'eval-05': '连云港特色产业评价中心', 'appr-01': '连云港市职业技能鉴定所', 'appr-02': '徐圩新区职业技能鉴定站' }
  for (const id of Object.keys(bodyNames)) {
    const own = bodies.filter((b) => b.id === id)
    commands.push(register(id, own[0]!.role, bodyNames[id]!, { authorizations: own }))
  }
  const trainingProviders = PROVIDERS.map((name, i) => {
    const id = `train-${String(i + 1).padStart(2, '0')}`
    commands.push(register(id, 'training-provider', name))
    return id
  })
  const schools = SCHOOLS.map((name, i) => {
    const id = `school-${String(i + 1).padStart(2, '0')}`
    commands.push(register(id, 'vocational-school', name))
    return id
  })
  return { employers: list, employersBySector: bySector, bodies, trainingProviders, schools, commands }
}

const coversOccupation = (b: Body, code: string): boolean => b.occupations === '*' || b.occupations.includes(code)

/**
 * Who assesses `occupation` at `level` (undefined: special ability) for a talent employed by
 * `employer`: the employer itself, an appraisal body once the city's catalogue is in force
 * (`catalogueInForce`), the featured-industry body (where its standard certifies on the ladder:
 * `featuredOnLadder`), or a social training-evaluation organisation.
 */
export const chooseAssessor = (roster: Roster, r: Random, o: Occupation, level: CertifiedLevel | undefined, employer: Employer, catalogueInForce: boolean, featuredOnLadder = true): Assessor => {
  const fits = (b: Body, route: Body['route']): boolean =>
    b.route === route && coversOccupation(b, o.code) && (level === undefined || rank(level) <= rank(b.maxLevel))
  const pickBody = (route: Body['route']): Assessor | null => {
    const found = roster.bodies.filter((b) => fits(b, route))
    const b = found.length === 0 ? undefined : r.pick(found)
    return b === undefined ? null : { id: b.id, role: b.role, route }
  }
  if (level === undefined) return pickBody('special-ability')!
  if (employer.assessesUpTo !== null && rank(level) <= rank(employer.assessesUpTo) && r.chance(0.5))
    return { id: employer.id, role: 'employer', route: 'skill-level-recognition' }
  if (catalogueInForce && o.qualification === true && r.chance(0.4)) {
    const a = pickBody('vocational-qualification')
    if (a !== null) return a
  }
  if (o.featured === true && featuredOnLadder && r.chance(0.6)) {
    const a = pickBody('featured-industry')
    if (a !== null) return a
  }
  return pickBody('skill-level-recognition')!
}

/** Occupation codes open to 职业资格评价 under the city's policy. */
export const QUALIFICATION_CATALOGUE: ReadonlyArray<string> = CATALOGUE
