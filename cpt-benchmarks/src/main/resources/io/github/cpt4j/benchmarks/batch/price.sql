-- The DuckDB peer of `cpt price --input`: prices the generated claim lines (BatchInput) with the
-- full CMS relative value and GPCI files in one statement, and writes the input columns plus the
-- amount, in input order. DuckDbPricer replaces the ${...} names with quoted paths.
--
-- amount = (work RVU x work GPCI + PE RVU x PE GPCI + MP RVU x MP GPCI) x CF, with the PE of the
-- other setting where the row marks this one NA; modifier 26 or TC picks that row; modifier 50
-- on bilateral indicator 1 pays 150%; among a claim's lines with multiple procedure indicator 2
-- the highest amount is paid in full and the others at 50% (ties: the lower code first, as the
-- claim pricer's stable key orders them, then the earlier line).
-- The OPPS imaging cap (CMS RVU25D record layout): a status A row with OPPS columns pays at most
-- (work RVU x work GPCI + OPPS PE RVU of the setting x PE GPCI + OPPS MP RVU x MP GPCI) x CF,
-- rounded to the cent, which is what CMS's OPPSCAP file lists.
-- A row without relative values (status R rows of zeros) is contractor-priced: no amount.
-- As CMS posts a fee schedule (README "Rounding rules"): the exact one-unit amount is rounded to
-- the cent, the posted fee; units and every percentage multiply it, and the line is rounded once
-- more, half-up, to cents. Exact decimals throughout.
COPY (
  WITH
  rvu AS (
    SELECT hcpcs AS code, coalesce(modifier, '') AS modifier, status,
           CAST(work AS DECIMAL(8, 2)) AS work,
           CAST(nf_pe AS DECIMAL(8, 2)) AS nf_pe, nf_na IS NOT NULL AS nf_na,
           CAST(f_pe AS DECIMAL(8, 2)) AS f_pe, f_na IS NOT NULL AS f_na,
           CAST(mp AS DECIMAL(8, 2)) AS mp, mult, bilat,
           CAST(cf AS DECIMAL(8, 4)) AS cf,
           CAST(coalesce(nf_opps, '0') AS DECIMAL(8, 2)) AS nf_opps,
           CAST(coalesce(f_opps, '0') AS DECIMAL(8, 2)) AS f_opps,
           CAST(coalesce(mp_opps, '0') AS DECIMAL(8, 2)) AS mp_opps
    FROM read_csv(${rvu}, skip = 10, header = false, all_varchar = true, delim = ',', quote = '"', escape = '"',
      names = ['hcpcs', 'modifier', 'description', 'status', 'not_used', 'work', 'nf_pe', 'nf_na',
               'f_pe', 'f_na', 'mp', 'nf_total', 'f_total', 'pctc', 'glob', 'pre', 'intra',
               'post', 'mult', 'bilat', 'asst', 'co', 'team', 'endo', 'cf', 'diag', 'calc',
               'family', 'nf_opps', 'f_opps', 'mp_opps'])
    WHERE status IN ('A', 'R')
  ),
  gpci AS (
    SELECT mac || '-' || loc AS locality,
           CAST(pw AS DECIMAL(8, 3)) AS pw, CAST(pe AS DECIMAL(8, 3)) AS pe,
           CAST(mp AS DECIMAL(8, 3)) AS mp
    FROM read_csv(${gpci}, skip = 3, header = false, all_varchar = true, delim = ',', quote = '"', escape = '"',
      names = ['mac', 'state', 'loc', 'name', 'pw', 'pe', 'mp'])
    WHERE mp IS NOT NULL
  ),
  lines AS (
    SELECT row_number() OVER () AS n, *
    FROM read_csv(${input}, header = true, all_varchar = true)
  ),
  priced AS (
    SELECT l.*, r.mult, r.work = 0 AND r.nf_pe = 0 AND r.f_pe = 0 AND r.mp = 0 AS no_rvus,
      (r.work * g.pw
        + CASE WHEN l.setting = 'facility' AND NOT (r.f_na AND NOT r.nf_na)
                 OR l.setting = 'non-facility' AND r.nf_na AND NOT r.f_na
               THEN r.f_pe ELSE r.nf_pe END * g.pe
        + r.mp * g.mp) * r.cf AS exact,
      CASE WHEN r.status = 'A' AND (r.nf_opps <> 0 OR r.f_opps <> 0 OR r.mp_opps <> 0)
           THEN round((r.work * g.pw
             + CASE WHEN l.setting = 'facility' THEN r.f_opps ELSE r.nf_opps END * g.pe
             + r.mp_opps * g.mp) * r.cf, 2) END AS cap,
      CASE WHEN l.modifiers = '50' AND r.bilat = '1' THEN 1.5 ELSE 1 END
        * CAST(l.units AS INTEGER) AS share
    FROM lines l
    JOIN gpci g ON g.locality = l.locality
    JOIN rvu r ON r.code = l.code
      AND r.modifier = CASE WHEN l.modifiers IN ('26', 'TC') THEN l.modifiers ELSE '' END
  ),
  fees AS (
    SELECT *, CASE WHEN cap IS NULL THEN round(exact, 2) ELSE round(least(exact, cap), 2) END * share AS fee FROM priced
  ),
  ranked AS (
    SELECT *,
      CASE WHEN mult = '2'
           THEN row_number() OVER (PARTITION BY claim, mult = '2' ORDER BY fee DESC, code, n)
           ELSE 1 END AS rank
    FROM fees
  )
  SELECT claim, code, modifiers, units, locality, setting, date,
         CASE WHEN NOT no_rvus
              THEN round(CASE WHEN rank = 1 THEN fee ELSE fee * 0.5 END, 2) END AS amount
  FROM ranked
  ORDER BY n
) TO ${output} (HEADER, DELIMITER ',');
