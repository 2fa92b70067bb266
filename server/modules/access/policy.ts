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

/** `answer` is a partner's accepting or declining a referral. */
export type Action = 'list' | 'read' | 'create' | 'update' | 'delete' | 'answer';

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
  | { type: 'catalogue' }
  /**
   * A referral to a partner. `live` is true while the partner may work on it: accepted,
   * the cycle not ended, and the consent it rests on still valid.
   */
  | {
      type: 'referral';
      officeId: string;
      partnerOrganisationId: string;
      state: string;
      caseworkerId: string | null;
      /** The cycle has not ended and the consent (or the override) holds: the form may reach the partner. */
      transmittable: boolean;
      live: boolean;
    }
  /** What a partner sees of a referred participant: the consented categories only. */
  | { type: 'referredParticipant'; partnerOrganisationId: string; caseworkerId: string | null; live: boolean }
  /** An employer's profile; the staff's notes and contact log are `employerContactLog`. */
  | { type: 'employer'; employerId: string }
  | { type: 'employerContactLog' }
  | { type: 'vacancy'; employerId: string }
  /** Ranking candidates reads the employability check, so it is the office's alone. */
  | { type: 'match'; officeId: string }
  /**
   * A proposal of a candidate to an employer. `referral` is the live referral through which
   * a partner's caseworker works with the participant, if there is one.
   */
  | {
      type: 'proposal';
      officeId: string;
      employerId: string;
      referral: { partnerOrganisationId: string; caseworkerId: string | null; live: boolean } | null;
    }
  | { type: 'placement'; officeId: string }
  /** The network's reporting settings (the savings estimate's amounts): aggregates, no person. */
  | { type: 'reportSettings' };

type Rule<R> = (actor: Actor, action: Action, resource: R) => boolean;
type Rules = { [T in Resource['type']]: Rule<Extract<Resource, { type: T }>> };

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.memberships.some((m) => m.role === role);
}

function isCaseManagerOf(actor: Actor, officeId: string): boolean {
  return actor.memberships.some((m) => m.role === 'case_manager' && m.organisationId === officeId);
}

function isCaseworkerOf(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some((m) => m.role === 'partner_caseworker' && m.organisationId === organisationId);
}

function isEmployerContactOf(actor: Actor, employerId: string): boolean {
  return actor.memberships.some((m) => m.role === 'employer_contact' && m.organisationId === employerId);
}

/** The network's staff who work with employers: case managers and partners' caseworkers. */
export function isJobsStaff(actor: Actor): boolean {
  return hasRole(actor, 'case_manager') || hasRole(actor, 'partner_caseworker');
}

/** The caseworker the partner named, while the referral is live. */
function isLiveCaseworker(actor: Actor, r: { partnerOrganisationId: string; caseworkerId: string | null; live: boolean }): boolean {
  return r.live && r.caseworkerId === actor.userId && isCaseworkerOf(actor, r.partnerOrganisationId);
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
  // Merging needs the case managers of both offices; listing and undoing merges is the admin's correction.
  participantMerge: (actor, action, resource) =>
    action === 'delete' || action === 'list'
      ? hasRole(actor, 'network_admin')
      : resource.officeIds.length > 0 && resource.officeIds.every((officeId) => isCaseManagerOf(actor, officeId)),
  // Referrals: the office prepares, sends and revokes them; the partner's caseworkers
  // see a sent referral in their inbox and answer it; from then on only the named
  // caseworker works on it, and only while it is live.
  referral: (actor, action, r) => {
    if (isCaseManagerOf(actor, r.officeId)) return action !== 'answer';
    if (!isCaseworkerOf(actor, r.partnerOrganisationId)) return false;
    if (r.state === 'sent') return r.transmittable && (action === 'read' || action === 'answer');
    return (action === 'read' || action === 'update') && isLiveCaseworker(actor, r);
  },
  referredParticipant: (actor, action, r) => action === 'read' && isLiveCaseworker(actor, r),
  // Employers: the staff keep their profiles; an employer's own contacts read theirs.
  employer: (actor, action, r) =>
    (action !== 'delete' && isJobsStaff(actor)) || (action === 'read' && isEmployerContactOf(actor, r.employerId)),
  employerContactLog: (actor, action) => action !== 'delete' && isJobsStaff(actor),
  // Vacancies: the staff for any employer, an employer's contacts for their own company.
  vacancy: (actor, action, r) => action !== 'delete' && (isJobsStaff(actor) || isEmployerContactOf(actor, r.employerId)),
  match: (actor, action, r) => action === 'read' && isCaseManagerOf(actor, r.officeId),
  // Proposals: the office, or the caseworker of a live referral, propose and follow them;
  // the employer sees the ones made to them and moves them through their stages.
  proposal: (actor, action, r) => {
    if (action === 'delete' || action === 'answer') return false;
    if (isCaseManagerOf(actor, r.officeId)) return true;
    if (r.referral && isLiveCaseworker(actor, r.referral)) return true;
    return action !== 'create' && isEmployerContactOf(actor, r.employerId);
  },
  // The placement ends the case: the office records it and its follow-ups.
  placement: (actor, action, r) => action !== 'delete' && isCaseManagerOf(actor, r.officeId),
  // Catalogues (skills, funding periods): everyone with a role reads them, admins extend them.
  catalogue: (actor, action) => (action === 'list' || action === 'read' ? actor.memberships.length > 0 : hasRole(actor, 'network_admin')),
  // Reporting settings: whoever reads the reports reads them; the network admin sets them.
  reportSettings: (actor, action) =>
    action === 'read' ? may(actor, 'read', { type: 'report' }) : action === 'update' && hasRole(actor, 'network_admin'),
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

/** The partner organisations whose referrals the actor works on (empty: none). */
export function referralPartnerScope(actor: Actor): string[] {
  return actor.memberships
    .filter((m) => m.role === 'partner_caseworker' && m.organisationId !== null)
    .map((m) => m.organisationId as string);
}

/** The employers whose contact the actor is (empty: none). */
export function employerScope(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === 'employer_contact' && m.organisationId !== null).map((m) => m.organisationId as string);
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
  if (participantOfficeScope(actor).length > 0 || referralPartnerScope(actor).length > 0) result.push('cycle');
  if (isJobsStaff(actor)) result.push('jobs');
  if (employerScope(actor).length > 0) result.push('employerPortal');
  if (may(actor, 'list', { type: 'organisation' })) result.push('administration');
  if (may(actor, 'list', { type: 'auditLog' })) result.push('auditLog');
  if (may(actor, 'read', { type: 'report' })) result.push('reports');
  return result;
}
