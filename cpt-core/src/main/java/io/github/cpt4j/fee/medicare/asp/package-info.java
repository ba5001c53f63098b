/**
 * Medicare Part B drugs priced by average sales price (ASP): the payment limit per HCPCS dosage
 * unit of CMS's quarterly ASP pricing file, which already includes the statutory add-on (a few
 * vaccines and blood products are limited to 95% of the average wholesale price instead), and
 * {@link io.github.cpt4j.fee.medicare.asp.AspFeeSchedule}, which prices a drug line (Medicare
 * Claims Processing Manual, Pub. 100-04, chapter 17, §20).
 */
package io.github.cpt4j.fee.medicare.asp;
