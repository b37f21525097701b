package ai.assetlibrary.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.api.model.Asset;
import ai.assetlibrary.api.model.ErrorResponse;
import ai.assetlibrary.api.model.ServiceCode;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The wire shapes that are easy to get wrong. */
class ObjectMapperResolverTest {

  private final ObjectMapper mapper = ObjectMapperResolver.createMapper();

  @Test
  void assetOmitsAbsentFieldsAndWritesRfc3339Utc() throws Exception {
    OffsetDateTime time = OffsetDateTime.of(2026, 5, 11, 10, 0, 0, 0, ZoneOffset.UTC);
    Asset asset =
        new Asset(
            1L,
            "ua_1",
            "ua_1",
            1001L,
            5001L,
            "library",
            "image/png",
            "UPLOAD",
            "UNIFIED",
            "active",
            "a.png",
            "image/png",
            10L,
            URI.create("http://x/files/k"),
            time,
            time);

    JsonNode json = mapper.readTree(mapper.writeValueAsString(asset));

    assertThat(json.get("createdAt").asText()).isEqualTo("2026-05-11T10:00:00Z");
    assertThat(json.get("mediaType").asText()).isEqualTo("image/png");
    assertThat(json.has("width")).isFalse();
    assertThat(json.has("providerRefs")).isFalse();
    assertThat(json.has("thumbnailUrl")).isFalse();
  }

  @Test
  void errorEnvelopeAlwaysCarriesDataEvenWhenNull() throws Exception {
    ErrorResponse error =
        new ErrorResponse(404, null, "Not found.", ServiceCode.RESOURCE_NOT_FOUND);

    JsonNode json = mapper.readTree(mapper.writeValueAsString(error));

    assertThat(json.has("data")).isTrue();
    assertThat(json.get("data").isNull()).isTrue();
    assertThat(json.get("serviceCode").asText()).isEqualTo("RESOURCE_NOT_FOUND");
  }
}
