package ai.assetlibrary.server.db;

/** An API key joined with the user it belongs to. */
public record ApiKeyOwnerRow(
    long keyId, long userId, long tenantId, String userName, Long disabledAt) {}
