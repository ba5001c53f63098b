/**
 * The Medicare Physician Fee Schedule: the RVU rows and payment indicators of CMS's relative value
 * file, GPCIs per locality, conversion factors by date of service, the OPPS imaging cap, and {@link
 * io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule}, which prices a claim line with them
 * exactly as CMS computes its published amounts. Claim-level pricing is in the {@code claim}
 * package beneath this one.
 */
package io.github.cpt4j.fee.medicare.pfs;
