import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { MentorshipView } from '../../../server/modules/mentorships/mentorships.schemas.ts';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import type { Column } from '../../shared/lists/DataTable.tsx';
import type { CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';

// The columns of the mentorships list and its CSV export.

const stateOf = (t: TFunction, m: MentorshipView) =>
  m.endsOn ? `${t('mentorships.ended')} (${t(`mentorships.endReasons.${m.endReason ?? 'other'}`)})` : t('mentorships.running');

export function mentorshipColumns(t: TFunction, language: string): Column<MentorshipView>[] {
  return [
    {
      key: 'participant',
      header: t('mentorships.fields.participant'),
      sortField: 'participant',
      render: (m) => (
        <Anchor component={Link} to={`/mentorships/${m.id}`}>
          {m.participantName}
        </Anchor>
      ),
    },
    { key: 'volunteer', header: t('mentorships.fields.volunteer'), sortField: 'volunteer', render: (m) => m.volunteerName },
    { key: 'kind', header: t('mentorships.fields.kind'), render: (m) => t(`mentorships.kinds.${m.kind}`) },
    { key: 'startsOn', header: t('mentorships.fields.startsOn'), sortField: 'startsOn', render: (m) => formatDate(m.startsOn, language) },
    { key: 'state', header: t('mentorships.status'), render: (m) => stateOf(t, m) },
    { key: 'hours', header: t('mentorships.fields.hours'), render: (m) => formatNumber(m.hours, language) },
  ];
}

export function mentorshipCsvColumns(t: TFunction): CsvColumn<MentorshipView>[] {
  return [
    { header: t('mentorships.fields.participant'), value: (m) => m.participantName },
    { header: t('mentorships.fields.volunteer'), value: (m) => m.volunteerName },
    { header: t('mentorships.fields.kind'), value: (m) => t(`mentorships.kinds.${m.kind}`) },
    { header: t('mentorships.fields.employer'), value: (m) => m.employerName },
    { header: t('mentorships.fields.startsOn'), value: (m) => m.startsOn },
    { header: t('mentorships.fields.endsOn'), value: (m) => m.endsOn },
    { header: t('mentorships.fields.endReason'), value: (m) => (m.endReason ? t(`mentorships.endReasons.${m.endReason}`) : '') },
    { header: t('mentorships.fields.hours'), value: (m) => m.hours },
  ];
}
