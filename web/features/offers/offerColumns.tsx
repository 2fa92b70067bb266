import { Anchor } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import type { OfferView } from '../../../server/modules/offers/offers.schemas.ts';
import { formatDate, formatNumber } from '../../shared/i18n/format.ts';
import type { Column } from '../../shared/lists/DataTable.tsx';
import type { CsvColumn } from '../../shared/lists/ExportCsvButton.tsx';
import { offerKindLabel, targetGroupLabel } from './labels.ts';

// The catalogue's columns on screen and in the CSV export.

const targetGroups = (t: TFunction, o: OfferView) =>
  o.targetGroups.map((g) => targetGroupLabel(t, g)).join(', ') || t('offers.forEveryone');

export function offerColumns(t: TFunction, language: string): Column<OfferView>[] {
  return [
    {
      key: 'title',
      header: t('offers.field.title'),
      sortField: 'title',
      render: (o) => (
        <Anchor component={Link} to={`/offers/${o.id}`}>
          {o.title}
        </Anchor>
      ),
    },
    { key: 'kind', header: t('offers.field.kind'), render: (o) => offerKindLabel(t, o.kind) },
    { key: 'provider', header: t('offers.field.provider'), sortField: 'provider', render: (o) => o.providerName },
    { key: 'targetGroups', header: t('offers.field.targetGroups'), render: (o) => targetGroups(t, o) },
    {
      key: 'startsOn',
      header: t('offers.field.dates'),
      sortField: 'startsOn',
      render: (o) => `${formatDate(o.startsOn, language)} – ${formatDate(o.endsOn, language)}`,
    },
    {
      key: 'places',
      header: t('offers.field.freePlaces'),
      render: (o) =>
        t('offers.placesValue', {
          free: formatNumber(o.freePlaces, language),
          capacity: formatNumber(o.capacity, language),
          waiting: formatNumber(o.waiting, language),
        }),
    },
    { key: 'childcare', header: t('offers.field.childcare'), render: (o) => (o.childcare ? t('common.yes') : t('common.no')) },
  ];
}

export function offerCsvColumns(t: TFunction): CsvColumn<OfferView>[] {
  return [
    { header: t('offers.field.title'), value: (o) => o.title },
    { header: t('offers.field.kind'), value: (o) => offerKindLabel(t, o.kind) },
    { header: t('offers.field.provider'), value: (o) => o.providerName },
    { header: t('offers.field.targetGroups'), value: (o) => targetGroups(t, o) },
    { header: t('offers.field.startsOn'), value: (o) => o.startsOn },
    { header: t('offers.field.endsOn'), value: (o) => o.endsOn },
    { header: t('offers.field.schedule'), value: (o) => o.schedule },
    { header: t('offers.field.place'), value: (o) => o.place },
    { header: t('offers.field.language'), value: (o) => o.language },
    { header: t('offers.field.capacity'), value: (o) => o.capacity },
    { header: t('offers.field.taken'), value: (o) => o.taken },
    { header: t('offers.field.waiting'), value: (o) => o.waiting },
    { header: t('offers.field.childcare'), value: (o) => (o.childcare ? t('common.yes') : t('common.no')) },
  ];
}
