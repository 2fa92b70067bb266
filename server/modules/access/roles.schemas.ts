// The roles of DESIGN.md and the organisation kinds they belong to: plain data, shared
// by the access policy and the web app's forms.

export const ROLES = [
  'network_admin',
  'case_manager',
  'partner_caseworker',
  'mentor',
  'employer_contact',
  'analyst',
  'data_protection_officer',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that belong to the network as a whole rather than to one organisation. */
export const NETWORK_ROLES: readonly Role[] = ['network_admin', 'analyst', 'data_protection_officer'];

/** Which kind of organisation a role's membership must be in. */
export const ROLE_ORGANISATION_KIND: Partial<Record<Role, 'case_management_office' | 'partner' | 'employer' | 'volunteer_group'>> = {
  case_manager: 'case_management_office',
  partner_caseworker: 'partner',
  employer_contact: 'employer',
  mentor: 'volunteer_group',
};

/**
 * cycle: referrals, appointments and the week's work list (case managers and partner caseworkers).
 * jobs: employers, vacancies and the proposals board (the same staff); employerPortal: an
 * employer contact's own vacancies and the candidates proposed to them.
 * offers: the catalogue of trainings and courses (staff, network admins, mentors).
 * mentorships: volunteer profiles and mentorships (admins and case managers); mentorPortal:
 * a mentor's own mentees and their meetings.
 */
export const CAPABILITIES = [
  'participants',
  'cycle',
  'jobs',
  'employerPortal',
  'administration',
  'auditLog',
  'reports',
  'offers',
  'mentorships',
  'mentorPortal',
] as const;
export type Capability = (typeof CAPABILITIES)[number];
