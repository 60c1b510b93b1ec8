using Ark.Compiler.Diagnostics;
using Ark.Compiler.Syntax;
using Ark.Vm.Builtins;
using Ark.Vm.Bytecode;
using Ark.Vm.Values;

namespace Ark.Compiler.CodeGen;

internal sealed partial class CodeGenerator
{
    /// <summary>
    /// The instruction of a builtin operator, or <see cref="OpCode.Nop"/>. A switch rather than
    /// a dictionary: a dictionary keyed to a byte enum is a generic instantiation the precompiled
    /// image lacks, and compiling it cost every run about 2 ms.
    /// </summary>
    private static OpCode OperatorCode(string name) => name switch
    {
        "+" => OpCode.Add,
        "-" => OpCode.Sub,
        "*" => OpCode.Mul,
        "/" => OpCode.Div,
        ">" => OpCode.Gt,
        "<" => OpCode.Lt,
        "<=" => OpCode.Le,
        ">=" => OpCode.Ge,
        "!=" => OpCode.Neq,
        "=" => OpCode.Eq,
        "len" => OpCode.Len,
        "empty?" => OpCode.Empty,
        "tail" => OpCode.Tail,
        "head" => OpCode.Head,
        "nil?" => OpCode.IsNil,
        "assert" => OpCode.Assert,
        "toNumber" => OpCode.ToNum,
        "toString" => OpCode.ToStr,
        "@" => OpCode.At,
        "mod" => OpCode.Mod,
        "type" => OpCode.Type,
        "hasField" => OpCode.HasField,
        "not" => OpCode.Not,
        _ => OpCode.Nop,
    };

    private void CompileCall(Node x, FunctionUnit u, bool wantValue, bool tail)
    {
        var head = x.Children[0];
        if (head.Type == NodeType.Symbol)
        {
            if (head.Text is Language.And or Language.Or)
            {
                CompileShortCircuit(x, u, head.Text == Language.And);
                if (!wantValue)
                    u.Code.Emit(OpCode.Pop, 0, -1);
                return;
            }
            if (OperatorCode(head.Text) is var op and not OpCode.Nop)
            {
                CompileOperator(x, op, u);
                if (op == OpCode.Assert)
                {
                    if (wantValue)
                        EmitNil(u);
                }
                else if (!wantValue)
                    u.Code.Emit(OpCode.Pop, 0, -1);
                return;
            }
            if (tail && IsSelfTailCall(head.Text, u))
            {
                CompileTailCall(x, u);
                return;
            }
        }

        var argc = 0;
        for (var i = 1; i < x.Children.Count; i++)
        {
            var arg = x.Children[i];
            if (!ProducesOutput(arg))
                throw CodeErrors.At(x, $"Invalid node inside call to `{head.Repr()}'");
            Compile(arg, u, true, false);
            argc++;
        }

        if (CompilesToNothing(head))
            throw CodeErrors.At(x, $"Can not call {head.Repr()}");

        var builtin = head.Type == NodeType.Symbol ? BuiltinTable.IndexOf(head.Text) : -1;
        if (builtin >= 0 && BuiltinTable.All[builtin].Value.Obj is NativeFunction)
        {
            u.Code.Emit(OpCode.CallBuiltin, builtin, 1 - argc);
            u.Code.EmitWord(argc);
        }
        else
        {
            u.Code.Position = new(FileId(head.File), head.Line, head.Column);
            if (head.Type == NodeType.Field)
                EmitField(head, u, forCall: true);
            else
                Compile(head, u, true, false);
            u.Code.At(FileId(x.File), x);
            u.Code.EmitCall(argc, CalleeName(head));
        }
        if (!wantValue)
            u.Code.Emit(OpCode.Pop, 0, -1);
    }

    /// <summary>A callee such as <c>(begin)</c> leaves no value to call.</summary>
    private static bool CompilesToNothing(Node x) =>
        x.Type == NodeType.List && x.Children.Count > 0 && x.Children[0].Type == NodeType.Keyword &&
        x.Children[0].Keyword == Keyword.Begin && x.Children.Skip(1).All(CompilesToNothing);

    /// <summary>The symbol naming the callee in error messages: the called name, or a field's object; -1 when it is the last variable read at run time.</summary>
    private int CalleeName(Node head) => head.Type switch
    {
        // a builtin value is not a symbol load in the reference: the name is then found at run time
        NodeType.Symbol when BuiltinTable.IndexOf(head.Text) >= 0 && head.Text is not (BuiltinTable.SysArgs or BuiltinTable.SysPlatform) => -1,
        NodeType.Symbol => _symbols[head.Text],
        NodeType.Field => _symbols[head.Children[0].Text],
        _ => -1,
    };

