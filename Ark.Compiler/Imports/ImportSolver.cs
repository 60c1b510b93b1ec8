using Ark.Compiler.Diagnostics;
using Ark.Compiler.Syntax;
using Ark.Vm.Modules;

namespace Ark.Compiler.Imports;

/// <summary>
/// Replaces <c>(import a.b.c)</c> forms with the code of <c>a/b/c.ark</c>, as the reference
/// does: a package is included where it is first imported and every later import of it is
/// empty. Files are looked up next to the main file, then in each library folder; in each
/// folder <c>a/b/c.ark</c> comes first, then the native module <c>a/b/c.dll</c>
/// (<see cref="ModuleFiles"/>). An import that leads back to a file still being imported is a
/// cycle and an error. An import of a native module is left in place for the VM, which loads
/// the module when it runs it; an import that finds neither is an error listing the paths searched.
/// </summary>
public sealed class ImportSolver
{
    private readonly string _rootDirectory;
    private readonly IReadOnlyList<string> _libraryPaths;
    private readonly HashSet<string> _included = new(StringComparer.Ordinal);
    private readonly List<string> _inProgress = [];

    /// <param name="mainFile">The program's file; imports are first looked up in its folder.</param>
    /// <param name="libraryPaths">The library folders, in search order.</param>
    public ImportSolver(string mainFile, IReadOnlyList<string> libraryPaths)
    {
        _rootDirectory = Path.GetDirectoryName(Path.GetFullPath(mainFile)) ?? ".";
        _libraryPaths = libraryPaths;
    }

    /// <summary>Resolves every import of <paramref name="program"/>, parsed from <paramref name="file"/>.</summary>
    public Node Solve(ParsedProgram program, string file)
    {
        _inProgress.Add(Path.GetFullPath(file));
        var result = Expand(program, file);
        _inProgress.RemoveAt(_inProgress.Count - 1);
        return result;
    }

    private Node Expand(ParsedProgram program, string file)
    {
        var records = new Queue<Import>(program.Imports);
        return Rewrite(program.Ast, file, records);
    }

    private Node Rewrite(Node node, string file, Queue<Import> records)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        if (node.Type != NodeType.List)
            return node;
        if (IsImport(node))
            return Include(node, file, records.Count > 0 ? records.Dequeue() : null);

        for (var i = 0; i < node.Children.Count; i++)
        {
            var child = node.Children[i];
            var wasImport = IsImport(child);
            var replaced = Rewrite(child, file, records);
            if (wasImport && IsBegin(replaced) && replaced.Children.Count > 1)
            {
                // an included file's forms take the import's place, as if written there
                node.Children.RemoveAt(i);
                node.Children.InsertRange(i, replaced.Children.Skip(1));
                i += replaced.Children.Count - 2;
            }
            else
                node.Children[i] = replaced;
        }
        return node;
    }

    private Node Include(Node importNode, string file, Import? record)
    {
        var package = importNode.Children[1].Children.Select(p => p.Text).ToList();
        var key = string.Join('.', package);
        var relative = string.Join('/', package);
        var path = FindFile(relative) ?? throw NotFound(importNode, file, record, key, relative);
        var isModule = path.EndsWith(ModuleFiles.Extension, StringComparison.Ordinal);
        if (!isModule)
            CheckCycle(Path.GetFullPath(path), importNode, file, record, key);
        if (_included.Contains(key))
            return EmptyBegin(importNode);
        if (isModule)
        {
            _included.Add(key);
            return importNode;
        }

        var fullPath = Path.GetFullPath(path);
        _included.Add(key);
        var parsed = Parser.ParseProgram(File.ReadAllBytes(path), path);
        _inProgress.Add(fullPath);
        var expanded = Expand(parsed, path);
        _inProgress.RemoveAt(_inProgress.Count - 1);
        return expanded;
    }

    private void CheckCycle(string fullPath, Node importNode, string file, Import? record, string key)
    {
        var cycleStart = _inProgress.IndexOf(fullPath);
        if (cycleStart < 0)
            return;
        var chain = string.Join(" -> ", _inProgress.Skip(cycleStart).Append(fullPath).Select(Path.GetFileName));
        throw new CodeError($"Import cycle: {chain}. A file can not import a file that imports it.",
            file, record?.Line ?? importNode.Line, record?.Column ?? importNode.Column, $"(import {key})");
    }

    private string? FindFile(string relative)
    {
        foreach (var folder in SearchFolders())
        {
            foreach (var candidate in Candidates(folder, relative))
            {
                if (File.Exists(candidate))
                    return candidate;
            }
        }
        return null;
    }

    private static string[] Candidates(string folder, string relative) =>
        [Path.Combine(folder, relative + ".ark"), Path.Combine(folder, ModuleFiles.FileName(relative))];

    private IEnumerable<string> SearchFolders()
    {
        yield return _rootDirectory;
        foreach (var path in _libraryPaths)
            yield return path;
    }

    private CodeError NotFound(Node importNode, string file, Import? record, string key, string relative)
    {
        var searched = string.Join("\n", SearchFolders().SelectMany(f => Candidates(f, relative)).Select(c => "  - " + c));
        return new CodeError(
            $"While processing file {file}, couldn't import {key}: file not found\nSearched in:\n{searched}",
            file, record?.Line ?? importNode.Line, record?.Column ?? importNode.Column, $"(import {key})");
    }

    private static bool IsImport(Node node) =>
        node.Type == NodeType.List && node.Children.Count >= 2 &&
        node.Children[0].Type == NodeType.Keyword && node.Children[0].Keyword == Keyword.Import;

    private static bool IsBegin(Node node) =>
        node.Type == NodeType.List && node.Children.Count >= 1 &&
        node.Children[0].Type == NodeType.Keyword && node.Children[0].Keyword == Keyword.Begin;

    private static Node EmptyBegin(Node at)
    {
        var begin = new Node(NodeType.List);
        begin.Children.Add(new Node(Keyword.Begin));
        return begin.WithPositionOf(at);
    }
}
