/**
 * @talent-ledger/core — the pure core of talent-ledger: the high-skilled talent lifecycle
 * (高技能人才: 培养, 使用, 评价, 激励) as events, deciders, policy data and projections, with the ports
 * that storage and notification adapters implement. No I/O happens here. What only an adapter
 * needs to implement a port (row codecs, the subscription worker, projection folding) is the
 * second entry point, `@talent-ledger/core/store-kit`.
 */

// kernel
export { type Category, type DomainEvent, type EventCodecs, type Foldable, type Linked, type Loaded, type StreamReader, foldEvents } from './kernel/category.js'
export { createRunner, defaultRetryPolicy, type Runner, type RunnerDeps, type Transaction, type Transacted, type Stamped, type RetryPolicy, type Transactor, type BatchCommand } from './kernel/transact.js'
export { CorruptEventError } from './kernel/corrupt-event.js'
export { type ErrorCode, type ErrorDetail, type DomainError } from './kernel/errors.js'
export { LocalDate, Timestamp, isLocalDate, fullYearsBetween, dateOf } from './kernel/dates.js'
export { addDays } from './kernel/dates.js'
export { Actor as StoredActor, EventMetadata, NewEvent, RecordedEvent, HashedFields, hashedFieldsOf } from './kernel/envelope.js'
export { GENESIS_HASH, canonicalJson, sha256Hex, type Sha256Function, eventHash, sealEvents, verifyStream, type StreamHead, type ChainBreak } from './kernel/hash-chain.js'
export { compareCodePoints } from './kernel/code-point-order.js'
export { merkleRoot, ledgerDigest, type LedgerDigest, type Sha256BytesFunction } from './kernel/ledger-digest.js'
export { upcasterChain, type Upcaster, type Upcast } from './kernel/upcasting.js'
export { describeErrors } from './kernel/decode-errors.js'
export { INPUT_LIMITS, MAX_LINE_BYTES, MAX_STRING_LENGTH, MAX_ARRAY_LENGTH } from './vocabulary/input-limits.js'
export { maskIdNumbers } from './kernel/masking.js'
export type { EventStore, ExpectedVersion, WrongExpectedVersion, AppendResult, AppendOutcome, AppendManyOutcome, StreamAppend, ReadAllOptions, AppendOptions, StoredStreamHead, StoreAudit, AuditPage, StreamRange, EventKey, OutboxKey, LogKey, Subscription, CheckpointStore, KeyStore, Erasure, PendingErasure, ErasureCompletion, Clock } from './kernel/ports.js'
export type { ChannelName, Locale, DeliveryStatus, OutboxEntry, OutboxRecord, OutboxQuery, Outbox } from './kernel/outbox.js'
export { isChannelName } from './kernel/outbox.js'
export { payloadSha256Of } from './kernel/outbox-compaction.js'
export type { Notice, DeliveryOutcome, NotificationChannel } from './kernel/notification-channel.js'
export { idempotencyHeaderOf, idempotencyKeyOfHeader } from './kernel/idempotency-header.js'
export { decorrelatedJitter, noBackoff, type Backoff } from './kernel/backoff.js'
export { combinedProjection, project, rebuild, type Projection } from './kernel/projection.js'

// notifications: the relay
export { createRelay, DEFAULT_MAX_ATTEMPTS, DEFAULT_LEASE_MS, type Relay, type RelayOptions, type RelayRound, type RelayTotals, type RelayRunOptions, type RelayAbortSignal } from './notifications/relay.js'
export { retryDelayMs, type RelayBackoff } from './notifications/relay-backoff.js'

