import type { OrganisationView } from '../../../server/modules/organisations/organisations.schemas.ts';
import type { OrganisationKind } from '../../shared/i18n/labels.ts';

// What the organisation form edits, and how it becomes the API's input. Inputs
// hold strings; the server's schema turns empty optional fields into null.

export interface OrganisationFormValues {
  kind: OrganisationKind | '';
  name: string;
  cityId: string;
  description: string;
  email: string;
  phone: string;
  address: string;
  active: boolean;
}

export const emptyOrganisation: OrganisationFormValues = {
  kind: '',
  name: '',
  cityId: '',
  description: '',
  email: '',
  phone: '',
  address: '',
  active: true,
};

export function valuesOf(view: OrganisationView): OrganisationFormValues {
  return {
    kind: view.kind,
    name: view.name,
    cityId: view.cityId ?? '',
    description: view.description,
    email: view.email ?? '',
    phone: view.phone ?? '',
    address: view.address ?? '',
    active: view.active,
  };
}

export function createInputOf(values: OrganisationFormValues) {
  const { active: _active, ...fields } = values;
  return { ...fields, kind: fields.kind || undefined, cityId: fields.cityId || null };
}

export function updateInputOf(values: OrganisationFormValues, version: number) {
  const { kind: _kind, ...fields } = values;
  return { ...fields, cityId: fields.cityId || null, version };
}
