package io.github.cpt4j.edit.ncci;

/**
 * The kind of claims an NCCI table is for. CMS publishes separate tables per kind, whose edits
 * differ: the procedure-to-procedure edits for practitioner and for outpatient hospital services,
 * the medically unlikely edits for practitioner, outpatient hospital and DME supplier services
 * (CMS's Medicare NCCI pages, "Medicare NCCI Procedure to Procedure (PTP) Edits" and "Medicare NCCI
 * Medically Unlikely Edits"). A claim is checked against the tables of its own kind: the outpatient
 * hospital MUE of a code may allow more or fewer units than the practitioner one.
 *
 * <p>{@link PtpTable#claimType()} and {@link MueTable#claimType()} say which kind a table is for,
 * when it is known: the loaders read it from the file's name and the MUE file's value column.
 */
public enum NcciClaimType {
  /**
   * Practitioner services: professional claims of physicians and other practitioners (CMS's PTP
   * files {@code ccipra-...}, MUE file {@code MCR_MUE_PractitionerServices_...}).
   */
  PRACTITIONER("practitioner services", true),
  /**
   * Outpatient hospital services: hospital outpatient claims (CMS's PTP files {@code ccioph-...},
   * MUE file {@code MCR_MUE_OutpatientHospitalServices_...}).
   */
  OUTPATIENT_HOSPITAL("outpatient hospital services", true),
  /**
   * DME supplier services: claims of suppliers of durable medical equipment, prosthetics, orthotics
   * and supplies (CMS's MUE file {@code MCR_MUE_DMESupplierServices_...}). CMS publishes no
   * procedure-to-procedure table for them.
   */
  DME_SUPPLIER("DME supplier services", false);

  private final String words;
  private final boolean hasPtpEdits;

  NcciClaimType(String words, boolean hasPtpEdits) {
    this.words = words;
    this.hasPtpEdits = hasPtpEdits;
  }

  /** {@return the kind in CMS's words, such as {@code "outpatient hospital services"}} */
  public String words() {
    return words;
  }

  /**
   * Tells whether the edits judge each rendering provider's lines apart: on practitioner claims the
   * provider of "the same provider, same beneficiary, same date of service" (NCCI Policy Manual,
   * ch. I) is the practitioner who furnished the line, and a group's two physicians each bill
   * within edits of their own; on outpatient hospital and DME supplier claims it is the hospital or
   * the supplier, the one provider of the whole claim, whatever physician each line names.
   *
   * @return true for practitioner claims, false for outpatient hospital and DME supplier claims
   */
  public boolean byRenderingProvider() {
    return this == PRACTITIONER;
  }

  /**
   * Tells whether CMS publishes procedure-to-procedure edits for this kind of claims: practitioner
   * and outpatient hospital services, not DME supplier services.
   *
   * @return false for DME supplier services, true for the others
   */
  public boolean hasPtpEdits() {
    return hasPtpEdits;
  }
}
