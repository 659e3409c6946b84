import { z } from 'zod';
import { AppError } from '../../shared/errors/app-error';

const portSchema = z.coerce.number().int().min(1).max(65535);

/**
 * The port `MEDCARD_PORT` asks for, or undefined for a random one free on both loopback families
 * (a fixed, well-known port is one another local user can take first).
 */
export function hostPort(env: NodeJS.ProcessEnv): number | undefined {
  const value = env.MEDCARD_PORT?.trim();
  if (value === undefined || value === '') return undefined;
  const port = portSchema.safeParse(value);
  if (!port.success || !/^\d+$/.test(value)) throw new AppError('host.port_invalid', { params: { value } });
  return port.data;
}
