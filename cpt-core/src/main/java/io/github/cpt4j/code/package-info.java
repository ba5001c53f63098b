/** Procedure codes of both HCPCS levels: parsing, validation, order and classification. */
package io.github.cpt4j.code;
