/**
 * Events: LAST SEEN TYPE REASON OBJECT MESSAGE, with SUBOBJECT SOURCE FIRST SEEN COUNT NAME in wide output.
 * The name column comes last here, as in Kubernetes, so it is not the first column.
 */
import type { Event } from '@tugboat/api';
import { since } from '@tugboat/api';
import { NAME_COLUMN, column, definePrinter, nameOf, wideColumn } from './printer.js';

/** `kind/name` of the involved object, lower-cased kind. */
export function eventObject(ev: Event): string {
  const kind = (ev.involvedObject?.kind ?? '').toLowerCase();
  const name = ev.involvedObject?.name;
  return name ? `${kind}/${name}` : kind;
}

/** `component, host`, falling back to the reporting controller and instance of the events.k8s.io API. */
export function eventSource(ev: Event): string {
  const component = ev.source?.component || ev.reportingComponent || '';
  const host = ev.source?.host || ev.reportingInstance || '';
  return host ? `${component}, ${host}` : component;
}

/** FIRST SEEN, LAST SEEN and COUNT, from the core fields or the series of the newer API. */
export function eventTimes(ev: Event, now: Date): { first: string; last: string; count: number } {
  const first = ev.firstTimestamp ? since(ev.firstTimestamp, now) : since(ev.eventTime, now);
  if (ev.series) return { first, last: since(ev.series.lastObservedTime, now), count: ev.series.count ?? 0 };
  return { first, last: ev.lastTimestamp ? since(ev.lastTimestamp, now) : first, count: ev.count || 1 };
}

export const eventPrinter = definePrinter<Event>(
  [
    column('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
    column('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
    column('Reason', 'This should be a short, machine understandable string that gives the reason for the transition into the object\'s current status.'),
    column('Object', 'The object that this event is about.'),
    wideColumn('Subobject', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement.'),
    wideColumn('Source', 'The component reporting this event. Should be a short machine understandable string.'),
    column('Message', 'A human-readable description of the status of this operation.'),
    wideColumn('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
    wideColumn('Count', 'The number of times this event has occurred.'),
    { ...NAME_COLUMN, priority: 1 },
  ],
  (ev, now) => {
    const t = eventTimes(ev, now);
    return [
      t.last,
      ev.type ?? '',
      ev.reason ?? '',
      eventObject(ev),
      ev.involvedObject?.fieldPath ?? '',
      eventSource(ev),
      (ev.message ?? '').trim(),
      t.first,
      t.count,
      nameOf(ev),
    ];
  },
);
