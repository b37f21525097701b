package ai.assetlibrary.server.domain;

import java.security.Principal;

/** The authenticated user behind a request, as the services see them. */
public record Caller(long tenantId, long userId, String userName) implements Principal {

  @Override
  public String getName() {
    return userName;
  }
}
