import { Anchor, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { useVolunteer } from './queries.ts';
import { onboardingText } from './volunteerColumns.tsx';
import { VolunteerForm } from './VolunteerForm.tsx';

const BackLink = () => {
  const { t } = useTranslation();
  return (
    <Anchor component={Link} to="/volunteers" display="inline-block" mt="md">
      {t('volunteers.backToList')}
    </Anchor>
  );
};

export function VolunteerCreatePage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('volunteers.titleNew')} />
      <Paper withBorder p="md">
        <VolunteerForm />
      </Paper>
      <BackLink />
    </>
  );
}

/** A volunteer's profile with where the onboarding stands; the form saves with the version it was loaded with. */
export function VolunteerPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const volunteer = useVolunteer(id);
  const v = volunteer.data;
  return (
    <>
      <PageHeader title={v?.displayName ?? t('volunteers.title')} />
      {volunteer.isPending && <Loading />}
      {volunteer.error && <ErrorAlert error={volunteer.error} />}
      {v && (
        <Paper withBorder p="md">
          <Text mb="md">
            {t('volunteers.fields.onboarding')}: {onboardingText(t, v)} · {t('volunteers.fields.activeMentorships')}: {v.activeMentorships}{' '}
            / {v.maxMentees}
          </Text>
          <VolunteerForm key={v.id} volunteer={v} />
        </Paper>
      )}
      <BackLink />
    </>
  );
}
