import { Outlet } from 'react-router';
import type { MeView } from '../../server/modules/auth/auth.schemas.ts';
import { useCurrentUser } from '../shared/api/session.ts';
import { StatusPage } from './StatusPage.tsx';

/** An area the user's capabilities do not include: said plainly, not an empty page. */
export function RequireCapability({ capability }: { capability: MeView['capabilities'][number] }) {
  const me = useCurrentUser();
  return me.capabilities.includes(capability) ? <Outlet /> : <StatusPage kind="forbidden" />;
}
