import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { VolunteerView } from '../../../server/modules/volunteers/volunteers.schemas.ts';
import type { Column } from '../../shared/lists/DataTable.tsx';
import type { CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';

// The columns of the volunteers list and its CSV export.

export const onboardingText = (t: TFunction, v: VolunteerView) =>
  v.onboardingGaps.length === 0 ? t('volunteers.onboarded') : v.onboardingGaps.map((g) => t(`volunteers.gaps.${g}`)).join(', ');

export function volunteerColumns(t: TFunction): Column<VolunteerView>[] {
  return [
    {
      key: 'name',
      header: t('volunteers.fields.displayName'),
      sortField: 'name',
      render: (v) => (
        <Anchor component={Link} to={`/volunteers/${v.id}`}>
          {v.displayName}
        </Anchor>
      ),
    },
    { key: 'group', header: t('volunteers.fields.organisation'), render: (v) => v.organisationName },
    { key: 'languages', header: t('volunteers.fields.languages'), render: (v) => v.languages.join(', ') || '—' },
    { key: 'profession', header: t('volunteers.fields.profession'), render: (v) => v.profession ?? '—' },
    { key: 'postcode', header: t('volunteers.fields.postcode'), sortField: 'postcode', render: (v) => v.postcode ?? '—' },
    { key: 'capacity', header: t('volunteers.fields.activeMentorships'), render: (v) => `${v.activeMentorships} / ${v.maxMentees}` },
    { key: 'onboarding', header: t('volunteers.fields.onboarding'), render: (v) => onboardingText(t, v) },
    { key: 'status', header: t('volunteers.fields.status'), render: (v) => t(`volunteers.statuses.${v.status}`) },
  ];
}

export function volunteerCsvColumns(t: TFunction): CsvColumn<VolunteerView>[] {
  return [
    { header: t('volunteers.fields.displayName'), value: (v) => v.displayName },
    { header: t('volunteers.fields.organisation'), value: (v) => v.organisationName },
    { header: t('volunteers.fields.email'), value: (v) => v.email },
    { header: t('volunteers.fields.phone'), value: (v) => v.phone },
    { header: t('volunteers.fields.languages'), value: (v) => v.languages.join(', ') },
    { header: t('volunteers.fields.skills'), value: (v) => v.skills.join(', ') },
    { header: t('volunteers.fields.profession'), value: (v) => v.profession },
    { header: t('volunteers.fields.availability'), value: (v) => v.availability },
    { header: t('volunteers.fields.postcode'), value: (v) => v.postcode },
    { header: t('volunteers.fields.maxMentees'), value: (v) => v.maxMentees },
    { header: t('volunteers.fields.activeMentorships'), value: (v) => v.activeMentorships },
    { header: t('volunteers.fields.agreementSignedOn'), value: (v) => v.agreementSignedOn },
    { header: t('volunteers.fields.pledgeSignedOn'), value: (v) => v.pledgeSignedOn },
    { header: t('volunteers.fields.certificateIssuedOn'), value: (v) => v.certificateIssuedOn },
    { header: t('volunteers.fields.onboarding'), value: (v) => onboardingText(t, v) },
    { header: t('volunteers.fields.status'), value: (v) => t(`volunteers.statuses.${v.status}`) },
    { header: t('volunteers.fields.updatedAt'), value: (v) => v.updatedAt },
  ];
}
