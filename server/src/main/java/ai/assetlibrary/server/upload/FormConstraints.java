package ai.assetlibrary.server.upload;

import ai.assetlibrary.api.model.UploadAssetForm;
import ai.assetlibrary.server.domain.Violations;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.metadata.BeanDescriptor;
import jakarta.validation.metadata.PropertyDescriptor;
import java.util.Map;
import java.util.Set;

/**
 * Checks the text fields of an upload form against the constraints the contract gives the form's
 * schema ({@code UploadAssetForm}): the server reads the multipart body itself, as it streams, so
 * the generated model is where those constraints live. Fields the schema does not know, and fields
 * that are not text (an integer part is converted, and checked, by whoever reads it), pass.
 */
public final class FormConstraints {

  private final Validator validator;
  private final BeanDescriptor schema;

  public FormConstraints(Validator validator) {
    this.validator = validator;
    this.schema = validator.getConstraintsForClass(UploadAssetForm.class);
  }

  /** Refuses the first field, in the order sent, that breaks a constraint of the schema. */
  public void check(UploadForm form) {
    for (Map.Entry<String, String> field : form.fields().entrySet()) {
      PropertyDescriptor property = schema.getConstraintsForProperty(field.getKey());
      if (property == null || property.getElementClass() != String.class) {
        continue;
      }
      Set<ConstraintViolation<UploadAssetForm>> violations =
          validator.validateValue(UploadAssetForm.class, field.getKey(), field.getValue());
      if (!violations.isEmpty()) {
        throw Violations.invalidField(field.getKey(), violations.iterator().next());
      }
    }
  }
}
