/**
 * Reads an iCalendar text back (RFC 5545), strictly enough to catch our own writer's mistakes:
 * every line ends in CRLF and is at most 75 octets, continuation lines start with one space, and
 * TEXT values unescape. Returns the properties of the VCALENDAR and the VEVENT by name.
 */
export interface ParsedCalendar {
  calendar: Record<string, string>;
  event: Record<string, string>;
  /** Property parameters by name (`ORGANIZER` → `CN=…`). */
  params: Record<string, string>;
  physicalLines: string[];
}

const encoder = new TextEncoder();

function unescapeText(value: string): string {
  return value.replace(/\\([\\;,nN])/g, (_whole, char: string) => (char === 'n' || char === 'N' ? '\n' : char));
}

export function readIcs(text: string): ParsedCalendar {
  if (!text.endsWith('\r\n')) throw new Error('the object does not end in CRLF');
  if (/[^\r]\n/.test(text)) throw new Error('a bare LF');
  const physicalLines = text.slice(0, -2).split('\r\n');
  for (const line of physicalLines) {
    if (encoder.encode(line).length > 75) throw new Error(`a line over 75 octets: ${line}`);
  }
  const logical = text.slice(0, -2).replace(/\r\n /g, '').split('\r\n');
  const calendar: Record<string, string> = {};
  const event: Record<string, string> = {};
  const params: Record<string, string> = {};
  let inEvent = false;
  for (const line of logical) {
    const colon = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!colon) throw new Error(`not a content line: ${line}`);
    const [, name = '', param = '', value = ''] = colon;
    if (name === 'BEGIN' && value === 'VEVENT') inEvent = true;
    else if (name === 'END' && value === 'VEVENT') inEvent = false;
    else if (name !== 'BEGIN' && name !== 'END') {
      (inEvent ? event : calendar)[name] = unescapeText(value);
      if (param) params[name] = param.slice(1);
    }
  }
  return { calendar, event, params, physicalLines };
}
