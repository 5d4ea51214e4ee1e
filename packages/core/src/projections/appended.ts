/**
 * A list of a projection's state one item longer, as an exact-size copy. The states keep one short
 * list per talent (certificates, employment changes), tens of thousands in a city, and `push`
 * leaves room for sixteen more items in each: four times the memory, which every replay then has
 * the garbage collector copy and mark. The lists are a handful of items long, so the copy is cheap.
 */
export const appended = <T>(list: ReadonlyArray<T> | undefined, item: T): T[] => (list === undefined ? [item] : [...list, item])
