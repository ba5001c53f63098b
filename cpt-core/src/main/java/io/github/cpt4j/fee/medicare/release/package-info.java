/**
 * Medicare data by date of service: the releases CMS publishes through a year (and across years),
 * each in force for its own dates, chosen for each claim by its date of service.
 */
package io.github.cpt4j.fee.medicare.release;
