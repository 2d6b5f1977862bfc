/** How numbers, dates and statuses read in the sidebars. */
import type { Plain } from '../plain';

export function percent(score: number | null): string {
  return score === null ? '–' : `${Math.round(score * 100)}%`;
}

/** A value for reading; `asPercent` when the sheet shows the key result's values as percentages. */
export function shown(value: Plain, asPercent = false): string {
  if (value === null || value === '') return '–';
  if (typeof value === 'boolean') return value ? 'done' : 'not done';
  if (typeof value === 'number' && asPercent) return `${Number((value * 100).toPrecision(4))}%`;
  if (typeof value === 'number')
    return Number.isInteger(value) ? value.toLocaleString('en-US') : String(Number(value.toPrecision(6)));
  return value;
}

export function shortDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? iso
    : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A CSS class for a status badge: the same red, amber and green as the sheet's highlights. */
export function statusClass(status: string | null): string {
  switch (status) {
    case 'Off track':
    case 'Breach':
    case 'Missed':
      return 'badge bad';
    case 'At risk':
    case 'Warning':
    case 'Near':
      return 'badge warn';
    case 'On track':
    case 'Done':
    case 'OK':
    case 'Met':
      return 'badge good';
    default:
      return 'badge idle';
  }
}

/** The pace in words: "12 points behind the pace for today" (a point is 1% of the score). */
export function paceText(pace: number | null): string {
  if (pace === null) return '';
  const points = Math.round(Math.abs(pace) * 100);
  if (points === 0) return 'On the pace for today';
  const unit = points === 1 ? 'point' : 'points';
  return `${points} ${unit} ${pace < 0 ? 'behind' : 'ahead of'} the pace for today`;
}
