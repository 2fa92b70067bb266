import type { TFunction } from 'i18next';

// Known audit actions in words; a new action shows as its code until it is translated.
const KNOWN_ACTIONS = [
  'auth.login',
  'auth.login_failed',
  'auth.logout',
  'user.create',
  'user.update',
  'user.password_change',
  'organisation.create',
  'organisation.update',
  'city.create',
  'participant.list',
  'participant.read',
  'audit.list',
  'network.create',
  'demo.load',
] as const;

export const ACTION_SUGGESTIONS: readonly string[] = KNOWN_ACTIONS;
export const ENTITY_TYPE_SUGGESTIONS = ['user', 'organisation', 'city', 'participant', 'audit_log', 'network'] as const;

export function actionLabel(t: TFunction, action: string): string {
  return (KNOWN_ACTIONS as readonly string[]).includes(action)
    ? t(`audit.actions.${action.replace('.', '_')}` as 'audit.actions.auth_login')
    : action;
}

function valueSummary(t: TFunction, value: unknown): string {
  if (Array.isArray(value)) return value.length > 3 ? t('audit.entries', { count: value.length }) : value.map(String).join(', ');
  if (value && typeof value === 'object') {
    return Object.entries(value)
      .map(([key, inner]) => `${key}=${valueSummary(t, inner)}`)
      .join(', ');
  }
  return String(value);
}

/** The event's details as one line: short values as they are, long lists by their length. */
export function detailsSummary(t: TFunction, details: Record<string, unknown>): string {
  return Object.entries(details)
    .map(([key, value]) => `${key}: ${valueSummary(t, value)}`)
    .join(' · ');
}
