/** A paragraph of a message: text, or a link with its label. */
export type Block = string | { label: string; link: string };

/** A file that goes with an e-mail (an appointment's `.ics`). */
export interface MailAttachment {
  filename: string;
  /** With its parameters: `text/calendar; charset=utf-8; method=REQUEST`. */
  contentType: string;
  content: string;
}

export interface Content {
  subject: string;
  blocks: Block[];
  /** The SMS text: short, one line. */
  sms: string;
  /** E-mail only. */
  attachments?: MailAttachment[];
}

/** What a template may need beyond its params, known only when the message is sent (worker.ts). */
export interface RenderContext {
  /** The cabinet's public address (`https://lk.clinic.ru`): links are made of it and a path. */
  publicUrl?: string;
  /** The sender (`"Поликлиника" <noreply@clinic.ru>`): the organiser of a calendar event. */
  mailFrom?: string;
  /** The message's address (the attendee of a calendar event). */
  recipient?: string;
  /** When the message is made (a calendar event's DTSTAMP). */
  now?: Date;
}

/** A template's parameter is missing: the message cannot be sent as asked (permanent). */
export class TemplateParamError extends Error {
  constructor(readonly param: string) {
    super(`notification template parameter missing: ${param}`);
  }
}

export type Params = Readonly<Record<string, string>>;

export function need(params: Params, name: string): string {
  const value = params[name];
  if (value === undefined || value === '') throw new TemplateParamError(name);
  return value;
}