    private static bool IsSelfTailCall(string name, FunctionUnit u) =>
        !u.Scope.IsTopLevel && u.Scope.BoundName == name && !u.Scope.TryGetSlot(name, out _) && !u.Scope.TryGetCapture(name, out _);

    private void CompileTailCall(Node x, FunctionUnit u)
    {
        // The reference evaluates a self tail call's arguments last to first, and reads an
        // argument naming one of the function's variables only when storing it (see TailCall).
        var argc = x.Children.Count - 1;
        var sources = new int[argc];
        var pushed = 0;
        for (var i = x.Children.Count - 1; i >= 1; i--)
        {
            var arg = x.Children[i];
            if (!ProducesOutput(arg))
                throw CodeErrors.At(x, $"Invalid node inside tail call to `{x.Children[0].Repr()}'");
            if (arg.Type == NodeType.Symbol && u.Scope.TryGetSlot(arg.Text, out var slot))
                sources[i - 1] = slot;
            else
            {
                sources[i - 1] = -1;
                Compile(arg, u, true, false);
                pushed++;
            }
        }
        u.Code.Emit(OpCode.TailCall, argc, -pushed);
        foreach (var source in sources)
            u.Code.EmitWord(source);
        // control never falls through, but the code after expects the call's value
        u.Code.Adjust(1);
    }

    private void CompileShortCircuit(Node x, FunctionUnit u, bool isAnd)
    {
        if (x.Children.Count < 2)
            throw CodeErrors.At(x.Children[0], $"Operator needs two arguments, but was called with {x.Children.Count - 1}");
        var jumps = new List<int>();
        for (var i = 1; i < x.Children.Count; i++)
        {
            Compile(x.Children[i], u, true, false);
            if (i < x.Children.Count - 1)
                jumps.Add(u.Code.EmitJump(isAnd ? OpCode.JumpIfFalseOrPop : OpCode.JumpIfTrueOrPop, -1));
        }
        foreach (var jump in jumps)
            u.Code.PatchHere(jump);
    }

    private void CompileOperator(Node x, OpCode op, FunctionUnit u)
    {
        var name = x.Children[0].Text;
        if (TryCompileStep(x, op, u))
            return;
        var count = 0;
        for (var i = 1; i < x.Children.Count; i++)
        {
            if (!ProducesOutput(x.Children[i]))
                throw CodeErrors.At(x, $"Invalid node inside call to operator `{x.Children[0].Repr()}'");
            Compile(x.Children[i], u, true, false);
            count++;
            if (count >= 2)
                u.Code.Emit(op, 0, op == OpCode.Assert ? -2 : -1);
        }

        if (Array.IndexOf(Language.UnaryOperators, name) >= 0)
        {
            if (count != 1)
                throw CodeErrors.At(x.Children[0], $"Operator needs one argument, but was called with {count}");
            u.Code.Emit(op, 0, 0);
        }
        else if (count <= 1)
            throw CodeErrors.At(x.Children[0], $"Operator needs two arguments, but was called with {count}");
        if (count > 2 && Array.IndexOf(Language.ChainableOperators, name) < 0)
            throw CodeErrors.At(x, $"can not create a chained expression (of length {count}) for operator `{name}'. You most likely forgot a `)'.");
    }

    /// <summary>
    /// <c>(+ x 1)</c>, <c>(+ 1 x)</c> and <c>(- x 1)</c> on a variable become one instruction,
    /// as in the reference (whose error for them names only the number contract).
    /// </summary>
    private bool TryCompileStep(Node x, OpCode op, FunctionUnit u)
    {
        if (x.Children.Count != 3 || (op != OpCode.Add && op != OpCode.Sub))
            return false;
        static bool IsOne(Node n) => n.Type == NodeType.Number && NumberLiteral.AsStored(n.Number) == 1;
        static bool IsVariable(Node n) => n.Type == NodeType.Symbol && BuiltinTable.IndexOf(n.Text) < 0;
        Node? variable = null;
        if (IsVariable(x.Children[1]) && IsOne(x.Children[2]))
            variable = x.Children[1];
        else if (op == OpCode.Add && IsOne(x.Children[1]) && IsVariable(x.Children[2]))
            variable = x.Children[2];
        if (variable is null)
            return false;
        Compile(variable, u, true, false);
        u.Code.Emit(op == OpCode.Add ? OpCode.Increment : OpCode.Decrement, 0, 0);
        return true;
    }

