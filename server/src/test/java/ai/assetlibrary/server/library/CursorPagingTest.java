package ai.assetlibrary.server.library;

import static ai.assetlibrary.server.library.AssetGroupsApiTest.ok;
import static org.assertj.core.api.Assertions.assertThat;

import ai.assetlibrary.server.testing.ServerTest;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Walking the lists of assets and of groups with {@code cursor} and {@code nextCursor}. */
class CursorPagingTest extends ServerTest {

  @Test
  void aWalkSeesEveryAssetThatExistedThroughoutExactlyOnceWhileTheLibraryChanges() {
    List<String> before = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      before.add(upload("before-" + i));
      if (i % 3 == 2) {
        app.clock().advance(Duration.ofSeconds(1)); // three uploads share each creation time
      }
    }
    Set<String> deletedMeanwhile = new HashSet<>();
    List<String> seen = new ArrayList<>();
    List<Integer> pageNumbers = new ArrayList<>();

    JsonNode page = ok(server.get("/v1/assets?size=2", key));
    for (int step = 0; ; step++) {
      page.get("records").forEach(r -> seen.add(r.get("assetId").asText()));
      pageNumbers.add(page.at("/pagination/current").asInt());
      assertThat(page.at("/pagination/total").asLong()).isPositive();
      if (!page.get("pagination").has("nextCursor")) {
        break;
      }
      // Between pages: one new upload (newer than everything, so before the walk's position), and
      // one delete of an asset the walk has not reached yet.
      upload("during-" + step);
      String victim = before.get(step);
      if (!seen.contains(victim)) {
        assertThat(server.call("DELETE", "/v1/assets/" + victim, key, null).statusCode())
            .isEqualTo(200);
        deletedMeanwhile.add(victim);
      }
      page =
          ok(
              server.get(
                  "/v1/assets?size=2&cursor=" + page.at("/pagination/nextCursor").asText(), key));
    }

    List<String> throughout = new ArrayList<>(before);
    throughout.removeAll(deletedMeanwhile);
    assertThat(seen).doesNotHaveDuplicates().containsAll(throughout);
    assertThat(seen).doesNotContainAnyElementsOf(deletedMeanwhile);
    assertThat(pageNumbers).startsWith(1, 2, 3);
    assertThat(pageNumbers).isSorted();
  }

  @Test
  void theLastPageHasNoNextCursorAndFiltersApplyAlongTheWalk() {
    for (int i = 0; i < 5; i++) {
      upload("pic-" + i);
    }
    server.uploadPng(key, "library", "other.png");

    JsonNode first = ok(server.get("/v1/assets?size=3&keyword=pic", key));
    assertThat(names(first)).containsExactly("pic-4", "pic-3", "pic-2");
    assertThat(first.at("/pagination/total").asLong()).isEqualTo(5);
    assertThat(first.at("/pagination/totalExact").asBoolean()).isTrue();
    String cursor = first.at("/pagination/nextCursor").asText();

    JsonNode second = ok(server.get("/v1/assets?size=3&keyword=pic&cursor=" + cursor, key));
    assertThat(names(second)).containsExactly("pic-1", "pic-0");
    assertThat(second.at("/pagination/current").asInt()).isEqualTo(2);
    assertThat(second.get("pagination").has("nextCursor")).isFalse();
    assertThat(ok(server.get("/v1/assets?size=6", key)).get("pagination").has("nextCursor"))
        .isFalse();
  }

  @Test
  void aCursorWorksOnlyForItsCallerItsFiltersAndItsSizeAndCannotBeAltered() {
    for (int i = 0; i < 3; i++) {
      upload("pic-" + i);
    }
    String cursor =
        ok(server.get("/v1/assets?size=1&keyword=pic", key)).at("/pagination/nextCursor").asText();
    String other = server.createKey(1001, 5002, "other");

    Errors.assertField(
        server.get("/v1/assets?size=1&keyword=pic&cursor=" + cursor, other), "cursor");
    Errors.assertField(server.get("/v1/assets?size=1&keyword=pi&cursor=" + cursor, key), "cursor");
    Errors.assertField(server.get("/v1/assets?size=2&keyword=pic&cursor=" + cursor, key), "cursor");
    Errors.assertField(server.get("/v1/asset-groups?size=1&cursor=" + cursor, key), "cursor");
    Errors.assertField(
        server.get("/v1/assets?size=1&keyword=pic&cursor=" + altered(cursor), key), "cursor");
    Errors.assertField(server.get("/v1/assets?cursor=not*url*safe", key), "cursor");
    Errors.assertField(server.get("/v1/assets?cursor=AAAA", key), "cursor");
    assertThat(names(ok(server.get("/v1/assets?size=1&keyword=pic&cursor=" + cursor, key))))
        .containsExactly("pic-1");
  }

  @Test
  void pagesByNumberReachTheFirstTenThousandItemsAndThenPointToTheCursor() {
    upload("pic-0");

    JsonNode deepest = ok(server.get("/v1/assets?size=100&current=100", key));
    assertThat(deepest.get("records")).isEmpty();
    assertThat(deepest.at("/pagination/total").asLong()).isEqualTo(1);
    HttpResponse<String> refused = server.get("/v1/assets?size=100&current=101", key);
    Errors.assertField(refused, "current");
    assertThat(refused.body()).contains("walk further with cursor");
    Errors.assertField(server.get("/v1/asset-groups?size=20&current=501", key), "current");
  }

  @Test
  void groupsWalkFromTheDefaultGroupThroughEveryOtherOnce() {
    Set<String> made = new HashSet<>();
    for (int i = 0; i < 5; i++) {
      made.add(
          ok(server.call(
                  "POST", "/v1/asset-groups", key, Map.of("name", "G" + i, "groupKind", "GENERIC")))
              .get("groupId")
              .asText());
    }
    List<String> seen = new ArrayList<>();
    JsonNode page = ok(server.get("/v1/asset-groups?size=2", key));
    while (true) {
      page.get("records").forEach(g -> seen.add(g.get("groupId").asText()));
      if (!page.get("pagination").has("nextCursor")) {
        break;
      }
      page =
          ok(
              server.get(
                  "/v1/asset-groups?size=2&cursor=" + page.at("/pagination/nextCursor").asText(),
                  key));
    }

    assertThat(seen).hasSize(6).doesNotHaveDuplicates().containsAll(made);
    assertThat(seen.get(0)).isEqualTo("library");
  }

  private String upload(String name) {
    return server.uploadPng(key, "library", name).get("assetId").asText();
  }

  private static List<String> names(JsonNode page) {
    List<String> names = new ArrayList<>();
    page.get("records").forEach(r -> names.add(r.get("name").asText()));
    return names;
  }

  /** The cursor with one character changed, still URL-safe. */
  private static String altered(String cursor) {
    char last = cursor.charAt(cursor.length() - 2);
    return cursor.substring(0, cursor.length() - 2)
        + (last == 'A' ? 'B' : 'A')
        + cursor.charAt(cursor.length() - 1);
  }
}
