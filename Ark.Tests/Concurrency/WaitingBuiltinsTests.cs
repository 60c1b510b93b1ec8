using System.Runtime.InteropServices;
using Ark.Tests.Builtins;
using Ark.Tests.TestSupport;
using Ark.Vm.Builtins;

namespace Ark.Tests.Concurrency;

/// <summary>
/// The builtins and first-party module functions that wait (files, <c>sys:exec</c>,
/// <c>input</c>, json files), called from futures. Each future waits on something only the
/// main program can end (the other end of a FIFO, a line of input), and more of them wait at
/// once than there are workers, while the main program sleeps first: had the waits held their
/// workers, the main program would have no thread to wake up on and the run would never end.
/// </summary>
[TestClass]
public sealed partial class WaitingBuiltinsTests
{
    private string _dir = "";

    private static int MoreThanWorkers => Environment.ProcessorCount + 1;

    [TestInitialize]
    public void CreateFolder()
    {
        _dir = Path.Combine(Path.GetTempPath(), "ark-waiting-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_dir);
    }

    [TestCleanup]
    public void DeleteFolder() => Directory.Delete(_dir, true);

    [LibraryImport("libc", EntryPoint = "mkfifo", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int MakeFifo(string path, uint mode);

    /// <summary>n FIFOs, as an ArkScript list of their paths: opening one waits until its other end is opened.</summary>
    private string Fifos(int n)
    {
        var paths = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var path = Path.Combine(_dir, $"fifo{i}");
            Assert.AreEqual(0, MakeFifo(path, Convert.ToUInt32("600", 8)), $"mkfifo failed: {Marshal.GetLastPInvokeError()}");
            paths.Add(path);
        }
        return "[" + string.Join(" ", paths.Select(p => $"\"{p}\"")) + "]";
    }

    /// <summary>The lines <c>text 0</c> to <c>text n-1</c>, as the programs below print them.</summary>
    private static string Texts(int n, string prefix = "text ") =>
        string.Concat(Enumerable.Range(0, n).Select(i => $"{prefix}{i}\n"));

    /// <summary>
    /// A program that starts <c>(start path i)</c> as a future for each FIFO, sleeps, runs
    /// <c>(finish path i)</c> for each, then prints what each future returned.
    /// </summary>
    private static string Program(string fifos, string imports, string start, string finish) => $$"""
        {{imports}}
        (let fifos {{fifos}})
        (let n (len fifos))
        (let start {{start}})
        (let finish {{finish}})
        (mut futures [])
        (mut i 0)
        (while (< i n) {
          (append! futures (async start (@ fifos i) i))
          (set i (+ i 1)) })
        (sys:sleep 50)
        (set i 0)
        (while (< i n) {
          (finish (@ fifos i) i)
          (set i (+ i 1)) })
        (set i 0)
        (while (< i n) {
          (print (await (@ futures i)))
          (set i (+ i 1)) })
        """;

    private static string ShippedLib => Path.Combine(AppContext.BaseDirectory, "lib");

    [TestMethod]
    public void ReadFileParks()
    {
        var n = MoreThanWorkers;
        Assert.AreEqual(Texts(n), BoundedRun.Run(Program(Fifos(n), "",
            "(fun (path i) (io:readFile path))",
            "(fun (path i) (io:writeFile path (+ \"text \" (toString i))))")));
    }

    [TestMethod]
    public void WriteFileParks()
    {
        var n = MoreThanWorkers;
        var output = BoundedRun.Run(Program(Fifos(n), "",
            "(fun (path i) (io:writeFile path (+ \"text \" (toString i))))",
            "(fun (path i) (print (io:readFile path)))"));
        Assert.AreEqual(Texts(n) + string.Concat(Enumerable.Repeat("nil\n", n)), output);
    }

    [TestMethod]
    public void AppendToFileParks()
    {
        var n = MoreThanWorkers;
        var output = BoundedRun.Run(Program(Fifos(n), "",
            "(fun (path i) (io:appendToFile path (+ \"text \" (toString i))))",
            "(fun (path i) (print (io:readFile path)))"));
        Assert.AreEqual(Texts(n) + string.Concat(Enumerable.Repeat("nil\n", n)), output);
    }

    [TestMethod]
    public void ExecParks()
    {
        var n = MoreThanWorkers;
        Assert.AreEqual(Texts(n), BoundedRun.Run(Program(Fifos(n), "",
            "(fun (path i) (sys:exec (+ \"cat \" path)))",
            "(fun (path i) (io:writeFile path (+ \"text \" (toString i))))")));
    }

    [TestMethod]
    public void JsonOpenParks()
    {
        var n = MoreThanWorkers;
        Assert.AreEqual(string.Concat(Enumerable.Range(0, n).Select(i => $"{{\"n\":{i}}}\n")), BoundedRun.Run(Program(Fifos(n), "(import json)",
            "(fun (path i) (json:open path))",
            "(fun (path i) (io:writeFile path (+ \"{\\\"n\\\": \" (toString i) \"}\")))"), [ShippedLib]));
    }

    [TestMethod]
    public void JsonWriteParks()
    {
        var n = MoreThanWorkers;
        var output = BoundedRun.Run(Program(Fifos(n), "(import json)",
            "(fun (path i) (json:write (json:fromList [\"n\" i]) path))",
            "(fun (path i) (print (io:readFile path)))"), [ShippedLib]);
        var documents = string.Concat(Enumerable.Range(0, n).Select(i => $"{{\n    \"n\": {i}.0\n}}\n"));
        Assert.AreEqual(documents + string.Concat(Enumerable.Repeat("nil\n", n)), output);
    }

    [TestMethod]
    public void InputParksAndFuturesReadWholeLinesInTurn()
    {
        var n = MoreThanWorkers;
        var go = Path.Combine(_dir, "go");
        var output = BoundedRun.Run($$"""
            (let n {{n}})
            (mut futures [])
            (mut i 0)
            (while (< i n) {
              (append! futures (async input))
              (set i (+ i 1)) })
            (sys:sleep 50)
            (io:writeFile "{{go}}" "go")
            (mut lines [])
            (set i 0)
            (while (< i n) {
              (append! lines (await (@ futures i)))
              (set i (+ i 1)) })
            (print (list:sort lines))
            """, input: new LinesAfterFile(go));
        Assert.AreEqual("[" + string.Join(" ", Enumerable.Range(1, n).Select(i => $"\"line {i}\"")) + "]\n", output);
    }

    [TestMethod]
    public void InputInTheMainProgramStillPromptsFirst()
    {
        var go = Path.Combine(_dir, "go");
        File.WriteAllText(go, "");
        Assert.AreEqual("before\nname? got line 1\n", BoundedRun.Run("""
            (puts "before\n")
            (print "got " (input "name? "))
            """, input: new LinesAfterFile(go)));
    }

    [TestMethod]
    public void CalledFromAHostsThreadAWaitLeavesTheGlobalLockAlone()
    {
        // the host's thread holds no lock: had the waits let go of one and taken it back, this
        // thread would hold the GIL from then on, and the next run would never start
        var h = new Harness();
        var file = Path.Combine(_dir, "file");
        File.WriteAllText(file, "content");
        Assert.AreEqual("content", Harness.Show(h.Call(IoBuiltins.ReadFile, Harness.S(file))));
        h.Call(SystemBuiltins.Sleep, Harness.N(1));
        Assert.AreEqual("1\n", BoundedRun.Run("(print 1)"));
    }

    /// <summary>
    /// Input that has no line until a file exists, then <c>line 1</c>, <c>line 2</c>...: the
    /// reads are asynchronous, and the file is what the main program writes.
    /// </summary>
    private sealed class LinesAfterFile(string path) : TextReader
    {
        private int _lines;
        private int _reading;

        public override string? ReadLine() => throw new InvalidOperationException("input reads asynchronously");

        public override ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) => new(ReadAsync());

        public override Task<string?> ReadLineAsync() => ReadAsync();

        private async Task<string?> ReadAsync()
        {
            if (Interlocked.Exchange(ref _reading, 1) != 0)
                throw new InvalidOperationException("two reads at once");
            try
            {
                for (var i = 0; !File.Exists(path); i++)
                {
                    if (i > 3000)
                        throw new TimeoutException("the file never came");
                    await Task.Delay(5);
                }
                return $"line {++_lines}";
            }
            finally
            {
                Volatile.Write(ref _reading, 0);
            }
        }
    }
}
