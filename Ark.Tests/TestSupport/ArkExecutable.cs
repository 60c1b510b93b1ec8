namespace Ark.Tests.TestSupport;

/// <summary>The <c>ark</c> command built next to the tests, for tests that run it as a real process.</summary>
internal static class ArkExecutable
{
    public static string Path { get; } =
        System.IO.Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "ark.exe" : "ark");
}
