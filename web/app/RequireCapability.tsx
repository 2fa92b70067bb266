import { Outlet } from 'react-router';
import type { Capability } from '../../server/modules/access/policy.ts';
import { useCurrentUser } from '../shared/api/session.ts';
import { StatusPage } from './StatusPage.tsx';

/** An area the user's capabilities do not include: said plainly, not an empty page. */
export function RequireCapability({ capability }: { capability: Capability }) {
  const me = useCurrentUser();
  return me.capabilities.includes(capability) ? <Outlet /> : <StatusPage kind="forbidden" />;
}
