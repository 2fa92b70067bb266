import type { Db } from '../../db/database.ts';
import type { ServiceContext } from '../../http/context.ts';
import { participantOfficeScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import type { ConsentCategory } from '../consents/consents.schemas.ts';
import { requireReferral } from './referrals.access.ts';
import * as q from './referrals.queries.ts';
import { renderTransmissionFormPdf } from './transmission-form-pdf.ts';

// Printing a referral's transmission form: what the office sees of it, or what the partner may.

/** The transmission form as a PDF (German), for the office and the partner; audited as a print. */
export async function printTransmissionForm(db: Db, ctx: ServiceContext, id: string): Promise<Uint8Array> {
  const loaded = await requireReferral(db, ctx, id, 'read');
  const { row } = loaded;
  const isOffice = participantOfficeScope(ctx.actor).includes(row.office_id);
  const tasks = await q.loadTasks(db, id);
  const context = await db
    .selectFrom('networks')
    .innerJoin('organisations', (join) => join.on('organisations.id', '=', row.office_id))
    .innerJoin('participants', (join) => join.on('participants.id', '=', row.participant_id))
    .select(['networks.name as network_name', 'organisations.address as office_address', 'participants.birth_date'])
    .where('networks.id', '=', ctx.networkId)
    .executeTakeFirstOrThrow();
  const consent = row.consent_id
    ? await db.selectFrom('consents').select(['given_on', 'expires_on', 'form_version']).where('id', '=', row.consent_id).executeTakeFirst()
    : undefined;
  const pdf = await renderTransmissionFormPdf({
    networkName: context.network_name,
    officeName: row.office_name,
    officeAddress: context.office_address,
    partnerName: row.partner_name,
    // The birth date identifies the person on paper; it is part of "personal" data, so only when shared.
    participant: {
      givenNames: row.given_names,
      familyName: row.family_name,
      birthDate: (isOffice ? (row.categories as ConsentCategory[]) : loaded.shared).includes('personal') ? context.birth_date : null,
    },
    contact: { name: row.contact_name, phone: row.contact_phone, email: row.contact_email },
    startsOn: row.starts_on,
    endsOn: row.ends_on,
    categories: row.categories,
    consent: consent ? { givenOn: consent.given_on, expiresOn: consent.expires_on, formVersion: consent.form_version } : null,
    overrideReason: isOffice ? row.override_reason : null,
    message: row.message,
    tasks: tasks.map((t) => ({ typeLabel: t.stepTypeLabels.de, text: t.text, dueOn: t.dueOn })),
    state: row.state,
    sentOn: row.sent_at ? new Date(row.sent_at).toISOString().slice(0, 10) : null,
    answer: row.answered_at
      ? {
          accepted: row.caseworker_id !== null,
          on: new Date(row.answered_at).toISOString().slice(0, 10),
          caseworkerName: row.caseworker_name,
          declineReason: row.decline_reason,
        }
      : null,
  });
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'referral.print',
      entityType: 'referral',
      entityId: id,
      details: { participantId: row.participant_id },
    }),
  );
  return pdf;
}
