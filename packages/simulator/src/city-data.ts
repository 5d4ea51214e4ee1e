/**
 * The city the simulator populates: Lianyungang's districts, the occupations its skilled workers
 * hold (mostly major group 6, 生产制造及有关人员, with some of groups 4 and 5), education mixes and
 * names. Weights are plausible shares for a port and petrochemical city, not published statistics.
 */
import type { Education, TrainingField } from '@talent-ledger/core'
import { weighted } from './random.js'

/** Where the employers and talents of the simulation are. */
export const DISTRICTS = ['连云区', '海州区', '赣榆区', '东海县', '灌云县', '灌南县', '开发区', '徐圩新区', '高新区'] as const

/** Share of the skilled workforce per district. */
export const pickDistrict = weighted<string>([
  ['海州区', 22],
  ['连云区', 12],
  ['赣榆区', 15],
  ['东海县', 15],
  ['灌云县', 10],
  ['灌南县', 9],
  ['开发区', 9],
  ['徐圩新区', 5],
  ['高新区', 3],
])

/** Sectors employers belong to; a talent works for an employer of its occupation's sector. */
export type Sector = 'manufacturing' | 'services' | 'logistics' | 'agriculture'

/** An occupation of the national classification (职业分类大典) as the simulation uses it. */
export interface Occupation {
  readonly code: string
  readonly name: string
  readonly field: TrainingField
  readonly sector: Sector
  /** Open to 职业资格评价 once the city's catalogue lists it. */
  readonly qualification?: boolean
  /** Assessed under a local featured-industry standard (特色产业评价). */
  readonly featured?: boolean
  /** A craft taught by heritage programmes (历史文化遗产技艺传承). */
  readonly craft?: boolean
}

/** Occupations with their share of talents. */
export const OCCUPATIONS: ReadonlyArray<readonly [Occupation, number]> = [
  [{ code: '6-18-02-04', name: '焊工', field: 'advanced-manufacturing', sector: 'manufacturing', qualification: true }, 12],
  [{ code: '6-31-01-03', name: '电工', field: 'advanced-manufacturing', sector: 'manufacturing', qualification: true }, 11],
  [{ code: '6-11-01-03', name: '化工总控工', field: 'advanced-manufacturing', sector: 'manufacturing', qualification: true }, 9],
  [{ code: '6-18-01-01', name: '车工', field: 'advanced-manufacturing', sector: 'manufacturing' }, 7],
  [{ code: '6-18-01-02', name: '铣工', field: 'advanced-manufacturing', sector: 'manufacturing' }, 4],
  [{ code: '6-31-01-02', name: '机修钳工', field: 'advanced-manufacturing', sector: 'manufacturing' }, 7],
  [{ code: '6-12-03-00', name: '药物制剂工', field: 'advanced-manufacturing', sector: 'manufacturing' }, 7],
  [{ code: '6-31-07-01', name: '工业机器人系统运维员', field: 'digital-economy', sector: 'manufacturing' }, 5],
  [{ code: '6-23-03-15', name: '无人机装调检修工', field: 'low-altitude-economy', sector: 'manufacturing' }, 3],
  [{ code: '6-09-03-03', name: '宝石琢磨工 (东海水晶)', field: 'life-services', sector: 'manufacturing', craft: true }, 3],
  [{ code: '6-29-03-01', name: '起重装卸机械操作工', field: 'transportation', sector: 'logistics' }, 4],
  [{ code: '4-02-02-01', name: '道路货运汽车驾驶员', field: 'transportation', sector: 'logistics' }, 4],
  [{ code: '4-02-06-03', name: '港口理货员', field: 'transportation', sector: 'logistics' }, 2],
  [{ code: '4-03-02-01', name: '中式烹调师', field: 'life-services', sector: 'services' }, 4],
  [{ code: '4-10-01-05', name: '养老护理员', field: 'life-services', sector: 'services' }, 3],
  [{ code: '4-04-05-05', name: '人工智能训练师', field: 'digital-economy', sector: 'services' }, 2],
  [{ code: '4-01-02-02', name: '电子商务师', field: 'digital-economy', sector: 'services' }, 2],
  [{ code: '4-07-05-01', name: '保安员 (安防)', field: 'life-services', sector: 'services', featured: true }, 1],
  [{ code: '4-10-03-03', name: '美甲师 (穿戴甲)', field: 'life-services', sector: 'services', featured: true }, 1],
  [{ code: '5-04-01-01', name: '水产养殖工 (紫菜)', field: 'agriculture-rural', sector: 'agriculture' }, 4],
  [{ code: '5-01-02-01', name: '农艺工', field: 'agriculture-rural', sector: 'agriculture' }, 3],
  [{ code: '5-05-01-01', name: '农业机械操作员', field: 'agriculture-rural', sector: 'agriculture' }, 2],
]

/** Draws an occupation by its share. */
export const pickOccupation = weighted(OCCUPATIONS)

/** Occupations of a sector (what an employer of that sector is registered to assess). */
export const occupationsOf = (sector: Sector): string[] => OCCUPATIONS.filter(([o]) => o.sector === sector).map(([o]) => o.code)

/** Education of the existing workforce (older workers) and of new entrants. */
export const pickEducation = {
  experienced: weighted<Education>([
    ['none', 22],
    ['technical-school', 24],
    ['advanced-technical-school', 10],
    ['technician-college', 10],
    ['college', 20],
    ['bachelor', 12],
    ['master', 2],
  ]),
  young: weighted<Education>([
    ['none', 6],
    ['technical-school', 20],
    ['advanced-technical-school', 14],
    ['technician-college', 18],
    ['college', 24],
    ['bachelor', 15],
    ['master', 3],
  ]),
}

/** Administrative codes used as the first six digits of national ID numbers (mostly local births). */
export const ID_AREAS = ['320703', '320706', '320707', '320722', '320723', '320724', '320706', '320382', '371302', '341302'] as const

/** Common surnames, most frequent first. */
export const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段'.split('')

/** Characters of given names. */
export const GIVEN = '伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂兰华建国志海波宁辉鹏飞浩宇晨阳俊峰春梅婷雪琳'.split('')
