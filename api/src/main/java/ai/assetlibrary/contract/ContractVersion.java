package ai.assetlibrary.contract;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A contract's {@code info.version}: {@code MAJOR.MINOR.PATCH}, compared by their numbers. */
record ContractVersion(int major, int minor, int patch) implements Comparable<ContractVersion> {

  private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");
  private static final Comparator<ContractVersion> ORDER =
      Comparator.comparingInt(ContractVersion::major)
          .thenComparingInt(ContractVersion::minor)
          .thenComparingInt(ContractVersion::patch);

  static ContractVersion parse(String text) {
    Matcher matcher = FORM.matcher(text == null ? "" : text);
    if (!matcher.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a version of the form MAJOR.MINOR.PATCH");
    }
    return new ContractVersion(
        Integer.parseInt(matcher.group(1)),
        Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3)));
  }

  @Override
  public int compareTo(ContractVersion other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
