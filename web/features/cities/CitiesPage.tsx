import { Alert, Button, Group, Paper, SimpleGrid, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CityCreateInput, type CityView } from '../../../server/modules/cities/cities.schemas.ts';
import { citiesQueryKey, useCities } from '../../shared/api/cities.ts';
import { api, ApiError } from '../../shared/api/client.ts';
import { ErrorAlert } from '../../shared/components/ErrorAlert.tsx';
import { Loading } from '../../shared/components/Loading.tsx';
import { PageHeader } from '../../shared/components/PageHeader.tsx';
import { useValidatedForm } from '../../shared/forms/form.ts';
import { schemaErrors, serverErrors } from '../../shared/forms/validation.ts';

/** The network's cities: each has its own case management office, and reports count per city. */
export function CitiesPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const cities = useCities();
  const form = useValidatedForm({ name: '' }, (values) => schemaErrors(t, CityCreateInput, values));
  const create = useMutation({
    mutationFn: (values: typeof form.values) => api.post<CityView>('/api/cities', values),
    onSuccess: async () => {
      form.reset();
      await queryClient.invalidateQueries({ queryKey: citiesQueryKey });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 400) form.setErrors(serverErrors(t, error.fields));
    },
  });
  const sorted = [...(cities.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <>
      <PageHeader title={t('cities.title')} />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            {t('cities.listHeading')}
          </Title>
          {cities.isPending && <Loading />}
          {cities.error && <ErrorAlert error={cities.error} />}
          {cities.data && (
            <Table striped>
              <Table.Caption style={{ captionSide: 'top', textAlign: 'start' }}>
                {t('cities.count', { count: sorted.length })}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('cities.name')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {sorted.map((city) => (
                  <Table.Tr key={city.id}>
                    <Table.Td>{city.name}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h3" mb="sm">
            {t('cities.new')}
          </Title>
          <form onSubmit={form.onSubmit((values) => create.mutate(values))} noValidate>
            {create.isSuccess && (
              <Alert color="green" variant="light" role="status" mb="sm">
                {t('cities.created', { name: create.data.name })}
              </Alert>
            )}
            {create.error && !(create.error instanceof ApiError && create.error.status === 400) && <ErrorAlert error={create.error} />}
            <TextInput label={t('cities.name')} required {...form.getInputProps('name')} />
            <Group mt="md">
              <Button type="submit" loading={create.isPending}>
                {t('common.create')}
              </Button>
            </Group>
          </form>
        </Paper>
      </SimpleGrid>
    </>
  );
}
