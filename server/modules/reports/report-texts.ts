import type { ProgrammeReport, ReportCell } from './programme.schemas.ts';

// The dashboard's tables with their headings and row labels, in German and English, for the
// exports and the programme report PDF (the web app has its own in web/i18n).

export type ReportLanguage = 'de' | 'en';

type Labels = Record<string, string>;
const both = (de: Labels, en: Labels) => ({ de, en });

const GENDER = both(
  { female: 'weiblich', male: 'männlich', non_binary: 'nicht-binär', not_stated: 'keine Angabe' },
  { female: 'female', male: 'male', non_binary: 'non-binary', not_stated: 'not stated' },
);
const AGE = both(
  { under_18: 'unter 18', '18_29': '18–29', '30_54': '30–54', '55_plus': '55 und älter', unknown: 'unbekannt' },
  { under_18: 'under 18', '18_29': '18–29', '30_54': '30–54', '55_plus': '55 and older', unknown: 'unknown' },
);
const RESIDENCE = both(
  {
    aufenthaltsgestattung: 'Aufenthaltsgestattung',
    duldung: 'Duldung',
    ausbildungsduldung: 'Ausbildungsduldung',
    beschaeftigungsduldung: 'Beschäftigungsduldung',
    aufenthaltserlaubnis: 'Aufenthaltserlaubnis',
    temporary_protection: 'Vorübergehender Schutz (§ 24)',
    niederlassungserlaubnis: 'Niederlassungserlaubnis',
    other: 'Anderer Titel',
    unknown: 'nicht erfasst',
  },
  {
    aufenthaltsgestattung: 'Aufenthaltsgestattung (asylum procedure)',
    duldung: 'Duldung (toleration)',
    ausbildungsduldung: 'Ausbildungsduldung (toleration for training)',
    beschaeftigungsduldung: 'Beschäftigungsduldung (toleration for employment)',
    aufenthaltserlaubnis: 'Aufenthaltserlaubnis (residence permit)',
    temporary_protection: 'Temporary protection (§ 24)',
    niederlassungserlaubnis: 'Niederlassungserlaubnis (settlement permit)',
    other: 'Other title',
    unknown: 'not recorded',
  },
);
const GERMAN = both({ none: 'keine Kenntnisse', unknown: 'nicht erfasst' }, { none: 'none', unknown: 'not recorded' });
const KIND = both(
  {
    employment: 'sozialversicherungspflichtige Beschäftigung',
    apprenticeship: 'Ausbildung',
    self_employment: 'Selbstständigkeit',
    marginal_employment: 'geringfügige Beschäftigung (Minijob)',
    other_labour_market: 'nicht auf dem ersten Arbeitsmarkt',
  },
  {
    employment: 'employment subject to social insurance',
    apprenticeship: 'apprenticeship',
    self_employment: 'self-employment',
    marginal_employment: 'marginal employment (mini-job)',
    other_labour_market: 'not on the first labour market',
  },
);
const SUPPORT = both(
  {
    mentorship: 'in einer laufenden Patenschaft',
    offer: 'Teilnahme an einem Angebot',
    offer_completed: 'Angebot abgeschlossen',
    offer_certificate: 'Angebot mit Zertifikat abgeschlossen',
  },
  {
    mentorship: 'in a running mentorship',
    offer: 'taking part in an offer',
    offer_completed: 'completed an offer',
    offer_certificate: 'completed an offer with a certificate',
  },
);

const FUNNEL = both(
  {
    participants: 'Teilnehmende',
    intake: 'Erstgespräch',
    plan: 'Förderplan',
    referral: 'Überleitung',
    proposal: 'Vermittlungsvorschlag',
    placement: 'Vermittlung',
  },
  {
    participants: 'Participants',
    intake: 'Intake',
    plan: 'Support plan',
    referral: 'Referral',
    proposal: 'Proposal',
    placement: 'Placement',
  },
);

