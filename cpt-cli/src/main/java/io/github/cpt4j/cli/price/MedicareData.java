package io.github.cpt4j.cli.price;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Throwables;
import io.github.cpt4j.claim.BilledLine;
import io.github.cpt4j.claim.Claim;
import io.github.cpt4j.claim.ClaimLine;
import io.github.cpt4j.code.ProcedureCode;
import io.github.cpt4j.data.BundledData;
import io.github.cpt4j.data.CmsDirectory;
import io.github.cpt4j.data.MedicareFiles;
import io.github.cpt4j.data.load.DataLoadException;
import io.github.cpt4j.data.medicare.AspFile;
import io.github.cpt4j.data.medicare.ClfsFile;
import io.github.cpt4j.data.medicare.DmeposFile;
import io.github.cpt4j.data.medicare.DmeposRuralZipFile;
import io.github.cpt4j.data.medicare.GpciFile;
import io.github.cpt4j.data.medicare.OppsCapFile;
import io.github.cpt4j.edit.ClaimEdit;
import io.github.cpt4j.fee.ClaimWarning;
import io.github.cpt4j.fee.FeeResult;
import io.github.cpt4j.fee.FeeSchedule;
import io.github.cpt4j.fee.PricedClaim;
import io.github.cpt4j.fee.PricedLine;
import io.github.cpt4j.fee.PricingContext;
import io.github.cpt4j.fee.medicare.Locality;
import io.github.cpt4j.fee.medicare.ZipLocalityTable;
import io.github.cpt4j.fee.medicare.asp.AspFeeSchedule;
import io.github.cpt4j.fee.medicare.clfs.ClfsFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposFeeSchedule;
import io.github.cpt4j.fee.medicare.dmepos.DmeposZipTable;
import io.github.cpt4j.fee.medicare.partb.PartBClaimPricer;
import io.github.cpt4j.fee.medicare.partb.PartBFeeSchedule;
import io.github.cpt4j.fee.medicare.partb.PartBPayer;
import io.github.cpt4j.fee.medicare.pfs.Gpci;
import io.github.cpt4j.fee.medicare.pfs.GpciTable;
import io.github.cpt4j.fee.medicare.pfs.MedicareFeeSchedule;
import io.github.cpt4j.fee.medicare.pfs.OppsCapTable;
import io.github.cpt4j.fee.medicare.pfs.claim.MedicareClaimPricer;
import io.github.cpt4j.fee.medicare.release.MedicareRelease;
import io.github.cpt4j.fee.medicare.release.MedicareReleases;
import io.github.cpt4j.modifier.ModifierRegistry;
import io.github.cpt4j.modifier.ModifierRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Year;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The real {@link PricingData}: the Medicare Physician Fee Schedule bundled in cpt-data, or built
 * from the CMS files given on the command line, each file replacing its bundled counterpart (by
 * cpt-data's {@link MedicareFiles}), and priced claim by claim with the library's {@link
 * MedicareClaimPricer}. Nothing is loaded before it is needed.
 */
public final class MedicareData implements PricingData {

  /** The directories of CMS files read so far, by absolute path. */
  private final Map<Path, CmsDirectory> directories = new ConcurrentHashMap<>();

  /**
   * Loads of CMS files started by {@link #preload}, each taken by the first pricer of its files; by
   * {@link #key}, not by the {@code CmsFiles} record, whose {@code hashCode} would bootstrap its
   * method handles on the start path (about 50 ms of the main thread at start-up).
   */
  private final Map<List<Optional<Path>>, Loads> preloaded = new ConcurrentHashMap<>();

  /** What reads the files given on the command line: the real loaders, or a test's stand-in. */
  private final Loader loader;

  /** Reads the CMS files as given, else the bundled tables. */
  public MedicareData() {
    this(Loader.FILES);
  }

  /** Reads the files given on the command line with {@code loader}: a test holds or breaks it. */
  MedicareData(Loader loader) {
    this.loader = requireNonNull(loader, "loader");
  }

  /**
   * Reads the files a pricer of {@link CmsFiles} prices with, each on the thread that {@link Loads}
   * gives it.
   */
  interface Loader {

    /** The real files, and the bundled tables for those not given. */
    Loader FILES =
        new Loader() {
          @Override
          public MedicareFeeSchedule physicianFeeSchedule(CmsFiles files) {
            return MedicareData.physicianFeeSchedule(files);
          }

          @Override
          public OtherSchedules otherPartBSchedules(CmsFiles files, Runnable checkpoint) {
            return MedicareData.otherPartBSchedules(files, checkpoint);
          }
        };

    /** The Physician Fee Schedule of {@code files}. */
    MedicareFeeSchedule physicianFeeSchedule(CmsFiles files);

    /**
     * The lab, equipment and drug schedules of {@code files}, running {@code checkpoint} between
     * two files: it throws once the result is no longer wanted.
     */
    OtherSchedules otherPartBSchedules(CmsFiles files, Runnable checkpoint);
  }

  /**
   * Starts reading {@code files} (and the bundled tables standing in for the others) on threads of
   * their own, for a command that will ask for a {@link #pricer(CmsFiles, boolean)} of the same
   * files: the launcher calls it before the command line is parsed, so that on two cores the
   * relative value file and the other Part B schedules are read while picocli builds its model,
   * rather than one after the other once it has. A pricer of other files loads its own; a failure
   * is reported by the pricer that takes the load, as if it had read the files itself; the first
   * pricer drops every other load, a guess that missed, and stops its threads.
   */
  public synchronized void preload(CmsFiles files) {
    requireNonNull(files, "files");
    // Only a relative value file takes long enough to be worth a thread of its own: without one,
    // the bundled releases are priced with the GPCI and cap files in place of their tables.
    if (files.rvu().isPresent() && !preloaded.containsKey(key(files))) {
      preloaded.put(key(files), Loads.start(files, true, loader));
    }
  }

  /** Tells whether a load of {@code files} was started and not yet taken by a pricer. */
  boolean preloading(CmsFiles files) {
    return preloaded.containsKey(key(files));
  }

  /** The files in a list, whose {@code equals} and {@code hashCode} are plain methods. */
  private static List<Optional<Path>> key(CmsFiles files) {
    return List.of(
        files.rvu(),
        files.gpci(),
        files.oppsCap(),
        files.clfs(),
        files.dmepos(),
        files.dmeRuralZips(),
        files.asp());
  }

  @Override
  public RowPricer pricer(CmsFiles files, boolean explainPriced) {
    return pricer(files, explainPriced, List.of());
  }

  @Override
  public RowPricer pricer(CmsFiles files, boolean explainPriced, List<ClaimEdit> edits) {
    requireNonNull(files, "files");
    List<ClaimEdit> checked = List.copyOf(edits);
    Loads loads = preloaded.remove(key(files));
    // A preload of other files was a wrong guess: stop it and let its tables go (a whole schedule,
    // in what may be a 64 MB heap), before this pricer reads its own beside it.
    for (List<Optional<Path>> guess : List.copyOf(preloaded.keySet())) {
      Loads dropped = preloaded.remove(guess);
      if (dropped != null) {
        dropped.cancel();
      }
    }
    if (files.rvu().isEmpty()) {
      // The bundled releases, as with no file at all: each date of service with its quarter's
      // rows, whatever lab, equipment or drug files come with them, and a GPCI or cap file in
      // place of the releases' own tables.
      OtherSchedules others = otherPartBSchedules(files);
      return Claims.of(bundledReleasesWith(files), others, explainPriced, checked)
          .withSamples(others.samplesWith(PartBPayer.PHYSICIAN_FEE_SCHEDULE));
    }
    if (loads == null) {
      loads = Loads.start(files, false, loader);
    }
    OtherSchedules others;
    MedicareFeeSchedule schedule;
    try {
      // The other schedules first, as when they were read first: a broken file of theirs is the
      // error reported when both are broken.
      others = Loads.join(loads.others());
      schedule = Loads.join(loads.schedule());
    } catch (RuntimeException | Error e) {
      // A preloaded relative value file may still be reading: no read goes on once the run has
      // failed (the failure is reported next, and a test's run may delete the files).
      loads.cancel();
      throw e;
    }
    return Claims.of(schedule, others, explainPriced, checked).withSamples(others.samples());
  }

  /**
   * The Physician Fee Schedule of some CMS files and the other Part B schedules, read at the same
   * time: on two cores the relative value file (the longest read) and the bundled lab, equipment
   * and drug tables (about as long together) take half the time one after the other would.
   */
  private record Loads(
      CompletableFuture<OtherSchedules> others,
      CompletableFuture<MedicareFeeSchedule> schedule,
      List<Thread> threads,
      AtomicBoolean cancelled) {

    /**
     * Starts both loads on threads of their own, or, unless {@code bothInBackground}, the schedule
     * on the calling thread, which then returns when it is read.
     */
    static Loads start(CmsFiles files, boolean bothInBackground, Loader loader) {
      AtomicBoolean cancelled = new AtomicBoolean();
      List<Thread> threads = new ArrayList<>(2);
      Runnable checkpoint =
          () -> {
            if (cancelled.get()) {
              throw new CancellationException("the tables are no longer wanted");
            }
          };
      CompletableFuture<OtherSchedules> others =
          inBackground(
              "cpt-load-partb",
              () -> otherPartBSchedulesAndWarmUp(files, loader, checkpoint),
              threads);
      Supplier<MedicareFeeSchedule> schedule =
          () -> {
            checkpoint.run();
            return loader.physicianFeeSchedule(files);
          };
      return new Loads(
          others,
          bothInBackground
              ? inBackground("cpt-load-pfs", schedule, threads)
              : completedOrFailed(schedule),
          List.copyOf(threads),
          cancelled);
    }

    /**
     * Stops the loads whose result is no longer wanted and waits for their threads to end, so that
     * no read goes on behind the caller: the other schedules' load gives up at its next file, and a
     * relative value load not yet begun never begins. One under way has no check of its own ({@link
     * MedicareFiles} reads and parses the file whole; its file reads are not interruptible) and is
     * waited for: at most the few tenths of a second it takes. The threads are interrupted too, for
     * a load that waits interruptibly. A load that has ended is left as it is. Returns at once,
     * keeping the interrupt, if the calling thread is interrupted while it waits.
     */
    void cancel() {
      cancelled.set(true);
      for (Thread thread : threads) {
        thread.interrupt();
      }
      try {
        for (Thread thread : threads) {
          thread.join();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    /**
     * The other Part B schedules, then the standard modifier tables and the time-zone rules: the
     * claim pricer the command builds next reads the first, and its default date the second. This
     * thread finishes before the relative value file's, so they are ready when the command needs
     * them rather than set up then, on its own thread, after the wait (about 50 ms at load 8).
     */
    private static OtherSchedules otherPartBSchedulesAndWarmUp(
        CmsFiles files, Loader loader, Runnable checkpoint) {
      OtherSchedules others = loader.otherPartBSchedules(files, checkpoint);
      checkpoint.run();
      ModifierRegistry.standard();
      ModifierRules.standard();
      requireNonNull(ZoneId.systemDefault().getRules(), "rules");
      return others;
    }

    /**
     * Runs {@code load} on a daemon thread of its own, added to {@code threads}: a run that fails
     * early need not wait.
     */
    private static <T> CompletableFuture<T> inBackground(
        String name, Supplier<T> load, List<Thread> threads) {
      CompletableFuture<T> result = new CompletableFuture<>();
      Thread loader =
          new Thread(
              () -> {
                try {
                  result.complete(load.get());
                } catch (RuntimeException | Error e) {
                  result.completeExceptionally(e);
                }
              },
              name);
      loader.setDaemon(true);
      threads.add(loader);
      loader.start();
      return result;
    }

    private static <T> CompletableFuture<T> completedOrFailed(Supplier<T> load) {
      try {
        return CompletableFuture.completedFuture(load.get());
      } catch (RuntimeException | Error e) {
        return CompletableFuture.failedFuture(e);
      }
    }

    /** Waits for {@code load}, throwing what it threw, as if it had run on this thread. */
    static <T> T join(CompletableFuture<T> load) {
      try {
        return load.join();
      } catch (CompletionException e) {
        Throwables.throwIfUnchecked(e.getCause());
        throw e;
      }
    }
  }

  /**
   * The Physician Fee Schedule of the relative value, GPCI and OPPS cap files given. A failure to
   * read one names it, though they are read together, for the message to name its option.
   */
  private static MedicareFeeSchedule physicianFeeSchedule(CmsFiles files) {
    try {
      return MedicareFiles.of(files.rvu(), files.gpci(), files.oppsCap()).schedule();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bundled releases with the GPCI and OPPS cap files of {@code files} in place of their own
   * tables: the GPCI file in the releases of its year (in every release when it names none), the
   * cap file, which does not say its quarter, in every release. Each date of service keeps its own
   * release's relative values: a schedule of the October rows alone priced 0446T on a January date
   * at October's doubled practice expense, and no 2026 date at all.
   *
   * @throws UncheckedIOException if a file cannot be read, or is malformed ({@link
   *     DataLoadException}), or the GPCI file is of a year no bundled release is of
   */
  private static MedicareReleases bundledReleasesWith(CmsFiles files) {
    MedicareReleases bundled = BundledData.medicareReleases();
    if (files.noPhysicianFeeScheduleFile()) {
      return bundled;
    }
    try {
      Optional<GpciTable> gpcis =
          files.gpci().isPresent()
              ? Optional.of(GpciFile.read(files.gpci().get()))
              : Optional.empty();
      Optional<OppsCapTable> caps =
          files.oppsCap().isPresent()
              ? Optional.of(OppsCapFile.read(files.oppsCap().get()))
              : Optional.empty();
      Optional<Year> gpciYear = gpcis.flatMap(GpciTable::year);
      List<MedicareRelease> releases = new ArrayList<>();
      Set<Year> years = new TreeSet<>();
      boolean gpciUsed = false;
      for (MedicareRelease release : bundled.releases()) {
        MedicareFeeSchedule schedule = release.schedule();
        Optional<Year> year = schedule.rvus().year();
        year.ifPresent(years::add);
        if (gpcis.isPresent() && (gpciYear.isEmpty() || year.isEmpty() || gpciYear.equals(year))) {
          schedule = schedule.withGpcis(gpcis.get());
          gpciUsed = true;
        }
        if (caps.isPresent()) {
          schedule = schedule.withOppsCaps(caps.get());
        }
        releases.add(
            schedule == release.schedule() ? release : MedicareRelease.of(release.id(), schedule));
      }
      if (gpcis.isPresent() && !gpciUsed) {
        throw new DataLoadException(
            files.gpci().get().getFileName().toString(),
            0,
            0,
            "the GPCIs are for "
                + gpciYear.orElseThrow()
                + ", but the bundled relative values are for "
                + years.stream().map(Year::toString).collect(Collectors.joining(" and "))
                + ": give the relative value file of "
                + gpciYear.orElseThrow()
                + " with --rvu");
      }
      return MedicareReleases.of(releases);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The Clinical Laboratory, DMEPOS and drug (ASP) schedules: each from its file when given, else
   * the bundled 2025 Q1 rows of the sample codes.
   */
  private static OtherSchedules otherPartBSchedules(CmsFiles files) {
    return otherPartBSchedules(files, () -> {});
  }

  /** {@link #otherPartBSchedules(CmsFiles)}, running {@code checkpoint} before each file. */
  private static OtherSchedules otherPartBSchedules(CmsFiles files, Runnable checkpoint) {
    try {
      checkpoint.run();
      DmeposZipTable zips =
          files.dmeRuralZips().isPresent()
              ? DmeposRuralZipFile.read(files.dmeRuralZips().get(), BundledData.dmeposZips())
              : BundledData.dmeposZips();
      checkpoint.run();
      ClfsFeeSchedule clfs =
          files.clfs().isPresent()
              ? ClfsFile.read(files.clfs().get())
              : BundledData.clinicalLabFeeSchedule();
      checkpoint.run();
      DmeposFeeSchedule dmepos =
          files.dmepos().isPresent()
              ? DmeposFile.read(files.dmepos().get(), zips)
              : BundledData.dmeposFeeSchedule().withZips(zips);
      checkpoint.run();
      AspFeeSchedule asp =
          files.asp().isPresent() ? AspFile.read(files.asp().get()) : BundledData.aspFeeSchedule();
      return new OtherSchedules(
          List.of(clfs),
          List.of(dmepos),
          List.of(asp),
          samples(files.clfs().isEmpty(), files.dmepos().isEmpty(), files.asp().isEmpty()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public RowPricer pricer(Path cmsDirectory, boolean explainPriced) {
    return pricer(cmsDirectory, explainPriced, List.of());
  }

  @Override
  public RowPricer pricer(Path cmsDirectory, boolean explainPriced, List<ClaimEdit> edits) {
    requireNonNull(cmsDirectory, "cmsDirectory");
    List<ClaimEdit> checked = List.copyOf(edits);
    CmsDirectory cms = directory(cmsDirectory);
    OtherSchedules bundled = otherPartBSchedules(PricingData.CmsFiles.NONE);
    // The directory's lab, equipment and drug files, each kind else the bundled rows.
    OtherSchedules others =
        new OtherSchedules(
            cms.clinicalLab().isEmpty() ? bundled.clfs() : cms.clinicalLab(),
            cms.dmepos().isEmpty() ? bundled.dmepos() : cms.dmepos(),
            cms.drugs().isEmpty() ? bundled.asp() : cms.drugs(),
            samples(cms.clinicalLab().isEmpty(), cms.dmepos().isEmpty(), cms.drugs().isEmpty()));
    return Claims.of(cms.releases(), others, explainPriced, checked).withSamples(others.samples());
  }

  /**
   * The kinds of schedule without a file of their own (no laboratory, DMEPOS or drug file), which
   * the bundled samples stand in for.
   */
  private static Set<PartBPayer> samples(boolean noLab, boolean noDmepos, boolean noDrugs) {
    Set<PartBPayer> samples = EnumSet.noneOf(PartBPayer.class);
    if (noLab) {
      samples.add(PartBPayer.CLINICAL_LABORATORY);
    }
    if (noDmepos) {
      samples.add(PartBPayer.DMEPOS);
    }
    if (noDrugs) {
      samples.add(PartBPayer.DRUGS);
    }
    return samples;
  }

  /** Loads {@code cmsDirectory} once per run: pricing and ZIP look-ups share it. */
  private CmsDirectory directory(Path cmsDirectory) {
    return directories.computeIfAbsent(
        cmsDirectory.toAbsolutePath().normalize(),
        path -> {
          try {
            return CmsDirectory.load(path);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }

  @Override
  public String describe(Optional<Path> cmsDirectory) {
    if (cmsDirectory.isEmpty()) {
      return BundledData.describeMedicareReleases();
    }
    CmsDirectory cms = directory(cmsDirectory.get());
    // Pricing takes the bundled rows for a kind the directory lacks: say which, where the
    // directory's own description says it has none.
    OtherSchedules bundled = otherPartBSchedules(PricingData.CmsFiles.NONE);
    List<String> standIns = new ArrayList<>(3);
    if (cms.clinicalLab().isEmpty()) {
      standIns.add("clinical lab " + names(bundled.clfs()));
    }
    if (cms.dmepos().isEmpty()) {
      standIns.add("DMEPOS " + names(bundled.dmepos()));
    }
    if (cms.drugs().isEmpty()) {
      standIns.add("drugs (ASP) " + names(bundled.asp()));
    }
    String described = cms.describe();
    return standIns.isEmpty()
        ? described
        : described
            + "bundled sample rows price the kinds without a file: "
            + String.join(", ", standIns)
            + "\n";
  }

  private static String names(List<? extends FeeSchedule> schedules) {
    return schedules.stream().map(FeeSchedule::name).collect(Collectors.joining(", "));
  }

  @Override
  public Optional<Locality> localityOf(ZipCode zip) {
    return BundledData.zipLocalities().find(requireNonNull(zip, "zip").digits());
  }

  /**
   * Finds {@code zip} in the directory's ZIP5 file in force on {@code dateOfService}, or the
   * bundled table without one.
   */
  @Override
  public Optional<Locality> localityOf(
      ZipCode zip, LocalDate dateOfService, Optional<Path> cmsDirectory) {
    return zipTable(dateOfService, cmsDirectory).find(requireNonNull(zip, "zip").digits());
  }

  @Override
  public boolean isKnownOnAnyDate(ZipCode zip, Optional<Path> cmsDirectory) {
    if (cmsDirectory.isEmpty()) {
      return localityOf(zip).isPresent();
    }
    String digits = requireNonNull(zip, "zip").digits();
    return directory(cmsDirectory.get()).zipLocalityTables().stream()
        .anyMatch(table -> table.find(digits).isPresent());
  }

  @Override
  public boolean isSplitByPlusFour(
      ZipCode zip, LocalDate dateOfService, Optional<Path> cmsDirectory) {
    return zipTable(dateOfService, cmsDirectory)
        .isSplitByPlusFour(requireNonNull(zip, "zip").digits());
  }

  private ZipLocalityTable zipTable(LocalDate dateOfService, Optional<Path> cmsDirectory) {
    requireNonNull(dateOfService, "dateOfService");
    return cmsDirectory.isEmpty()
        ? BundledData.zipLocalities()
        : directory(cmsDirectory.get()).zipLocalities(dateOfService);
  }

  @Override
  public Map<Locality, SortedSet<String>> statesOfLocalities() {
    DmeposZipTable states = BundledData.dmeposZips();
    ZipLocalityTable zips = BundledData.zipLocalities();
    Map<Locality, SortedSet<String>> found = new HashMap<>();
    for (int i = 0; i < zips.rangeCount(); i++) {
      SortedSet<String> ofLocality =
          found.computeIfAbsent(zips.rangeLocality(i), locality -> new TreeSet<>());
      for (int zip = zips.rangeStart(i); zip <= zips.rangeEnd(i); zip++) {
        int state = states.stateIndex(zip);
        if (state >= 0) {
          ofLocality.add(states.states().get(state));
        }
      }
    }
    return found;
  }

  @Override
  public List<Gpci> localities(Optional<Path> gpciFile) {
    List<Gpci> all;
    try {
      all =
          new ArrayList<>(
              gpciFile.isPresent()
                  ? GpciFile.read(gpciFile.get()).all()
                  : BundledData.medicareFeeSchedule().gpcis().all());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    all.sort(Comparator.comparing(Gpci::state).thenComparing(Gpci::locality));
    return all;
  }

  /**
   * The Part B schedules other than the Physician Fee Schedule, and which of them are the bundled
   * samples rather than CMS's files ({@link SampleCoverage}).
   */
  record OtherSchedules(
      List<ClfsFeeSchedule> clfs,
      List<DmeposFeeSchedule> dmepos,
      List<AspFeeSchedule> asp,
      Set<PartBPayer> samples) {

    /** Keeps a copy of the samples. */
    OtherSchedules {
      samples = samples.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(samples));
    }

    /** Returns the samples and {@code payer}, whose schedule is a bundled sample too. */
    Set<PartBPayer> samplesWith(PartBPayer payer) {
      Set<PartBPayer> with = EnumSet.of(payer);
      with.addAll(samples);
      return with;
    }

    /** Returns the router over {@code pfs} (one schedule, or every release's) and these. */
    PartBFeeSchedule partB(MedicareFeeSchedule... pfs) {
      return PartBFeeSchedule.builder()
          .physicianFeeSchedule(pfs)
          .clinicalLaboratory(clfs.toArray(ClfsFeeSchedule[]::new))
          .dmepos(dmepos.toArray(DmeposFeeSchedule[]::new))
          .drugs(asp.toArray(AspFeeSchedule[]::new))
          .build();
    }
  }

  /**
   * Prices the lines of one claim with the library's {@link PartBClaimPricer}: the claim edits over
   * every line, the Physician Fee Schedule's lines together with its claim rules (multiple
   * procedures, bilateral pairs...), every other line alone with the schedule that pays it.
   * Warnings (an add-on without its primary, documentation needed) are always shown.
   */
  static final class Claims implements RowPricer {
    private final PartBClaimPricer pricer;
    private final boolean explainPriced;

    /** Whether each outcome gives the line's limiting charge too ({@link #withLimitingCharges}). */
    private final boolean limitingCharges;

    /** The localities of every GPCI table the Physician Fee Schedules price with. */
    private final Set<Locality> localities;

    /** The schedules that are bundled samples: a code they lack may be priced by CMS's file. */
    private final Set<PartBPayer> samples;

    private Claims(
        PartBClaimPricer pricer, boolean explainPriced, MedicareFeeSchedule... schedules) {
      this.pricer = pricer;
      this.explainPriced = explainPriced;
      this.limitingCharges = false;
      Set<Locality> known = new HashSet<>();
      for (MedicareFeeSchedule schedule : schedules) {
        for (Gpci gpci : schedule.gpcis().all()) {
          known.add(gpci.locality());
        }
      }
      this.localities = Set.copyOf(known);
      this.samples = Set.of();
    }

    private Claims(Claims other, boolean limitingCharges, Set<PartBPayer> samples) {
      this.pricer = other.pricer;
      this.explainPriced = other.explainPriced;
      this.limitingCharges = limitingCharges;
      this.localities = other.localities;
      this.samples = Set.copyOf(samples);
    }

    @Override
    public RowPricer withLimitingCharges() {
      return new Claims(this, true, samples);
    }

    /**
     * Returns this pricer with {@code payers}' schedules known to be bundled samples: a line they
     * leave {@code not_in_schedule} is marked {@link Outcome#notInSample()} when its code is of a
     * kind Medicare pays ({@link SampleCoverage#mayBePaid}).
     */
    Claims withSamples(Set<PartBPayer> payers) {
      return new Claims(this, limitingCharges, payers);
    }

    /** Prices every line under the Physician Fee Schedule {@code schedule}. */
    static Claims of(
        MedicareFeeSchedule schedule,
        OtherSchedules others,
        boolean explainPriced,
        List<ClaimEdit> edits) {
      return new Claims(
          PartBClaimPricer.of(
              others.partB(schedule),
              withEdits(MedicareClaimPricer.builder(schedule), edits).build()),
          explainPriced,
          schedule);
    }

    /**
     * Prices every line with the release in force on its date of service, routing by the releases'
     * own statuses; the Physician Fee Schedule's lines on a date no release covers are {@code
     * date_not_covered}, saying which dates the data covers.
     */
    static Claims of(
        MedicareReleases releases,
        OtherSchedules others,
        boolean explainPriced,
        List<ClaimEdit> edits) {
      MedicareFeeSchedule[] schedules =
          releases.releases().stream()
              .map(MedicareRelease::schedule)
              .toArray(MedicareFeeSchedule[]::new);
      return new Claims(
          PartBClaimPricer.of(others.partB(schedules), releases, b -> withEdits(b, edits)),
          explainPriced,
          schedules);
    }

    @Override
    public boolean knowsLocality(Locality locality) {
      return localities.contains(locality);
    }

    @Override
    public boolean pricesByLocality(LineRequest line) {
      PartBPayer payer = pricer.partB().payerOf(line.line());
      return payer == PartBPayer.PHYSICIAN_FEE_SCHEDULE || payer == PartBPayer.ANESTHESIA;
    }

    @Override
    public List<Outcome> price(List<LineRequest> lines, boolean participating) {
      return priceClaim(claimOf(lines), lines, participating);
    }

    @Override
    public List<Outcome> price(List<LineRequest> lines, int[] lineNumbers, boolean participating) {
      requireNonNull(lineNumbers, "lineNumbers");
      return priceClaim(claimOf(lines).withLineNumbers(lineNumbers), lines, participating);
    }

    /** The lines as billed, numbered by their positions. */
    private static Claim claimOf(List<LineRequest> lines) {
      LineRequest first = lines.get(0);
      List<BilledLine> billed = new ArrayList<>(lines.size());
      for (LineRequest line : lines) {
        billed.add(billed(line, first));
      }
      return Claim.of(billed);
    }

    /**
     * Tells whether {@code outcome}, of {@code line}, is {@code not_in_schedule} from a bundled
     * sample, for a code Medicare may pay and the sample does not list.
     */
    private boolean isNotInSample(Outcome outcome, ClaimLine line) {
      if (!outcome.result().equals(SampleCoverage.NOT_IN_SCHEDULE)) {
        return false;
      }
      PartBPayer payer = pricer.partB().payerOf(line);
      return samples.contains(payer)
          && SampleCoverage.mayBePaid(line.code())
          && !listedBy(pricer.partB().schedule(payer).orElse(null), line.code());
    }

    /**
     * Tells whether {@code schedule}, a laboratory, DMEPOS or drug sample, lists {@code code}: its
     * not_in_schedule is then about something else than the sample's gaps (a DMEPOS item for a
     * patient in Guam, where no DMEPOS file, CMS's whole one included, has amounts), which CMS's
     * whole file would answer alike.
     */
    private static boolean listedBy(FeeSchedule schedule, ProcedureCode code) {
      return schedule instanceof ClfsFeeSchedule clfs && clfs.contains(code)
          || schedule instanceof DmeposFeeSchedule dmepos && dmepos.contains(code)
          || schedule instanceof AspFeeSchedule asp && asp.contains(code);
    }

    /**
     * Prices {@code toPrice}, the claim of {@code lines}, in {@link LineRequest#claimContext}: its
     * first line's, each rendering provider with its practitioner type, with presence at induction
     * when any line says so.
     */
    private List<Outcome> priceClaim(
        Claim toPrice, List<LineRequest> lines, boolean participating) {
      PricingContext context = LineRequest.claimContext(lines, participating);
      PricedClaim claim = pricer.price(toPrice, context);
      PricedClaim limits = limitingCharges ? pricer.limitingCharges(toPrice, context) : null;
      List<Outcome> outcomes = new ArrayList<>(toPrice.size());
      for (int i = 0; i < claim.lines().size(); i++) {
        PricedLine line = claim.line(i);
        Outcome outcome =
            limits == null
                ? outcome(line, explainPriced)
                : LimitingChargeOutcome.of(line, limits.line(i), explainPriced);
        if (!samples.isEmpty() && isNotInSample(outcome, lines.get(i).line())) {
          outcome = outcome.asNotInSample();
        }
        outcomes.add(outcome);
      }
      return outcomes;
    }
  }

  /**
   * The line as billed: with its own date of service when it differs from the claim's (the first
   * line's), so that the claim pricer applies its same-day rules per date, with its rendering
   * provider when it names one, so that it applies them per practitioner, and with its charge when
   * the row gives one, so that every claim rule treats it as the Java API's billed line.
   */
  static BilledLine billed(LineRequest request, LineRequest first) {
    BilledLine billed =
        request.charge().isEmpty()
            ? BilledLine.of(request.line())
            : BilledLine.of(request.line(), request.charge().get());
    if (!request.date().equals(first.date())) {
      billed = billed.withDateOfService(request.date());
    }
    return request.renderingProvider().isEmpty()
        ? billed
        : billed.withRenderingProvider(request.renderingProvider().get());
  }

  /** Adds {@code edits} to a claim pricer's builder: they run over every line of a claim. */
  private static MedicareClaimPricer.Builder withEdits(
      MedicareClaimPricer.Builder builder, List<ClaimEdit> edits) {
    for (ClaimEdit edit : edits) {
      builder.addEdit(edit);
    }
    return builder;
  }

  /** Turns the library's answer for one line into a line of output. */
  static Outcome outcome(PricedLine line, boolean explainPriced) {
    if (!explainPriced && line.isPriced() && line.warnings().isEmpty()) {
      return Outcome.priced(line.amountOrThrow(), ""); // most lines of a batch: nothing to build
    }
    return outcome(line, explainPriced, messages(line.warnings()));
  }

  /**
   * Turns the library's answer for one line into a line of output, with {@code warnings}, the
   * messages of the line's warnings and of any the command line adds.
   */
  static Outcome outcome(PricedLine line, boolean explainPriced, List<String> warnings) {
    // Kept apart as well as in the explanation: a table without --explain shows them alone.
    StringBuilder text = new StringBuilder(Outcome.warningText(warnings));
    if (line.isPriced()) {
      if (explainPriced) {
        FeeResult result = line.result();
        if (result.settingNotAvailable()) {
          append(text, "setting NA: priced at the other setting's amount, as CMS publishes it");
        }
        // Without warnings, as the library writes it: the steps are cut only to spare a repeat.
        append(
            text,
            warnings.isEmpty()
                ? result.explanation().toString()
                : line.explanationWithoutDetailOrWarnings());
      }
      return Outcome.priced(line.amountOrThrow(), text.toString(), warnings);
    }
    String reason = line.reason().orElseThrow().name().toLowerCase(Locale.ROOT);
    StringBuilder why = new StringBuilder(line.detail());
    append(why, text.toString());
    // The explanation starts with the detail and the warnings: its steps do not say them again.
    append(why, line.explanationWithoutDetailOrWarnings());
    return Outcome.notPriced(reason, why.toString(), warnings);
  }

  /** The messages of {@code warnings}; the shared empty list when there are none. */
  static List<String> messages(List<ClaimWarning> warnings) {
    if (warnings.isEmpty()) {
      return List.of();
    }
    String[] messages = new String[warnings.size()];
    for (int i = 0; i < messages.length; i++) {
      messages[i] = warnings.get(i).message();
    }
    return List.of(messages);
  }

  private static void append(StringBuilder sb, String more) {
    if (!more.isEmpty()) {
      sb.append(sb.length() == 0 ? "" : "; ").append(more);
    }
  }
}
