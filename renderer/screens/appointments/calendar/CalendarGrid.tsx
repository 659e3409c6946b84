import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent as ReactMouseEvent,
  type PointerEvent as ReactPointerEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView } from '../../../../shared/api/appointments-calls';
import { visuallyHidden } from '../../../ui/visually-hidden';
import { AppointmentBlock } from './AppointmentBlock';
import { gridStep, pxPerMinute, type CalendarColumn, type CalendarItem } from './calendar-model';
import { calendarSheet } from './calendar-sheet';
import { shortDate, timeOf } from './clinic-time';
import {
  blockAt,
  moveCursor,
  moveTarget,
  startFromPointer,
  type Cursor,
  type GridShape,
  type MoveTarget,
} from './keyboard';
import { layoutLanes, offHours, type Placed, type Span } from './layout';

interface Moving {
  item: CalendarItem;
  target: MoveTarget;
  /** Set by a drag: where the pointer took hold, to tell a click from a drag. */
  pointer?: { x: number; y: number; moved: boolean };
}

export interface CalendarGridProps {
  columns: readonly CalendarColumn[];
  /** Bookings by column index. */
  items: readonly (readonly CalendarItem[])[];
  range: Span;
  label: string;
  onOpen(appointment: AppointmentView): void;
  onSlot(column: CalendarColumn, minute: number): void;
  onMove(appointment: AppointmentView, column: CalendarColumn, minute: number): void;
  /** A booking whose move was asked for elsewhere (the booking's panel): the grid starts moving it. */
  moveRequest: string | null;
  onMoveRequestTaken(): void;
}

/**
 * The desk's own calendar: a CSS grid of the day's minutes with absolutely positioned blocks, one
 * column per resource and date. Our own rather than a library's, measured
 * (bench/week-view.bench.ts): FullCalendar's resource views are commercial, @mui/x-scheduler is a
 * beta, react-big-calendar freezes past ~700 events; a week of a busy department is 1,000
 * bookings. What keeps it smooth: one class sheet for the grid (no per-block MUI component),
 * blocks memoised with stable callbacks, so a key press re-renders the two blocks whose focus
 * changed, and only one element in the tab order (a roving cursor).
 *
 * Keys: arrows move the cursor by 15 minutes and by column (landing on a booking selects it),
 * Enter opens the booking or books the free time, `M` starts moving the booking (arrows move it,
 * Shift+arrows by 5 minutes, Enter confirms, Esc cancels). The mouse drags a booking.
 */