// domain
export * from './vocabulary/ladder.js'
export * from './vocabulary/terms.js'
export { isNationalId, nationalIdCheckChar } from './vocabulary/national-id.js'
export { Actor, ActorRole } from './vocabulary/roles.js'
export { sanityOf } from './domain/sanity.js'
export { FIRST_BUSINESS_DATE, LAST_BUSINESS_DATE, type DateContext } from './domain/date-rules.js'
export { PURE_ENV, recordDateOf, type DecisionEnv, type RecordDates } from './domain/decision-env.js'
export { AGGREGATES, aggregate, routeOf, routeWith, streamOfEvent, type DecidableCommand, type Routed, type Notifies, type Aggregate, type AnyAggregate, type Registration } from './domain/aggregates.js'
export { Officials, decodeOfficials } from './domain/officials.js'
export { CommandData, COMMAND_TYPES, Authorization, type Command, type CommandOf, type CommandType } from './domain/commands.js'
export { EventData, CURRENT_SCHEMA_VERSION, SealedPersonalData, type EventOf, type EventType, type LedgerEvent, type TalentEvent } from './domain/events.js'
export { decodeCommand, decodeRecorded, decodeStored } from './domain/decode.js'
export { authorize, covers, type AuthorizationContext } from './domain/talent/authorization.js'
export { organizationCategory, organizationStream, type OrganizationState, type OrganizationContext } from './domain/organization/organization.js'
export { type OrganizationCommand, type OrganizationEvent } from './domain/organization/messages.js'
export { designationInForce, designationsOn, type Designation } from './domain/organization/designations.js'
export { agreementCategory, agreementCovers, agreementStream, type AgreementState, type AgreementCommand, type AgreementEvent } from './domain/agreement/index.js'
export * from './vocabulary/cooperation.js'
export { postInForce, quotaExceeded, quotaOn, type OrgPost, type OrgQuota, type SeniorPosts } from './domain/organization/senior-posts.js'
export { cityCategory, CITY_STREAM, type CityState, type CityContext } from './domain/city/city.js'
export { type CityCommand, type CityEvent } from './domain/city/messages.js'
export { type CarrierRecord } from './domain/city/decide-carriers.js'
export { programmeCategory, programmeStream, type ProgrammeState, type ProgrammeCommand, type ProgrammeEvent } from './domain/programme/index.js'
export { policyCategory, POLICY_STREAM, type PolicyStreamState, type PolicyContext } from './domain/policies/policies.js'
export { type PolicyCommand, type PolicyEvent } from './domain/policies/messages.js'
export { PersonalData } from './domain/personal-data.js'
export { talentCategory, talentStream } from './domain/talent/category.js'
export { eligibleFor } from './domain/talent/eligibility.js'
export { TalentCommandData } from './domain/talent/commands.js'
export { TalentEventData } from './domain/talent/events.js'
export { initialTalentState, evolveTalent, levelOf, validCertificates, validCertificateAt, isHighSkilledTalent, type TalentState, type Certificate, type Training, type Grant } from './domain/talent/state.js'
export { type TalentContext, type TalentCommand, type SealedRegisterTalent, policyOn } from './domain/talent/context.js'
export { personalDataOf, sealedRegistration } from './domain/talent/sealed-registration.js'
export { competitionPromotion } from './domain/talent/decide-competition.js'

// policy
export { PolicyDocument, PromotionRule, Alternative, Condition, CompetitionRule, CompetitionPrize, OccupationEntry, HonourEntry, ServiceEntry, AppointmentPolicy, FeaturedStandard, type AdoptedPolicy } from './policy/document.js'
export { PolicyDocumentInput } from './policy/document.js'
export { decodePolicyDocument } from './policy/policy-input.js'
export { DEFAULT_POLICY_ID, defaultPolicy, defaultPolicyDocument } from './policy/default-policy.js'
export { policyInForce, type PolicyRegistry } from './policy/registry.js'

