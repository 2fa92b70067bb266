import { Navigate, Outlet, useLocation } from 'react-router';
import { useMe } from '../shared/api/session.ts';
import { ErrorAlert } from '../shared/components/ErrorAlert.tsx';
import { Loading } from '../shared/components/Loading.tsx';
import { Shell } from './Shell.tsx';

/** Pages after login: without a session, the login page, which comes back here afterwards. */
export function RequireAuth() {
  const { data: me, isPending, error } = useMe();
  const location = useLocation();
  if (isPending) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (!me) {
    const back = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/login${back}`} replace />;
  }
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}