export interface ReportTable {
  /** Sheet name in the workbook (at most 31 characters). */
  sheet: string;
  title: string;
  label: string;
  cells: ReportCell[];
  labels?: Labels;
}

/** The dashboard's tables, in the order the dashboard shows them. */
export function reportTables(r: ProgrammeReport, lang: ReportLanguage): ReportTable[] {
  const de = lang === 'de';
  const table = (sheet: string, title: string, label: string, cells: ReportCell[], labels?: { de: Labels; en: Labels }): ReportTable => ({
    sheet,
    title,
    label,
    cells,
    labels: labels?.[lang],
  });
  const rate = (key: string, figure: number | null) => ({ key, count: figure });
  return [
    table(de ? 'Eintritte' : 'Entries', de ? 'Eintritte nach Monat' : 'Entries per month', de ? 'Monat' : 'Month', r.entriesByMonth),
    table(
      de ? 'Geschlecht' : 'Gender',
      de ? 'Teilnehmende nach Geschlecht' : 'Participants by gender',
      de ? 'Geschlecht' : 'Gender',
      r.byGender,
      GENDER,
    ),
    table(
      de ? 'Alter' : 'Age',
      de ? 'Teilnehmende nach Alter beim Eintritt' : 'Participants by age at entry',
      de ? 'Alter' : 'Age',
      [...r.byAgeBand, { key: 'under_25', count: r.under25 }],
      { de: { ...AGE.de, under_25: 'darunter: unter 25' }, en: { ...AGE.en, under_25: 'of them: under 25' } },
    ),
    table(
      de ? 'Aufenthalt' : 'Residence',
      de ? 'Teilnehmende nach Aufenthaltstitel' : 'Participants by residence title',
      de ? 'Aufenthaltstitel' : 'Residence title',
      r.byResidenceTitle,
      RESIDENCE,
    ),
    table(
      de ? 'Deutsch' : 'German',
      de ? 'Teilnehmende nach Deutschniveau' : 'Participants by German level',
      de ? 'Deutschniveau' : 'German level',
      r.byGermanLevel,
      GERMAN,
    ),
    table(de ? 'Stadt' : 'City', de ? 'Teilnehmende nach Stadt' : 'Participants by city', de ? 'Stadt' : 'City', r.byCity),
    table(
      de ? 'Fallmanagement' : 'Office',
      de ? 'Teilnehmende nach Fallmanagement' : 'Participants by case management office',
      de ? 'Fallmanagement' : 'Office',
      r.byOffice,
    ),
    table(
      de ? 'Partner' : 'Partners',
      de ? 'Übergeleitete Personen nach Partnerorganisation' : 'People referred, by partner organisation',
      de ? 'Partnerorganisation' : 'Partner',
      r.byPartner,
    ),
    table(
      de ? 'Vermittlungen' : 'Placements',
      de ? 'Vermittlungen nach Art' : 'Placements by kind',
      de ? 'Art' : 'Kind',
      r.placementsByKind,
      KIND,
    ),
    table(de ? 'Vermittelte' : 'Placed', de ? 'Vermittelte Personen nach Stadt' : 'People placed, by city', de ? 'Stadt' : 'City', [
      rate(de ? 'Netzwerk' : 'Network', r.placementRate.placed),
      ...r.placementRateByCity.map((c) => rate(c.key, c.placed)),
    ]),
    table(
      de ? 'Verlauf' : 'Funnel',
      de ? 'Erreichte Stufen (Personen)' : 'Stages reached (people)',
      de ? 'Stufe' : 'Stage',
      r.funnel,
      FUNNEL,
    ),
    table(
      de ? 'Begleitung' : 'Support',
      de ? 'Patenschaften und Angebote (Personen)' : 'Mentorships and offers (people)',
      de ? 'Begleitung' : 'Support',
      r.support,
      SUPPORT,
    ),
  ];
}

export const cellLabel = (t: ReportTable, key: string) => t.labels?.[key] ?? key;
