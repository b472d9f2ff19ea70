// The app's routes. Partner pages live under /partners/:partnerId; the server answers 404
// for a partner that is not the caller's, and the page then shows "not found".
import { Center, Loader } from '@mantine/core';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import {
  ResetPasswordPage,
  SetPasswordPage,
  SignInPage,
  SsoRefusedPage,
} from '../features/auth/sign-in-page.tsx';
import { OperatorLayout } from '../features/operator/layout.tsx';
import { operatorChildren } from '../features/operator/routes.tsx';
import { syncLocale, useMe } from '../lib/session.ts';
import { Layout } from './layout.tsx';
import { NotFound } from './not-found.tsx';

const DashboardPage = lazy(() => import('../features/dashboard/dashboard-page.tsx'));
const TierPage = lazy(() => import('../features/tier/tier-page.tsx'));
const ProjectionPreviewPage = lazy(() => import('../features/previews/projection-page.tsx'));
const ListsPage = lazy(() => import('../features/lists/lists-page.tsx'));
const ReportsPage = lazy(() => import('../features/saved-reports/reports-page.tsx'));
const PartnerUsersPage = lazy(() => import('../features/users/partner-users-page.tsx'));

function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center mih="50vh" role="status" aria-busy="true" aria-label={t('common.state.loading')}>
      <Loader />
    </Center>
  );
}

/** Signed-in pages: the layout around them, or the sign-in page when there is no session. */
function RequireSession() {
  const me = useMe();
  const location = useLocation();
  useEffect(() => syncLocale(me.data), [me.data]);
  if (me.isPending) return <PageLoader />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  return <Layout me={me.data} />;
}

/** The operator console: its own frame; not found for anyone but an operator. */
function RequireOperator() {
  const me = useMe();
  const location = useLocation();
  useEffect(() => syncLocale(me.data), [me.data]);
  if (me.isPending) return <PageLoader />;
  if (!me.data) {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/sign-in?next=${next}`} replace />;
  }
  if (me.data.user.role !== 'operator') return <NotFound />;
  return <OperatorLayout me={me.data} />;
}

/** The start page: the operator console for an operator, else the user's own partner. */
function Home() {
  const me = useMe();
  if (me.data?.user.role === 'operator') return <Navigate to="/operator" replace />;
  const partnerId = me.data?.user.partnerId;
  if (partnerId) return <Navigate to={`/partners/${encodeURIComponent(partnerId)}/dashboard`} replace />;
  return me.data ? <NotFound /> : <PageLoader />;
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/sign-in/sso-refused', element: <SsoRefusedPage /> },
  { path: '/set-password', element: <SetPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
  {
    path: '/operator',
    element: <RequireOperator />,
    children: [
      {
        element: (
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        ),
        children: operatorChildren,
      },
    ],
  },
  {
    element: <RequireSession />,
    children: [
      { index: true, element: <Home /> },
      {
        path: 'partners/:partnerId',
        element: (
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        ),
        children: [
          { index: true, element: <Navigate to="dashboard" replace /> },
          { path: 'dashboard', element: <DashboardPage /> },
          { path: 'tier', element: <TierPage /> },
          { path: 'commission', Component: lazy(() => import('../features/commission/commission-page.tsx')) },
          {
            path: 'registrations',
            Component: lazy(() => import('../features/deal-registrations/registrations-page.tsx')),
          },
          {
            path: 'registrations/new',
            Component: lazy(() => import('../features/deal-registrations/register-page.tsx')),
          },
          { path: 'previews/projection', element: <ProjectionPreviewPage /> },
          { path: 'lists', element: <ListsPage /> },
          { path: 'reports', element: <ReportsPage /> },
          { path: 'users', element: <PartnerUsersPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
