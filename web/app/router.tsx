import { createBrowserRouter } from 'react-router';
import { AuditLogPage } from '../features/audit/AuditLogPage.tsx';
import { LoginPage } from '../features/auth/LoginPage.tsx';
import { ProfilePage } from '../features/auth/ProfilePage.tsx';
import { CitiesPage } from '../features/cities/CitiesPage.tsx';
import { HomePage } from '../features/home/HomePage.tsx';
import { OrganisationCreatePage } from '../features/organisations/OrganisationCreatePage.tsx';
import { OrganisationEditPage } from '../features/organisations/OrganisationEditPage.tsx';
import { OrganisationsPage } from '../features/organisations/OrganisationsPage.tsx';
import { DuplicatesPage } from '../features/duplicates/DuplicatesPage.tsx';
import { MergesPage } from '../features/duplicates/MergesPage.tsx';
import { ImportsPage } from '../features/imports/ImportsPage.tsx';
import { NotificationsPage } from '../features/notifications/NotificationsPage.tsx';
import { DeadlinesPage } from '../features/deadlines/DeadlinesPage.tsx';
import { ConferencePage } from '../features/cycle/ConferencePage.tsx';
import { CycleRulesPage } from '../features/cycle/CycleRulesPage.tsx';
import { ReferralPage } from '../features/cycle/ReferralPage.tsx';
import { ReferralsPage } from '../features/cycle/ReferralsPage.tsx';
import { WeekPage } from '../features/cycle/WeekPage.tsx';
import { ParticipantCreatePage } from '../features/participants/ParticipantCreatePage.tsx';
import { ParticipantPage } from '../features/participants/ParticipantPage.tsx';
import { ParticipantsPage } from '../features/participants/ParticipantsPage.tsx';
import { ReportsPage } from '../features/reports/ReportsPage.tsx';
import { EsfRulesPage } from '../features/reports/EsfRulesPage.tsx';
import { UserCreatePage } from '../features/users/UserCreatePage.tsx';
import { UserEditPage } from '../features/users/UserEditPage.tsx';
import { UsersPage } from '../features/users/UsersPage.tsx';
import { CandidatePage } from '../features/employer-portal/CandidatePage.tsx';
import { CandidatesPage } from '../features/employer-portal/CandidatesPage.tsx';
import { MyVacanciesPage } from '../features/employer-portal/MyVacanciesPage.tsx';
import { MyVacancyCreatePage } from '../features/employer-portal/MyVacancyCreatePage.tsx';
import { MyVacancyPage } from '../features/employer-portal/MyVacancyPage.tsx';
import { CaseloadMatchesPage } from '../features/jobs/CaseloadMatchesPage.tsx';
import { EmployerCreatePage } from '../features/jobs/EmployerCreatePage.tsx';
import { EmployerPage } from '../features/jobs/EmployerPage.tsx';
import { EmployersPage } from '../features/jobs/EmployersPage.tsx';
import { ProposalsBoardPage } from '../features/jobs/ProposalsBoardPage.tsx';
import { VacanciesPage } from '../features/jobs/VacanciesPage.tsx';
import { VacancyCreatePage } from '../features/jobs/VacancyCreatePage.tsx';
import { VacancyPage } from '../features/jobs/VacancyPage.tsx';
import { OfferCreatePage } from '../features/offers/OfferCreatePage.tsx';
import { OfferPage } from '../features/offers/OfferPage.tsx';
import { OffersPage } from '../features/offers/OffersPage.tsx';
import { MentorshipCreatePage } from '../features/mentorships/MentorshipCreatePage.tsx';
import { MentorshipPage } from '../features/mentorships/MentorshipPage.tsx';
import { MentorshipsPage } from '../features/mentorships/MentorshipsPage.tsx';
import { VolunteerCreatePage, VolunteerPage } from '../features/mentorships/VolunteerPages.tsx';
import { VolunteersPage } from '../features/mentorships/VolunteersPage.tsx';
import { MenteePage } from '../features/mentor-portal/MenteePage.tsx';
import { MenteesPage } from '../features/mentor-portal/MenteesPage.tsx';
import { ApprenticeshipPage } from '../features/apprenticeships/ApprenticeshipPage.tsx';
import { ApprenticeshipsPage } from '../features/apprenticeships/ApprenticeshipsPage.tsx';
import { ApprenticePage } from '../features/employer-portal/ApprenticePage.tsx';
import { ApprenticesPage } from '../features/employer-portal/ApprenticesPage.tsx';
import { CASE_FILE_TABS } from './participantTabs.tsx';
import { LIVE_REFERRAL_SECTIONS } from './referralSections.tsx';
import { RequireAuth } from './RequireAuth.tsx';
import { RequireCapability } from './RequireCapability.tsx';
import { StatusPage } from './StatusPage.tsx';

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      {
        element: <RequireCapability capability="administration" />,
        children: [
          { path: 'organisations', element: <OrganisationsPage /> },
          { path: 'organisations/new', element: <OrganisationCreatePage /> },
          { path: 'organisations/:id', element: <OrganisationEditPage /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'users/new', element: <UserCreatePage /> },
          { path: 'users/:id', element: <UserEditPage /> },
          { path: 'cities', element: <CitiesPage /> },
          { path: 'merges', element: <MergesPage /> },
          { path: 'cycle-rules', element: <CycleRulesPage /> },
        ],
      },
      {
        element: <RequireCapability capability="participants" />,
        children: [
          { path: 'participants', element: <ParticipantsPage /> },
          { path: 'participants/new', element: <ParticipantCreatePage /> },
          { path: 'participants/:id', element: <ParticipantPage extraTabs={CASE_FILE_TABS} /> },
          { path: 'deadlines', element: <DeadlinesPage /> },
          { path: 'duplicates', element: <DuplicatesPage /> },
          { path: 'imports', element: <ImportsPage /> },
        ],
      },
      {
        element: <RequireCapability capability="cycle" />,
        children: [
          { path: 'week', element: <WeekPage /> },
          { path: 'referrals', element: <ReferralsPage /> },
          { path: 'referrals/:id', element: <ReferralPage liveSections={LIVE_REFERRAL_SECTIONS} /> },
          { path: 'conferences/:id', element: <ConferencePage /> },
        ],
      },
      {
        element: <RequireCapability capability="jobs" />,
        children: [
          { path: 'employers', element: <EmployersPage /> },
          { path: 'employers/new', element: <EmployerCreatePage /> },
          { path: 'employers/:id', element: <EmployerPage /> },
          { path: 'vacancies', element: <VacanciesPage /> },
          { path: 'vacancies/new', element: <VacancyCreatePage /> },
          { path: 'vacancies/:id', element: <VacancyPage /> },
          { path: 'proposals', element: <ProposalsBoardPage /> },
          { path: 'matches', element: <CaseloadMatchesPage /> },
        ],
      },
      {
        element: <RequireCapability capability="employerPortal" />,
        children: [
          { path: 'my-vacancies', element: <MyVacanciesPage /> },
          { path: 'my-vacancies/new', element: <MyVacancyCreatePage /> },
          { path: 'my-vacancies/:id', element: <MyVacancyPage /> },
          { path: 'candidates', element: <CandidatesPage /> },
          { path: 'candidates/:id', element: <CandidatePage /> },
        ],
      },
      {
        element: <RequireCapability capability="mentorships" />,
        children: [
          { path: 'volunteers', element: <VolunteersPage /> },
          { path: 'volunteers/new', element: <VolunteerCreatePage /> },
          { path: 'volunteers/:id', element: <VolunteerPage /> },
          { path: 'mentorships', element: <MentorshipsPage /> },
          { path: 'mentorships/new', element: <MentorshipCreatePage /> },
          { path: 'mentorships/:id', element: <MentorshipPage /> },
        ],
      },
      {
        element: <RequireCapability capability="mentorPortal" />,
        children: [
          { path: 'mentees', element: <MenteesPage /> },
          { path: 'mentees/:id', element: <MenteePage /> },
        ],
      },
      // Apprenticeship support (Wegbereiter): the office's list and agreements, the company's apprentices.
      {
        element: <RequireCapability capability="participants" />,
        children: [
          { path: 'apprenticeships', element: <ApprenticeshipsPage /> },
          { path: 'apprenticeships/:id', element: <ApprenticeshipPage /> },
        ],
      },
      {
        element: <RequireCapability capability="employerPortal" />,
        children: [
          { path: 'my-apprentices', element: <ApprenticesPage /> },
          { path: 'my-apprentices/:id', element: <ApprenticePage /> },
        ],
      },
      { element: <RequireCapability capability="auditLog" />, children: [{ path: 'audit', element: <AuditLogPage /> }] },
      {
        element: <RequireCapability capability="offers" />,
        children: [
          { path: 'offers', element: <OffersPage /> },
          { path: 'offers/new', element: <OfferCreatePage /> },
          { path: 'offers/:id', element: <OfferPage /> },
        ],
      },
      {
        element: <RequireCapability capability="reports" />,
        children: [
          { path: 'reports', element: <ReportsPage /> },
          { path: 'reports/esf-rules', element: <EsfRulesPage /> },
        ],
      },
      { path: '*', element: <StatusPage kind="notFound" /> },
    ],
  },
]);
