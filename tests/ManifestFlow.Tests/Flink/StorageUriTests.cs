using ManifestFlow.Core.Flink;

namespace ManifestFlow.Tests.Flink;

/// <summary>Where a state directory points: s3://, s3a:// and s3p:// reach one bucket and key through Flink's S3 plugins.</summary>
public sealed class StorageUriTests
{
    [Theory]
    [InlineData("s3://flink-state/orders", "s3a://flink-state/orders/")]
    [InlineData("s3a://flink-state/orders", "s3p://flink-state/./orders")]
    [InlineData("S3P://flink-state/orders", "s3://flink-state/orders")]
    public void S3Schemes_NameTheSamePlace(string a, string b)
    {
        Assert.True(StorageUri.Parse(a).IsSamePlace(StorageUri.Parse(b)));
        Assert.True(StorageUri.Parse(b).IsSamePlace(StorageUri.Parse(a)));
    }

    [Theory]
    [InlineData("s3a://flink-state/orders/savepoints/savepoint-1", "s3://flink-state/orders/savepoints")]
    [InlineData("s3://flink-state/orders/checkpoints/ha", "s3p://flink-state/orders/checkpoints")]
    public void S3Schemes_NestAcrossSpellings(string inner, string outer)
    {
        Assert.True(StorageUri.Parse(inner).IsWithin(StorageUri.Parse(outer)));
        Assert.False(StorageUri.Parse(outer).IsWithin(StorageUri.Parse(inner)));
        Assert.False(StorageUri.Parse(inner).IsSamePlace(StorageUri.Parse(outer)));
    }

    [Theory]
    [InlineData("s3a://flink-state/orders", "s3a://other-bucket/orders")]
    [InlineData("s3://flink-state/orders", "gs://flink-state/orders")]
    [InlineData("s3a://flink-state/orders", "oss://flink-state/orders")]
    [InlineData("s3://flink-state/orders", "file:///flink-state/orders")]
    [InlineData("s3a://flink-state/orders", "s3a://flink-state/orders-2")]
    public void OtherBucketsStoresAndSiblings_AreOtherPlaces(string a, string b)
    {
        Assert.False(StorageUri.Parse(a).IsSamePlace(StorageUri.Parse(b)));
        Assert.False(StorageUri.Parse(a).IsWithin(StorageUri.Parse(b)));
        Assert.False(StorageUri.Parse(b).IsWithin(StorageUri.Parse(a)));
    }

    [Fact]
    public void FileSpellings_AreStillOnePlace()
    {
        Assert.True(StorageUri.Parse("file:///flink-data/sp").IsSamePlace(StorageUri.Parse("file:/flink-data/sp/")));
        Assert.False(StorageUri.Parse("file:///flink-data/sp").IsSamePlace(StorageUri.Parse("/flink-data/sp")));
    }
}
