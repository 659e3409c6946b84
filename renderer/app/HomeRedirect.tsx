import { Navigate } from 'react-router';
import { useHomePath } from './NavRail';

/** The desk's start: the first section the signed-in role may use. */
export function HomeRedirect() {
  return <Navigate to={useHomePath()} replace />;
}
