import type { EmployerView } from '../../../server/modules/employers/employers.schemas.ts';

// What the employer form edits, and how it becomes the API's input. Inputs hold strings;
// the server's schema turns empty optional fields into null.

export interface ContactPersonValues {
  key: string;
  name: string;
  position: string;
  phone: string;
  email: string;
}

export interface EmployerFormValues {
  name: string;
  cityId: string;
  sector: string;
  size: string;
  address: string;
  postcode: string;
  email: string;
  phone: string;
  description: string;
  notes: string;
  contactPersons: ContactPersonValues[];
  active: boolean;
}

export const newContactPerson = (): ContactPersonValues => ({ key: crypto.randomUUID(), name: '', position: '', phone: '', email: '' });

export const emptyEmployer: EmployerFormValues = {
  name: '',
  cityId: '',
  sector: '',
  size: '',
  address: '',
  postcode: '',
  email: '',
  phone: '',
  description: '',
  notes: '',
  contactPersons: [],
  active: true,
};

export function employerValuesOf(e: EmployerView): EmployerFormValues {
  return {
    name: e.name,
    cityId: e.cityId ?? '',
    sector: e.sector ?? '',
    size: e.size ?? '',
    address: e.address ?? '',
    postcode: e.postcode ?? '',
    email: e.email ?? '',
    phone: e.phone ?? '',
    description: e.description,
    notes: e.notes ?? '',
    contactPersons: e.contactPersons.map((c) => ({
      key: crypto.randomUUID(),
      name: c.name,
      position: c.position ?? '',
      phone: c.phone ?? '',
      email: c.email ?? '',
    })),
    active: e.active,
  };
}

function fieldsOf(v: EmployerFormValues) {
  return {
    name: v.name,
    cityId: v.cityId || null,
    sector: v.sector,
    size: v.size || null,
    address: v.address,
    postcode: v.postcode,
    email: v.email,
    phone: v.phone,
    description: v.description,
    notes: v.notes,
    contactPersons: v.contactPersons.map(({ key: _key, ...person }) => person),
  };
}

export const employerCreateInputOf = (v: EmployerFormValues) => fieldsOf(v);
export const employerUpdateInputOf = (v: EmployerFormValues, version: number) => ({ ...fieldsOf(v), active: v.active, version });
