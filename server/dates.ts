// Calendar dates as ISO strings (yyyy-mm-dd), the form they have in the database and the API.

const BERLIN_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Germany at a moment: a cycle's last day ends at midnight there. */
export function dayInGermany(at: Date): string {
  return BERLIN_DAY.format(at);
}

/** Today in Germany, the day every cycle and consent date is compared with. */
export function today(): string {
  return dayInGermany(new Date());
}

function parse(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function addDays(date: string, days: number): string {
  const d = parse(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The same day n months later, or the month's last day when it has fewer days (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: string, months: number): string {
  const d = parse(date);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, lastDay));
  return d.toISOString().slice(0, 10);
}

/** Saturday and Sunday move to the Monday after. */
export function nextWorkingDay(date: string): string {
  const weekday = parse(date).getUTCDay();
  return weekday === 6 ? addDays(date, 2) : weekday === 0 ? addDays(date, 1) : date;
}
