package ai.assetlibrary.server.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer against AWS's published Signature V4 example (Amazon S3 API reference, "Example: GET
 * Object"), whose intermediate values are published too; Volcengine's scheme shares every step.
 */
class RequestSignerTest {

  private static final String ACCESS_KEY = "AKIAIOSFODNN7EXAMPLE";
  private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  private static final String EMPTY_SHA256 =
      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

  @Test
  void reproducesAwsPublishedGetObjectExample() {
    RequestSigner signer =
        new RequestSigner(SigningScheme.AWS_SIGV4, ACCESS_KEY, SECRET_KEY, "us-east-1", "s3");
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", "examplebucket.s3.amazonaws.com");
    headers.put("Range", "bytes=0-9");
    headers.put("x-amz-content-sha256", EMPTY_SHA256);

    RequestSigner.Signature signature =
        signer.sign(
            "GET",
            "/test.txt",
            Map.of(),
            headers,
            new byte[0],
            Instant.parse("2013-05-24T00:00:00Z"));

    assertThat(signature.canonicalRequest())
        .isEqualTo(
            "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                + "x-amz-content-sha256:"
                + EMPTY_SHA256
                + "\nx-amz-date:20130524T000000Z\n\n"
                + "host;range;x-amz-content-sha256;x-amz-date\n"
                + EMPTY_SHA256);
    assertThat(signature.stringToSign())
        .isEqualTo(
            "AWS4-HMAC-SHA256\n20130524T000000Z\n20130524/us-east-1/s3/aws4_request\n"
                + "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");
    assertThat(signature.value())
        .isEqualTo("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    assertThat(signature.headers().get("Authorization"))
        .isEqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  }

  @Test
  void volcengineSchemeNamesItsOwnAlgorithmScopeAndDateHeader() {
    RequestSigner signer =
        new RequestSigner(SigningScheme.VOLCENGINE, "AK", "SK", "ap-southeast-1", "ark");

    RequestSigner.Signature signature =
        signer.sign(
            "POST",
            "/",
            Map.of("Version", "2024-01-01", "Action", "CreateAsset"),
            Map.of("Host", "ark.example.com", "Content-Type", "application/json"),
            "{}".getBytes(),
            Instant.parse("2026-05-11T10:00:00Z"));

    assertThat(signature.canonicalRequest())
        .startsWith(
            "POST\n/\nAction=CreateAsset&Version=2024-01-01\ncontent-type:application/json\n");
    assertThat(signature.headers())
        .containsEntry("X-Date", "20260511T100000Z")
        .containsKey("Authorization");
    assertThat(signature.headers().get("Authorization"))
        .startsWith("HMAC-SHA256 Credential=AK/20260511/ap-southeast-1/ark/request,")
        .contains("SignedHeaders=content-type;host;x-date,");
  }

  @Test
  void queryEncodingFollowsRfc3986() {
    assertThat(RequestSigner.encode("a b*c~d/e+f")).isEqualTo("a%20b%2Ac~d%2Fe%2Bf");
    assertThat(RequestSigner.canonicalQuery(Map.of("b", "2", "a", "1"))).isEqualTo("a=1&b=2");
  }
}
