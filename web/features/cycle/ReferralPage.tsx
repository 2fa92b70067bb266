import { Alert, Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { Fragment, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { ReferralView } from '../../../server/modules/referrals/referrals.schemas.ts';
import { useCurrentUser } from '../../shared/api/session.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../shared/i18n/format.ts';
import { AcceptForm, ReasonForm } from './AnswerForms.tsx';
import { AppointmentsSection } from './AppointmentsSection.tsx';
import { FactList, type Fact } from '../../shared/components/FactList.tsx';
import { isPartnerSide } from './cycleFormat.ts';
import { NotesSection } from './NotesSection.tsx';
import { useReferral } from './queries.ts';
import { SharedParticipant } from './SharedParticipant.tsx';
import { TaskCard } from './TaskCard.tsx';

function Header({ referral: r, office }: { referral: ReferralView; office: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const rows: Fact[] = [
    [
      t('cycle.participant'),
      office ? (
        <Anchor component={Link} to={`/participants/${r.participantId}?tab=plan`}>
          {r.participantName}
        </Anchor>
      ) : (
        r.participantName
      ),
    ],
    [t('cycle.partner'), r.partnerName],
    [t('cycle.office'), r.officeName],
    [t('cycle.referral.period'), `${formatDate(r.startsOn, lang)} – ${formatDate(r.endsOn, lang)}`],
    [t('cycle.status'), t(`cycle.states.${r.state}`)],
    [t('cycle.referral.caseworker'), r.caseworkerName ?? t('cycle.referral.noCaseworker')],
    [t('cycle.referral.contact'), [r.contactName, r.contactPhone, r.contactEmail].filter(Boolean).join(' · ')],
    [t('cycle.referral.categories'), r.categories.map((c) => t(`consent.categories.${c}`)).join(', ')],
  ];
  if (r.sentAt) rows.push([t('cycle.referral.sentAt'), formatDateTime(r.sentAt, lang)]);
  if (r.message) rows.push([t('cycle.referral.message'), r.message]);
  if (r.declineReason) rows.push([t('cycle.referral.declineReason'), r.declineReason]);
  if (r.revokeReason) rows.push([t('cycle.referral.revokeReason'), r.revokeReason]);
  if (office && r.overrideReason) rows.push([t('cycle.referral.overrideReason'), r.overrideReason]);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="referral-form">
      <Title order={2} size="h4" id="referral-form" mb="sm">
        {t('cycle.referral.facts')}
      </Title>
      <FactList facts={rows} />
      <Anchor href={`/api/referrals/${r.id}/pdf`} target="_blank" rel="noopener" fw={600} display="inline-block" mt="sm">
        {t('cycle.referral.pdf')}
      </Anchor>
    </Paper>
  );
}

/**
 * A section that another feature adds for the partner's caseworker while the referral is live
 * (the jobs feature's proposals to employers). The app hands them in, since features do not
 * import each other (see app/referralSections.tsx).
 */
export interface ReferralExtraSection {
  name: string;
  panel: (referral: ReferralView) => ReactNode;
}

/** One referral as both sides see it: the form's facts, the tasks, notes, appointments, and for the partner the person. */
export function ReferralPage({ liveSections = [] }: { liveSections?: ReferralExtraSection[] }) {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const referral = useReferral(id);
  const [revoking, setRevoking] = useState(false);
  const [declining, setDeclining] = useState(false);
  const r = referral.data;
  const partner = r ? isPartnerSide(me, r.partnerOrganisationId) : false;
  const office = !!r && !partner;
  const liveCaseworker = !!r && partner && r.state === 'accepted' && r.caseworkerId === me.user.id;
  const working = !!r && r.state === 'accepted' && (office || liveCaseworker);

  return (
    <>
      <PageHeader title={r ? t('cycle.referral.title', { name: r.participantName }) : t('cycle.referral.titlePlain')} />
      {referral.isPending && <Loading />}
      {referral.error && <ErrorAlert error={referral.error} />}
      {r && (
        <Stack gap="xl">
          <Header referral={r} office={office} />

          {partner && r.state === 'sent' && (
            <Paper withBorder p="md" component="section" aria-labelledby="referral-answer">
              <Title order={2} size="h3" id="referral-answer" mb="xs">
                {t('cycle.answer.heading')}
              </Title>
              {declining ? (
                <ReasonForm
                  action="decline"
                  referralId={r.id}
                  version={r.version}
                  onCancel={() => setDeclining(false)}
                  onDone={() => void navigate('/referrals')}
                />
              ) : (
                <>
                  <AcceptForm referralId={r.id} version={r.version} onDone={() => undefined} />
                  <Button variant="subtle" mt="sm" onClick={() => setDeclining(true)}>
                    {t('cycle.answer.declineInstead')}
                  </Button>
                </>
              )}
            </Paper>
          )}

          {office && r.state === 'draft' && (
            <Alert color="blue" variant="light">
              {t('cycle.referral.draftHint')}{' '}
              <Anchor component={Link} to={`/participants/${r.participantId}?tab=plan`} c="blue.9" underline="always">
                {t('cycle.referral.toPlan')}
              </Anchor>
            </Alert>
          )}

          {liveCaseworker && <SharedParticipant referralId={r.id} />}

          <section aria-labelledby="referral-tasks">
            <Title order={2} size="h3" id="referral-tasks" mb="xs">
              {t('cycle.task.heading')}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {r.tasks.map((task) => (
                <TaskCard key={task.id} referralId={r.id} task={task} editable={working} />
              ))}
            </SimpleGrid>
          </section>

          {['accepted', 'completed', 'revoked'].includes(r.state) && <AppointmentsSection referralId={r.id} editable={working} />}

          <NotesSection referral={r} canAdd={working || (office && r.state === 'sent')} />

          {liveCaseworker && liveSections.map((section) => <Fragment key={section.name}>{section.panel(r)}</Fragment>)}

          {office && (r.state === 'sent' || r.state === 'accepted') && (
            <Paper withBorder p="md" component="section" aria-labelledby="referral-revoke">
              <Title order={2} size="h4" id="referral-revoke" mb="xs">
                {t('cycle.answer.revokeHeading')}
              </Title>
              <Text size="sm" mb="sm">
                {t('cycle.answer.revokeHelp')}
              </Text>
              {revoking ? (
                <ReasonForm
                  action="revoke"
                  referralId={r.id}
                  version={r.version}
                  onCancel={() => setRevoking(false)}
                  onDone={() => setRevoking(false)}
                />
              ) : (
                <Group>
                  <Button variant="default" onClick={() => setRevoking(true)}>
                    {t('cycle.answer.revoke')}
                  </Button>
                </Group>
              )}
            </Paper>
          )}
        </Stack>
      )}
      <Anchor component={Link} to="/referrals" display="inline-block" mt="md">
        {t('cycle.referral.backToList')}
      </Anchor>
    </>
  );
}
