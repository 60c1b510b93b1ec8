using System.Text;
using Ark.Compiler;
using Ark.Vm.Bytecode;
using Ark.Vm.Execution;

namespace Ark.Tests.Bytecode;

[TestClass]
public sealed class BytecodeFileTests
{
    private const string Source = """
        (let make (fun (n) { (mut c n) (fun (&c) { (set c (+ c 1)) c }) }))
        (let next (make 10))
        (next)
        (let fib (fun (n) (if (< n 2) n (+ (fib (- n 1)) (fib (- n 2))))))
        (mut l [1 "two" 3.5])
        (append! l (next))
        (print (fib 15) " " l " " next)
        """;

    private static byte[] Bytes(string source)
    {
        var stream = new MemoryStream();
        BytecodeWriter.Write(ArkCompiler.Compile(source, "prog.ark"), stream);
        return stream.ToArray();
    }

    private static string Run(CompiledProgram program)
    {
        var output = new MemoryStream();
        new VirtualMachine(program, new ArkHost(output, new StringReader(""))).Run();
        return Encoding.UTF8.GetString(output.ToArray());
    }

    private static string Rejection(byte[] bytes) => Assert.ThrowsExactly<BytecodeException>(() => BytecodeReader.Read(bytes)).Message;

    [TestMethod]
    public void ProgramReadBackRunsTheSame() =>
        Assert.AreEqual(TestSupport.ArkRun.Run(Source), Run(BytecodeReader.Read(Bytes(Source))));

    [TestMethod]
    public void SourceFileIsNotBytecode() =>
        Assert.AreEqual("not an ArkSharp bytecode file (bad magic number)", Rejection(Encoding.UTF8.GetBytes("(print 1)")));

    [TestMethod]
    public void OtherVersionIsRefused()
    {
        var bytes = Bytes(Source);
        bytes[8] = 99;
        Assert.AreEqual($"bytecode version 99 is not supported (this ark reads version {BytecodeWriter.Version})", Rejection(bytes));
    }

    [TestMethod]
    public void TruncatedFileIsRefused()
    {
        var bytes = Bytes(Source);
        Assert.AreEqual("the file is truncated", Rejection(bytes[..(bytes.Length - 7)]));
    }

    [TestMethod]
    public void EveryCorruptionOfTheCodeIsCaughtOrHarmless()
    {
        var original = Bytes(Source);
        var random = new Random(7);
        for (var trial = 0; trial < 300; trial++)
        {
            var bytes = (byte[])original.Clone();
            bytes[random.Next(10, bytes.Length)] = (byte)random.Next(256);
            try
            {
                var program = BytecodeReader.Read(bytes);
                Run(program);
            }
            catch (BytecodeException)
            {
            }
            catch (ArkRuntimeError)
            {
            }
        }
    }

    [TestMethod]
    public void JumpOutsideItsFunctionIsRefused()
    {
        var program = ArkCompiler.Compile("(let f (fun (n) (if n 1 2)))", "p.ark");
        var code = program.Code;
        var jump = Array.FindIndex(code, w => Instruction.Op(w) == OpCode.JumpIfFalse);
        code[jump] = Instruction.Make(OpCode.JumpIfFalse, 0);
        var stream = new MemoryStream();
        BytecodeWriter.Write(program, stream);
        StringAssert.Contains(Rejection(stream.ToArray()), "jump to 0 is not an instruction of this function");
    }

    [TestMethod]
    public void NamedCallWithANegativeArgumentCountIsRefused()
    {
        var program = ArkCompiler.Compile("(let g (fun (x) x)) (let f (fun (n) (g n)))", "p.ark");
        var call = Array.FindIndex(program.Code, w => Instruction.Op(w) == OpCode.CallDyn);
        program.Code[call + 1] = -1;
        var stream = new MemoryStream();
        BytecodeWriter.Write(program, stream);
        StringAssert.Contains(Rejection(stream.ToArray()), "CallDyn with a negative argument count");
    }