export function CalendarGrid({
  columns,
  items,
  range,
  label,
  onOpen,
  onSlot,
  onMove,
  moveRequest,
  onMoveRequestTaken,
}: CalendarGridProps) {
  const { t } = useTranslation();
  const shape: GridShape = useMemo(
    () => ({ columns: columns.length, starts: range.starts, ends: range.ends, step: gridStep }),
    [columns.length, range.starts, range.ends],
  );
  const [cursor, setCursor] = useState<Cursor>(() => ({
    column: 0,
    minute: Math.max(range.starts, columns[0]?.periods?.[0]?.starts ?? range.starts),
  }));
  const [moving, setMoving] = useState<Moving | null>(null);
  const [announce, setAnnounce] = useState('');
  const elements = useRef(new Map<string, HTMLDivElement>());
  const cursorElement = useRef<HTMLDivElement>(null);
  // Where the focus should follow: set with the cursor a key moved, taken by the render that shows it.
  const focusWanted = useRef<Cursor | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  const placed = useMemo(() => items.map((column) => layoutLanes(column)), [items]);
  const blocksOf = useCallback((column: number) => items[column] ?? [], [items]);
  const current = blockAt(blocksOf(cursor.column), cursor.minute);
  const texts = useBlockTexts(items);

  // The cursor stays inside the grid when the columns or hours change (another week, another view).
  useEffect(() => {
    setCursor((prior) => ({
      column: Math.min(prior.column, Math.max(columns.length - 1, 0)),
      minute: Math.min(Math.max(prior.minute, range.starts), range.ends - gridStep),
    }));
  }, [columns.length, range.starts, range.ends]);

  // A layout effect, and only for the cursor asked for: a key pressed before the first render's
  // effects ran must not be taken by that render (the focus would stay behind).
  useLayoutEffect(() => {
    const wanted = focusWanted.current;
    if (!wanted || wanted.column !== cursor.column || wanted.minute !== cursor.minute) return;
    focusWanted.current = null;
    const element = current ? elements.current.get(current.id) : cursorElement.current;
    element?.focus({ preventScroll: false });
    element?.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
  });

  const startMove = useCallback(
    (item: CalendarItem) => {
      const column = items.findIndex((list) => list.includes(item));
      setMoving({ item, target: { column, start: item.start, duration: item.end - item.start } });
      setAnnounce(t('appointments.panel.moveHint'));
    },
    [items, t],
  );

  useEffect(() => {
    if (!moveRequest) return;
    onMoveRequestTaken();
    for (const [column, list] of items.entries()) {
      const item = list.find((candidate) => candidate.id === moveRequest);
      if (!item) continue;
      startMove(item);
      focusWanted.current = { column, minute: item.start };
      setCursor({ column, minute: item.start });
      return;
    }
  }, [moveRequest, items, startMove, onMoveRequestTaken]);

  const finishMove = (target: MoveTarget, item: CalendarItem) => {
    setMoving(null);
    const column = columns[target.column];
    if (!column) return;
    const sameColumn = items[target.column]?.includes(item);
    if (sameColumn && target.start === item.start) return;
    onMove(item.appointment, column, target.start);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (moving) {
      if (event.key === 'Escape') {
        setMoving(null);
        focusWanted.current = cursor;
        setCursor({ ...cursor });
      } else if (event.key === 'Enter') {
        finishMove(moving.target, moving.item);
        focusWanted.current = cursor;
        setCursor({ ...cursor });
      } else {
        const target = moveTarget(moving.target, event.key, shape, event.shiftKey);
        if (!target) return;
        setMoving({ ...moving, target });
        const column = columns[target.column];
        if (column) setAnnounce(movingText(column, target.start));
      }
      event.preventDefault();
      event.stopPropagation();
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      const column = columns[cursor.column];
      if (current) onOpen(current.appointment);
      else if (column) onSlot(column, cursor.minute);
      return;
    }
    if ((event.key === 'm' || event.key === 'M' || event.key === 'ь' || event.key === 'Ь') && current) {
      event.preventDefault();
      startMove(current);
      return;
    }
    const next = moveCursor(cursor, event.key, shape, blocksOf);
    if (!next) return;
    event.preventDefault();
    focusWanted.current = next;
    setCursor(next);
  };

  const movingText = (column: CalendarColumn, minute: number) =>
    t('appointments.grid.moving', { day: shortDate(column.date), time: timeOf(minute), resource: column.resourceName });

  // Dragging: the pointer takes a booking; moving it shows where it would go; letting go moves it.
  const onBlockPointerDown = useCallback(
    (item: CalendarItem, event: ReactPointerEvent<HTMLDivElement>) => {
      if (event.button !== 0) return;
      const column = items.findIndex((list) => list.includes(item));
      setCursor({ column, minute: item.start });
      setMoving({
        item,
        target: { column, start: item.start, duration: item.end - item.start },
        pointer: { x: event.clientX, y: event.clientY, moved: false },
      });
      gridRef.current?.setPointerCapture?.(event.pointerId);
    },
    [items],
  );
  const onPointerMove = (event: ReactPointerEvent<HTMLDivElement>) => {
    if (!moving?.pointer) return;
    const { x, y } = moving.pointer;
    if (!moving.pointer.moved && Math.abs(event.clientX - x) + Math.abs(event.clientY - y) < 6) return;
    const under = document.elementsFromPoint(event.clientX, event.clientY);
    const columnElement = under.map((element) => element.closest<HTMLElement>('[data-column]')).find(Boolean);
    if (!columnElement) return;
    const column = Number(columnElement.dataset.column);
    const offset = event.clientY - columnElement.getBoundingClientRect().top;
    const start = startFromPointer(offset, pxPerMinute, shape, moving.target.duration);
    setMoving({ ...moving, target: { ...moving.target, column, start }, pointer: { ...moving.pointer, moved: true } });
  };
  const onPointerUp = () => {
    if (!moving?.pointer) return;
    if (moving.pointer.moved) finishMove(moving.target, moving.item);
    else {
      setMoving(null);
      onOpen(moving.item.appointment);
    }
  };

  const onBlockFocus = useCallback(
    (item: CalendarItem) => {
      const column = items.findIndex((list) => list.includes(item));
      setCursor((prior) =>
        prior.column === column && prior.minute === item.start ? prior : { column, minute: item.start },
      );
    },
    [items],
  );
  // A click on free time puts the cursor there (a second click, or Enter, books it).
  const onColumnClick = (index: number, event: ReactMouseEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (target.closest('.cal-block, .cal-cursor')) return;
    const offset = event.clientY - event.currentTarget.getBoundingClientRect().top;
    const minute = range.starts + Math.floor(offset / pxPerMinute / gridStep) * gridStep;
    const next = { column: index, minute: Math.min(Math.max(minute, range.starts), range.ends - gridStep) };
    focusWanted.current = next;
    setCursor(next);
  };
  const register = useCallback((id: string, element: HTMLDivElement | null) => {
    if (element) elements.current.set(id, element);
    else elements.current.delete(id);
  }, []);
  const height = (range.ends - range.starts) * pxPerMinute;
  const hours = useMemo(() => {
    const list: number[] = [];
    for (let minute = range.starts; minute < range.ends; minute += 60) list.push(minute);
    return list;
  }, [range.starts, range.ends]);
  const cursorColumn = columns[cursor.column];
  const cursorWorking =
    cursorColumn?.periods?.some((period) => period.starts <= cursor.minute && cursor.minute < period.ends) ?? true;
  const template = `56px repeat(${columns.length}, minmax(${columns.length > 7 ? 112 : 140}px, 1fr))`;

  return (
    <Box
      sx={calendarSheet}
      className="cal-scroll"
      role="region"
      aria-label={label}
      aria-describedby="calendar-hint"
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setMoving(null)}
    >
      <Box id="calendar-hint" sx={visuallyHidden}>
        {t('appointments.grid.hint')}
      </Box>
      <Box sx={visuallyHidden} aria-live="polite">
        {announce}
      </Box>
      <div className="cal-grid" style={{ gridTemplateColumns: template }} ref={gridRef} onKeyDown={onKeyDown}>
        <div className="cal-corner" />
        {columns.map((column) => (
          <div key={column.key} className="cal-head">
            <Typography component="div" variant="subtitle2" noWrap title={column.title}>
              {column.title}
            </Typography>
            {column.subtitle && (
              <Typography component="div" variant="caption" color="text.secondary" noWrap title={column.subtitle}>
                {column.subtitle}
              </Typography>
            )}
          </div>
        ))}
        <div className="cal-gutter" style={{ height }}>
          {hours.map((minute) => (
            <span key={minute} className="cal-hour" style={{ top: (minute - range.starts) * pxPerMinute }}>
              {timeOf(minute)}
            </span>
          ))}
        </div>
        {columns.map((column, index) => (
          <div
            key={column.key}
            className="cal-col"
            data-column={index}
            style={{ height }}
            onClick={(event) => onColumnClick(index, event)}
          >
            <ColumnShades column={column} range={range} />
            {(items[index] ?? []).map((item) => (
              <AppointmentBlock
                key={item.id}
                item={item}
                rangeStart={range.starts}
                placed={placed[index]?.get(item.id) ?? soloLane}
                focused={current?.id === item.id && cursor.column === index}
                label={texts.get(item.id)?.label ?? ''}
                lines={texts.get(item.id)?.lines ?? emptyLines}
                register={register}
                onPointerDown={onBlockPointerDown}
                onFocus={onBlockFocus}
              />
            ))}
            {cursor.column === index && !current && (
              <div
                ref={cursorElement}
                role="button"
                tabIndex={0}
                className="cal-cursor"
                aria-label={t(cursorWorking ? 'appointments.grid.free' : 'appointments.grid.off', {
                  day: shortDate(column.date),
                  time: timeOf(cursor.minute),
                  resource: column.resourceName,
                })}
                style={{ top: (cursor.minute - range.starts) * pxPerMinute, height: gridStep * pxPerMinute }}
                onClick={() => onSlot(column, cursor.minute)}
              >
                {timeOf(cursor.minute)}
              </div>
            )}
            {moving?.target.column === index && (
              <div
                className="cal-ghost"
                aria-hidden
                style={{
                  top: (moving.target.start - range.starts) * pxPerMinute,
                  height: moving.target.duration * pxPerMinute,
                }}
              >
                {timeOf(moving.target.start)}–{timeOf(moving.target.start + moving.target.duration)}
              </div>
            )}
          </div>
        ))}
      </div>
    </Box>
  );
}

