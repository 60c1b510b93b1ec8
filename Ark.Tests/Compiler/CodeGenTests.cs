using Ark.Compiler;
using Ark.Vm.Bytecode;
using Ark.Vm.Values;

namespace Ark.Tests.Compiler;

[TestClass]
public sealed class CodeGenTests
{
    private static CompiledProgram Compile(string source) => ArkCompiler.Compile(source, "test.ark");

    private static List<OpCode> Ops(CompiledProgram program, int page)
    {
        var function = program.Functions[page];
        var end = program.Functions.Where(f => f.EntryIp > function.EntryIp).Select(f => f.EntryIp).DefaultIfEmpty(program.Code.Length).Min();
        var ops = new List<OpCode>();
        for (var ip = function.EntryIp; ip < end;)
        {
            var op = Instruction.Op(program.Code[ip]);
            ops.Add(op);
            ip += 1 + Disassembler.ExtraWords(op, Instruction.Operand(program.Code[ip]));
        }
        return ops;
    }

    [TestMethod]
    public void ParametersAndLetsGetSlotsAndFreeNamesAreDynamic()
    {
        var program = Compile("(let g 1) (let f (fun (a) { (let b a) (+ b g) }))");
        var f = program.Functions[1];
        Assert.AreEqual(1, f.Arity);
        Assert.AreEqual(2, f.LocalCount);
        CollectionAssert.AreEqual(new[] { OpCode.LoadLocal, OpCode.StoreLocal, OpCode.LoadLocal, OpCode.LoadDyn, OpCode.Add, OpCode.Ret }, Ops(program, 1));
    }

    [TestMethod]
    public void OnlyLocalsReadAsFreeVariablesSomewhereAreVisibleToCallees()
    {
        var program = Compile("(let show (fun () (print x))) (let f (fun (x y) (show)))");
        var f = program.Functions[2];
        CollectionAssert.AreEqual(new[] { 0 }, f.DynamicSlots, "x is read freely by show; y by nobody");
    }

    [TestMethod]
    public void ComparisonBeforeABranchIsFused() =>
        CollectionAssert.Contains(Ops(Compile("(let f (fun (n m) (if (< n m) n 0)))"), 1), OpCode.LtJump);

    [TestMethod]
    public void ComparisonWithANumberBeforeABranchTakesTheNumberAsOperand()
    {
        var ops = Ops(Compile("(let f (fun (n) (if (< (len n) 2) n 0)))"), 1);
        CollectionAssert.Contains(ops, OpCode.LtConstJump);
        CollectionAssert.DoesNotContain(ops, OpCode.LtJump);
    }

    [TestMethod]
    public void LocalComparedWithANumberBeforeABranchIsOneInstruction()
    {
        var program = Compile("(let f (fun (n) (if (< n 2) n 0)))");
        CollectionAssert.AreEqual(new[] { OpCode.LocalLtConstJump, OpCode.LoadLocal, OpCode.Ret, OpCode.LoadConst, OpCode.Ret }, Ops(program, 1));
        // the constant, then the slot; the jump target in the instruction word
        var at = program.Functions[1].EntryIp;
        Assert.AreEqual(2.0, program.Constants[program.Code[at + 1]].Num);
        Assert.AreEqual(0, program.Code[at + 2]);
        Assert.AreEqual(at + 5, Instruction.Operand(program.Code[at]));
    }

    [TestMethod]
    public void LocalThatIsAJumpTargetIsNotFused()
    {
        // the while loop jumps back to the load of i: the load starts the fused instruction
        var loop = Ops(Compile("(let f (fun (i) (while (< i 3) (set i (+ i 1)))))"), 1);
        CollectionAssert.Contains(loop, OpCode.LocalLtConstJump);
        // the inner if's two branches meet at the constant: c must stay a load of its own
        var jumpedInto = Ops(Compile("(let f (fun (a b c) (if (< (if a b c) 2) 1 0)))"), 1);
        CollectionAssert.Contains(jumpedInto, OpCode.LtConstJump);
        CollectionAssert.DoesNotContain(jumpedInto, OpCode.LocalLtConstJump);
    }

    [TestMethod]
    public void ArithmeticWithANumberTakesTheNumberAsOperand() =>
        CollectionAssert.AreEqual(
            new[] { OpCode.LocalSubConst, OpCode.MulConst, OpCode.AddConst, OpCode.Ret },
            Ops(Compile("(let f (fun (n) (+ (* (- n 2) 3) 0.5)))"), 1));

    [TestMethod]
    public void SettingAVariableToItselfPlusOrMinusOneIsOneInstruction()
    {
        var program = Compile("(mut g 0) (set g (+ g 1)) (let f (fun (n) { (mut i n) (set i (- i 1)) (set i (+ 1 i)) i }))");
        CollectionAssert.Contains(Ops(program, 0), OpCode.IncrementGlobal);
        CollectionAssert.AreEqual(
            new[] { OpCode.LoadLocal, OpCode.StoreLocal, OpCode.DecrementLocal, OpCode.IncrementLocal, OpCode.LoadLocal, OpCode.Ret },
            Ops(program, 1));
    }

    [TestMethod]
    public void SettingAVariableToAnotherOnePlusOneIsNotFused() =>
        CollectionAssert.AreEqual(
            new[] { OpCode.LocalIncrement, OpCode.SetLocal, OpCode.LoadLocal, OpCode.Ret },
            Ops(Compile("(let f (fun (a b) { (set a (+ b 1)) a }))"), 1));