    private void CompileListInstruction(Node x, FunctionUnit u, bool wantValue)
    {
        var head = x.Children[0];
        var name = head.Text;
        var argc = x.Children.Count - 1;
        if (argc < 2 && name != "list")
            throw CodeErrors.At(head, $"Can not use {name} with less than 2 arguments");

        var inPlace = name.EndsWith('!');
        var target = inPlace && x.Children[1].Type == NodeType.Symbol ? x.Children[1].Text : null;
        // the reference evaluates list instruction arguments last to first
        var first = target is null ? 1 : 2;
        for (var i = x.Children.Count - 1; i >= first; i--)
        {
            if (!ProducesOutput(x.Children[i]))
                throw CodeErrors.At(x.Children[i], $"Invalid node inside call to {name}");
            Compile(x.Children[i], u, true, false);
        }

        switch (name)
        {
            case "list":
                u.Code.Emit(OpCode.MakeList, argc, 1 - argc);
                break;
            case "append":
                u.Code.Emit(OpCode.Append, argc - 1, 1 - argc);
                break;
            case "concat":
                u.Code.Emit(OpCode.Concat, argc - 1, 1 - argc);
                break;
            case "pop":
                u.Code.Emit(OpCode.PopList, 0, -1);
                break;
            default:
                EmitInPlace(name, target, argc, u);
                break;
        }

        if (inPlace)
        {
            if (wantValue)
                EmitNil(u);
        }
        else if (!wantValue)
            u.Code.Emit(OpCode.Pop, 0, -1);
    }

    private void EmitInPlace(string name, string? target, int argc, FunctionUnit u)
    {
        var operands = name == Language.PopInPlace ? 1 : argc - 1;
        if (target is null)
        {
            var op = name switch
            {
                Language.AppendInPlace => OpCode.AppendInPlaceTemp,
                Language.ConcatInPlace => OpCode.ConcatInPlaceTemp,
                _ => OpCode.PopInPlaceTemp,
            };
            u.Code.Emit(op, operands, -(operands + 1));
            return;
        }
        var inPlace = name switch
        {
            Language.AppendInPlace => OpCode.AppendInPlace,
            Language.ConcatInPlace => OpCode.ConcatInPlace,
            _ => OpCode.PopInPlace,
        };
        u.Code.Emit(inPlace, operands, -operands);
        u.Code.EmitWord(VarRefOf(target, u));
    }

    private int[] SymbolsOf(List<string> names)
    {
        var ids = new int[names.Count];
        for (var i = 0; i < ids.Length; i++)
            ids[i] = _symbols[names[i]];
        return ids;
    }

    private void CompileFunction(Node x, FunctionUnit u, string? boundName)
    {
        if (x.Children.Count < 2 || x.Children[1].Type != NodeType.List)
        {
            var culprit = x.Children.Count > 1 ? x.Children[1] : x;
            throw CodeErrors.At(culprit, $"Expected a well formed argument(s) list, got a {TypeName(culprit)}");
        }
        if (x.Children.Count != 3)
            throw CodeErrors.At(x, "Invalid node ; if it was computed by a macro, check that a node is returned");

        var scope = FunctionScope.ForFunction(x, boundName);
        var page = _pages.TryGetValue(x, out var p) ? p : _units.Count;
        var proto = new FunctionProto(page, scope.Arity, scope.SlotNames.Count)
        {
            Name = boundName,
            SlotSymbols = SymbolsOf(scope.SlotNames),
            Captures = SymbolsOf(scope.CaptureNames),
            CaptureNames = [.. scope.CaptureNames],
        };
        var unit = new FunctionUnit(scope, proto);
        _units.Add(unit);
        foreach (var name in UnboundAccessAnalysis.Find(x, scope))
            _globalsReadByFunctions.Add(_symbols[name]);

        var constant = _constants.Add(proto);
        if (scope.CaptureNames.Count == 0)
            u.Code.Emit(OpCode.LoadConst, constant, 1);
        else
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var capture in x.Children[1].Children)
            {
                if (capture.Type != NodeType.Capture || !seen.Add(capture.Text))
                    continue;
                u.Code.At(FileId(capture.File), capture);
                u.Code.Emit(OpCode.Capture, _symbols[capture.Text], 1);
            }
            u.Code.At(FileId(x.File), x);
            u.Code.Emit(OpCode.MakeClosure, constant, 1 - scope.CaptureNames.Count);
        }

        unit.Code.At(FileId(x.File), x);
        Compile(x.Children[2], unit, true, true);
        unit.Code.Emit(OpCode.Ret, 0, -1);
        unit.Code.ReturnInsteadOfJumpingToReturn();
    }
}
