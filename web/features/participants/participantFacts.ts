import type { TFunction } from 'i18next';
import type { FAMILY_STATUSES, HOUSING, ParticipantView } from '../../../server/modules/participants/participants.schemas.ts';
import { formatDate } from '../../shared/i18n/format.ts';
import { caseStatusLabel, genderLabel } from '../../shared/i18n/labels.ts';

// What GET /api/participants/:id returns, grouped as the case file shows it:
// label and value per line, "—" where nothing is recorded.

export interface FactGroup {
  heading: string;
  facts: [label: string, value: string][];
}

const NONE = '—';

export function participantFacts(t: TFunction, p: ParticipantView, locale: string): FactGroup[] {
  const date = (value: string | null | undefined) => formatDate(value, locale);
  const yesNo = (value: boolean | null) => (value === null ? NONE : value ? t('common.yes') : t('common.no'));
  const languages = p.languages
    .map((l) => `${l.language} (${l.level === 'native' ? t('participants.nativeLanguage') : l.level})`)
    .join(', ');
  const address = [p.street, [p.postcode, p.town].filter(Boolean).join(' ')].filter(Boolean).join(', ');
  const c = p.currentCase;
  return [
    {
      heading: t('participants.person'),
      facts: [
        [t('participants.familyName'), p.familyName],
        [t('participants.givenNames'), p.givenNames],
        [t('participants.preferredName'), p.preferredName ?? NONE],
        [t('participants.birthDate'), date(p.birthDate)],
        [t('participants.gender'), genderLabel(t, p.gender)],
        [t('participants.nationality'), p.nationality ?? NONE],
        [
          t('participants.germanLevel'),
          p.germanLevel === null ? NONE : p.germanLevel === 'none' ? t('participants.noGerman') : p.germanLevel,
        ],
        [t('participants.languages'), languages || NONE],
      ],
    },
    {
      heading: t('participants.contact'),
      facts: [
        [t('participants.phone'), p.phone ?? NONE],
        [t('participants.email'), p.email ?? NONE],
        [t('participants.address'), address || NONE],
        [t('participants.interpreter'), p.interpreterNeeded ? (p.interpreterLanguage ?? t('common.yes')) : t('common.no')],
      ],
    },
    {
      heading: t('participants.living'),
      facts: [
        [t('participants.housingLabel'), p.housing ? t(`participants.housing.${p.housing satisfies (typeof HOUSING)[number]}`) : NONE],
        [
          t('participants.familyStatusLabel'),
          p.familyStatus ? t(`participants.familyStatus.${p.familyStatus satisfies (typeof FAMILY_STATUSES)[number]}`) : NONE,
        ],
        [t('participants.children'), p.childrenCount === null ? NONE : String(p.childrenCount)],
        [t('participants.childcareNeeded'), yesNo(p.childcareNeeded)],
      ],
    },
    {
      heading: t('participants.case'),
      facts: c
        ? [
            [t('participants.caseStatus'), caseStatusLabel(t, c.status)],
            [t('participants.office'), p.officeName],
            [t('participants.city'), c.cityName],
            [t('participants.caseManager'), c.caseManagerName ?? NONE],
            [t('participants.fundingPeriod'), c.fundingPeriodName ?? NONE],
            [t('participants.entryDate'), date(c.entryDate)],
            [t('participants.exitDate'), date(c.exitDate)],
            [
              t('participants.exitReason'),
              c.exitReason ? t(`exitReasons.${c.exitReason as 'other'}`, { defaultValue: c.exitReason }) : NONE,
            ],
          ]
        : [
            [t('participants.caseStatus'), caseStatusLabel(t, null)],
            [t('participants.office'), p.officeName],
          ],
    },
  ];
}
