import { addDays } from '../../dates.ts';
import type { Risk, RiskReason, Signal } from './apprenticeships.schemas.ts';

// The early-warning rule (decision 0017), pure so that it is tested on its own and applied
// the same way to one agreement and to a list. It reads the signals of the latest check-in
// (the current picture), those of the one before (a signal seen twice running persists),
// the current residence document's valid-until date and the planned next check-in.
//
//   high   — the residence document has expired or expires within 30 days;
//            or three or more different signals at once;
//            or a signal recorded at two check-ins running.
//   medium — any signal (the document expiring within 90 days counts as one);
//            or the next check-in is more than 14 days overdue.
//   low    — none of these.

export const RESIDENCE_WARNING_DAYS = 90;
export const RESIDENCE_URGENT_DAYS = 30;
export const OVERDUE_DAYS = 14;
export const MANY_SIGNALS = 3;

export interface RiskFacts {
  latestSignals: readonly Signal[];
  previousSignals: readonly Signal[];
  residenceValidUntil: string | null;
  nextCheckInOn: string | null;
  today: string;
}

const reason = (code: RiskReason['code'], signal: Signal | null = null, date: string | null = null): RiskReason => ({ code, signal, date });

export function assessRisk(f: RiskFacts): Risk {
  const high: RiskReason[] = [];
  const medium: RiskReason[] = [];
  const signals = new Set(f.latestSignals);
  const until = f.residenceValidUntil;
  const fromDocument =
    until && until < f.today
      ? 'residence_expired'
      : until && until <= addDays(f.today, RESIDENCE_URGENT_DAYS)
        ? 'urgent'
        : until && until <= addDays(f.today, RESIDENCE_WARNING_DAYS)
          ? 'warning'
          : null;
  if (fromDocument === 'residence_expired') high.push(reason('residence_expired', null, until));
  else if (fromDocument === 'urgent') high.push(reason('residence_expiring', null, until));
  else if (fromDocument === 'warning') medium.push(reason('residence_expiring', null, until));
  // The document counts as the residence signal; a recorded one beside it is the same fact.
  if (fromDocument) signals.add('residence_expiring');
  const previous = new Set(f.previousSignals);
  for (const s of new Set(f.latestSignals)) {
    if (s === 'residence_expiring' && fromDocument) continue;
    if (previous.has(s)) high.push(reason('repeated_signal', s));
    else medium.push(reason('signal', s));
  }
  if (signals.size >= MANY_SIGNALS) high.push(reason('many_signals'));
  if (f.nextCheckInOn && addDays(f.nextCheckInOn, OVERDUE_DAYS) < f.today) medium.push(reason('check_in_overdue', null, f.nextCheckInOn));
  const level = high.length ? 'high' : medium.length ? 'medium' : 'low';
  return { level, reasons: [...high, ...medium] };
}

const ORDER = { low: 0, medium: 1, high: 2 } as const;
/** Compares risk levels: higher is more urgent. */
export const riskRank = (level: Risk['level']) => ORDER[level];
