/**
 * A policy document from outside (a policy file a city drafts, or a tool that checks one before it
 * is adopted) decoded exactly as `AdoptPolicy` decodes its `document`: the input limits (size and
 * depth first, iteratively), the strict codec (no unknown field at any depth), then the sense checks.
 */
import * as E from 'fp-ts/lib/Either.js'
import { describeErrors } from '../kernel/decode-errors.js'
import { domainError, type DomainError, type ErrorDetail } from '../kernel/errors.js'
import { inputViolations } from '../vocabulary/input-limits.js'
import { PolicyDocumentInput, type PolicyDocument } from './document.js'
import { policyDocumentProblems } from './document-sense.js'

const malformed = (details: ReadonlyArray<ErrorDetail>): DomainError =>
  domainError('Malformed', details.map((d) => d.message).join('; '), details)

/** Decodes a policy document as `AdoptPolicy` would; a refusal is `Malformed`, fields named from `document`. */
export const decodePolicyDocument = (raw: unknown): E.Either<DomainError, PolicyDocument> => {
  // measured where a command carries it, so a file and an AdoptPolicy line meet the same bounds
  const violations = inputViolations({ data: { document: raw } }).map((d) => ({
    ...d,
    field: d.field?.replace(/^data\./, ''),
    message: d.message.replace(/^data\./, ''),
  }))
  if (violations.length > 0) return E.left(malformed(violations))
  const decoded = PolicyDocumentInput.decode(raw)
  if (E.isLeft(decoded))
    return E.left(
      malformed(
        describeErrors(decoded.left).map((d) =>
          d.field === '(root)'
            ? { field: 'document', message: d.message.replace(/^\(root\)/, 'document') }
            : { field: `document.${d.field}`, message: `document.${d.message}` },
        ),
      ),
    )
  const problems = policyDocumentProblems(decoded.right)
  return problems.length > 0 ? E.left(malformed(problems)) : decoded
}
