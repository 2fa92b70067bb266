import type { Db } from '../../db/database.ts';
import { NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay, requireParticipantScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import type { CandidateMatch, Exclusion, VacancyMatch } from './matching.schemas.ts';
import * as q from './matching.queries.ts';
import { assess, exclusionOf, explain, flagsOf, type Assessment } from './matching.score.ts';

// Ranking both ways: candidates for a vacancy (the office's people with an open case) and
// open vacancies for a participant. It reads the employability check's result, so it is
// the case managers' tool; each run is audited with the people it showed.

const byScoreThen =
  <T extends { a: Assessment }>(key: (x: T) => string) =>
  (x: T, y: T) =>
    y.a.score - x.a.score || key(x).localeCompare(key(y), 'de');

export async function matchesForVacancy(db: Db, ctx: ServiceContext, vacancyId: string, limit: number) {
  const officeIds = requireParticipantScope(ctx.actor);
  const vacancy = await q.vacancyRows(db, ctx.networkId).where('v.id', '=', vacancyId).executeTakeFirst();
  if (!vacancy) throw new NotFound('Vacancy');
  const v = q.toVacancyFacts(vacancy);
  const candidates = (await q.candidateRows(db, ctx.networkId, officeIds).execute()).map(q.toCandidateFacts);

  const excluded: Record<Exclusion, number> = { work_not_permitted: 0, restriction_applies: 0 };
  const ranked = [];
  for (const c of candidates) {
    requireMay(ctx.actor, 'read', { type: 'match', officeId: c.officeId });
    const exclusion = exclusionOf(c);
    if (exclusion) excluded[exclusion]++;
    else ranked.push({ c, a: assess(c, v) });
  }
  const top = ranked.sort(byScoreThen((x) => x.c.name)).slice(0, limit);
  const ids = top.map((x) => x.c.participantId);
  const [labels, proposals] = await Promise.all([
    q.skillLabels(db, ctx.networkId),
    q.runningProposals(db, ctx.networkId, [vacancyId], ids),
  ]);
  const results: CandidateMatch[] = top.map(({ c, a }) => ({
    participantId: c.participantId,
    name: c.name,
    score: a.score,
    flags: flagsOf(c),
    reasons: explain(c, v, a, labels),
    proposal: proposals.get(`${vacancyId}:${c.participantId}`) ?? null,
  }));
  await db
    .transaction()
    .execute((tx) =>
      recordAudit(tx, ctx, { action: 'match.vacancy', entityType: 'vacancy', entityId: vacancyId, details: { participantIds: ids } }),
    );
  return { vacancyId, results, considered: candidates.length, excluded };
}

export async function matchesForParticipant(db: Db, ctx: ServiceContext, participantId: string, limit: number) {
  const person = await requireParticipant(db, ctx, participantId, 'read');
  requireMay(ctx.actor, 'read', { type: 'match', officeId: person.office_id });
  const row = await q.candidateRows(db, ctx.networkId, [person.office_id]).where('p.id', '=', participantId).executeTakeFirst();
  const vacancies = await q.vacancyRows(db, ctx.networkId).where('v.status', '=', 'open').execute();
  const base = { participantId, considered: vacancies.length };
  // A closed case is not matched; an excluded person is told why, with no list at all.
  if (!row) return { ...base, results: [], excludedBecause: null };
  const c = q.toCandidateFacts(row);
  const exclusion = exclusionOf(c);
  if (exclusion) return { ...base, results: [], excludedBecause: exclusion };

  const top = vacancies
    .map((vacancy) => {
      const v = q.toVacancyFacts(vacancy);
      return { vacancy, v, a: assess(c, v) };
    })
    .sort(byScoreThen((x) => x.vacancy.title))
    .slice(0, limit);
  const [labels, proposals] = await Promise.all([
    q.skillLabels(db, ctx.networkId),
    q.runningProposals(
      db,
      ctx.networkId,
      top.map((x) => x.vacancy.id),
      [participantId],
    ),
  ]);
  const flags = flagsOf(c);
  const results: VacancyMatch[] = top.map(({ vacancy, v, a }) => ({
    vacancyId: vacancy.id,
    title: vacancy.title,
    kind: vacancy.kind,
    employerId: vacancy.employer_id,
    employerName: vacancy.employer_name,
    town: vacancy.town,
    score: a.score,
    flags,
    reasons: explain(c, v, a, labels),
    proposal: proposals.get(`${vacancy.id}:${participantId}`) ?? null,
  }));
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'match.participant',
      entityType: 'participant',
      entityId: participantId,
      details: { vacancyIds: results.map((r) => r.vacancyId) },
    }),
  );
  return { ...base, results, excludedBecause: null };
}

/**
 * The caseload overview: for every person of the actor's offices with an open case, the
 * best open vacancies. Two queries and one pass over every pair; only the best few per
 * person are explained.
 */
export async function matchCaseload(db: Db, ctx: ServiceContext, perPerson: number) {
  const officeIds = requireParticipantScope(ctx.actor);
  const [candidates, vacancies] = await Promise.all([
    q.candidateRows(db, ctx.networkId, officeIds).execute(),
    q.vacancyRows(db, ctx.networkId).where('v.status', '=', 'open').execute(),
  ]);
  const facts = vacancies.map((vacancy) => ({ vacancy, v: q.toVacancyFacts(vacancy) }));
  const people = [];
  for (const row of candidates) {
    const c = q.toCandidateFacts(row);
    requireMay(ctx.actor, 'read', { type: 'match', officeId: c.officeId });
    const exclusion = exclusionOf(c);
    // Keep the best few while passing over every vacancy, instead of sorting them all.
    const best: { vacancy: (typeof facts)[number]['vacancy']; score: number }[] = [];
    if (!exclusion) {
      for (const { vacancy, v } of facts) {
        const score = assess(c, v).score;
        if (best.length < perPerson || score > best[best.length - 1]!.score) {
          best.push({ vacancy, score });
          best.sort((x, y) => y.score - x.score);
          if (best.length > perPerson) best.pop();
        }
      }
    }
    people.push({
      participantId: c.participantId,
      name: c.name,
      flags: flagsOf(c),
      excludedBecause: exclusion,
      best: best.map(({ vacancy, score }) => ({ vacancyId: vacancy.id, title: vacancy.title, employerName: vacancy.employer_name, score })),
    });
  }
  people.sort((a, b) => (b.best[0]?.score ?? -1) - (a.best[0]?.score ?? -1) || a.name.localeCompare(b.name, 'de'));
  await db
    .transaction()
    .execute((tx) =>
      recordAudit(tx, ctx, { action: 'match.caseload', entityType: 'participant', details: { participants: people.length } }),
    );
  return { considered: vacancies.length, people };
}
