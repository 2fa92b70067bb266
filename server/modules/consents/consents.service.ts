import type { Db } from '../../db/database.ts';
import { Conflict, Invalid, NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireParticipantScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import { recordCaseEvent } from '../timeline/timeline.service.ts';
import { renderConsentPdf, type ConsentPdfLanguage } from './consent-pdf.ts';
import { listConsentRows, toView } from './consents.queries.ts';
import {
  CONSENT_FORM_VERSION,
  type ConsentCategory,
  type ConsentCreateInput,
  type ConsentRecipient,
  type ConsentView,
  type ConsentWithdrawInput,
} from './consents.schemas.ts';

/** Consent is given to organisations that work with the person: partners, employers, mentor groups. */
async function requireRecipient(db: Db, networkId: string, organisationId: string) {
  const org = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind', 'active'])
    .where('network_id', '=', networkId)
    .where('id', '=', organisationId)
    .executeTakeFirst();
  if (!org || !org.active || org.kind === 'case_management_office') {
    throw new Invalid('Not an organisation consent can be given to', {
      recipientOrganisationId: ['Choose an active partner, employer or mentor group'],
    });
  }
  return org;
}

export async function listConsents(db: Db, ctx: ServiceContext, participantId: string): Promise<ConsentView[]> {
  await requireParticipant(db, ctx, participantId, 'read');
  const rows = await listConsentRows(db, ctx.networkId, participantId).execute();
  await db
    .transaction()
    .execute((tx) => recordAudit(tx, ctx, { action: 'participant.read', entityType: 'consent', entityId: participantId }));
  return rows.map(toView);
}

export async function recordConsent(db: Db, ctx: ServiceContext, participantId: string, input: ConsentCreateInput): Promise<ConsentView> {
  await requireRecipient(db, ctx.networkId, input.recipientOrganisationId);
  return db.transaction().execute(async (tx) => {
    const person = await requireParticipant(tx, ctx, participantId, 'update');
    const { id } = await tx
      .insertInto('consents')
      .values({
        network_id: ctx.networkId,
        participant_id: participantId,
        recipient_organisation_id: input.recipientOrganisationId,
        categories: input.categories,
        form_version: input.formVersion,
        language: input.language,
        given_on: input.givenOn,
        method: input.method,
        expires_on: input.expiresOn ?? null,
        recorded_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, {
      action: 'consent.create',
      entityType: 'consent',
      entityId: id,
      details: { participantId, recipient: input.recipientOrganisationId, categories: input.categories },
    });
    await recordCaseEvent(tx, ctx, {
      participantId,
      caseId: person.current_case_id,
      kind: 'consent.given',
      data: { consentId: id, recipient: input.recipientOrganisationId, categories: input.categories },
    });
    return toView(await listConsentRows(tx, ctx.networkId, participantId).where('consents.id', '=', id).executeTakeFirstOrThrow());
  });
}

/** Withdrawal takes effect at once: from this commit on, no rule counts the consent. */
export async function withdrawConsent(db: Db, ctx: ServiceContext, consentId: string, input: ConsentWithdrawInput): Promise<ConsentView> {
  return db.transaction().execute(async (tx) => {
    const consent = await tx
      .selectFrom('consents')
      .selectAll()
      .where('id', '=', consentId)
      .where('network_id', '=', ctx.networkId)
      .forUpdate()
      .executeTakeFirst();
    if (!consent) throw new NotFound('Consent');
    const person = await requireParticipant(tx, ctx, consent.participant_id, 'update');
    if (consent.version !== input.version) throw new Conflict('The consent was changed by someone else');
    if (consent.withdrawn_at) throw new Conflict('The consent was withdrawn already');
    await tx
      .updateTable('consents')
      .set((eb) => ({ withdrawn_at: new Date(), withdrawal_note: input.note ?? null, version: eb('version', '+', 1) }))
      .where('id', '=', consentId)
      .execute();
    await recordAudit(tx, ctx, {
      action: 'consent.withdraw',
      entityType: 'consent',
      entityId: consentId,
      details: { participantId: consent.participant_id },
    });
    await recordCaseEvent(tx, ctx, {
      participantId: consent.participant_id,
      caseId: person.current_case_id,
      kind: 'consent.withdrawn',
      data: { consentId, recipient: consent.recipient_organisation_id },
    });
    return toView(
      await listConsentRows(tx, ctx.networkId, consent.participant_id).where('consents.id', '=', consentId).executeTakeFirstOrThrow(),
    );
  });
}

async function renderFor(
  db: Db,
  ctx: ServiceContext,
  participantId: string,
  form: {
    recipientOrganisationId: string;
    categories: ConsentCategory[];
    language: ConsentPdfLanguage;
    formVersion: string;
    givenOn: string | null;
    expiresOn: string | null;
    consentId?: string;
  },
) {
  const person = await requireParticipant(db, ctx, participantId, 'read');
  const recipient = await requireRecipient(db, ctx.networkId, form.recipientOrganisationId);
  const office = await db
    .selectFrom('organisations')
    .innerJoin('networks', 'networks.id', 'organisations.network_id')
    .select(['organisations.name', 'organisations.address', 'networks.name as network_name'])
    .where('organisations.id', '=', person.office_id)
    .executeTakeFirstOrThrow();
  const pdf = await renderConsentPdf({
    language: form.language,
    networkName: office.network_name,
    officeName: office.name,
    officeAddress: office.address,
    participant: { givenNames: person.given_names, familyName: person.family_name, birthDate: person.birth_date },
    recipientName: recipient.name,
    categories: form.categories,
    formVersion: form.formVersion,
    givenOn: form.givenOn,
    expiresOn: form.expiresOn,
  });
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'consent.print',
      entityType: 'consent',
      entityId: form.consentId ?? participantId,
      details: { participantId, language: form.language },
    }),
  );
  return pdf;
}

/** A blank form for the person to sign, in German, English or Arabic. */
export function blankConsentForm(
  db: Db,
  ctx: ServiceContext,
  participantId: string,
  query: { recipientOrganisationId: string; categories: ConsentCategory[]; language: ConsentPdfLanguage; expiresOn?: string },
) {
  return renderFor(db, ctx, participantId, {
    ...query,
    formVersion: CONSENT_FORM_VERSION,
    givenOn: null,
    expiresOn: query.expiresOn ?? null,
  });
}

/** A recorded consent as a document. */
export async function recordedConsentPdf(db: Db, ctx: ServiceContext, consentId: string, language: ConsentPdfLanguage) {
  const consent = await db
    .selectFrom('consents')
    .selectAll()
    .where('id', '=', consentId)
    .where('network_id', '=', ctx.networkId)
    .executeTakeFirst();
  if (!consent) throw new NotFound('Consent');
  return renderFor(db, ctx, consent.participant_id, {
    recipientOrganisationId: consent.recipient_organisation_id,
    categories: consent.categories as ConsentCategory[],
    language,
    formVersion: consent.form_version,
    givenOn: consent.given_on,
    expiresOn: consent.expires_on,
    consentId,
  });
}

export async function listRecipients(db: Db, ctx: ServiceContext): Promise<ConsentRecipient[]> {
  requireParticipantScope(ctx.actor);
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'name', 'kind'])
    .where('network_id', '=', ctx.networkId)
    .where('active', '=', true)
    .where('kind', 'in', ['partner', 'employer', 'volunteer_group'])
    .orderBy('kind')
    .orderBy('name')
    .execute();
  return rows as ConsentRecipient[];
}
