import { today } from '../../dates.ts';
import type { Db, Tx } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay, type Action } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { givenFields } from '../employers/employers.service.ts';
import * as q from './volunteers.queries.ts';
import type {
  VolunteerCreateInput,
  VolunteerListQuery,
  VolunteerSettingsInput,
  VolunteerSettingsView,
  VolunteerUpdateInput,
  VolunteerView,
} from './volunteers.schemas.ts';

const changedBySomeoneElse = 'The volunteer was changed by someone else';

/** The volunteer of the actor's network, or 404; roles that keep no volunteers get 403 first. */
export async function requireVolunteer(db: Db | Tx, ctx: ServiceContext, id: string, action: Action) {
  requireMay(ctx.actor, action, { type: 'volunteer' });
  const row = await q.findVolunteer(db, ctx.networkId, id);
  if (!row) throw new NotFound('Volunteer');
  return row;
}

async function view(db: Db | Tx, ctx: ServiceContext, id: string): Promise<VolunteerView> {
  const rule = await q.findSettings(db, ctx.networkId);
  return q.toVolunteerView((await q.findVolunteer(db, ctx.networkId, id))!, rule, today());
}

/** The group must be one of the network's volunteer groups, and a login a mentor of that group. */
async function checkLinks(tx: Tx, networkId: string, organisationId: string, userId: string | null | undefined): Promise<void> {
  if (!(await q.isVolunteerGroup(tx, networkId, organisationId))) {
    throw new Invalid('Unknown volunteer group', { organisationId: ['Choose a volunteer group of the network'] });
  }
  if (userId && !(await q.isMentorOfGroup(tx, networkId, userId, organisationId))) {
    throw new Invalid('The login is not a mentor of this group', { userId: ['Choose a user with the mentor role in this group'] });
  }
}

export async function listVolunteers(db: Db, ctx: ServiceContext, query: VolunteerListQuery) {
  requireMay(ctx.actor, 'list', { type: 'volunteer' });
  const rule = await q.findSettings(db, ctx.networkId);
  const on = today();
  const { rows, total } = await q.listVolunteers(db, ctx.networkId, query, rule, on);
  const items = rows.map((r) => q.toVolunteerView(r, rule, on));
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'volunteer.list', entityType: 'volunteer', details: { ids: items.map((i) => i.id) } }));
  return { items, total, page: query.page, pageSize: query.pageSize };
}

export async function getVolunteer(db: Db, ctx: ServiceContext, id: string): Promise<VolunteerView> {
  await requireVolunteer(db, ctx, id, 'read');
  await db.transaction().execute((tx) => recordAudit(tx, ctx, { action: 'volunteer.read', entityType: 'volunteer', entityId: id }));
  return view(db, ctx, id);
}

export async function createVolunteer(db: Db, ctx: ServiceContext, input: VolunteerCreateInput): Promise<VolunteerView> {
  requireMay(ctx.actor, 'create', { type: 'volunteer' });
  return db.transaction().execute(async (tx) => {
    await checkLinks(tx, ctx.networkId, input.organisationId, input.userId);
    if (input.userId && (await tx.selectFrom('volunteers').select('id').where('user_id', '=', input.userId).executeTakeFirst())) {
      throw new Invalid('This login has a profile already', { userId: ['This login has a profile already'] });
    }
    const { id } = await tx
      .insertInto('volunteers')
      .values({
        network_id: ctx.networkId,
        organisation_id: input.organisationId,
        user_id: input.userId ?? null,
        display_name: input.displayName,
        email: input.email ?? null,
        phone: input.phone ?? null,
        languages: input.languages,
        skills: input.skills,
        profession: input.profession ?? null,
        availability: input.availability,
        postcode: input.postcode ?? null,
        max_mentees: input.maxMentees,
        agreement_signed_on: input.agreementSignedOn ?? null,
        pledge_signed_on: input.pledgeSignedOn ?? null,
        certificate_issued_on: input.certificateIssuedOn ?? null,
        status: input.status,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'volunteer.create',
      entityType: 'volunteer',
      entityId: id,
      details: { organisationId: input.organisationId, login: !!input.userId },
    });
    return view(tx, ctx, id);
  });
}

