package ai.assetlibrary.clients

import ai.assetlibrary.kotlinclient.apis.AssetGroupsApi
import ai.assetlibrary.kotlinclient.apis.AssetsApi
import ai.assetlibrary.kotlinclient.infrastructure.ClientError
import ai.assetlibrary.kotlinclient.infrastructure.ClientException
import ai.assetlibrary.kotlinclient.infrastructure.Serializer
import ai.assetlibrary.kotlinclient.models.ErrorResponse
import ai.assetlibrary.kotlinclient.models.GroupKind
import ai.assetlibrary.kotlinclient.models.ServiceCode
import ai.assetlibrary.kotlinclient.models.Share
import ai.assetlibrary.kotlinclient.models.SharePermission
import ai.assetlibrary.kotlinclient.models.ShareRequest
import ai.assetlibrary.server.testing.ServerTest
import ai.assetlibrary.server.testing.TestMedia
import java.net.URI
import java.nio.file.Files
import java.nio.file.Path
import org.assertj.core.api.Assertions.assertThat
import org.assertj.core.api.Assertions.catchThrowableOfType
import org.junit.jupiter.api.Test
import org.junit.jupiter.api.io.TempDir

/**
 * The Kotlin client a consumer generates from `api/openapi.yaml` (openapi-generator `kotlin`,
 * OkHttp and Jackson, `enumUnknownDefaultCase`) works against the real server.
 */
class KotlinClientTest : ServerTest() {

    @TempDir lateinit var dir: Path

    @Test
    fun uploadsReadsBackListsAndDeletes() {
        val png = TestMedia.png(48, 32)
        val file = Files.write(dir.resolve("kotlin.png"), png).toFile()
        val assets = assets(server.uri(""), key)

        val idempotencyKey = "kotlin-client-${System.nanoTime()}"
        val uploaded =
            assets.uploadAsset(file, idempotencyKey, name = "From Kotlin", groupId = "library").data
        val retried =
            assets.uploadAsset(file, idempotencyKey, name = "From Kotlin", groupId = "library").data
        assertThat(retried.assetId).isEqualTo(uploaded.assetId)
        assertThat(uploaded.name).isEqualTo("From Kotlin")
        assertThat(uploaded.mediaType).isEqualTo("image/png")
        assertThat(uploaded.width).isEqualTo(48)

        val read = assets.getAsset(uploaded.assetId).data
        assertThat(read.sizeBytes).isEqualTo(png.size.toLong())
        assertThat(read.createdAt.toInstant()).isEqualTo(uploaded.createdAt.toInstant())
        assertThat(assets.listAssets(mediaType = "image/png").data.records.map { it.assetId })
            .containsExactly(uploaded.assetId)
        assertThat(assets.listAssets(mediaType = "video").data.total).isZero()

        assets.deleteAsset(uploaded.assetId)
        val gone =
            catchThrowableOfType(ClientException::class.java) { assets.getAsset(uploaded.assetId) }
        assertThat(gone.statusCode).isEqualTo(404)
        assertThat(errorOf(gone).serviceCode).isEqualTo(ServiceCode.ASSET_NOT_FOUND)
        assertThat(assets.listAssets().data.total).isZero()
    }

    @Test
    fun readsRecordsWhoseEnumsHaveValuesOfALaterContract() {
        val otherKey = server.createKey(1001, OTHER_USER, "carol")
        val file = Files.write(dir.resolve("later.png"), TestMedia.png(16, 16)).toFile()
        val owner = assets(server.uri(""), key)
        val assetId = owner.uploadAsset(file).data.assetId
        owner.shareAsset(assetId, ShareRequest(OTHER_USER, SharePermission.READ))

        LaterContractServer.inFrontOf(server.uri("")).use { later ->
            val seen = assets(later.uri(), otherKey).getAsset(assetId).data
            val share = assets(later.uri(), key).listAssetShares(assetId).data.records.single()
            val library =
                AssetGroupsApi(later.uri().toString())
                    .apply { accessTokenProvider = { key } }
                    .getAssetGroup("library")
                    .data
            val missing =
                catchThrowableOfType(ClientException::class.java) {
                    assets(later.uri(), key).getAsset("ua_00000000000000000000000000000000")
                }

            assertThat(seen.sharePermission).isEqualTo(SharePermission.unknown_default_open_api)
            assertThat(seen.assetId).isEqualTo(assetId)
            assertThat(seen.mediaType).isEqualTo("image/png")
            assertThat(share.permission).isEqualTo(SharePermission.unknown_default_open_api)
            assertThat(share.targetType).isEqualTo(Share.TargetType.unknown_default_open_api)
            assertThat(share.userId).isEqualTo(OTHER_USER)
            assertThat(library.groupKind).isEqualTo(GroupKind.unknown_default_open_api)
            assertThat(library.name).isEqualTo("Library")
            assertThat(missing.statusCode).isEqualTo(404)
            assertThat(errorOf(missing).serviceCode).isEqualTo(ServiceCode.unknown_default_open_api)
        }
    }

    /** A client as generated, pointed at `baseUri`, sending `apiKey` as the bearer token. */
    private fun assets(baseUri: URI, apiKey: String): AssetsApi =
        AssetsApi(baseUri.toString()).apply { accessTokenProvider = { apiKey } }

    /** The error envelope of a refused call, read as the client reads any response. */
    private fun errorOf(refusal: ClientException): ErrorResponse =
        Serializer.jacksonObjectMapper.readValue(
            (refusal.response as ClientError<*>).body as String,
            ErrorResponse::class.java,
        )

    private companion object {
        const val OTHER_USER = 5003L
    }
}
