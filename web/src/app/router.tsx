// The app's routes. Partner pages live under /partners/:partnerId; the server answers 404
// for a partner that is not the caller's, and the page then shows "not found".
import { Center, Loader } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, Navigate, Outlet, useLocation } from 'react-router';
import { ResetPasswordPage, SetPasswordPage, SignInPage } from '../features/auth/sign-in-page.tsx';
import { api } from '../lib/api.ts';
import { syncLocale, useMe } from '../lib/session.ts';
import { Layout } from './layout.tsx';
import { NotFound } from './not-found.tsx';

const DashboardPage = lazy(() => import('../features/dashboard/dashboard-page.tsx'));
const TierPage = lazy(() => import('../features/tier/tier-page.tsx'));
const ProjectionPreviewPage = lazy(() => import('../features/previews/projection-page.tsx'));

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

/** The start page: the user's partner, or for an operator the partner chosen last (else the first). */
function Home() {
  const me = useMe();
  const stored = localStorage.getItem('tierwise.partner');
  const own = me.data?.user.partnerId ?? (me.data?.user.role === 'operator' ? stored : null);
  const partners = useQuery({
    queryKey: ['partners'],
    queryFn: () => api.get<{ partners: { partnerId: string }[] }>('/api/v1/partners'),
    enabled: me.data?.user.role === 'operator' && !own,
  });
  const partnerId = own ?? partners.data?.partners[0]?.partnerId;
  if (partnerId) return <Navigate to={`/partners/${encodeURIComponent(partnerId)}/dashboard`} replace />;
  if (partners.isSuccess || (me.data && me.data.user.role !== 'operator')) return <NotFound />;
  return <PageLoader />;
}

export const router = createBrowserRouter([
  { path: '/sign-in', element: <SignInPage /> },
  { path: '/set-password', element: <SetPasswordPage /> },
  { path: '/reset-password', element: <ResetPasswordPage /> },
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
          { path: 'previews/projection', element: <ProjectionPreviewPage /> },
          { path: '*', element: <NotFound /> },
        ],
      },
      { path: '*', element: <NotFound /> },
    ],
  },
]);
