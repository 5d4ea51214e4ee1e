/**
 * The shipped notification policy (默认通知策略), in force unless the embedding application passes
 * its own: the talent hears by e-mail, the employer by signed webhook, the bureau on its NATS
 * stream. Apprenticeship subsidies are paid to the employer, so the employer (not the talent) hears
 * of those. A release is confirmed to the employer that released; a change of employer reaches
 * both the employer left and the new one, so no employer loses a talent without knowing. The bureau hears of every promotion, grant, pool entry and revocation; a failed
 * assessment concerns the talent and its employer only.
 */
import type { NotificationPolicy } from './notification-policy.js'

/** Id of the shipped notification policy. */
export const DEFAULT_NOTIFICATION_POLICY_ID = 'notify-default-2026'

/** The shipped notification policy. */
export const defaultNotificationPolicy: NotificationPolicy = {
  policyId: DEFAULT_NOTIFICATION_POLICY_ID,
  locale: 'zh-CN',
  rules: [
    {
      ruleId: 'promotion',
      event: 'LevelCertified',
      template: 'level-certified',
      deliver: [
        { recipient: 'talent', channels: ['email'] },
        { recipient: 'employer', channels: ['webhook'] },
        { recipient: 'bureau', channels: ['nats'] },
      ],
    },
    {
      ruleId: 'assessment-failed',
      event: 'AssessmentFailed',
      template: 'assessment-failed',
      deliver: [
        { recipient: 'talent', channels: ['email'] },
        { recipient: 'employer', channels: ['webhook'] },
      ],
    },
    {
      ruleId: 'benefit-granted',
      event: 'BenefitGranted',
      template: 'benefit-granted',
      when: {
        benefits: ['skill-upgrade-subsidy', 'first-certification-allowance', 'housing-subsidy', 'living-allowance', 'competition-prize'],
      },
      deliver: [
        { recipient: 'talent', channels: ['email'] },
        { recipient: 'bureau', channels: ['nats'] },
      ],
    },
    {
      ruleId: 'apprenticeship-subsidy-granted',
      event: 'BenefitGranted',
      template: 'benefit-granted',
      when: { benefits: ['apprenticeship-subsidy'] },
      deliver: [
        { recipient: 'employer', channels: ['webhook', 'email'] },
        { recipient: 'bureau', channels: ['nats'] },
      ],
    },
    {
      ruleId: 'talent-pool-entered',
      event: 'TalentPoolEntered',
      template: 'talent-pool-entered',
      deliver: [
        { recipient: 'talent', channels: ['email'] },
        { recipient: 'employer', channels: ['webhook'] },
        { recipient: 'bureau', channels: ['nats'] },
      ],
    },
    {
      ruleId: 'certificate-revoked',
      event: 'CertificateRevoked',
      template: 'certificate-revoked',
      deliver: [
        { recipient: 'talent', channels: ['email'] },
        { recipient: 'employer', channels: ['webhook'] },
        { recipient: 'bureau', channels: ['nats'] },
      ],
    },
    {
      ruleId: 'talent-released',
      event: 'TalentReleased',
      template: 'talent-released',
      deliver: [{ recipient: 'former-employer', channels: ['webhook'] }],
    },
    {
      ruleId: 'employer-changed',
      event: 'EmployerChanged',
      template: 'employer-changed',
      deliver: [
        { recipient: 'former-employer', channels: ['webhook'] },
        { recipient: 'employer', channels: ['webhook'] },
      ],
    },
  ],
}
