/**
 * The SQL that derives "months since the newest delayed repayment" (BorrowerState.monthsSinceDelay)
 * from the Statement history, on the HARMONISED repayment-status coding of
 * features/scoring/harmonise.ts: a status 1 ("one month late", coded almost only in the latest
 * month of the data set) counts as late only when the month before it was late; with no month
 * before, or a not-late one (−2, −1, 0), it is not a delay. One definition for every writer of the
 * column (initBorrowerStates, a month's scoring); harmonise-sql.test.ts checks it against
 * harmonisedStatuses on real histories.
 *
 * A run of 1s takes the harmonised status of the month before the run, i.e. of the newest earlier
 * month whose raw status is not 1 (harmonise maps 1 after late to 2, after −2/−1/0 to that code).
 * `grp` numbers those non-1 months, so every month's run-start is `first_value` within its group.
 */
export function harmonisedDelayCtes(statements: string): string {
  return `
    raw AS (
      SELECT h."borrowerId", h."month", h."repaymentStatus" AS s,
        count(*) FILTER (WHERE h."repaymentStatus" <> 1) OVER (PARTITION BY h."borrowerId" ORDER BY h."month") AS grp,
        row_number() OVER (PARTITION BY h."borrowerId" ORDER BY h."month" DESC) - 1 AS back
      FROM ${statements}),
    hist AS (
      SELECT "borrowerId", back,
        CASE WHEN s <> 1 THEN s >= 1 WHEN grp = 0 THEN false
          ELSE first_value(s) OVER (PARTITION BY "borrowerId", grp ORDER BY "month") >= 1 END AS late
      FROM raw),
    delay AS (SELECT "borrowerId", min(back) FILTER (WHERE late AND back < 255) AS back FROM hist GROUP BY 1)`;
}