    [TestMethod]
    public void StringConstantsAreNotFused() =>
        CollectionAssert.AreEqual(
            new[] { OpCode.LoadLocal, OpCode.LoadConst, OpCode.Add, OpCode.Ret },
            Ops(Compile("(let f (fun (s) (+ s \"!\")))"), 1));

    [TestMethod]
    public void BranchInTailPositionReturnsInsteadOfJumpingToTheReturn()
    {
        var ops = Ops(Compile("(let f (fun (n) (if (< n 2) n (* n 2))))"), 1);
        CollectionAssert.AreEqual(new[] { OpCode.LocalLtConstJump, OpCode.LoadLocal, OpCode.Ret, OpCode.LoadLocal, OpCode.MulConst, OpCode.Ret }, ops);
    }

    [TestMethod]
    public void JumpThatDoesNotReachAReturnIsKept()
    {
        var ops = Ops(Compile("(let f (fun (n) { (if n (print 1) (print 2)) n }))"), 1);
        CollectionAssert.Contains(ops, OpCode.Jump);
        Assert.AreEqual(1, ops.Count(op => op == OpCode.Ret));
    }

    [TestMethod]
    public void CallOfANamedFunctionIsOneInstruction()
    {
        var program = Compile("(let g (fun (x) x)) (let f (fun (n) (g n))) (f 1)");
        CollectionAssert.AreEqual(new[] { OpCode.LoadLocal, OpCode.CallDyn, OpCode.Ret }, Ops(program, 2));
        var main = Ops(program, 0);
        CollectionAssert.Contains(main, OpCode.CallGlobal);
        CollectionAssert.DoesNotContain(main, OpCode.Call);
    }

    [TestMethod]
    public void CallOfAComputedOrLocalCalleeIsNotFused()
    {
        var program = Compile("(let mk (fun () (fun (x) x))) (let f (fun (h n) { (h n) ((mk) n) }))");
        // (h n) calls a local and ((mk) n) a call's result; only (mk) itself is a named call
        CollectionAssert.AreEqual(new[] { OpCode.LoadLocal, OpCode.LoadLocal, OpCode.Call, OpCode.Pop, OpCode.LoadLocal, OpCode.CallDyn, OpCode.Call, OpCode.Ret }, Ops(program, 3));
    }

    [TestMethod]
    public void ConstantThatIsAJumpTargetIsNotFused()
    {
        // the constant is where the else branch of the inner if lands: the addition must stay separate
        var ops = Ops(Compile("(let f (fun (a) (+ (if a 1 2) 3)))"), 1);
        CollectionAssert.Contains(ops, OpCode.AddConst);
        var constantJumpTarget = Ops(Compile("(let f (fun (a) (- a (if a 1 2))))"), 1);
        CollectionAssert.Contains(constantJumpTarget, OpCode.Sub);
        CollectionAssert.DoesNotContain(constantJumpTarget, OpCode.SubConst);
    }

    [TestMethod]
    public void ComparisonThatIsAJumpTargetIsNotFused()
    {
        // `and` jumps to the branch with the value of its first operand: the branch must test it
        var ops = Ops(Compile("(let f (fun (a b) (if (and a (< a b)) 1 2)))"), 1);
        CollectionAssert.Contains(ops, OpCode.Lt);
        CollectionAssert.Contains(ops, OpCode.JumpIfFalse);
    }

    [TestMethod]
    public void SelfCallInTailPositionBecomesATailCall()
    {
        var ops = Ops(Compile("(let loop (fun (n) (if (= n 0) 0 (loop (- n 1)))))"), 1);
        CollectionAssert.Contains(ops, OpCode.TailCall);
        CollectionAssert.DoesNotContain(ops, OpCode.Call);
    }

    [TestMethod]
    public void SelfCallOutsideTailPositionIsACall() =>
        CollectionAssert.DoesNotContain(Ops(Compile("(let f (fun (n) (+ 1 (f n))))"), 1), OpCode.TailCall);

    [TestMethod]
    public void IncrementOfAVariableIsOneInstruction() =>
        CollectionAssert.AreEqual(new[] { OpCode.LocalIncrement, OpCode.Ret }, Ops(Compile("(let f (fun (x) (+ 1 x)))"), 1));

    [TestMethod]
    public void FunctionsAreNumberedLikeTheReference()
    {
        // the callee of a call is compiled before its arguments, so its function gets the lower page
        var program = Compile("((fun (f) (f)) (fun () 1))");
        var pages = program.Constants.Select(c => c.Obj).OfType<FunctionProto>().ToDictionary(p => p.Arity, p => p.Page);
        Assert.AreEqual(1, pages[1]);
        Assert.AreEqual(2, pages[0]);
    }

    [TestMethod]
    public void NumberLiteralsKeepSixDecimals() =>
        Assert.AreEqual(0.123457, Compile("(print 0.1234567)").Constants.Single(c => c.IsNumber).Num);

    [TestMethod]
    public void StackDepthCoversTheDeepestExpression() =>
        Assert.IsTrue(Compile("(let f (fun () (+ 1 (+ 2 (+ 3 (+ 4 5))))))").Functions[1].MaxStack >= 5);
}
