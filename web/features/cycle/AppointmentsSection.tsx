import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../server/modules/appointments/appointments.schemas.ts';
import { api } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { AppointmentCard, WhenFields } from './AppointmentCard.tsx';
import { isoWithOffset } from './cycleFormat.ts';
import { appointmentsKey, useAppointments, weekKey } from './queries.ts';

const EMPTY = { date: '', time: '10:00', duration: 60, location: '' };

/** The referral's exchange appointments and its case conference, in time order, and a new one. */
export function AppointmentsSection({ referralId, editable }: { referralId: string; editable: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const appointments = useAppointments(referralId);
  const [adding, setAdding] = useState(false);
  const [when, setWhen] = useState(EMPTY);
  const [missing, setMissing] = useState(false);
  const create = useMutation({
    mutationFn: () =>
      api.post<AppointmentView>(`/api/referrals/${referralId}/appointments`, {
        startsAt: isoWithOffset(when.date, when.time),
        durationMinutes: when.duration,
        location: when.location.trim() || null,
      }),
    onSuccess: async () => {
      setAdding(false);
      setWhen(EMPTY);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: appointmentsKey(referralId) }),
        queryClient.invalidateQueries({ queryKey: weekKey }),
      ]);
    },
  });

  return (
    <section aria-labelledby="referral-appointments">
      <Title order={2} size="h3" id="referral-appointments" mb="xs">
        {t('cycle.appointment.heading')}
      </Title>
      <Stack gap="sm">
        {appointments.isPending && <Loading />}
        {appointments.error && <ErrorAlert error={appointments.error} />}
        {appointments.data?.length === 0 && <Text size="sm">{t('cycle.appointment.none')}</Text>}
        {appointments.data?.map((a) => (
          <AppointmentCard key={`${a.id}-${a.version}`} appointment={a} editable={editable} />
        ))}
        {editable && !adding && (
          <Group>
            <Button variant="light" onClick={() => setAdding(true)}>
              {t('cycle.appointment.add')}
            </Button>
          </Group>
        )}
        {editable && adding && (
          <Paper withBorder p="md">
            <form
              onSubmit={(event) => {
                event.preventDefault();
                setMissing(!when.date || !when.time);
                if (when.date && when.time) create.mutate();
              }}
              noValidate
              aria-labelledby="new-appointment"
            >
              <Title order={3} size="h5" id="new-appointment" mb="xs">
                {t('cycle.appointment.newHeading')}
              </Title>
              {create.error && <ErrorAlert error={create.error} />}
              {missing && (
                <Text c="red.9" size="sm" role="alert">
                  {t('cycle.appointment.dateRequired')}
                </Text>
              )}
              <WhenFields idPrefix="new-appointment" value={when} onChange={setWhen} />
              <Group mt="sm">
                <Button type="submit" loading={create.isPending}>
                  {t('cycle.appointment.create')}
                </Button>
                <Button variant="default" onClick={() => setAdding(false)}>
                  {t('common.cancel')}
                </Button>
              </Group>
            </form>
          </Paper>
        )}
      </Stack>
    </section>
  );
}
