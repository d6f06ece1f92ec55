import type { Rule } from './rule';
import { frontmatterRule } from './frontmatter';
import { yamlSyntaxRule } from './yaml-syntax';
import { schemaRule } from './schema';
import { timestampTimezoneRule } from './timestamp-timezone';
import { chronologyRule } from './chronology';
import { resolvedNeedsTimeRule } from './resolved-needs-time';
import { gdprNotificationRule } from './gdpr-notification';
import { gdprDataSubjectsRule } from './gdpr-data-subjects';
import { nis2ReportingRule } from './nis2-reporting';
import { pressContactRule } from './press-contact';
import { placeholderRule } from './placeholder';
import { restorationPastRule } from './restoration-past';
import { publicSectionRule } from './public-section';
import { sizeLimitRule } from './size-limit';
import { leakIpRule } from './leak-ip';
import { leakHostnameRule } from './leak-hostname';
import { leakEmailRule } from './leak-email';
import { leakIocRule } from './leak-ioc';
import { leakTicketRule } from './leak-ticket';
import { leakPathRule } from './leak-path';

/** Every rule, in the order their findings are produced. */
export const RULES: readonly Rule[] = [
  sizeLimitRule,
  frontmatterRule,
  yamlSyntaxRule,
  schemaRule,
  timestampTimezoneRule,
  chronologyRule,
  resolvedNeedsTimeRule,
  gdprNotificationRule,
  gdprDataSubjectsRule,
  nis2ReportingRule,
  pressContactRule,
  placeholderRule,
  restorationPastRule,
  publicSectionRule,
  leakIpRule,
  leakHostnameRule,
  leakEmailRule,
  leakIocRule,
  leakTicketRule,
  leakPathRule,
];

/** Rule ids, for settings validation and documentation. */
export const RULE_IDS: readonly string[] = RULES.map((rule) => rule.id);

export type { Rule, RuleContext, RuleSettings, TextRange, PrecheckContext } from './rule';
export { DEFAULT_MAX_SIZE } from './size-limit';
