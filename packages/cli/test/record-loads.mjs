// Loaded with `node --import`: records the URL of every module the ES module loader loads (the
// entry of a CommonJS package too) in the file named by RECORD_LOADS, one a line.
import { register } from 'node:module'

const hooks = `
import { appendFileSync } from 'node:fs'
export async function load(url, context, next) {
  appendFileSync(process.env.RECORD_LOADS, url + '\\n')
  return next(url, context)
}
`
register(`data:text/javascript,${encodeURIComponent(hooks)}`)
