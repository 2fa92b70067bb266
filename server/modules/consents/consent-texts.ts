import type { ConsentCategory, ConsentPdfLanguage } from './consent-pdf.ts';

// The wording of the consent form (Einwilligung und Schweigepflichtentbindung) in the three
// languages the offices hand out. Plain sentences addressed to the person who signs.
// Names, dates, addresses and the form version are passed in as given; in the Arabic text they
// stay Latin text and digits, and the PDF's bidi pass puts them in the right order.

export interface ConsentTexts {
  title: string;
  requestedByHeading: string;
  networkLine: (network: string) => string;
  personHeading: string;
  nameLabel: string;
  birthDateLabel: string;
  recipientHeading: string;
  recipient: (office: string, recipient: string) => string;
  categoriesHeading: string;
  categories: Record<ConsentCategory, { label: string; explanation: string }>;
  purposeHeading: string;
  purpose: (office: string, recipient: string, network: string) => string;
  voluntaryHeading: string;
  voluntary: (recipient: string) => string;
  withdrawalHeading: string;
  withdrawal: (officeWithAddress: string) => string;
  validityHeading: string;
  validUntil: (date: string) => string;
  noExpiry: string;
  legalBasisHeading: string;
  legalBasis: string;
  declaration: string;
  placeDate: string;
  signature: string;
  formVersion: (version: string) => string;
  page: (page: number, pages: number) => string;
  /** Formats an ISO date (yyyy-mm-dd) the way the language writes dates. */
  date: (year: number, month: number, day: number) => string;
}

const pad = (n: number) => String(n).padStart(2, '0');

const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

const de: ConsentTexts = {
  title: 'Einwilligung in die Datenübermittlung und Entbindung von der Schweigepflicht',
  requestedByHeading: 'Wer um Ihre Einwilligung bittet',
  networkLine: (network) => `Netzwerk: ${network}`,
  personHeading: 'Angaben zur Person',
  nameLabel: 'Name',
  birthDateLabel: 'Geburtsdatum',
  recipientHeading: 'Empfänger der Daten',
  recipient: (office, recipient) =>
    `Ich bin damit einverstanden, dass ${office} die unten angekreuzten Daten an ${recipient} übermittelt und dass sich beide ` +
    'Stellen darüber austauschen, soweit das für meine Unterstützung nötig ist. Insoweit entbinde ich die Mitarbeitenden beider ' +
    'Stellen von ihrer Schweigepflicht.',
  categoriesHeading: 'Diese Daten dürfen übermittelt werden',
  categories: {
    contact: { label: 'Kontaktdaten', explanation: 'Name, Anschrift, Telefonnummer und E-Mail-Adresse' },
    personal: {
      label: 'Persönliche Angaben',
      explanation: 'zum Beispiel Geburtsdatum, Staatsangehörigkeit, Sprachen und familiäre Situation',
    },
    education_work: {
      label: 'Schule, Ausbildung und Beruf',
      explanation: 'Schulbildung, Berufsausbildung, Qualifikationen und Berufserfahrung',
    },
    residence: { label: 'Aufenthalt und Arbeitserlaubnis', explanation: 'Aufenthaltsstatus und Erlaubnis zur Beschäftigung' },
    plan_progress: {
      label: 'Förderplan und Fortschritte',
      explanation: 'die mit Ihnen vereinbarten Ziele und Schritte und wie sie vorangehen',
    },
  },
  purposeHeading: 'Zweck',
  purpose: (office, recipient, network) =>
    'Die Daten werden nur genutzt, um Sie auf Ihrem Weg in Arbeit oder Ausbildung zu unterstützen. Dafür arbeiten ' +
    `${office} und ${recipient} als Partner in ${network} zusammen.`,
  voluntaryHeading: 'Freiwilligkeit',
  voluntary: (recipient) =>
    'Ihre Einwilligung ist freiwillig. Wenn Sie nicht einwilligen oder die Einwilligung später widerrufen, hat das keine ' +
    `Nachteile für Ihre Sozialleistungen. Ohne den Austausch kann ${recipient} Sie allerdings womöglich weniger gut unterstützen.`,
  withdrawalHeading: 'Widerruf',
  withdrawal: (office) =>
    `Sie können Ihre Einwilligung jederzeit ohne Begründung widerrufen, mündlich oder schriftlich bei ${office}. ` +
    'Der Widerruf wirkt für die Zukunft: Was bis dahin übermittelt wurde, bleibt rechtmäßig (Art. 7 Abs. 3 DSGVO). ' +
    'Nach dem Widerruf werden keine weiteren Daten übermittelt.',
  validityHeading: 'Gültigkeit',
  validUntil: (date) => `Diese Einwilligung gilt bis zum ${date}, wenn Sie sie nicht vorher widerrufen.`,
  noExpiry: 'Diese Einwilligung ist nicht befristet. Sie gilt, bis Sie sie widerrufen.',
  legalBasisHeading: 'Rechtsgrundlage',
  legalBasis:
    'Art. 6 Abs. 1 Buchst. a DSGVO; soweit besondere Kategorien personenbezogener Daten betroffen sind (zum Beispiel ' +
    'Angaben zur Gesundheit), zusätzlich Art. 9 Abs. 2 Buchst. a DSGVO.',
  declaration:
    'Ich habe diesen Text gelesen, oder er wurde mir in einer Sprache erklärt, die ich verstehe. ' +
    'Ich willige in die beschriebene Übermittlung ein.',
  placeDate: 'Ort, Datum',
  signature: 'Unterschrift der teilnehmenden Person',
  formVersion: (version) => `Formular ${version}`,
  page: (page, pages) => `Seite ${page} von ${pages}`,
  date: (year, month, day) => `${pad(day)}.${pad(month)}.${year}`,
};

