/** The renderer's Content-Security-Policy, the same under both hosts (and for the patient cabinet). */
export { contentSecurityPolicy } from '../../shared/web/page-policy';
