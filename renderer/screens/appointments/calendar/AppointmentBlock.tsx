import { memo, type PointerEvent as ReactPointerEvent } from 'react';
import type { Placed } from './layout';
import { pxPerMinute, type CalendarItem } from './calendar-model';

/**
 * One booking in the grid: a plain element (no MUI component per block — a busy week has a
 * thousand of them), styled by the grid's one class sheet, re-rendered only when its own props
 * change (memo).
 */
export const AppointmentBlock = memo(function AppointmentBlock({
  item,
  rangeStart,
  placed,
  focused,
  label,
  lines,
  register,
  onPointerDown,
  onFocus,
}: {
  item: CalendarItem;
  rangeStart: number;
  placed: Placed;
  focused: boolean;
  label: string;
  /** Two short lines: time and patient, service and state. */
  lines: readonly [string, string];
  register(id: string, element: HTMLDivElement | null): void;
  onPointerDown(item: CalendarItem, event: ReactPointerEvent<HTMLDivElement>): void;
  /** Focus came by Tab or the mouse: the grid's cursor follows. */
  onFocus(item: CalendarItem): void;
}) {
  const { appointment } = item;
  const state =
    appointment.pending === 'refused'
      ? 'refused'
      : appointment.pending === 'waiting'
        ? 'requested'
        : appointment.status;
  return (
    <div
      ref={(element) => register(item.id, element)}
      role="button"
      tabIndex={focused ? 0 : -1}
      aria-label={label}
      data-appointment={item.id}
      className={`cal-block is-${state}`}
      style={{
        top: (item.start - rangeStart) * pxPerMinute,
        height: Math.max((item.end - item.start) * pxPerMinute - 2, 14),
        left: `calc(${(placed.lane / placed.lanes) * 100}% + 2px)`,
        width: `calc(${100 / placed.lanes}% - 4px)`,
      }}
      onPointerDown={(event) => onPointerDown(item, event)}
      onFocus={() => onFocus(item)}
    >
      <span className="cal-block-line cal-block-strong">{lines[0]}</span>
      <span className="cal-block-line">{lines[1]}</span>
    </div>
  );
});
