// The console's routes under /operator: operators only (anyone else sees "not found", as for
// another partner's pages). Each page is loaded on first visit.
import { lazy } from 'react';
import type { RouteObject } from 'react-router';
import { NotFound } from '../../app/not-found.tsx';

const OverviewPage = lazy(() => import('./overview/overview-page.tsx'));
const PartnersPage = lazy(() => import('./partners/partners-page.tsx'));
const PartnerAdminPage = lazy(() => import('./partners/partner-admin-page.tsx'));
const ReportsPage = lazy(() => import('./reports/reports-page.tsx'));
const RegistrationsPage = lazy(() => import('./registrations/registrations-page.tsx'));
const UsersPage = lazy(() => import('./users/users-page.tsx'));
const ImportsPage = lazy(() => import('./imports/imports-page.tsx'));
const IntegrationsPage = lazy(() => import('./integrations/integrations-page.tsx'));
const AuditPage = lazy(() => import('./audit/audit-page.tsx'));
const SsoPage = lazy(() => import('./sso/sso-page.tsx'));
const BackupsPage = lazy(() => import('./backups/backups-page.tsx'));
const ProgramLayout = lazy(() => import('./program/program-layout.tsx'));
const ProgramPage = lazy(() => import('./program/program-page.tsx'));
const DraftsPage = lazy(() => import('./program/drafts-page.tsx'));
const DraftPage = lazy(() => import('./program/draft-page.tsx'));
const HistoryPage = lazy(() => import('./program/history-page.tsx'));

export const operatorChildren: RouteObject[] = [
  { index: true, element: <OverviewPage /> },
  { path: 'partners', element: <PartnersPage /> },
  { path: 'partners/:partnerId', element: <PartnerAdminPage /> },
  { path: 'reports', element: <ReportsPage /> },
  { path: 'registrations', element: <RegistrationsPage /> },
  { path: 'users', element: <UsersPage /> },
  { path: 'imports', element: <ImportsPage /> },
  {
    path: 'program',
    element: <ProgramLayout />,
    children: [
      { index: true, element: <ProgramPage /> },
      { path: 'drafts', element: <DraftsPage /> },
      { path: 'drafts/:draftId', element: <DraftPage /> },
      { path: 'history', element: <HistoryPage /> },
      { path: '*', element: <NotFound /> },
    ],
  },
  { path: 'integrations', element: <IntegrationsPage /> },
  { path: 'sso', element: <SsoPage /> },
  { path: 'audit', element: <AuditPage /> },
  { path: 'backups', element: <BackupsPage /> },
  { path: '*', element: <NotFound /> },
];
