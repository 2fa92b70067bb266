// Fictitious people and organisations for the demo network. Any resemblance to real
// persons is coincidence; the names are common in the countries people come from.

export const DEMO_PASSWORD = 'lotse-demo';

export const CITIES = ['Wuppertal', 'Solingen'] as const;

export const ORGANISATIONS = [
  {
    key: 'officeWuppertal',
    kind: 'case_management_office',
    name: 'Fallmanagement Wuppertal',
    city: 'Wuppertal',
    description: 'Kommunales Fallmanagement für Geflüchtete',
  },
  {
    key: 'officeSolingen',
    kind: 'case_management_office',
    name: 'Fallmanagement Solingen',
    city: 'Solingen',
    description: 'Kommunales Fallmanagement für Geflüchtete',
  },
  {
    key: 'jobCoaching',
    kind: 'partner',
    name: 'Jobcoaching Bergisch Land e.V.',
    city: 'Wuppertal',
    description: 'Jobcoaching, Bewerbungsmappe, Online-Jobsuche, Vorstellungstraining',
  },
  {
    key: 'qualification',
    kind: 'partner',
    name: 'Qualifizierung & Praktikum gGmbH',
    city: 'Wuppertal',
    description: 'Qualifizierungen, Praktika, niedrigschwellige Trainings',
  },
  {
    key: 'activation',
    kind: 'partner',
    name: 'Aktiv – Frauen und junge Menschen e.V.',
    city: 'Solingen',
    description: 'Aktivierungsangebote für Frauen und junge Menschen unter 25',
  },
  {
    key: 'bakery',
    kind: 'employer',
    name: 'Bäckerei Sonnenschein GmbH',
    city: 'Wuppertal',
    description: 'Handwerksbäckerei, 40 Beschäftigte, bildet aus',
  },
  {
    key: 'logistics',
    kind: 'employer',
    name: 'Wupper Logistik GmbH & Co. KG',
    city: 'Solingen',
    description: 'Lager und Logistik, Schichtbetrieb',
  },
  {
    key: 'mentors',
    kind: 'volunteer_group',
    name: 'Berufspaten Bergisches Land',
    city: null,
    description: 'Ehrenamtliche Berufspatinnen und -paten',
  },
] as const;

export type OrganisationKey = (typeof ORGANISATIONS)[number]['key'];

export const USERS: { email: string; displayName: string; roles: { role: string; organisation: OrganisationKey | null }[] }[] = [
  { email: 'admin@lotse.example', displayName: 'Andrea Admin', roles: [{ role: 'network_admin', organisation: null }] },
  { email: 'fallmanager@lotse.example', displayName: 'Fatma Yılmaz', roles: [{ role: 'case_manager', organisation: 'officeWuppertal' }] },
  {
    email: 'fallmanager.solingen@lotse.example',
    displayName: 'Stefan Krüger',
    roles: [{ role: 'case_manager', organisation: 'officeSolingen' }],
  },
  { email: 'jobcoach@lotse.example', displayName: 'Jonas Becker', roles: [{ role: 'partner_caseworker', organisation: 'jobCoaching' }] },
  {
    email: 'qualifizierung@lotse.example',
    displayName: 'Marta Nowak',
    roles: [{ role: 'partner_caseworker', organisation: 'qualification' }],
  },
  { email: 'pate@lotse.example', displayName: 'Peter Hoffmann', roles: [{ role: 'mentor', organisation: 'mentors' }] },
  { email: 'arbeitgeber@lotse.example', displayName: 'Sabine Sonnenschein', roles: [{ role: 'employer_contact', organisation: 'bakery' }] },
  { email: 'bericht@lotse.example', displayName: 'Bernd Berichter', roles: [{ role: 'analyst', organisation: null }] },
  { email: 'datenschutz@lotse.example', displayName: 'Dana Datenschutz', roles: [{ role: 'data_protection_officer', organisation: null }] },
];

export const GIVEN_NAMES_FEMALE = [
  'Amal',
  'Fatima',
  'Huda',
  'Mariam',
  'Rania',
  'Zahra',
  'Shirin',
  'Olena',
  'Nadia',
  'Semira',
  'Leyla',
  'Aisha',
  'Yasmin',
  'Tetiana',
  'Hevin',
];
export const GIVEN_NAMES_MALE = [
  'Mohammed',
  'Ahmad',
  'Omar',
  'Yusuf',
  'Hassan',
  'Ali',
  'Karim',
  'Bilal',
  'Dawit',
  'Serhii',
  'Reza',
  'Samir',
  'Tesfaye',
  'Mustafa',
  'Jamal',
];
export const FAMILY_NAMES = [
  'Al-Hassan',
  'Haddad',
  'Rahimi',
  'Ahmadi',
  'Tesfay',
  'Kovalenko',
  'Yousef',
  'Mansour',
  'Hosseini',
  'Khalil',
  'Abdi',
  'Bakr',
  'Nasser',
  'Shevchenko',
  'Osman',
  'Karimi',
  'Saleh',
  'Mohammadi',
  'Gebremedhin',
  'Darwish',
];
