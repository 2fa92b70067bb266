import { Anchor, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AppointmentUpdateInput, AppointmentView } from '../../../server/modules/appointments/appointments.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { formatDateTime } from '../../shared/i18n/format.ts';
import { isoWithOffset, localDateTime } from './cycleFormat.ts';
import { appointmentsKey, weekKey } from './queries.ts';

type Change = Omit<AppointmentUpdateInput, 'version'>;

/** When, where, how long: the fields of an appointment's form (also the new appointment's). */
export function WhenFields({
  idPrefix,
  value,
  onChange,
}: {
  idPrefix: string;
  value: { date: string; time: string; duration: number; location: string };
  onChange: (value: { date: string; time: string; duration: number; location: string }) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
      <TextInput
        id={`${idPrefix}-date`}
        type="date"
        label={t('cycle.appointment.date')}
        required
        value={value.date}
        onChange={(e) => onChange({ ...value, date: e.currentTarget.value })}
      />
      <TextInput
        id={`${idPrefix}-time`}
        type="time"
        label={t('cycle.appointment.time')}
        required
        value={value.time}
        onChange={(e) => onChange({ ...value, time: e.currentTarget.value })}
      />
      <NumberInput
        id={`${idPrefix}-duration`}
        label={t('cycle.appointment.duration')}
        min={5}
        max={600}
        step={15}
        value={value.duration}
        onChange={(v) => onChange({ ...value, duration: typeof v === 'number' ? v : Number(v) || 60 })}
      />
      <TextInput
        id={`${idPrefix}-location`}
        label={t('cycle.appointment.location')}
        value={value.location}
        maxLength={300}
        onChange={(e) => onChange({ ...value, location: e.currentTarget.value })}
      />
    </SimpleGrid>
  );
}

/** One appointment: move it, mark it held, cancel it, keep its minutes; the conference links to its own page. */
export function AppointmentCard({ appointment, editable }: { appointment: AppointmentView; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const a = appointment;
  const lang = i18n.language;
  const [moving, setMoving] = useState(false);
  const [when, setWhen] = useState({ ...localDateTime(a.startsAt), duration: a.durationMinutes, location: a.location ?? '' });
  const [minutes, setMinutes] = useState(a.minutes ?? '');
  const [conflict, setConflict] = useState<AppointmentView | null>(null);
  const headingId = `appointment-${a.id}`;
  const conference = a.kind === 'case_conference';
  const open = !a.closedAt && a.state !== 'cancelled';

  const update = useMutation({
    mutationFn: (change: Change) => api.patch<AppointmentView>(`/api/appointments/${a.id}`, { version: a.version, ...change }),
    onSuccess: async (updated) => {
      setMoving(false);
      setConflict(null);
      setMinutes(updated.minutes ?? '');
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: appointmentsKey(a.referralId) }),
        queryClient.invalidateQueries({ queryKey: weekKey }),
      ]);
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as AppointmentView);
    },
  });

  const title = `${t(`cycle.appointmentKinds.${a.kind}`)}: ${formatDateTime(a.startsAt, lang)}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId}>
        {conference ? (
          <Anchor component={Link} to={`/conferences/${a.id}`}>
            {title}
          </Anchor>
        ) : (
          title
        )}
      </Title>
      <Text size="sm">
        {t('cycle.appointment.summary', {
          state: t(`cycle.appointmentStates.${a.state}`),
          duration: a.durationMinutes,
          location: a.location || t('cycle.appointment.noLocation'),
        })}
      </Text>
      {update.error && !conflict && <ErrorAlert error={update.error} />}
      {conflict && (
        <ConflictNotice
          rows={differingFields([
            {
              label: t('cycle.appointment.when'),
              mine: formatDateTime(a.startsAt, lang),
              current: formatDateTime(conflict.startsAt, lang),
            },
            { label: t('cycle.appointment.location'), mine: a.location ?? '', current: conflict.location ?? '' },
            {
              label: t('cycle.status'),
              mine: t(`cycle.appointmentStates.${a.state}`),
              current: t(`cycle.appointmentStates.${conflict.state}`),
            },
            { label: t('cycle.appointment.minutes'), mine: minutes, current: conflict.minutes ?? '' },
          ])}
          onLoadCurrent={() => {
            queryClient.setQueryData<AppointmentView[]>(appointmentsKey(a.referralId), (list) =>
              list?.map((x) => (x.id === conflict.id ? conflict : x)),
            );
            setWhen({ ...localDateTime(conflict.startsAt), duration: conflict.durationMinutes, location: conflict.location ?? '' });
            setMinutes(conflict.minutes ?? '');
            setConflict(null);
          }}
        />
      )}
      {editable && open && (
        <Group gap="xs" mt="sm">
          <Button size="xs" variant="default" onClick={() => setMoving((m) => !m)} aria-expanded={moving}>
            {t('cycle.appointment.move')}
          </Button>
          {a.state === 'planned' && !conference && (
            <Button size="xs" variant="default" onClick={() => update.mutate({ state: 'held' })} loading={update.isPending}>
              {t('cycle.appointment.markHeld')}
            </Button>
          )}
          {a.state === 'planned' && (
            <Button size="xs" variant="default" color="red.8" onClick={() => update.mutate({ state: 'cancelled' })}>
              {t('cycle.appointment.cancel')}
            </Button>
          )}
        </Group>
      )}
      {editable && open && moving && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (!when.date || !when.time) return;
            update.mutate({
              startsAt: isoWithOffset(when.date, when.time),
              durationMinutes: when.duration,
              location: when.location.trim() || null,
            });
          }}
          noValidate
        >
          <Stack gap="sm" mt="sm">
            <WhenFields idPrefix={`move-${a.id}`} value={when} onChange={setWhen} />
            <Group>
              <Button type="submit" loading={update.isPending}>
                {t('cycle.appointment.saveMove')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
      {!conference &&
        (editable && open ? (
          <form
            onSubmit={(event) => {
              event.preventDefault();
              update.mutate({ minutes: minutes.trim() || null });
            }}
            noValidate
          >
            <Textarea
              mt="sm"
              label={t('cycle.appointment.minutes')}
              value={minutes}
              onChange={(e) => setMinutes(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group mt="xs">
              <Button type="submit" size="xs" variant="light" loading={update.isPending}>
                {t('cycle.appointment.saveMinutes')}
              </Button>
            </Group>
          </form>
        ) : (
          a.minutes && (
            <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
              <strong>{t('cycle.appointment.minutes')}:</strong> {a.minutes}
            </Text>
          )
        ))}
      {conference && (
        <Anchor component={Link} to={`/conferences/${a.id}`} size="sm" display="inline-block" mt="xs">
          {a.closedAt ? t('cycle.appointment.openConferenceClosed') : t('cycle.appointment.openConference')}
        </Anchor>
      )}
    </Paper>
  );
}
