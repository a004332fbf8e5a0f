using Xunit.Abstractions;
using Xunit.Sdk;

namespace ServiceDesk.Tests.Storage;

/// <summary>
/// A fact of the storage contract. The tests live once in <see cref="StorageContractTests"/> and
/// run per provider class, so whether to skip depends on the class, which only a discoverer sees:
/// a class marked <see cref="RequiresPostgresAttribute"/> is skipped (with the reason) when
/// SERVICEDESK_TEST_PG is not set, except under CI=true, where it runs and fails.
/// </summary>
[XunitTestCaseDiscoverer("ServiceDesk.Tests.Storage.StorageFactDiscoverer", "ServiceDesk.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class StorageFactAttribute : FactAttribute;

[AttributeUsage(AttributeTargets.Class)]
public sealed class RequiresPostgresAttribute : Attribute;

public static class TestPostgres
{
    public const string Variable = "SERVICEDESK_TEST_PG";

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } cs ? cs : null;

    public static bool IsCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? SkipReason => ConnectionString is null && !IsCi
        ? $"{Variable} is not set (start a server with: eval \"$(tests/pg.sh start)\"); with CI=true this fails instead."
        : null;
}

public sealed class StorageFactDiscoverer(IMessageSink diagnostics) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod testMethod, IAttributeInfo factAttribute)
    {
        yield return new StorageTestCase(diagnostics, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), testMethod);
    }
}

public sealed class StorageTestCase : XunitTestCase
{
    [Obsolete("For deserialization only.")]
    public StorageTestCase() { }

    public StorageTestCase(IMessageSink diagnostics, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod testMethod)
        : base(diagnostics, display, displayOptions, testMethod) { }

    protected override string GetSkipReason(IAttributeInfo factAttribute)
    {
        var explicitSkip = base.GetSkipReason(factAttribute);
        if (explicitSkip is not null) return explicitSkip;
        var needsPostgres = TestMethod.TestClass.Class.GetCustomAttributes(typeof(RequiresPostgresAttribute)).Any();
        return needsPostgres ? TestPostgres.SkipReason! : null!;
    }
}
