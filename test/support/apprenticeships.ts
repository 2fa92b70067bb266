import assert from 'node:assert/strict';
import { addDays, addMonths } from '../../server/dates.ts';
import type { ApiClient, TestApp } from './app.ts';
import { giveConsent, today } from './cycle.ts';
import { demoIds } from './factories.ts';
import { createParticipant } from './participants.ts';

// Apprenticeship support through the API, as a case manager sets it up: a participant placed
// into an apprenticeship at the bakery, the support agreement, check-ins with signals.

export interface Agreement {
  id: string;
  version: number;
  status: string;
  nextCheckInOn: string | null;
  risk: { level: string; reasons: { code: string; signal: string | null; date: string | null }[] };
  needs: { area: string; helperKind: string; helperName: string | null }[];
  checkIns: { signals: string[]; notes?: string | null }[];
}

export async function apprenticeshipSetup(t: TestApp, cm: ApiClient) {
  const ids = await demoIds(t.database.db);
  /** A person of the Wuppertal office placed at the bakery (apprenticeship unless said), with consent categories to the bakery. */
  async function placed(opts: { kind?: string; categories?: string[]; validUntil?: string } = {}) {
    const person = await createParticipant(t, cm);
    if (opts.categories) await giveConsent(cm, person.id, ids.org('Bäckerei'), opts.categories);
    if (opts.validUntil) {
      const doc = await cm.post(`/api/participants/${person.id}/residence-statuses`, {
        title: 'ausbildungsduldung',
        validFrom: '2025-01-01',
        validUntil: opts.validUntil,
        workClause: 'permitted',
      });
      assert.equal(doc.statusCode, 201, doc.body);
    }
    const res = await cm.post(`/api/participants/${person.id}/placements`, {
      kind: opts.kind ?? 'apprenticeship',
      firstLabourMarket: true,
      employerId: ids.org('Bäckerei'),
      startsOn: today(),
      occupation: 'Bäcker/in',
    });
    assert.equal(res.statusCode, 201, res.body);
    return { person, placementId: res.json<{ id: string }>().id };
  }

  const agreementBody = (placementId: string, extra: Record<string, unknown> = {}) => ({
    placementId,
    companyContactUserId: ids.user('arbeitgeber@lotse.example'),
    vocationalSchool: 'Berufskolleg Elberfeld',
    occupation: 'Bäcker/in',
    startsOn: today(),
    plannedEndOn: addMonths(today(), 36),
    needs: [
      { area: 'vocational_school', helperKind: 'mentor', helperUserId: ids.user('pate@lotse.example') },
      { area: 'authorities', helperKind: 'staff', helperUserId: ids.user('fallmanager@lotse.example') },
      { area: 'german_for_work', helperKind: 'company' },
    ],
    ...extra,
  });

  async function agreed(opts: Parameters<typeof placed>[0] = {}) {
    const p = await placed(opts);
    const res = await cm.post('/api/apprenticeships', agreementBody(p.placementId));
    assert.equal(res.statusCode, 201, res.body);
    return { ...p, agreement: res.json<Agreement>() };
  }

  const checkIn = async (id: string, signals: string[], heldOn = today()) => {
    const res = await cm.post(`/api/apprenticeships/${id}/check-ins`, {
      heldOn,
      heldWith: 'both',
      notes: 'Mietschulden, Gespräch mit dem Jobcenter',
      signals,
      nextCheckInOn: addDays(today(), 21),
    });
    assert.equal(res.statusCode, 201, res.body);
    return res.json<Agreement>();
  };

  return { ids, placed, agreementBody, agreed, checkIn };
}
