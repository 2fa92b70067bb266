import { Anchor, Tabs, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { CaseTab } from './CaseTab.tsx';
import { ConsentTab } from './ConsentTab.tsx';
import { EmployabilityTab } from './EmployabilityTab.tsx';
import { IntakeTab } from './IntakeTab.tsx';
import { participantQueryKey } from './queries.ts';
import { PersonTab } from './PersonTab.tsx';
import { ResidenceTab } from './ResidenceTab.tsx';
import { TimelineTab } from './TimelineTab.tsx';

const TABS = ['person', 'case', 'intake', 'residence', 'consent', 'employability', 'timeline'] as const;

/** A tab another feature adds to the case file (the app composes them: features do not import each other); shown before the timeline. */
export interface ParticipantExtraTab {
  name: string;
  label: (t: TFunction) => string;
  panel: (participant: ParticipantView) => ReactNode;
}

/** One participant's case file, in tabs; the open tab is kept in the URL. Only the open tab loads (every read is logged). */
export function ParticipantPage({ extraTabs = [] }: { extraTabs?: ParticipantExtraTab[] }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const tabNames: string[] = [...TABS, ...extraTabs.map((extra) => extra.name)];
  const tab = tabNames.find((name) => name === search.get('tab')) ?? 'person';
  const participant = useQuery({ queryKey: participantQueryKey(id), queryFn: () => api.get<ParticipantView>(`/api/participants/${id}`) });
  const p = participant.data;

  return (
    <>
      <PageHeader title={p ? `${p.givenNames} ${p.familyName}` : t('participants.detailTitle')} />
      {participant.isPending && <Loading />}
      {participant.error && <ErrorAlert error={participant.error} />}
      {p && (
        <Tabs value={tab} onChange={(value) => setSearch(value ? { tab: value } : {}, { replace: true })} keepMounted={false}>
          <Tabs.List mb="md">
            {TABS.filter((name) => name !== 'timeline').map((name) => (
              <Tabs.Tab key={name} value={name}>
                {t(`participantTabs.${name}`)}
              </Tabs.Tab>
            ))}
            {extraTabs.map((extra) => (
              <Tabs.Tab key={extra.name} value={extra.name}>
                {extra.label(t)}
              </Tabs.Tab>
            ))}
            <Tabs.Tab value="timeline">{t('participantTabs.timeline')}</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="person">
            <PersonTab participant={p} />
          </Tabs.Panel>
          <Tabs.Panel value="case">
            <CaseTab participant={p} />
          </Tabs.Panel>
          <Tabs.Panel value="intake">
            <IntakeTab participantId={p.id} />
          </Tabs.Panel>
          <Tabs.Panel value="residence">
            <ResidenceTab participantId={p.id} />
          </Tabs.Panel>
          <Tabs.Panel value="consent">
            <ConsentTab participantId={p.id} />
          </Tabs.Panel>
          <Tabs.Panel value="employability">
            <EmployabilityTab participantId={p.id} />
          </Tabs.Panel>
          {extraTabs.map((extra) => (
            <Tabs.Panel key={extra.name} value={extra.name}>
              {extra.panel(p)}
            </Tabs.Panel>
          ))}
          <Tabs.Panel value="timeline">
            <TimelineTab participantId={p.id} />
          </Tabs.Panel>
        </Tabs>
      )}
      <Text size="sm" mt="md">
        {t('participants.readIsLogged')}
      </Text>
      <Anchor component={Link} to="/participants" display="inline-block" mt="md">
        {t('participants.backToList')}
      </Anchor>
    </>
  );
}
