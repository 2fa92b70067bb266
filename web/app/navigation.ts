import type { MeView } from '../../server/modules/auth/auth.schemas.ts';

type Capability = MeView['capabilities'][number];

// The navigation shows the start page, exactly the areas the server lists in the
// user's capabilities, and the profile. An item that needs two capabilities (the caseload's
// matching vacancies: jobs, and participants of one's own to match) shows with both.

export interface NavItem {
  to: string;
  label:
    | 'nav.home'
    | 'nav.participants'
    | 'nav.deadlines'
    | 'nav.duplicates'
    | 'nav.imports'
    | 'nav.organisations'
    | 'nav.users'
    | 'nav.cities'
    | 'nav.merges'
    | 'nav.audit'
    | 'nav.reports'
    | 'nav.profile'
    | 'cycle.nav.week'
    | 'cycle.nav.referrals'
    | 'cycle.nav.rules'
    | 'jobs.nav.employers'
    | 'jobs.nav.vacancies'
    | 'jobs.nav.proposals'
    | 'jobs.nav.matches'
    | 'employerPortal.nav.vacancies'
    | 'employerPortal.nav.candidates'
    | 'offers.nav.catalogue'
    | 'mentorships.nav.volunteers'
    | 'mentorships.nav.mentorships'
    | 'mentorPortal.nav.mentees'
    | 'apprenticeships.nav.list'
    | 'apprenticeships.nav.company';
  capability?: Capability;
  /** A second capability the item needs besides `capability`. */
  also?: Capability;
}

const ITEMS: NavItem[] = [
  { to: '/', label: 'nav.home' },
  { to: '/week', label: 'cycle.nav.week', capability: 'cycle' },
  { to: '/participants', label: 'nav.participants', capability: 'participants' },
  { to: '/deadlines', label: 'nav.deadlines', capability: 'participants' },
  { to: '/duplicates', label: 'nav.duplicates', capability: 'participants' },
  { to: '/imports', label: 'nav.imports', capability: 'participants' },
  { to: '/referrals', label: 'cycle.nav.referrals', capability: 'cycle' },
  { to: '/employers', label: 'jobs.nav.employers', capability: 'jobs' },
  { to: '/vacancies', label: 'jobs.nav.vacancies', capability: 'jobs' },
  { to: '/matches', label: 'jobs.nav.matches', capability: 'jobs', also: 'participants' },
  { to: '/proposals', label: 'jobs.nav.proposals', capability: 'jobs' },
  { to: '/my-vacancies', label: 'employerPortal.nav.vacancies', capability: 'employerPortal' },
  { to: '/candidates', label: 'employerPortal.nav.candidates', capability: 'employerPortal' },
  { to: '/offers', label: 'offers.nav.catalogue', capability: 'offers' },
  { to: '/organisations', label: 'nav.organisations', capability: 'administration' },
  { to: '/users', label: 'nav.users', capability: 'administration' },
  { to: '/cities', label: 'nav.cities', capability: 'administration' },
  { to: '/merges', label: 'nav.merges', capability: 'administration' },
  { to: '/cycle-rules', label: 'cycle.nav.rules', capability: 'administration' },
  { to: '/audit', label: 'nav.audit', capability: 'auditLog' },
  { to: '/reports', label: 'nav.reports', capability: 'reports' },
  { to: '/volunteers', label: 'mentorships.nav.volunteers', capability: 'mentorships' },
  { to: '/mentorships', label: 'mentorships.nav.mentorships', capability: 'mentorships', also: 'participants' },
  { to: '/mentees', label: 'mentorPortal.nav.mentees', capability: 'mentorPortal' },
  { to: '/apprenticeships', label: 'apprenticeships.nav.list', capability: 'participants' },
  { to: '/my-apprentices', label: 'apprenticeships.nav.company', capability: 'employerPortal' },
  { to: '/profile', label: 'nav.profile' },
];

export function navigationFor(capabilities: readonly Capability[]): NavItem[] {
  const has = (capability: Capability | undefined) => !capability || capabilities.includes(capability);
  return ITEMS.filter((item) => has(item.capability) && has(item.also));
}

/** Whether a nav item is the current area: the start page only on "/", the others with their sub-pages. */
export function isCurrent(item: NavItem, pathname: string): boolean {
  return item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
}
