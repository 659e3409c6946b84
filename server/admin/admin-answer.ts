import { z } from 'zod';

/**
 * The server's answer to one admin request, one JSON object a line: the command's output lines
 * (`out`: stdout, `err`: the notes for stderr) as it runs, then either `exit` with its status or
 * `error` with a catalogue code (the client prints it in both languages).
 */
export const adminAnswerSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('out'), line: z.string().max(1_000_000) }).strict(),
  z.object({ type: z.literal('err'), text: z.string().max(1_000_000) }).strict(),
  z.object({ type: z.literal('exit'), status: z.number().int().min(0).max(255) }).strict(),
  z
    .object({
      type: z.literal('error'),
      code: z.string().regex(/^[a-z0-9_.]{1,100}$/),
      params: z.record(z.string(), z.union([z.string(), z.number()])),
      field: z.string().max(100).optional(),
    })
    .strict(),
]);
export type AdminAnswer = z.infer<typeof adminAnswerSchema>;

/** One request or answer may not exceed this (a request is a few hundred bytes). */
export const maxLineBytes = 64 * 1024;
