import type { Db, Tx } from '../../db/database.ts';
import { NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { employerScope, may, requireMay, type Action, type Resource } from '../access/policy.ts';
import { consentedCategories } from '../consents/consents.queries.ts';
import type { ConsentCategory } from '../consents/consents.schemas.ts';
import { agreementRows, type AgreementRow } from './apprenticeships.queries.ts';

// Who may see an agreement is the policy's; the facts it needs are loaded here, on every
// request, so that a withdrawn consent closes the company's view at once.

/** The consent category the training company's view rests on (decision 0017). */
export const COMPANY_CATEGORY: ConsentCategory = 'plan_progress';

/** Whether the apprentice's consent to the company covers plan and progress today. */
export async function companyConsented(db: Db | Tx, row: { participant_id: string; employer_id: string }) {
  return (await consentedCategories(db, row.participant_id, row.employer_id)).has(COMPANY_CATEGORY);
}

export async function resourceOf(
  db: Db | Tx,
  ctx: ServiceContext,
  row: { office_id: string; employer_id: string; participant_id: string },
  companyView = false,
): Promise<Extract<Resource, { type: 'apprenticeship' }>> {
  // Only the company's contacts need the consent read; staff rules do not ask it.
  const consented = employerScope(ctx.actor).includes(row.employer_id) ? await companyConsented(db, row) : false;
  return { type: 'apprenticeship', officeId: row.office_id, employerId: row.employer_id, consented, companyView };
}

/**
 * The agreement if the actor may see it (404 otherwise) and may do the action (403), in the
 * staff's full view or, with `companyView`, the company's reduced one.
 */
export async function requireAgreement(
  db: Db | Tx,
  ctx: ServiceContext,
  id: string,
  action: Action,
  { lock = false, companyView = false }: { lock?: boolean; companyView?: boolean } = {},
) {
  let query = agreementRows(db, ctx.networkId).where('a.id', '=', id);
  if (lock) query = query.forUpdate('a');
  const row: AgreementRow | undefined = await query.executeTakeFirst();
  if (!row) throw new NotFound('Apprenticeship');
  const resource = await resourceOf(db, ctx, row, companyView);
  if (!may(ctx.actor, 'read', resource)) throw new NotFound('Apprenticeship');
  requireMay(ctx.actor, action, resource);
  return { row, resource };
}
