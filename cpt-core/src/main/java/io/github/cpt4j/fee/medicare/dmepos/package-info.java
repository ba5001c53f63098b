/**
 * The Medicare fee schedule for durable medical equipment, prosthetics, orthotics and supplies
 * (DMEPOS): a fee per code and modifier pair (new {@code NU}, rental {@code RR}, used {@code UE},
 * with {@code KU}, {@code KE}... where CMS lists them), per state, rural and non-rural, from CMS's
 * quarterly {@code DMEPOS_<month><year>} file; the rural ZIP codes that decide which column
 * applies; and {@link io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule}, which prices a DME
 * line by where the beneficiary lives (Medicare Claims Processing Manual, Pub. 100-04, chapter 20;
 * 42 CFR 414 subpart D).
 */
package io.github.cpt4j.fee.medicare.dmepos;