    [TestMethod]
    public void NamedCallOfAGlobalInsideAFunctionIsRefused()
    {
        // only top-level code reads globals directly; functions go through CallDyn
        var program = ArkCompiler.Compile("(let g (fun (x) x)) (let f (fun (n) (g n)))", "p.ark");
        var call = Array.FindIndex(program.Code, w => Instruction.Op(w) == OpCode.CallDyn);
        program.Code[call] = Instruction.Make(OpCode.CallGlobal, Instruction.Operand(program.Code[call]));
        var stream = new MemoryStream();
        BytecodeWriter.Write(program, stream);
        StringAssert.Contains(Rejection(stream.ToArray()), "a global read outside the top-level code");
    }

    [TestMethod]
    public void ConstantOperandThatIsNotANumberIsRefused()
    {
        var program = ArkCompiler.Compile("(let f (fun (n) (- (len n) 2)))", "p.ark");
        var sub = Array.FindIndex(program.Code, w => Instruction.Op(w) == OpCode.SubConst);
        program.Constants[Instruction.Operand(program.Code[sub])] = new Ark.Vm.Values.Value(Ark.Vm.Values.ArkString.From("2"));
        var stream = new MemoryStream();
        BytecodeWriter.Write(program, stream);
        StringAssert.Contains(Rejection(stream.ToArray()), "is not a number");
    }

    [TestMethod]
    public void LocalOperandsAreChecked()
    {
        static string Patched(string source, OpCode op, Action<int[], int> patch)
        {
            var program = ArkCompiler.Compile(source, "p.ark");
            patch(program.Code, Array.FindIndex(program.Code, w => Instruction.Op(w) == op));
            var stream = new MemoryStream();
            BytecodeWriter.Write(program, stream);
            return Rejection(stream.ToArray());
        }
        StringAssert.Contains(Patched("(let f (fun (n) (- n 2)))", OpCode.LocalSubConst,
            (code, at) => code[at] = Instruction.Make(OpCode.LocalSubConst, 7)), "local slot 7");
        StringAssert.Contains(Patched("(let f (fun (n) (- n 1)))", OpCode.LocalDecrement,
            (code, at) => code[at + 1] = 5), "LocalDecrement names slot 0 in one word and 5 in the other");
        StringAssert.Contains(Patched("(let f (fun (n) (if (< n 2) 1 0)))", OpCode.LocalLtConstJump,
            (code, at) => code[at + 2] = 3), "local slot 3");
        StringAssert.Contains(Patched("(let f (fun (n) (if (< n 2) 1 0)))", OpCode.LocalLtConstJump,
            (code, at) => code[at] = Instruction.Make(OpCode.LocalLtConstJump, at + 1)), "is not an instruction of this function");
    }

    [TestMethod]
    public void UndersizedStackIsRefused()
    {
        var program = ArkCompiler.Compile("(let f (fun (a b c d) (+ a (+ b (+ c d)))))", "p.ark");
        program.Functions[1].MaxStack = 1;
        var stream = new MemoryStream();
        BytecodeWriter.Write(program, stream);
        StringAssert.Contains(Rejection(stream.ToArray()), "function 1 needs a stack of 4 but declares 1");
    }

    [TestMethod]
    public void ArkCompilesAndRunsBytecodeFiles()
    {
        var folder = Path.Combine(Path.GetTempPath(), "ark-bc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "p.ark"), "(print \"from bytecode \" (* 6 7))");
            Assert.AreEqual((0, "", ""), ScriptRunner.ArkProcess.Run(folder, "", "-c", "p.ark"));
            Assert.AreEqual((0, "from bytecode 42\n", ""), ScriptRunner.ArkProcess.Run(folder, "", "p.arkc"));
            File.WriteAllBytes(Path.Combine(folder, "bad.arkc"), [.. "ARKSHARP"u8, (byte)BytecodeWriter.Version, 0]);
            Assert.AreEqual((255, "Invalid bytecode file 'bad.arkc': the file is truncated\n", ""), ScriptRunner.ArkProcess.Run(folder, "", "bad.arkc"));
        }
        finally
        {
            Directory.Delete(folder, true);
        }
    }
}
