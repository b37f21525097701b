package ai.assetlibrary.server.domain;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;

/**
 * A broken constraint of the contract (a {@code maxLength}, {@code minimum}, {@code pattern}, …) as
 * the 400 {@code REQUEST_FIELD_INVALID} that names the field and says what the contract asks.
 */
public final class Violations {

  private Violations() {}

  public static LibraryException invalidField(String field, ConstraintViolation<?> violation) {
    return LibraryException.invalidField(field, "'" + field + "' " + rule(violation) + ".");
  }

  /** The broken rule in words, from the constraint's own attributes. */
  private static String rule(ConstraintViolation<?> violation) {
    Annotation constraint = violation.getConstraintDescriptor().getAnnotation();
    if (constraint instanceof Size size) {
      return length(size.min(), size.max());
    }
    if (constraint instanceof Min min) {
      return "must be " + min.value() + " or more";
    }
    if (constraint instanceof Max max) {
      return "must be " + max.value() + " or less";
    }
    if (constraint instanceof Pattern pattern) {
      return "must match the pattern " + pattern.regexp();
    }
    if (constraint instanceof NotNull) {
      return "is required";
    }
    return violation.getMessage();
  }

  private static String length(int min, int max) {
    if (max == Integer.MAX_VALUE) {
      return "must be at least " + min + " characters long";
    }
    if (min == 0) {
      return "must be at most " + max + " characters long";
    }
    return "must be " + min + " to " + max + " characters long";
  }
}
