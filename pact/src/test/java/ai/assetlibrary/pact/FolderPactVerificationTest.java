package ai.assetlibrary.pact;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactFolder;

/** Verifies the contracts committed in {@code pact/pacts/}. */
@Provider("asset-library")
@PactFolder("pacts")
class FolderPactVerificationTest extends ProviderVerification {}
