import { Anchor, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_CATEGORIES,
  CONSENT_FORM_LANGUAGES,
  CONSENT_METHODS,
  ConsentCreateInput,
  type ConsentView,
} from '../../../server/modules/consents/consents.schemas.ts';
import { api, ApiError, withQuery } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';
import { useConsentRecipients } from './queries.ts';

interface ConsentValues {
  recipientOrganisationId: string;
  categories: string[];
  language: string;
  givenOn: string;
  method: string;
  expiresOn: string;
}

const today = () => new Date().toISOString().slice(0, 10);
const inputOf = (v: ConsentValues) => ({
  recipientOrganisationId: v.recipientOrganisationId || undefined,
  categories: v.categories,
  language: v.language,
  givenOn: v.givenOn,
  method: v.method || undefined,
  expiresOn: v.expiresOn || null,
});

/**
 * Recording a consent: choose the recipient and categories, print the blank form
 * in the person's language to be signed, then record how and when it was given.
 */
export function ConsentForm({ participantId, onDone }: { participantId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const recipients = useConsentRecipients();
  const form = useValidatedForm<ConsentValues>(
    { recipientOrganisationId: '', categories: [], language: 'de', givenOn: today(), method: '', expiresOn: '' },
    (values) => schemaErrors(t, ConsentCreateInput, inputOf(values)),
  );
  const save = useMutation({
    mutationFn: (values: ConsentValues) => api.post<ConsentView>(`/api/participants/${participantId}/consents`, inputOf(values)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['/api/participants', participantId, 'consents'] });
      onDone();
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });
  const { recipientOrganisationId, categories } = form.getValues();
  const printable = recipientOrganisationId !== '' && categories.length > 0;

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="consent-form-heading">
      <Title order={2} size="h4" id="consent-form-heading" mb="xs">
        {t('consent.record')}
      </Title>
      <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
        {save.error && <ErrorAlert error={save.error} />}
        <NativeSelect
          label={t('consent.recipient')}
          required
          mb="sm"
          data={[
            { value: '', label: t('common.choose') },
            ...(recipients.data ?? []).map((r) => ({ value: r.id, label: `${r.name} (${t(`organisationKinds.${r.kind}`)})` })),
          ]}
          {...form.getInputProps('recipientOrganisationId')}
        />
        <Checkbox.Group label={t('consent.categoriesLabel')} required mb="sm" {...form.getInputProps('categories')}>
          <Group gap="md" mt={4}>
            {CONSENT_CATEGORIES.map((c) => (
              <Checkbox key={c} value={c} label={t(`consent.categories.${c}`)} />
            ))}
          </Group>
        </Checkbox.Group>
        <Group gap="sm" mb="md" aria-live="polite">
          <Text size="sm">{t('consent.printBlank')}:</Text>
          {printable ? (
            CONSENT_FORM_LANGUAGES.map((language) => (
              <Anchor
                key={language}
                size="sm"
                lang={language}
                target="_blank"
                href={withQuery(`/api/participants/${participantId}/consent-form`, {
                  recipientOrganisationId,
                  categories: categories.join(','),
                  language,
                })}
              >
                {t(`consent.formLanguages.${language}`)}
              </Anchor>
            ))
          ) : (
            <Text size="sm">{t('consent.printNeeds')}</Text>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('consent.method')}
            required
            data={[
              { value: '', label: t('common.choose') },
              ...CONSENT_METHODS.map((m) => ({ value: m, label: t(`consent.methods.${m}`) })),
            ]}
            {...form.getInputProps('method')}
          />
          <TextInput label={t('consent.language')} description={t('consent.languageHelp')} required {...form.getInputProps('language')} />
          <TextInput label={t('consent.givenOn')} type="date" required {...form.getInputProps('givenOn')} />
          <TextInput label={t('consent.expiresOn')} type="date" {...form.getInputProps('expiresOn')} />
        </SimpleGrid>
        <Group mt="md">
          <Button type="submit" loading={save.isPending}>
            {t('consent.save')}
          </Button>
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
        </Group>
      </form>
    </Paper>
  );
}