// projections
export { talentProfile, type TalentProfile, type FeaturedCertificateView } from './projections/talent-profile.js'
export { talentPoolProjection, type TalentPoolState, type PoolMember } from './projections/talent-pool.js'
export { cityDashboardProjection, dashboardReport, talentStanding, REPORT_LEVELS, type DashboardState, type CityReport, type TargetStatus, type TargetId } from './projections/city-dashboard.js'
export { TARGET_JUDGEMENTS, targetProgress, judgeTarget, requiredOn, forecastAt, type TargetJudgement, type TargetPlan, type TargetProgress, type TrajectoryPoint } from './projections/target-progress.js'
export { ratio, ratioOfDecimal, compareRatio, displayRatio, type Ratio } from './projections/exact-ratio.js'
export { benefitsLedgerProjection, type BenefitsLedgerState, type BenefitLine } from './projections/benefits-ledger.js'
export { benefitFiguresProjection, benefitFigures, UNKNOWN_DISTRICT, type BenefitFiguresState, type BenefitFigures, type BenefitRow } from './projections/benefit-figures.js'
export { cooperationFiguresProjection, cooperationFigures, type CooperationFiguresState, type CooperationFigures, type AgreementRow, type SchoolTeachers } from './projections/cooperation-figures.js'
export { honourFiguresProjection, honourFigures, type HonourFiguresState, type HonourFigures, type HonourRow, type HonourCounts } from './projections/honour-figures.js'
export { serviceFiguresProjection, serviceFigures, type ServiceFiguresState, type ServiceFigures, type ServiceRow } from './projections/service-figures.js'
export { carrierOutputsProjection, carrierOutputFigures, type CarrierOutputsState, type CarrierOutputFigures, type CarrierOutputRow, type ProgrammeOutputRow, type Outputs } from './projections/carrier-outputs.js'
export { featuredCertificatesProjection, featuredCertificateFigures, type FeaturedCertificatesState, type FeaturedCertificateFigures, type FeaturedCertificateRow } from './projections/featured-certificates.js'
export { seniorPostsProjection, seniorPostFigures, type SeniorPostsState, type SeniorPostFigures, type SeniorPostRow } from './projections/senior-posts.js'
export { cityReportProjection, fullCityReport, type CityReportState, type FullCityReport } from './projections/city-report.js'
export { DOMAIN_UPCASTERS, domainUpcast, schemaVersionOf, withDomainUpcasters } from './domain/upcasters.js'
export { formatFen } from './notifications/money.js'
// what a store adapter folds with (the entries, resuming, folding) is in '@talent-ledger/core/store-kit'
export { type ProjectionSnapshot, type InlineProjection, type AsyncProjection, type AsyncProjectionOptions } from './projections/store-projections.js'

// notifications: policy, templates, outbox rows, rendering, delivery status
export { NotificationPolicy, NotificationRule, RuleCondition, Delivery, RecipientKind, ChannelNameCodec, LocaleCodec, silentNotificationPolicy, decodeNotificationPolicy } from './notifications/notification-policy.js'
export { DEFAULT_NOTIFICATION_POLICY_ID, defaultNotificationPolicy } from './notifications/default-notification-policy.js'
export { NotifiableEvent, AnyNoticeFacts, NoticePayload } from './notifications/notice-facts.js'
export { TemplateName } from './notifications/templates.js'
export { outboxEntriesFor } from './notifications/outbox-entries.js'
export { impliedOutboxEntries } from './notifications/implied-outbox.js'
export { noticeRenderer, UnrenderableNotice, type NoticeRendererOptions } from './notifications/notice-renderer.js'
export { deliveryStatusOf, type DeliveryStatusSummary, type StatusCounts } from './notifications/delivery-status.js'
export { NoticeMessage, noticeMessageProps, noticeMessageOf, noticeMessageDecoder } from './notifications/notice-message.js'
export { bindChannel, type ChannelBinding, type ChannelSection, type SectionOf } from './notifications/channel-binding.js'
export { refinedString, nonEmptyArray, Recipient } from './notifications/config-fields.js'

// application
export { createTalentLedger, type TalentLedger, type LedgerDeps, type CommandResult, type AsOf, type ExecuteOptions, type Decoded } from './application/ledger.js'
export { businessDateOf } from './domain/commands.js'
// a store's audit read, page after page over a range of stream ids (verify reads the log so; onboarding its organisations)
export { pages, rangePage } from './application/verify-outbox.js'
export { verifyLedger, verifyStreamRange, streamRanges, type LedgerVerification, type VerifyFinding, type VerifyLedgerOptions, type VerifyProgress, type VerifiableStore, type StreamPassRunner, type StreamPassOptions, type StreamRangeVerification } from './application/verify-ledger.js'

// schema catalogue
export { commandSchema, commandCatalogue, eventCatalogue, isCommandType } from './schema/catalogue.js'

// masks and ID facts for tools that read registry exports (the CLI's onboard)
export { maskIdentifier } from './kernel/masking.js'
export { birthDateInId } from './vocabulary/national-id.js'
