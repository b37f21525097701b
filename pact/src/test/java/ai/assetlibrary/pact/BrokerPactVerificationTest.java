package ai.assetlibrary.pact;

import au.com.dius.pact.provider.junitsupport.Provider;
import au.com.dius.pact.provider.junitsupport.loader.PactBroker;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Verifies the contracts a Pact Broker holds for {@code asset-library}, when {@code pactbroker.url}
 * is set (with pact-jvm's other {@code pactbroker.*} properties as needed); results are published
 * to the broker when {@code pact.verifier.publishResults} is true.
 */
@Provider("asset-library")
@PactBroker
@EnabledIfSystemProperty(named = "pactbroker.url", matches = ".+")
class BrokerPactVerificationTest extends ProviderVerification {}
