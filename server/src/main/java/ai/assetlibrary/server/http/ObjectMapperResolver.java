package ai.assetlibrary.server.http;

import ai.assetlibrary.api.model.ErrorResponse;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The JSON mapping of the API: absent fields are omitted, dates are RFC 3339 strings, the error
 * envelope always carries all four of its fields (so {@code data} appears as {@code null}), and
 * request fields this version does not know are ignored.
 */
public final class ObjectMapperResolver implements ContextResolver<ObjectMapper> {

  private final ObjectMapper mapper = createMapper();

  /** The mapper every JSON body of the API goes through. */
  public static ObjectMapper createMapper() {
    return new ObjectMapper()
        .registerModule(new JavaTimeModule())
        .setDefaultPropertyInclusion(
            JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .addMixIn(ErrorResponse.class, AlwaysIncluded.class);
  }

  @Override
  public ObjectMapper getContext(Class<?> type) {
    return mapper;
  }

  /** Mix-in that writes every property, null or not. */
  @JsonInclude(JsonInclude.Include.ALWAYS)
  private interface AlwaysIncluded {}
}
