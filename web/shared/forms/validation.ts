import type { FormErrors } from './form.ts';
import type { TFunction } from 'i18next';
import type { z } from 'zod';
import type { FieldErrors } from '../api/client.ts';

// Forms validate with the server's own Zod schemas, so the browser and the server
// agree on every rule. The schemas' messages are English sentences for API
// clients; the form shows the rule in the UI language instead, keyed by the issue.

type Issue = z.core.$ZodIssue;

export function issueMessage(t: TFunction, issue: Issue): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array' || issue.origin === 'set') return t('validation.tooFew', { count: Number(issue.minimum) });
      if (issue.origin === 'string')
        return Number(issue.minimum) <= 1 || issue.input === ''
          ? t('validation.required')
          : t('validation.tooShort', { count: Number(issue.minimum) });
      return t('validation.tooSmall', { count: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return t('validation.tooLong', { count: Number(issue.maximum) });
      return t('validation.tooBig', { count: Number(issue.maximum) });
    case 'invalid_format':
      if (issue.input === '') return t('validation.required');
      if (issue.format === 'email') return t('validation.email');
      if (issue.format === 'uuid') return t('validation.choose');
      // A pattern's message says what is expected ("Five digits"): shown where translated.
      if (issue.format === 'regex' && serverMessage(t, issue.message) !== issue.message) return serverMessage(t, issue.message);
      return t('validation.invalid');
    case 'invalid_value':
      return t('validation.choose');
    case 'invalid_type':
      return issue.input === undefined || issue.input === null || issue.input === '' ? t('validation.required') : t('validation.invalid');
    case 'invalid_union': {
      // e.g. "an email address or empty": the first alternative says what is expected.
      const first = issue.errors[0]?.[0];
      return first ? issueMessage(t, first) : t('validation.invalid');
    }
    case 'custom':
      // A cross-field rule of the schema ("The exit cannot be before the entry"), translated where known.
      return serverMessage(t, issue.message);
    default:
      return t('validation.invalid');
  }
}

/** Errors keyed by field path (`memberships.0.organisationId`), as Mantine's form expects them. */
export function schemaErrors(t: TFunction, schema: z.ZodType, input: unknown): FormErrors {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return {};
  const errors: FormErrors = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.') || '_';
    errors[path] ??= issueMessage(t, issue);
  }
  return errors;
}

// Messages the server sends in field errors, in the UI language. A message not
// listed here is shown as the server wrote it.
const SERVER_MESSAGES: [RegExp, (t: TFunction, match: RegExpMatchArray) => string][] = [
  [/^At least (\d+) characters$/, (t, m) => t('validation.tooShort', { count: Number(m[1]) })],
  [/^At most (\d+) characters$/, (t, m) => t('validation.tooLong', { count: Number(m[1]) })],
  [/^Not a valid email address$/, (t) => t('validation.email')],
  [/^This email address is already in use$/, (t) => t('serverErrors.emailTaken')],
  [/^An organisation with this name exists$/, (t) => t('serverErrors.organisationNameTaken')],
  [/^Unknown city$/, (t) => t('serverErrors.unknownCity')],
  [/^Unknown organisation$/, (t) => t('serverErrors.unknownOrganisation')],
  [/^This role needs an organisation$/, (t) => t('serverErrors.roleNeedsOrganisation')],
  [
    /^This role needs an organisation of kind (\w+)$/,
    (t, m) => t('serverErrors.roleNeedsKind', { kind: t(`organisationKinds.${m[1] as 'partner'}`, { defaultValue: m[1] }) }),
  ],
  [/^This role belongs to the network, not to an organisation$/, (t) => t('serverErrors.networkRole')],
  [/^Given twice$/, (t) => t('serverErrors.givenTwice')],
  [/^Give the user at least one role$/, (t) => t('serverErrors.rolesRequired')],
  [/^You cannot disable your own account$/, (t) => t('serverErrors.cannotDisableSelf')],
  [/^You cannot remove your own admin role$/, (t) => t('serverErrors.cannotRemoveOwnAdmin')],
  [/^Name the restrictions$/, (t) => t('serverErrors.nameRestrictions')],
  [/^No result without a check$/, (t) => t('serverErrors.noResultWithoutCheck')],
  [/^The exit cannot be before the entry$/, (t) => t('serverErrors.exitBeforeEntry')],
  [/^Valid until must not be before valid from$/, (t) => t('serverErrors.validUntilBeforeFrom')],
  [/^Expiry must not be before the consent was given$/, (t) => t('serverErrors.expiryBeforeGiven')],
  [/^Cannot be in the future$/, (t) => t('serverErrors.inTheFuture')],
  [/^Before the start$/, (t) => t('serverErrors.beforeStart')],
  [/^Not a plausible birth date$/, (t) => t('serverErrors.implausibleBirthDate')],
  [/^Not a valid date \(YYYY-MM-DD\)$/, (t) => t('serverErrors.invalidDate')],
  [/^Five digits$/, (t) => t('serverErrors.fiveDigits')],
  [/^A German postcode of five digits$/, (t) => t('serverErrors.fiveDigits')],
  [/^A country code such as SY, AF or UA$/, (t) => t('serverErrors.countryCode')],
  [/^A language code such as de, ar or fa$/, (t) => t('serverErrors.languageCode')],
  [/^The current password is wrong$/, (t) => t('serverErrors.currentPasswordWrong')],
  [/^Must differ from the current password$/, (t) => t('serverErrors.passwordUnchanged')],
  // Apprenticeship support (Wegbereiter)
  [/^The planned end must be after the start$/, (t) => t('apprenticeships.serverErrors.plannedEndAfterStart')],
  [/^After the start$/, (t) => t('apprenticeships.serverErrors.afterStart')],
  [/^Name the company contact$/, (t) => t('apprenticeships.serverErrors.nameContact')],
  [/^Say why the apprenticeship ended$/, (t) => t('apprenticeships.serverErrors.endReason')],
  [/^After the check-in$/, (t) => t('apprenticeships.serverErrors.afterCheckIn')],
  [/^Name the staff member or mentor \(and no one when the company helps\)$/, (t) => t('apprenticeships.serverErrors.nameHelper')],
  [/^Not a contact of this company$/, (t) => t('apprenticeships.serverErrors.notCompanyContact')],
  [/^Not a mentor of the network$/, (t) => t('apprenticeships.serverErrors.notMentor')],
  [/^Not a staff member of the network$/, (t) => t('apprenticeships.serverErrors.notStaff')],
  [/^Not an apprenticeship at an employer of the network$/, (t) => t('apprenticeships.serverErrors.notApprenticeship')],
  [/^The apprenticeship has ended$/, (t) => t('apprenticeships.serverErrors.ended')],
];

export function serverMessage(t: TFunction, message: string): string {
  for (const [pattern, translate] of SERVER_MESSAGES) {
    const match = message.match(pattern);
    if (match) return translate(t, match);
  }
  return message;
}

/** The server's 400 field errors as form errors, translated where known. */
export function serverErrors(t: TFunction, fields: FieldErrors): FormErrors {
  return Object.fromEntries(Object.entries(fields).map(([path, messages]) => [path, messages.map((m) => serverMessage(t, m)).join(' ')]));
}
