import { Button, Group, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  VOLUNTEER_STATUSES,
  VolunteerCreateInput,
  VolunteerUpdateInput,
  type VolunteerView,
} from '../../../server/modules/volunteers/volunteers.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ConflictNotice, differingFields } from '../../shared/components/ConflictNotice.tsx';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { useVolunteerGroups, volunteersKey } from './queries.ts';
import { emptyVolunteer, inputOf, valuesOf, type VolunteerValues } from './volunteerForm.ts';

/** A volunteer's profile: new (no `volunteer`) or edited with its version; a stale save shows what changed. */
export function VolunteerForm({ volunteer }: { volunteer?: VolunteerView }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const groups = useVolunteerGroups();
  const [version, setVersion] = useState(volunteer?.version ?? 0);
  const [conflict, setConflict] = useState<VolunteerView | null>(null);
  const [saved, setSaved] = useState(false);
  const body = (v: VolunteerValues) => (volunteer ? { ...inputOf(v), version } : inputOf(v));
  const form = useValidatedForm<VolunteerValues>(volunteer ? valuesOf(volunteer) : emptyVolunteer, (values) =>
    schemaErrors(t, volunteer ? VolunteerUpdateInput : VolunteerCreateInput, body(values)),
  );
  const save = useMutation({
    mutationFn: (v: VolunteerValues) =>
      volunteer
        ? api.patch<VolunteerView>(`/api/volunteers/${volunteer.id}`, body(v))
        : api.post<VolunteerView>('/api/volunteers', body(v)),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: volunteersKey });
      if (!volunteer) return navigate(`/volunteers/${result.id}`);
      setVersion(result.version);
      setSaved(true);
    },
    onError: (error) => {
      setSaved(false);
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
      if (error instanceof ApiError && error.status === 409 && error.current) setConflict(error.current as VolunteerView);
    },
  });
  const values = form.getValues();
  const group = groups.data?.find((g) => g.id === values.organisationId);
  const field = (name: keyof VolunteerValues) => ({
    label: t(`volunteers.fields.${name === 'organisationId' ? 'organisation' : name === 'userId' ? 'login' : name}`),
    ...form.getInputProps(name),
  });

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate aria-label={volunteer?.displayName ?? t('volunteers.titleNew')}>
      {conflict && (
        <ConflictNotice
          rows={differingFields(
            (['displayName', 'languages', 'availability', 'maxMentees', 'status'] as const).map((name) => ({
              label: t(`volunteers.fields.${name}`),
              mine: values[name],
              current: valuesOf(conflict)[name],
            })),
          )}
          onLoadCurrent={() => {
            setVersion(conflict.version);
            form.setValues(valuesOf(conflict));
            setConflict(null);
          }}
        />
      )}
      {save.error && !conflict && !(save.error instanceof ApiError && save.error.status === 400) && <ErrorAlert error={save.error} />}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          {...field('organisationId')}
          required
          data={[{ value: '', label: t('common.choose') }, ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name }))]}
        />
        <NativeSelect
          {...field('userId')}
          description={t('volunteers.loginHint')}
          data={[
            { value: '', label: t('volunteers.noLogin') },
            ...(group?.mentors ?? [])
              .filter((m) => !m.hasProfile || m.userId === volunteer?.userId)
              .map((m) => ({ value: m.userId, label: m.displayName })),
          ]}
        />
        <TextInput {...field('displayName')} required />
        <TextInput {...field('profession')} />
        <TextInput {...field('email')} type="email" />
        <TextInput {...field('phone')} type="tel" />
        <TextInput {...field('languages')} description={t('volunteers.listHint')} />
        <TextInput {...field('skills')} description={t('volunteers.listHint')} />
        <TextInput {...field('postcode')} inputMode="numeric" maxLength={5} />
        <TextInput {...field('maxMentees')} type="number" min={1} max={10} required />
        <TextInput {...field('agreementSignedOn')} type="date" />
        <TextInput {...field('pledgeSignedOn')} type="date" />
        <TextInput {...field('certificateIssuedOn')} type="date" />
        <NativeSelect {...field('status')} data={VOLUNTEER_STATUSES.map((s) => ({ value: s, label: t(`volunteers.statuses.${s}`) }))} />
      </SimpleGrid>
      <Textarea {...field('availability')} autosize minRows={2} mt="sm" />
      <Group mt="md">
        <Button type="submit" loading={save.isPending} disabled={conflict !== null}>
          {volunteer ? t('common.save') : t('common.create')}
        </Button>
      </Group>
      {saved && (
        <p role="status" aria-live="polite">
          {t('common.saved')}
        </p>
      )}
    </form>
  );
}
