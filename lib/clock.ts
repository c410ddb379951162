// The application's "now". LIMITDESK_CLOCK_OFFSET_DAYS moves it forward (demos and tests of
// scheduled decreases); mutations also take an explicit `now` so tests control time exactly.
const DAY = 86_400_000;

export function now(): Date {
  const offset = Number(process.env.LIMITDESK_CLOCK_OFFSET_DAYS ?? 0);
  return new Date(Date.now() + (Number.isFinite(offset) ? offset : 0) * DAY);
}
