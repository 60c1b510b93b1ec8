namespace Ark.Modules.Http.Server;

/// <summary>
/// Mount points: folders served under a path prefix (<c>http:server:setMountPoint</c>), searched
/// in the order they were mounted, and the content types given to files by extension.
/// </summary>
internal sealed class StaticFiles
{
    private readonly List<(string Prefix, string Folder)> _mounts = [];
    private readonly Dictionary<string, string> _types = new(StringComparer.OrdinalIgnoreCase)
    {
        ["txt"] = "text/plain",
        ["html"] = "text/html",
        ["htm"] = "text/html",
        ["css"] = "text/css",
        ["jpeg"] = "image/jpeg",
        ["jpg"] = "image/jpeg",
        ["png"] = "image/png",
        ["gif"] = "image/gif",
        ["svg"] = "image/svg+xml",
        ["ico"] = "image/x-icon",
        ["json"] = "application/json",
        ["pdf"] = "application/pdf",
        ["js"] = "application/javascript",
        ["wasm"] = "application/wasm",
        ["xml"] = "application/xml",
        ["xhtml"] = "application/xhtml+xml",
    };

    /// <summary>Mounts <paramref name="folder"/> at <paramref name="prefix"/>; false when the folder does not exist.</summary>
    public bool Mount(string prefix, string folder)
    {
        if (!Directory.Exists(folder))
            return false;
        _mounts.Add((prefix, Path.GetFullPath(folder)));
        return true;
    }

    /// <summary>Removes the first folder mounted at <paramref name="prefix"/>; false when there is none.</summary>
    public bool Unmount(string prefix)
    {
        var index = _mounts.FindIndex(m => m.Prefix == prefix);
        if (index < 0)
            return false;
        _mounts.RemoveAt(index);
        return true;
    }

    /// <summary>Gives files ending in <paramref name="extension"/> the content type <paramref name="type"/>.</summary>
    public void MapType(string extension, string type) => _types[extension.TrimStart('.')] = type;

    /// <summary>A copy for a running server, which must not see later changes half-made.</summary>
    public StaticFiles Clone()
    {
        var copy = new StaticFiles();
        copy._mounts.AddRange(_mounts);
        foreach (var (extension, type) in _types)
            copy._types[extension] = type;
        return copy;
    }

    /// <summary>The file a request path names under a mount point, with its content type; null when none exists.</summary>
    public (string Path, string ContentType)? Find(string requestPath)
    {
        foreach (var (prefix, folder) in _mounts)
        {
            if (!requestPath.StartsWith(prefix, StringComparison.Ordinal))
                continue;
            // "/public" serves "/public/a.txt", not "/publicity"
            if (requestPath.Length > prefix.Length && !prefix.EndsWith('/') && requestPath[prefix.Length] != '/')
                continue;
            var rest = requestPath[prefix.Length..].TrimStart('/');
            if (rest.Length == 0 || requestPath.EndsWith('/'))
                rest += "index.html";
            // nothing outside the mounted folder can be reached, whatever the path says
            if (rest.Split('/', '\\').Any(part => part is ".." or "."))
                continue;
            var full = Path.GetFullPath(Path.Combine(folder, rest));
            if (!full.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
                continue;
            var extension = Path.GetExtension(full).TrimStart('.');
            return (full, _types.GetValueOrDefault(extension, "application/octet-stream"));
        }
        return null;
    }
}