const en: ConsentTexts = {
  title: 'Consent to the transfer of data and release from confidentiality',
  requestedByHeading: 'Who is asking for your consent',
  networkLine: (network) => `Network: ${network}`,
  personHeading: 'The person',
  nameLabel: 'Name',
  birthDateLabel: 'Date of birth',
  recipientHeading: 'Who may receive the data',
  recipient: (office, recipient) =>
    `I agree that ${office} may pass the data ticked below to ${recipient}, and that both may exchange this data with each ` +
    'other as far as needed to support me. To that extent I release the staff of both from their duty of confidentiality.',
  categoriesHeading: 'Data that may be passed on',
  categories: {
    contact: { label: 'Contact details', explanation: 'name, address, phone number and email address' },
    personal: { label: 'Personal details', explanation: 'for example date of birth, nationality, languages and family situation' },
    education_work: {
      label: 'School, training and work',
      explanation: 'schooling, vocational training, qualifications and work experience',
    },
    residence: { label: 'Residence and work permission', explanation: 'residence status and permission to work' },
    plan_progress: {
      label: 'Support plan and progress',
      explanation: 'the goals and steps agreed with you and how they are going',
    },
  },
  purposeHeading: 'Purpose',
  purpose: (office, recipient, network) =>
    'The data is used only to support you on your way into work or training. For this, ' +
    `${office} and ${recipient} work together as partners in ${network}.`,
  voluntaryHeading: 'Your free choice',
  voluntary: (recipient) =>
    'Your consent is voluntary. If you do not consent, or withdraw your consent later, this will not affect your benefits ' +
    `in any way. Without the exchange, however, ${recipient} may be less able to support you.`,
  withdrawalHeading: 'Withdrawing your consent',
  withdrawal: (office) =>
    `You can withdraw your consent at any time without giving reasons, orally or in writing, at ${office}. ` +
    'Withdrawal takes effect for the future: data passed on before then was passed on lawfully (Art. 7(3) GDPR). ' +
    'After you withdraw, no further data will be passed on.',
  validityHeading: 'Validity',
  validUntil: (date) => `This consent is valid until ${date} unless you withdraw it earlier.`,
  noExpiry: 'This consent has no end date. It is valid until you withdraw it.',
  legalBasisHeading: 'Legal basis',
  legalBasis:
    'Art. 6(1)(a) GDPR; where special categories of personal data are concerned (for example health information), ' +
    'also Art. 9(2)(a) GDPR.',
  declaration:
    'I have read this text, or it was explained to me in a language I understand. I consent to the data being passed on as described.',
  placeDate: 'Place, date',
  signature: 'Signature of the participant',
  formVersion: (version) => `Form ${version}`,
  page: (page, pages) => `Page ${page} of ${pages}`,
  date: (year, month, day) => `${day} ${ENGLISH_MONTHS[month - 1]} ${year}`,
};

