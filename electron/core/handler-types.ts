import type { z } from 'zod';
import type { CallName, CallOutput, Contract } from '../../shared/api/contract';
import type { ServiceContext } from './context';

export type Handler<N extends CallName> = (
  ctx: ServiceContext,
  input: z.output<Contract[N]['input']>,
) => CallOutput<N> | Promise<CallOutput<N>>;

/** The handlers of the calls in some namespaces of the contract. */
export type Handlers<NS extends string> = { [N in Extract<CallName, `${NS}.${string}`>]: Handler<N> };

/** The handlers of one slice of the contract (`typeof patientCalls`): one per call it declares. */
export type HandlersOf<Calls> = { [N in Extract<keyof Calls, CallName>]: Handler<N> };
