import type { Db } from '../../db/database.ts';
import { NotFound } from '../../errors.ts';
import type { ServiceContext } from '../../http/context.ts';
import { requireMay, requireParticipantScope } from '../access/policy.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireParticipant } from '../participants/participants.service.ts';
import type { CandidateMatch, Exclusion, VacancyMatch } from './matching.schemas.ts';
import * as q from './matching.queries.ts';
import { assess, exclusionOf, explain, flagsOf, scoreOf, type Assessment } from './matching.score.ts';

// Ranking both ways: candidates for a vacancy (the office's people with an open case) and
// open vacancies for a participant. It reads the employability check's result, so it is
// the case managers' tool; each run is audited with the people it showed.

/**
 * The `limit` best items by score (ties: the smaller tie key), in one pass that keeps only
 * those: ranking 10,000 vacancies needs the best 25, not all of them sorted.
 */
export function bestOf<T>(items: readonly T[], limit: number, score: (x: T) => number, tie: (x: T) => string) {
  const best: { item: T; score: number; tie: string }[] = [];
  for (const item of items) {
    const s = score(item);
    const worst = best[best.length - 1];
    if (best.length === limit && worst && s < worst.score) continue;
    const entry = { item, score: s, tie: tie(item) };
    if (best.length === limit && worst && s === worst.score && entry.tie >= worst.tie) continue;
    let i = best.length;
    while (i > 0 && (best[i - 1]!.score < s || (best[i - 1]!.score === s && best[i - 1]!.tie > entry.tie))) i--;
    best.splice(i, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best;
}

const byScoreThen =
  <T extends { a: Assessment }>(key: (x: T) => string) =>
  (x: T, y: T) =>
    y.a.score - x.a.score || key(x).localeCompare(key(y), 'de');

export async function matchesForVacancy(db: Db, ctx: ServiceContext, vacancyId: string, limit: number) {
  const officeIds = requireParticipantScope(ctx.actor);
  const [v] = await q.vacancyFacts(db, ctx.networkId, { id: vacancyId });
  if (!v) throw new NotFound('Vacancy');
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
  const [row, vacancies] = await Promise.all([
    q.candidateRows(db, ctx.networkId, [person.office_id]).where('p.id', '=', participantId).executeTakeFirst(),
    q.openVacancyFacts(db, ctx.networkId),
  ]);
  const base = { participantId, considered: vacancies.length };
  const c = row ? q.toCandidateFacts(row) : null;
  const exclusion = c ? exclusionOf(c) : null;
  // A closed case is not matched; an excluded person is told why, with no list at all.
  if (!c || exclusion) {
    await db.transaction().execute((tx) =>
      recordAudit(tx, ctx, {
        action: 'match.participant',
        entityType: 'participant',
        entityId: participantId,
        details: { vacancyIds: [] },
      }),
    );
    return { ...base, results: [], excludedBecause: exclusion };
  }

  // Rank on the score alone (ties: the earlier start), explain only the shown.
  const top = bestOf(
    vacancies,
    limit,
    (v) => scoreOf(c, v),
    (v) => v.startsOn ?? '9999',
  ).map(({ item: v }) => ({ v }));
  const ids = top.map((x) => x.v.vacancyId);
  const [details, labels, proposals] = await Promise.all([
    q.vacancyLabels(db, ctx.networkId, ids),
    q.skillLabels(db, ctx.networkId),
    q.runningProposals(db, ctx.networkId, ids, [participantId]),
  ]);
  const flags = flagsOf(c);
  const results: VacancyMatch[] = top.map(({ v }) => {
    const d = details.get(v.vacancyId)!;
    const a = assess(c, v);
    return {
      vacancyId: v.vacancyId,
      title: d.title,
      kind: d.kind,
      employerId: d.employer_id,
      employerName: d.employer_name,
      town: d.town,
      score: a.score,
      flags,
      reasons: explain(c, v, a, labels),
      proposal: proposals.get(`${v.vacancyId}:${participantId}`) ?? null,
    };
  });
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
    q.openVacancyFacts(db, ctx.networkId),
  ]);
  const facts = vacancies;
  const people = [];
  for (const row of candidates) {
    const c = q.toCandidateFacts(row);
    requireMay(ctx.actor, 'read', { type: 'match', officeId: c.officeId });
    const exclusion = exclusionOf(c);
    // Keep the best few while passing over every vacancy, instead of sorting them all.
    const best = exclusion
      ? []
      : bestOf(
          facts,
          perPerson,
          (v) => scoreOf(c, v),
          (v) => v.startsOn ?? '9999',
        ).map(({ item, score }) => ({
          vacancyId: item.vacancyId,
          score,
        }));
    people.push({
      participantId: c.participantId,
      name: c.name,
      flags: flagsOf(c),
      excludedBecause: exclusion,
      best,
    });
  }
  const details = await q.vacancyLabels(db, ctx.networkId, [...new Set(people.flatMap((p) => p.best.map((b) => b.vacancyId)))]);
  const withTitles = people.map((p) => ({
    ...p,
    best: p.best.map((b) => ({ ...b, title: details.get(b.vacancyId)!.title, employerName: details.get(b.vacancyId)!.employer_name })),
  }));
  withTitles.sort((a, b) => (b.best[0]?.score ?? -1) - (a.best[0]?.score ?? -1) || a.name.localeCompare(b.name, 'de'));
  await db.transaction().execute((tx) =>
    recordAudit(tx, ctx, {
      action: 'match.caseload',
      entityType: 'participant',
      details: { participantIds: withTitles.map((p) => p.participantId) },
    }),
  );
  return { considered: vacancies.length, people: withTitles };
}
