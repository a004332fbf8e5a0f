using ServiceDesk.Storage;

namespace ServiceDesk.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Defaults_to_a_sqlite_file_under_the_content_root()
    {
        var options = StorageOptions.FromSettings(null, null, "/srv/desk");
        Assert.Equal(StorageProvider.Sqlite, options.Provider);
        Assert.Equal($"Data Source={Path.Combine("/srv/desk", "data", "servicedesk.db")}", options.ConnectionString);
    }

    [Theory]
    [InlineData("Sqlite", StorageProvider.Sqlite)]
    [InlineData("postgres", StorageProvider.Postgres)]
    public void Reads_the_provider_name(string name, StorageProvider expected) =>
        Assert.Equal(expected, StorageOptions.FromSettings(name, "Host=db", "/srv/desk").Provider);

    [Fact]
    public void Rejects_an_unknown_provider_and_postgres_without_a_connection_string()
    {
        Assert.Throws<ArgumentException>(() => StorageOptions.FromSettings("Oracle", null, "/srv/desk"));
        Assert.Throws<ArgumentException>(() => StorageOptions.FromSettings("Postgres", "", "/srv/desk"));
    }
}
