import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  EMPLOYER_CONTACT_KINDS,
  EmployerContactInput,
  type EmployerContactView,
} from '../../../server/modules/employers/employers.schemas.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { formatDate } from '../../shared/i18n/format.ts';
import { contactKindLabel } from '../../shared/jobs/labels.ts';
import { contactLogKey, useContactLog } from './queries.ts';

interface ContactValues {
  kind: string;
  contactedOn: string;
  note: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const inputOf = (v: ContactValues) => ({ kind: v.kind || undefined, contactedOn: v.contactedOn, note: v.note });

/** The log of the staff's contacts with the employer (calls, visits, events), newest first, and a new entry. */
export function ContactLog({ employerId }: { employerId: string }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const log = useContactLog(employerId);
  const form = useValidatedForm<ContactValues>({ kind: '', contactedOn: today(), note: '' }, (values) =>
    schemaErrors(t, EmployerContactInput, inputOf(values)),
  );
  const add = useMutation({
    mutationFn: (values: ContactValues) => api.post<EmployerContactView>(`/api/employers/${employerId}/contacts`, inputOf(values)),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: contactLogKey(employerId) });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });
  const entries = [...(log.data ?? [])].sort(
    (a, b) => b.contactedOn.localeCompare(a.contactedOn) || b.createdAt.localeCompare(a.createdAt),
  );

  return (
    <Stack gap="md">
      <form onSubmit={form.onSubmit((v) => add.mutate(v))} noValidate aria-label={t('jobs.contactLog.add')}>
        {add.error && !(add.error instanceof ApiError && add.error.status === 400) && <ErrorAlert error={add.error} />}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('jobs.contactLog.kind')}
            required
            data={[
              { value: '', label: t('common.choose') },
              ...EMPLOYER_CONTACT_KINDS.map((k) => ({ value: k, label: contactKindLabel(t, k) })),
            ]}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('jobs.contactLog.contactedOn')} type="date" required max={today()} {...form.getInputProps('contactedOn')} />
        </SimpleGrid>
        <Textarea label={t('jobs.contactLog.note')} autosize minRows={2} mt="sm" {...form.getInputProps('note')} />
        <Group mt="sm">
          <Button type="submit" loading={add.isPending}>
            {t('jobs.contactLog.add')}
          </Button>
        </Group>
      </form>
      {log.isPending && <Loading />}
      {log.error && <ErrorAlert error={log.error} />}
      {log.data?.length === 0 && <Text size="sm">{t('jobs.contactLog.none')}</Text>}
      {entries.length > 0 && (
        <Stack component="ol" gap="xs" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('jobs.contactLog.heading')}>
          {entries.map((entry) => (
            <li key={entry.id}>
              <Text size="sm" fw={600}>
                {formatDate(entry.contactedOn, i18n.language)} · {contactKindLabel(t, entry.kind)}
                {entry.recordedByName && ` · ${entry.recordedByName}`}
              </Text>
              {entry.note && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {entry.note}
                </Text>
              )}
            </li>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
