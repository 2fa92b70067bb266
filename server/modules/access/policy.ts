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
  /** An offer of the catalogue, run by a partner organisation (the provider). */
  | { type: 'offer'; providerId: string }
  /** A participant's enrolment in an offer: the office enrols, the provider runs it. */
  | { type: 'enrolment'; officeId: string; providerId: string }
  /** Volunteer profiles (onboarding, languages, capacity) and the network's onboarding rule. */
  | { type: 'volunteer' }
  | { type: 'volunteerSettings' }
  /** A mentorship, as the participant's office sees it: start, goals, meetings log, end. */
  | { type: 'mentorship'; officeId: string }
  /**
   * What a mentor sees of a mentee: the mentorship's volunteer is this user, in this group,
   * and the mentorship runs (not ended). Never the case file.
   */
  | { type: 'mentee'; volunteerGroupId: string; mentorUserId: string | null; live: boolean }
  /** Hours per mentor and period: about the volunteers, not the participants. */
  | { type: 'mentorHours' }
  /**
   * An apprenticeship support agreement (Wegbereiter). `consented` is true while a consent of
   * the apprentice to the training company covers plan and progress today; `companyView` is
   * the company's reduced view (no notes, no residence or money signals, no risk).
   */
  | { type: 'apprenticeship'; officeId: string; employerId: string; consented: boolean; companyView: boolean }
  /** The company's request for help with an apprenticeship. */
  | { type: 'apprenticeshipHelpRequest'; officeId: string; employerId: string; consented: boolean }
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

/** Who keeps the network's volunteer profiles: its admins and case managers. */
function isVolunteerStaff(actor: Actor): boolean {
  return hasRole(actor, 'network_admin') || hasRole(actor, 'case_manager');
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
  // Offers: the staff who work with participants and the mentors who advise them read the
  // catalogue (no personal data in it); the provider's caseworkers and network admins keep it.
  offer: (actor, action, r) =>
    action === 'list' || action === 'read'
      ? isJobsStaff(actor) || hasRole(actor, 'network_admin') || hasRole(actor, 'mentor')
      : action !== 'answer' && (hasRole(actor, 'network_admin') || isCaseworkerOf(actor, r.providerId)),
  // Enrolments: the office enrols and cancels; the provider's caseworkers record attendance,
  // completion and dropping out; both read it. No one else, admins included (case content).
  enrolment: (actor, action, r) => {
    if (action === 'read' || action === 'list') return isCaseManagerOf(actor, r.officeId) || isCaseworkerOf(actor, r.providerId);
    if (action === 'create' || action === 'delete') return isCaseManagerOf(actor, r.officeId);
    return action === 'update' && isCaseworkerOf(actor, r.providerId);
  },
  // Volunteers: the network's admins and case managers keep the profiles; only admins set
  // the onboarding rule. Mentorships belong to the participant's office; the mentor sees
  // their running mentorships' mentees and records meetings, nothing else of the person.
  volunteer: (actor, action) => action !== 'delete' && action !== 'answer' && isVolunteerStaff(actor),
  volunteerSettings: (actor, action) =>
    action === 'read' ? isVolunteerStaff(actor) : action === 'update' && hasRole(actor, 'network_admin'),
  mentorship: (actor, action, r) => action !== 'delete' && action !== 'answer' && isCaseManagerOf(actor, r.officeId),
  mentee: (actor, action, r) =>
    (action === 'read' || action === 'create' || action === 'update') &&
    r.live &&
    r.mentorUserId === actor.userId &&
    mentorGroupScope(actor).includes(r.volunteerGroupId),
  mentorHours: (actor, action) => action === 'read' && isVolunteerStaff(actor),
  // Apprenticeship support: the office's case managers keep the agreement and its check-ins;
  // the training company reads its apprentices' agreements while the consent holds, and asks
  // for help. Partners, mentors, analysts and the DPO have no rule here (decision 0017).
  apprenticeship: (actor, action, r) =>
    (action !== 'delete' && action !== 'answer' && isCaseManagerOf(actor, r.officeId)) ||
    (action === 'read' && r.companyView && r.consented && isEmployerContactOf(actor, r.employerId)),
  apprenticeshipHelpRequest: (actor, action, r) =>
    ((action === 'list' || action === 'read' || action === 'update') && isCaseManagerOf(actor, r.officeId)) ||
    (action === 'create' && r.consented && isEmployerContactOf(actor, r.employerId)),
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

/** The volunteer groups in which the actor is a mentor (empty: none). */
export function mentorGroupScope(actor: Actor): string[] {
  return actor.memberships.filter((m) => m.role === 'mentor' && m.organisationId !== null).map((m) => m.organisationId as string);
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
  if (may(actor, 'list', { type: 'offer', providerId: '' })) result.push('offers');
  if (may(actor, 'list', { type: 'volunteer' })) result.push('mentorships');
  if (mentorGroupScope(actor).length > 0) result.push('mentorPortal');
  return result;
}
