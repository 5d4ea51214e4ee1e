/** The city aggregate (stream `city`): what the ledger may use of it. */
export { cityCategory, CITY_STREAM, honourListKey, type CityState, type CityContext } from './city.js'
export { CityCommandData, CityEventData, type CityCommand, type CityEvent, type CityEventOf } from './messages.js'
export { type CarrierRecord } from './decide-carriers.js'
