import { Forbidden } from '../../errors.ts';
import type { Capability, Role } from './roles.schemas.ts';

// The access policy of DESIGN.md ("Who uses it"), in one place. Services ask
// `may(actor, action, resource)`; list queries ask the scope helpers below.
// Rules that need facts from the database (a referral, a consent) get them on the
// resource, loaded by the service, so that the policy itself stays pure and testable.

export interface Membership {
  role: Role;
  organisationId: string | null;
}

export interface Actor {
  userId: string;
  networkId: string;
  memberships: Membership[];
}

export type Action = 'list' | 'read' | 'create' | 'update' | 'delete';

export type Resource =
  | { type: 'organisation' }
  | { type: 'user' }
  | { type: 'city' }
  | { type: 'auditLog' }
  | { type: 'report' }
  /** A participant's case file; officeId is the responsible case management office. */
  | { type: 'participant'; officeId: string }
  /** The employability check: special-category data (GDPR Art. 9), never shared. */
  | { type: 'employabilityCheck'; officeId: string }
  /** A merge of two participant records; undoing it is an admin's correction. */
  | { type: 'participantMerge'; officeIds: string[] }
  | { type: 'catalogue' };

type Rule<R> = (actor: Actor, action: Action, resource: R) => boolean;
type Rules = { [T in Resource['type']]: Rule<Extract<Resource, { type: T }>> };

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.memberships.some((m) => m.role === role);
}

function isCaseManagerOf(actor: Actor, officeId: string): boolean {
  return actor.memberships.some((m) => m.role === 'case_manager' && m.organisationId === officeId);
}

const rules: Rules = {
  // Administration: network admins only. Everyone may read the names of the
  // network's organisations (they appear on forms), but only through the admin list.
  organisation: (actor) => hasRole(actor, 'network_admin'),
  user: (actor) => hasRole(actor, 'network_admin'),
  city: (actor, action) => hasRole(actor, 'network_admin') || (action === 'list' && actor.memberships.length > 0),
  // The audit log is for the data protection officer; no one may change it.
  auditLog: (actor, action) => (action === 'list' || action === 'read') && hasRole(actor, 'data_protection_officer'),
  report: (actor, action) => action === 'read' && (hasRole(actor, 'analyst') || hasRole(actor, 'network_admin')),
  // Case content: the case managers of the responsible office.
  participant: (actor, _action, resource) => isCaseManagerOf(actor, resource.officeId),
  // Health-related restrictions stay with the case managers of the office: no partner,
  // employer or mentor rule may ever be added here.
  employabilityCheck: (actor, _action, resource) => isCaseManagerOf(actor, resource.officeId),
  participantMerge: (actor, action, resource) =>
    action === 'delete' ? hasRole(actor, 'network_admin') : resource.officeIds.every((officeId) => isCaseManagerOf(actor, officeId)),
  // Catalogues (skills, funding periods): everyone with a role reads them, admins extend them.
  catalogue: (actor, action) => (action === 'list' || action === 'read' ? actor.memberships.length > 0 : hasRole(actor, 'network_admin')),
};

export function may(actor: Actor, action: Action, resource: Resource): boolean {
  const rule = rules[resource.type] as Rule<Resource>;
  return rule(actor, action, resource);
}

/** Throws Forbidden unless the actor may do the action. */
export function requireMay(actor: Actor, action: Action, resource: Resource): void {
  if (!may(actor, action, resource)) throw new Forbidden();
}

// ---- Scopes for list queries -------------------------------------------------

/** The offices whose participants the actor may list (empty: none). */
export function participantOfficeScope(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === 'case_manager' && m.organisationId !== null).map((m) => m.organisationId as string);
}

/** The offices whose participants the actor works with, or 403 for someone who has none. */
export function requireParticipantScope(actor: Actor): string[] {
  const officeIds = participantOfficeScope(actor);
  if (officeIds.length === 0) throw new Forbidden();
  return officeIds;
}

// ---- What the web app may show ------------------------------------------------

/** Areas of the app the actor may use; the navigation shows exactly these. */
export function capabilities(actor: Actor): Capability[] {
  const result: Capability[] = [];
  if (participantOfficeScope(actor).length > 0) result.push('participants');
  if (may(actor, 'list', { type: 'organisation' })) result.push('administration');
  if (may(actor, 'list', { type: 'auditLog' })) result.push('auditLog');
  if (may(actor, 'read', { type: 'report' })) result.push('reports');
  return result;
}
