/**
 * The Medicare Clinical Laboratory Fee Schedule (CLFS): one national payment rate (42 CFR 414.507)
 * per test code and modifier per quarter, from CMS's quarterly {@code CLFS_<year>_Q<n>} file, and
 * {@link io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule}, which prices a laboratory line with
 * it: tests, PLA and MAAA codes, specimen collection and the travel allowance (Medicare Claims
 * Processing Manual, Pub. 100-04, chapter 16).
 */
package io.github.cpt4j.fee.medicare.clfs;