export async function updateVolunteer(db: Db, ctx: ServiceContext, id: string, input: VolunteerUpdateInput): Promise<VolunteerView> {
  const { version, ...changes } = input;
  return db.transaction().execute(async (tx) => {
    const before = await requireVolunteer(tx, ctx, id, 'update');
    if (before.version !== version) throw new Conflict(changedBySomeoneElse, await view(tx, ctx, id));
    const organisationId = changes.organisationId ?? before.organisation_id;
    const userId = changes.userId === undefined ? before.user_id : changes.userId;
    if (changes.organisationId !== undefined || changes.userId !== undefined) await checkLinks(tx, ctx.networkId, organisationId, userId);
    if (userId && userId !== before.user_id) {
      const taken = await tx.selectFrom('volunteers').select('id').where('user_id', '=', userId).executeTakeFirst();
      if (taken) throw new Invalid('This login has a profile already', { userId: ['This login has a profile already'] });
    }
    const updated = await tx
      .updateTable('volunteers')
      .set((eb) => ({
        organisation_id: changes.organisationId,
        user_id: changes.userId,
        display_name: changes.displayName,
        email: changes.email,
        phone: changes.phone,
        languages: changes.languages,
        skills: changes.skills,
        profession: changes.profession,
        availability: changes.availability,
        postcode: changes.postcode,
        max_mentees: changes.maxMentees,
        agreement_signed_on: changes.agreementSignedOn,
        pledge_signed_on: changes.pledgeSignedOn,
        certificate_issued_on: changes.certificateIssuedOn,
        status: changes.status,
        updated_at: new Date(),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', id)
      .where('network_id', '=', ctx.networkId)
      .where('version', '=', version)
      .executeTakeFirst();
    if (updated.numUpdatedRows === 0n) throw new Conflict(changedBySomeoneElse, await view(tx, ctx, id));
    await recordAudit(tx, ctx, {
      action: 'volunteer.update',
      entityType: 'volunteer',
      entityId: id,
      details: { fields: givenFields(changes) },
    });
    return view(tx, ctx, id);
  });
}

/** The groups and their mentors' logins, for the profile form: the staff who keep profiles only. */
export function listGroups(db: Db, ctx: ServiceContext) {
  requireMay(ctx.actor, 'list', { type: 'volunteer' });
  return q.listGroups(db, ctx.networkId);
}

export async function getSettings(db: Db, ctx: ServiceContext): Promise<VolunteerSettingsView> {
  requireMay(ctx.actor, 'read', { type: 'volunteerSettings' });
  return q.findSettings(db, ctx.networkId);
}

export async function updateSettings(db: Db, ctx: ServiceContext, input: VolunteerSettingsInput): Promise<VolunteerSettingsView> {
  requireMay(ctx.actor, 'update', { type: 'volunteerSettings' });
  return db.transaction().execute(async (tx) => {
    const current = await q.findSettings(tx, ctx.networkId);
    if (current.version !== input.version) throw new Conflict('The onboarding rule was changed by someone else', current);
    // The first save creates the row (the defaults were version 1); later ones move the version on.
    await tx
      .insertInto('volunteer_settings')
      .values({
        network_id: ctx.networkId,
        certificate_required: input.certificateRequired,
        certificate_max_age_months: input.certificateMaxAgeMonths,
        version: input.version + 1,
      })
      .onConflict((oc) =>
        oc.column('network_id').doUpdateSet({
          certificate_required: input.certificateRequired,
          certificate_max_age_months: input.certificateMaxAgeMonths,
          updated_at: new Date(),
          version: input.version + 1,
        }),
      )
      .execute();
    await recordAudit(tx, ctx, {
      action: 'volunteer_settings.update',
      entityType: 'network',
      entityId: ctx.networkId,
      details: { fields: ['certificateRequired', 'certificateMaxAgeMonths'] },
    });
    return q.findSettings(tx, ctx.networkId);
  });
}
