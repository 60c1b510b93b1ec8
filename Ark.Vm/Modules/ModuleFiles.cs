namespace Ark.Vm.Modules;

/// <summary>
/// Where a native module lives on disk. <c>(import a.b)</c> names the package path <c>a/b</c>;
/// when no <c>a/b.ark</c> is found, the module file <c>a/b.dll</c> is looked up in the same
/// folders and in the same order (the program's folder, then each library folder). The compiler
/// and the VM both use these rules, so a program that compiles finds its modules when it runs.
/// </summary>
public static class ModuleFiles
{
    /// <summary>The extension of a module file.</summary>
    public const string Extension = ".dll";

    /// <summary>The module file of a package path: <c>a/b</c> gives <c>a/b.dll</c>.</summary>
    public static string FileName(string packagePath) => packagePath + Extension;

    /// <summary>The module's name: the package path's last segment (<c>b</c> for <c>a/b</c>).</summary>
    public static string ModuleName(string packagePath) => packagePath[(packagePath.LastIndexOf('/') + 1)..];

    /// <summary>Every path where the module of <paramref name="packagePath"/> is looked for, in order.</summary>
    public static IEnumerable<string> Candidates(IEnumerable<string> folders, string packagePath) =>
        folders.Select(folder => Path.GetFullPath(Path.Combine(folder, FileName(packagePath))));

    /// <summary>The first existing module file of <paramref name="packagePath"/>, or null.</summary>
    public static string? Find(IEnumerable<string> folders, string packagePath) =>
        Candidates(folders, packagePath).FirstOrDefault(File.Exists);
}
