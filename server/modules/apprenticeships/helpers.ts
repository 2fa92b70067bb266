import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireParticipantScope } from '../access/policy.ts';
import type { HelperOptions } from './apprenticeships.schemas.ts';

// The people a case manager may name on an agreement, names only (as /api/case-managers
// gives them): staff and mentors as helpers, the company's contacts as its contact.

export async function helperOptions(db: Db, ctx: ServiceContext, employerId?: string): Promise<HelperOptions> {
  requireParticipantScope(ctx.actor);
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.display_name', 'memberships.role', 'memberships.organisation_id'])
    .where('memberships.network_id', '=', ctx.networkId)
    .where('memberships.role', 'in', ['case_manager', 'partner_caseworker', 'mentor', 'employer_contact'])
    .where('users.status', '=', 'active')
    .orderBy('users.display_name')
    .execute();
  const people = (keep: (r: (typeof rows)[number]) => boolean) => {
    const seen = new Map<string, string>();
    for (const r of rows) if (keep(r)) seen.set(r.id, r.display_name);
    return [...seen].map(([id, displayName]) => ({ id, displayName }));
  };
  return {
    staff: people((r) => r.role === 'case_manager' || r.role === 'partner_caseworker'),
    mentors: people((r) => r.role === 'mentor'),
    companyContacts: employerId ? people((r) => r.role === 'employer_contact' && r.organisation_id === employerId) : [],
  };
}
