import type { VolunteerView } from '../../../server/modules/volunteers/volunteers.schemas.ts';

// The profile form's values as the inputs hold them (text), and the request body they make.

export interface VolunteerValues {
  organisationId: string;
  userId: string;
  displayName: string;
  email: string;
  phone: string;
  languages: string;
  skills: string;
  profession: string;
  availability: string;
  postcode: string;
  maxMentees: string;
  agreementSignedOn: string;
  pledgeSignedOn: string;
  certificateIssuedOn: string;
  status: VolunteerView['status'];
}

export const emptyVolunteer: VolunteerValues = {
  organisationId: '',
  userId: '',
  displayName: '',
  email: '',
  phone: '',
  languages: '',
  skills: '',
  profession: '',
  availability: '',
  postcode: '',
  maxMentees: '1',
  agreementSignedOn: '',
  pledgeSignedOn: '',
  certificateIssuedOn: '',
  status: 'active',
};

export const valuesOf = (v: VolunteerView): VolunteerValues => ({
  organisationId: v.organisationId,
  userId: v.userId ?? '',
  displayName: v.displayName,
  email: v.email ?? '',
  phone: v.phone ?? '',
  languages: v.languages.join(', '),
  skills: v.skills.join(', '),
  profession: v.profession ?? '',
  availability: v.availability,
  postcode: v.postcode ?? '',
  maxMentees: String(v.maxMentees),
  agreementSignedOn: v.agreementSignedOn ?? '',
  pledgeSignedOn: v.pledgeSignedOn ?? '',
  certificateIssuedOn: v.certificateIssuedOn ?? '',
  status: v.status,
});

const list = (text: string) =>
  text
    .split(',')
    .map((w) => w.trim())
    .filter(Boolean);

export const inputOf = (v: VolunteerValues) => ({
  organisationId: v.organisationId,
  userId: v.userId || null,
  displayName: v.displayName,
  email: v.email,
  phone: v.phone,
  languages: list(v.languages),
  skills: list(v.skills),
  profession: v.profession,
  availability: v.availability,
  postcode: v.postcode,
  maxMentees: Number(v.maxMentees),
  agreementSignedOn: v.agreementSignedOn,
  pledgeSignedOn: v.pledgeSignedOn,
  certificateIssuedOn: v.certificateIssuedOn,
  status: v.status,
});
