package ai.assetlibrary.server.provider;

/**
 * The parameters that tell apart the members of the AWS Signature V4 family of request signatures:
 * Volcengine's OpenAPI signature (BytePlus ModelArk) and AWS SigV4 itself share every step and
 * differ only in these names.
 *
 * @param algorithm the algorithm named in the string to sign and the Authorization header
 * @param secretPrefix prepended to the secret key before the first HMAC
 * @param scopeTerminator the last element of the credential scope
 * @param dateHeader the header carrying the request time
 */
public record SigningScheme(
    String algorithm, String secretPrefix, String scopeTerminator, String dateHeader) {

  /** Volcengine / BytePlus OpenAPI: {@code HMAC-SHA256}, scope ending in {@code request}. */
  public static final SigningScheme VOLCENGINE =
      new SigningScheme("HMAC-SHA256", "", "request", "X-Date");

  /**
   * AWS Signature Version 4, used to check the shared algorithm against AWS's published vectors.
   */
  public static final SigningScheme AWS_SIGV4 =
      new SigningScheme("AWS4-HMAC-SHA256", "AWS4", "aws4_request", "X-Amz-Date");
}
