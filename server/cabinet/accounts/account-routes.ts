import type { FastifyInstance } from 'fastify';
import type { CabinetDeps } from '../cabinet-deps';
import { registerRegistrationRoutes } from './registration-routes';
import { registerSettingsRoutes } from './settings-routes';
import { registerSignInRoutes } from './sign-in-routes';

/** The cabinet's accounts (issue 11 item 2): registration, contacts, sign-in with 2FA, activation, settings. */
export function registerAccountRoutes(scope: FastifyInstance, deps: CabinetDeps): void {
  registerRegistrationRoutes(scope, deps);
  registerSignInRoutes(scope, deps);
  registerSettingsRoutes(scope, deps);
}