const soloLane: Placed = { lane: 0, lanes: 1 };
const emptyLines: readonly [string, string] = ['', ''];

/** Off hours and breaks, shaded with their reason. */
const ColumnShades = function ColumnShades({ column, range }: { column: CalendarColumn; range: Span }) {
  const { t } = useTranslation();
  if (column.periods === null) return null;
  const off = offHours(range, column.periods);
  const reason = column.reason ? t(`appointments.reasons.${column.reason}`) : null;
  return (
    <>
      {off.map((span) => (
        <div
          key={`off-${span.starts}`}
          className="cal-off"
          style={{ top: (span.starts - range.starts) * pxPerMinute, height: (span.ends - span.starts) * pxPerMinute }}
        >
          {reason && span.starts === range.starts ? reason : null}
        </div>
      ))}
      {column.breaks.map((span) => (
        <div
          key={`break-${span.starts}`}
          className="cal-break"
          style={{ top: (span.starts - range.starts) * pxPerMinute, height: (span.ends - span.starts) * pxPerMinute }}
        >
          {t('appointments.grid.breakShade')}
        </div>
      ))}
    </>
  );
};

/** Each block's spoken label and its two lines, computed once per set of bookings (not per key press). */
function useBlockTexts(items: readonly (readonly CalendarItem[])[]) {
  const { t } = useTranslation();
  return useMemo(() => {
    const texts = new Map<string, { label: string; lines: readonly [string, string] }>();
    for (const column of items) {
      for (const item of column) {
        const { appointment } = item;
        const time = `${timeOf(item.start)}–${timeOf(item.end)}`;
        const status =
          appointment.pending === 'waiting'
            ? t('appointments.pending.waiting')
            : appointment.pending === 'refused'
              ? t('appointments.pending.refused')
              : t(`appointments.status.${appointment.status}`);
        texts.set(item.id, {
          label: t('appointments.grid.block', {
            time,
            patient: appointment.patientName,
            service: appointment.serviceName,
            status,
          }),
          lines: [
            `${timeOf(item.start)} ${appointment.patientName}`,
            appointment.status === 'booked' && appointment.pending === null
              ? appointment.serviceName
              : `${status} · ${appointment.serviceName}`,
          ],
        });
      }
    }
    return texts;
  }, [items, t]);
}
