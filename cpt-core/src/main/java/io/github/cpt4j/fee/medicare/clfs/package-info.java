/**
 * The Medicare Clinical Laboratory Fee Schedule (CLFS): one national limitation amount per test
 * code and modifier per quarter, from CMS's quarterly {@code CLFS_<year>_Q<n>} file, and {@link
 * io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule}, which prices a laboratory line with it:
 * tests, PLA and MAAA codes, specimen collection and the travel allowance (Medicare Claims
 * Processing Manual, Pub. 100-04, chapter 16).
 */
package io.github.cpt4j.fee.medicare.clfs;
