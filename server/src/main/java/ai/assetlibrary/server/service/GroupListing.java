package ai.assetlibrary.server.service;

import ai.assetlibrary.server.domain.Caller;
import ai.assetlibrary.server.records.GroupFilter;
import ai.assetlibrary.server.records.GroupRecords;
import ai.assetlibrary.server.records.RecordStore;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;

/** Listing the asset groups a caller sees, page by page or through cursors. */
public final class GroupListing {

  private final RecordStore records;
  private final ListCursors cursors;
  private final Clock clock;

  public GroupListing(RecordStore records, ListCursors cursors, Clock clock) {
    this.records = records;
    this.cursors = cursors;
    this.clock = clock;
  }

  /**
   * The caller's groups and those shared with them, the default group first, then newest first: the
   * page {@code current}, or the one {@code cursor} points at.
   */
  public Page<GroupView> list(Caller caller, GroupQuery query) {
    String keyword = Keywords.normalise(query.keyword());
    List<String> binding =
        Arrays.asList(
            "groups",
            String.valueOf(query.size()),
            keyword,
            query.groupKind(),
            query.status(),
            String.valueOf(query.ownedOnly()),
            Keywords.normalise(query.createdBy()));
    ListCursors.Position after =
        query.cursor() == null ? null : cursors.open(caller, binding, query.cursor());
    int current = after == null ? query.current() : after.page();
    GroupFilter filter =
        new GroupFilter(
            caller.tenantId(),
            caller.userId(),
            clock.millis(),
            keyword,
            Keywords.containsPattern(keyword),
            query.groupKind(),
            query.status(),
            query.ownedOnly(),
            Keywords.normalise(query.createdBy()),
            query.size() + 1,
            after == null ? Page.offset(current, query.size()) : 0,
            after == null ? null : after.first(),
            after == null ? null : after.createdAt(),
            after == null ? null : after.id());
    GroupRecords groups = records.groups();
    return cursors.page(
        caller,
        binding,
        current,
        query.size(),
        groups.listVisible(filter),
        groups.countVisible(filter),
        row ->
            new ListCursors.Position(
                0, row.group().isDefault(), row.group().createdAt(), row.group().id()),
        row -> GroupView.of(row, caller.userId()));
  }
}
