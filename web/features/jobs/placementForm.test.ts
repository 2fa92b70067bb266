import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PlacementCreateInput } from '../../../server/modules/placements/placements.schemas.ts';
import type { ProposalView } from '../../../server/modules/proposals/proposals.schemas.ts';
import type { VacancyView } from '../../../server/modules/vacancies/vacancies.schemas.ts';
import { emptyPlacement, OTHER_EMPLOYER, placementInputOf, placementValuesFrom } from './placementForm.ts';

const EMPLOYER = '5d0c6a1e-2b7f-4c3d-8e9a-1f2b3c4d5e6f';
const proposal = {
  id: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  employerId: EMPLOYER,
  vacancyTitle: 'Verkäufer/in Backwaren',
  stage: 'hired',
  stageOn: '2026-12-01',
} as ProposalView;
const vacancy = {
  kind: 'job',
  title: 'Verkäufer/in Backwaren',
  occupation: 'Fachverkäufer/in',
  hoursPerWeek: 30,
  startsOn: '2027-01-04',
} as VacancyView;

test('a hired proposal fills in employer, occupation, hours, kind and the start of its vacancy', () => {
  const values = placementValuesFrom(proposal, vacancy);
  assert.deepEqual(
    { ...values },
    {
      ...emptyPlacement,
      proposalId: proposal.id,
      employer: EMPLOYER,
      kind: 'employment',
      occupation: 'Fachverkäufer/in',
      hoursPerWeek: '30',
      startsOn: '2027-01-04',
    },
  );
  const parsed = PlacementCreateInput.parse(placementInputOf(values));
  assert.equal(parsed.proposalId, proposal.id);
  assert.equal(parsed.firstLabourMarket, true);
  assert.equal(parsed.employerName, null);
});

test('a vacancy whose start has passed starts on the day of the hire; an internship leaves the kind to choose', () => {
  const values = placementValuesFrom(proposal, { ...vacancy, kind: 'internship', occupation: null, startsOn: '2026-10-01' });
  assert.equal(values.startsOn, '2026-12-01');
  assert.equal(values.kind, '');
  assert.equal(values.occupation, 'Verkäufer/in Backwaren');
});

test('an employer outside the network is named; without one the schema asks for the name', () => {
  const named = placementInputOf({
    ...emptyPlacement,
    kind: 'employment',
    employer: OTHER_EMPLOYER,
    employerName: 'Café Mokka',
    startsOn: '2027-01-01',
    occupation: 'Barista',
  });
  assert.deepEqual([named.employerId, named.employerName], [null, 'Café Mokka']);
  const missing = PlacementCreateInput.safeParse(
    placementInputOf({ ...emptyPlacement, kind: 'employment', startsOn: '2027-01-01', occupation: 'Barista' }),
  );
  assert.deepEqual(
    missing.error?.issues.map((i) => i.path.join('.')),
    ['employerName'],
  );
  // Self-employed: no employer needed.
  assert.equal(
    PlacementCreateInput.safeParse(
      placementInputOf({ ...emptyPlacement, kind: 'self_employment', startsOn: '2027-01-01', occupation: 'Schneiderin' }),
    ).success,
    true,
  );
});
