namespace Ark.Tests.TestSupport;

/// <summary>
/// A temporary folder holding this test assembly under a module's file name, where a script's
/// <c>(import name)</c> finds the test module of that name that the assembly holds.
/// </summary>
internal sealed class ModuleFolder : IDisposable
{
    /// <summary>Creates the folder with the assembly copied as <c><paramref name="moduleName"/>.dll</c>.</summary>
    public ModuleFolder(string moduleName)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"ark-{moduleName}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
        File.Copy(typeof(ModuleFolder).Assembly.Location, System.IO.Path.Combine(Path, moduleName + ".dll"));
    }

    /// <summary>The folder: a library path, or the working directory of a script run from it.</summary>
    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, true);
        }
        // a module assembly still loaded can't be deleted on some systems: the temp folder keeps it
        catch (UnauthorizedAccessException)
        {
        }
    }
}
