package ai.assetlibrary.server.errors;

import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.api.model.ServiceCode;
import ai.assetlibrary.server.domain.Failure;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every domain failure has a code of its own; the codes no failure reaches are the edge's. */
class FailureCodesTest {

  @Test
  void eachFailureHasItsOwnServiceCodeAndOnlyTheEdgesCodesAreLeftOver() {
    Set<ServiceCode> reached =
        Arrays.stream(Failure.values())
            .map(FailureCodes::serviceCode)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(ServiceCode.class)));

    assertThat(reached).hasSize(Failure.values().length);
    assertThat(EnumSet.complementOf(EnumSet.copyOf(reached)))
        .containsExactlyInAnyOrder(
            ServiceCode.REQUEST_NOT_ACCEPTABLE,
            ServiceCode.METHOD_NOT_ALLOWED,
            ServiceCode.SERVICE_NOT_READY,
            ServiceCode.INTERNAL_ERROR);
  }
}
