/**
 * A census of the people in a registry export, taken in a first pass over the file: per person, how
 * many rows name them and whether those rows are all adjacent. The second pass (person-order.ts)
 * needs nothing more to hold a scattered person's rows back until the last one has come.
 *
 * A person is known by 64 bits of their talent id (HMAC of the ID number under the ledger's key,
 * talent-ids.ts), never by the ID number: the table holds what the log itself holds, and nothing a
 * reader could reverse. Two people whose ids share 64 bits (about one chance in 10⁸ among a million
 * people) count as one: their rows are held and emitted together, and the fold by talent id still
 * separates them, so the only cost is order, never a row. The table is typed arrays with open
 * addressing (13 bytes a slot, at most half full): about 26 bytes a person, 13 MiB for the 503,625
 * people of 700,000 rows, where a `Map` of string keys would take several times that.
 */

/** The census of a file: look people up by talent id after counting every row. */
export interface PersonCensus {
  /** Counts one row of the person with `talentId` (null: a row with no ID number, which breaks adjacency). */
  readonly add: (talentId: string | null) => void
  /** The person's slot, or -1 when the census never met them. */
  readonly find: (talentId: string) => number
  /** Rows of the person in `slot`. */
  readonly rowsAt: (slot: number) => number
  /** True when the person's rows are not all adjacent in the file. */
  readonly scatteredAt: (slot: number) => boolean
  /** Which of `parts` groups the person falls in (stable, by the id's bits). */
  readonly partAt: (slot: number, parts: number) => number
  readonly people: () => number
  readonly scatteredPeople: () => number
  /** Rows of scattered people: what the second pass would hold at most. */
  readonly scatteredRows: () => number
  /** Bytes of the table's arrays. */
  readonly bytes: () => number
}

const hiOf = (talentId: string): number => parseInt(talentId.slice(2, 10), 16) >>> 0
const loOf = (talentId: string): number => parseInt(talentId.slice(10, 18), 16) >>> 0

/** An empty census; talent ids are `t-` and hex digits (at least 16), as `talentIdsOf` makes them. */
export const personCensus = (initialSlots = 1 << 12): PersonCensus => {
  let mask = initialSlots - 1
  let his = new Uint32Array(initialSlots)
  let los = new Uint32Array(initialSlots)
  let rows = new Uint32Array(initialSlots) // 0: an empty slot
  let scattered = new Uint8Array(initialSlots)
  let people = 0
  let scatteredPeople = 0
  let scatteredRows = 0
  let lastSlot = -1

  const slotOf = (hi: number, lo: number): number => {
    let slot = lo & mask
    while (rows[slot] !== 0 && (his[slot] !== hi || los[slot] !== lo)) slot = (slot + 1) & mask
    return slot
  }

  const grow = (): void => {
    const [oldHis, oldLos, oldRows, oldScattered] = [his, los, rows, scattered]
    const slots = oldRows.length * 2
    mask = slots - 1
    his = new Uint32Array(slots)
    los = new Uint32Array(slots)
    rows = new Uint32Array(slots)
    scattered = new Uint8Array(slots)
    for (let i = 0; i < oldRows.length; i++) {
      if (oldRows[i] === 0) continue
      const slot = slotOf(oldHis[i]!, oldLos[i]!)
      his[slot] = oldHis[i]!
      los[slot] = oldLos[i]!
      rows[slot] = oldRows[i]!
      scattered[slot] = oldScattered[i]!
    }
  }

  return {
    add: (talentId) => {
      if (talentId === null) {
        lastSlot = -1
        return
      }
      const hi = hiOf(talentId)
      const lo = loOf(talentId)
      let slot = slotOf(hi, lo)
      if (rows[slot] === 0) {
        if ((people + 1) * 2 > rows.length) {
          grow()
          slot = slotOf(hi, lo)
        }
        his[slot] = hi
        los[slot] = lo
        people++
      } else if (slot !== lastSlot && scattered[slot] === 0) {
        // met again after someone else's row: every row so far is to be held back, and every later one
        scattered[slot] = 1
        scatteredPeople++
        scatteredRows += rows[slot]!
      }
      rows[slot] = rows[slot]! + 1
      if (scattered[slot] === 1) scatteredRows++
      lastSlot = slot
    },
    find: (talentId) => {
      const slot = slotOf(hiOf(talentId), loOf(talentId))
      return rows[slot] === 0 ? -1 : slot
    },
    rowsAt: (slot) => rows[slot]!,
    scatteredAt: (slot) => scattered[slot] === 1,
    partAt: (slot, parts) => his[slot]! % parts,
    people: () => people,
    scatteredPeople: () => scatteredPeople,
    scatteredRows: () => scatteredRows,
    bytes: () => his.byteLength + los.byteLength + rows.byteLength + scattered.byteLength,
  }
}
