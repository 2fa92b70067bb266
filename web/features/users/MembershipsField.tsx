import { Button, Group, NativeSelect, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { Form } from '../../shared/forms/form.ts';
import { useTranslation } from 'react-i18next';
import { ROLE_ORGANISATION_KIND, ROLES, type Role } from '../../../server/modules/access/roles.schemas.ts';
import { roleLabel } from '../../shared/i18n/labels.ts';
import classes from './MembershipsField.module.css';
import { isNetworkRole, type UserFormValues } from './userForm.ts';
import { useOrganisationOptions } from './useOrganisationOptions.ts';

/** The user's roles, each with the organisation it belongs to (network roles belong to none). */
export function MembershipsField({ form }: { form: Form<UserFormValues> }) {
  const { t } = useTranslation();
  const organisations = useOrganisationOptions();

  function organisationsFor(role: Role | '') {
    const kind = role ? ROLE_ORGANISATION_KIND[role] : undefined;
    return (organisations.data ?? [])
      .filter((o) => o.kind === kind)
      .map((o) => ({ value: o.id, label: o.active ? o.name : `${o.name} (${t('common.inactive')})` }));
  }

  function changeRole(index: number, role: Role | '') {
    const current = form.values.memberships[index];
    const fits = organisationsFor(role).some((o) => o.value === current?.organisationId);
    form.setFieldValue(`memberships.${index}`, { role, organisationId: fits ? (current?.organisationId ?? '') : '' });
  }

  return (
    <fieldset className={classes.fieldset}>
      <legend className={classes.legend}>{t('users.roles')}</legend>
      {form.errors.memberships && (
        <Text c="red.9" size="sm" mb="xs" role="alert">
          {form.errors.memberships}
        </Text>
      )}
      <Stack gap="sm">
        {form.values.memberships.map((membership, index) => (
          <fieldset key={index} className={classes.row}>
            <VisuallyHidden component="legend">{t('users.membershipN', { n: index + 1 })}</VisuallyHidden>
            <Group align="flex-start" gap="sm" wrap="wrap">
              <NativeSelect
                label={t('users.role')}
                required
                w={{ base: '100%', sm: 240 }}
                data={[{ value: '', label: t('common.choose') }, ...ROLES.map((role) => ({ value: role, label: roleLabel(t, role) }))]}
                {...form.getInputProps(`memberships.${index}.role`)}
                onChange={(event) => changeRole(index, event.currentTarget.value as Role | '')}
              />
              {isNetworkRole(membership.role) ? (
                <Text size="sm" pt={30} w={{ base: '100%', sm: 280 }}>
                  {t('users.networkRole')}
                </Text>
              ) : (
                <NativeSelect
                  label={t('users.organisation')}
                  required
                  w={{ base: '100%', sm: 280 }}
                  disabled={!membership.role}
                  data={[{ value: '', label: t('common.choose') }, ...organisationsFor(membership.role)]}
                  {...form.getInputProps(`memberships.${index}.organisationId`)}
                />
              )}
              <Button
                variant="subtle"
                color="red"
                c="red.9"
                mt={{ base: 0, sm: 25 }}
                onClick={() => form.removeListItem('memberships', index)}
                disabled={form.values.memberships.length === 1}
              >
                {t('users.removeRole', { n: index + 1 })}
              </Button>
            </Group>
            {form.errors[`memberships.${index}`] && (
              <Text c="red.9" size="sm" role="alert">
                {form.errors[`memberships.${index}`]}
              </Text>
            )}
          </fieldset>
        ))}
      </Stack>
      <Button variant="light" mt="sm" onClick={() => form.insertListItem('memberships', { role: '', organisationId: '' })}>
        {t('users.addRole')}
      </Button>
    </fieldset>
  );
}
