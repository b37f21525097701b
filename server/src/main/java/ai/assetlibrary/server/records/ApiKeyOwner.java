package ai.assetlibrary.server.records;

/** An API key joined with the user it belongs to. */
public record ApiKeyOwner(
    long keyId, long userId, long tenantId, String userName, Long disabledAt) {}