// Modern Standard Arabic, addressing the reader in the masculine form as forms usually do.
const ar: ConsentTexts = {
  title: 'الموافقة على نقل البيانات والإعفاء من واجب الحفاظ على السرية',
  requestedByHeading: 'الجهة التي تطلب موافقتك',
  networkLine: (network) => `الشبكة: ${network}`,
  personHeading: 'بيانات الشخص',
  nameLabel: 'الاسم',
  birthDateLabel: 'تاريخ الميلاد',
  recipientHeading: 'الجهة التي يجوز نقل البيانات إليها',
  recipient: (office, recipient) =>
    `أوافق على أن ينقل ${office} البيانات المحددة أدناه إلى ${recipient}، وعلى أن تتبادل الجهتان هذه البيانات بالقدر ` +
    'اللازم لدعمي. وفي هذا الإطار أعفي العاملين في الجهتين من واجب الحفاظ على السرية.',
  categoriesHeading: 'البيانات التي يجوز نقلها',
  categories: {
    contact: { label: 'بيانات الاتصال', explanation: 'الاسم والعنوان ورقم الهاتف والبريد الإلكتروني' },
    personal: { label: 'البيانات الشخصية', explanation: 'مثل تاريخ الميلاد والجنسية واللغات والوضع العائلي' },
    education_work: { label: 'المدرسة والتدريب والعمل', explanation: 'التعليم المدرسي والتدريب المهني والمؤهلات والخبرة العملية' },
    residence: { label: 'الإقامة وإذن العمل', explanation: 'وضع الإقامة والإذن بمزاولة العمل' },
    plan_progress: { label: 'خطة الدعم والتقدم فيها', explanation: 'الأهداف والخطوات المتفق عليها معك ومدى التقدم في تنفيذها' },
  },
  purposeHeading: 'الغرض',
  purpose: (office, recipient, network) =>
    'تستخدم البيانات فقط لدعمك في طريقك إلى العمل أو التدريب المهني. ولهذا الغرض يتعاون ' +
    `${office} و ${recipient} بصفتهما شريكين في ${network}.`,
  voluntaryHeading: 'الموافقة طوعية',
  voluntary: (recipient) =>
    'موافقتك طوعية. إذا لم توافق أو سحبت موافقتك لاحقا فلن يلحق بك أي ضرر فيما يخص الإعانات الاجتماعية التي تحصل عليها. ' +
    `لكن بدون تبادل البيانات قد يكون دعم ${recipient} لك أقل فاعلية.`,
  withdrawalHeading: 'سحب الموافقة',
  withdrawal: (office) =>
    `يمكنك سحب موافقتك في أي وقت دون ذكر الأسباب، شفهيا أو كتابيا لدى ${office}. ` +
    'يسري السحب على المستقبل فقط: ما تم نقله من بيانات قبل ذلك يبقى مشروعا (المادة 7، الفقرة 3 من اللائحة العامة لحماية البيانات). ' +
    'وبعد السحب لا يتم نقل أي بيانات أخرى.',
  validityHeading: 'مدة السريان',
  validUntil: (date) => `تسري هذه الموافقة حتى ${date} ما لم تسحبها قبل ذلك.`,
  noExpiry: 'هذه الموافقة غير محددة بمدة، وتسري إلى أن تسحبها.',
  legalBasisHeading: 'الأساس القانوني',
  legalBasis:
    'المادة 6، الفقرة 1، البند (أ) من اللائحة العامة لحماية البيانات (DSGVO)؛ وإذا تعلق الأمر بفئات خاصة من البيانات ' +
    'الشخصية (مثل المعلومات الصحية) فأيضا المادة 9، الفقرة 2، البند (أ).',
  declaration: 'قرأت هذا النص أو تم شرحه لي بلغة أفهمها، وأوافق على نقل البيانات على النحو الموضح أعلاه.',
  placeDate: 'المكان والتاريخ',
  signature: 'توقيع الشخص المشارك',
  formVersion: (version) => `نسخة النموذج ${version}`,
  page: (page, pages) => `الصفحة ${page} من ${pages}`,
  date: (year, month, day) => `${pad(day)}/${pad(month)}/${year}`,
};

export const CONSENT_TEXTS: Record<ConsentPdfLanguage, ConsentTexts> = { de, en, ar };
