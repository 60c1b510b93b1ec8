using Ark.Compiler.Diagnostics;
using Ark.Compiler.Syntax;
using Ark.Vm.Builtins;
using Ark.Vm.Bytecode;
using Ark.Vm.Values;

namespace Ark.Compiler.CodeGen;

/// <summary>
/// Turns a checked AST into bytecode. Each node is compiled either for its value (it leaves
/// exactly one value on the stack) or for its effect (it leaves nothing); forms that produce
/// nothing, like <c>let</c> or <c>while</c>, give nil where a value is needed.
/// </summary>
internal sealed partial class CodeGenerator
{
    private readonly SymbolTable _symbols = new();
    private readonly ConstantPool _constants = new();
    private readonly SymbolSet _dynamicSymbols = new();
    private readonly SymbolSet _globalsReadByFunctions = new();
    private readonly List<FunctionUnit> _units = [];
    private readonly List<string> _files = [];
    private readonly Dictionary<Node, int> _pages;

    private CodeGenerator(Node program) => _pages = PageNumbering.Number(program);

    /// <summary>Generates the program for <paramref name="program"/>, a <c>(begin ...)</c> list node.</summary>
    public static CompiledProgram Generate(Node program)
    {
        var generator = new CodeGenerator(program);
        var main = new FunctionUnit(FunctionScope.TopLevel(), new FunctionProto(0, 0, 0));
        generator._units.Add(main);
        generator.Compile(program, main, wantValue: false, tail: false);
        main.Code.Emit(OpCode.Halt, 0, 0);
        generator._globalsReadByFunctions.UnionWith(generator._dynamicSymbols);
        return ProgramLinker.Link(generator._units, generator._constants.ToArray(), generator._symbols.ToArray(), generator._dynamicSymbols, generator._globalsReadByFunctions, generator._files);
    }

    private int FileId(string file)
    {
        var id = _files.IndexOf(file);
        if (id < 0)
        {
            id = _files.Count;
            _files.Add(file);
        }
        return id;
    }

    private void Compile(Node x, FunctionUnit u, bool wantValue, bool tail)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var saved = u.Code.Position;
        u.Code.At(FileId(x.File), x);
        switch (x.Type)
        {
            case NodeType.Symbol:
                EmitLoad(x, u);
                if (!wantValue)
                    u.Code.Emit(OpCode.Pop, 0, -1);
                break;
            case NodeType.Field:
                EmitField(x, u, forCall: false);
                if (!wantValue)
                    u.Code.Emit(OpCode.Pop, 0, -1);
                break;
            case NodeType.String:
                if (wantValue)
                    u.Code.Emit(OpCode.LoadConst, _constants.Add(x.Text), 1);
                break;
            case NodeType.Number:
                if (wantValue)
                    u.Code.EmitNumberConstant(_constants.Add(x.Number));
                break;
            case NodeType.List:
                CompileList(x, u, wantValue, tail);
                break;
            default:
                throw CodeErrors.At(x, "boop"); // the reference's message for a node it can not compile (a leftover macro, a spread...)
        }
        u.Code.Position = saved;
    }

    private void CompileList(Node x, FunctionUnit u, bool wantValue, bool tail)
    {
        if (x.Children.Count == 0)
        {
            if (wantValue)
                EmitNil(u);
            return;
        }
        var head = x.Children[0];
        if (head.Type == NodeType.Symbol && Array.IndexOf(Language.ListInstructions, head.Text) >= 0)
        {
            CompileListInstruction(x, u, wantValue);
            return;
        }
        if (head.Type == NodeType.Keyword)
        {
            CompileKeyword(x, head.Keyword, u, wantValue, tail);
            return;
        }
        CompileCall(x, u, wantValue, tail);
    }

    private void CompileKeyword(Node x, Keyword keyword, FunctionUnit u, bool wantValue, bool tail)
    {
        switch (keyword)
        {
            case Keyword.If:
                CompileIf(x, u, wantValue, tail);
                return;
            case Keyword.Let:
            case Keyword.Mut:
            case Keyword.Set:
                CompileBinding(x, keyword, u);
                break;
            case Keyword.Fun:
                CompileFunction(x, u, null);
                if (!wantValue)
                    u.Code.Emit(OpCode.Pop, 0, -1);
                return;
            case Keyword.Begin:
                CompileBegin(x, u, wantValue, tail);
                return;
            case Keyword.While:
                CompileWhile(x, u);
                break;
            case Keyword.Import:
                CompileImport(x, u);
                break;
            case Keyword.Del:
                CompileDel(x, u);
                break;
        }
        if (wantValue)
            EmitNil(u);
    }

    private void CompileBegin(Node x, FunctionUnit u, bool wantValue, bool tail)
    {
        var count = x.Children.Count;
        if (count == 1)
        {
            if (wantValue)
                EmitNil(u);
            return;
        }
        for (var i = 1; i < count; i++)
        {
            var last = i == count - 1;
            Compile(x.Children[i], u, last && wantValue, last && tail);
        }
    }

    private void CompileIf(Node x, FunctionUnit u, bool wantValue, bool tail)
    {
        if (x.Children.Count < 3)
            throw CodeErrors.At(x, "Invalid node ; if it was computed by a macro, check that a node is returned");
        Compile(x.Children[1], u, true, false);
        var toElse = u.Code.EmitJump(OpCode.JumpIfFalse, -1);
        var depth = u.Code.Depth;
        Compile(x.Children[2], u, wantValue, tail);
        var toEnd = u.Code.EmitJump(OpCode.Jump, 0);
        u.Code.PatchHere(toElse);
        u.Code.Depth = depth;
        if (x.Children.Count > 3)
            Compile(x.Children[3], u, wantValue, tail);
        else if (wantValue)
        {
            // the reference leaves nothing: a function then returns nil, anything else sees undefined
            if (tail)
                EmitNil(u);
            else
                u.Code.Emit(OpCode.LoadUndefined, 0, 1);
        }
        u.Code.PatchHere(toEnd);
    }

    private void CompileWhile(Node x, FunctionUnit u)
    {
        if (x.Children.Count != 3)
            throw CodeErrors.At(x, "Invalid node ; if it was computed by a macro, check that a node is returned");
        var loop = u.Code.Count;
        u.Code.MarkLabel();
        Compile(x.Children[1], u, true, false);
        var toEnd = u.Code.EmitJump(OpCode.JumpIfFalse, -1);
        Compile(x.Children[2], u, false, false);
        u.Code.EmitJumpTo(OpCode.Jump, loop, 0);
        u.Code.PatchHere(toEnd);
    }

    private void CompileBinding(Node x, Keyword keyword, FunctionUnit u)
    {
        if (x.Children.Count < 2 || x.Children[1].Type != NodeType.Symbol)
        {
            var culprit = x.Children.Count > 1 ? x.Children[1] : x;
            throw CodeErrors.At(culprit, $"Expected a symbol, got a {TypeName(culprit)}");
        }
        if (x.Children.Count != 3)
            throw CodeErrors.At(x, "Invalid node ; if it was computed by a macro, check that a node is returned");

        var name = x.Children[1].Text;
        var value = x.Children[2];
        if (IsFunctionNode(value))
            CompileFunction(value, u, name);
        else
            Compile(value, u, true, false);

        var fresh = ProducesFreshList(value);
        if (keyword == Keyword.Set)
            EmitSet(name, u);
        else if (u.Scope.IsTopLevel)
            u.Code.Emit(OpCode.StoreGlobal, Symbol(name, fresh), -1);
        else
        {
            u.Scope.TryGetSlot(name, out var slot);
            u.Code.Emit(OpCode.StoreLocal, fresh ? slot | Instruction.FreshStore : slot, -1);
        }
    }

    private static bool ProducesFreshList(Node value) =>
        value.Type == NodeType.List && value.Children.Count > 0 && value.Children[0].Type == NodeType.Symbol &&
        value.Children[0].Text is "list" or "append" or "concat" or "pop";

    private int Symbol(string name, bool fresh) => fresh ? _symbols[name] | Instruction.FreshStore : _symbols[name];

    private void EmitSet(string name, FunctionUnit u)
    {
        if (u.Scope.IsTopLevel)
            u.Code.Emit(OpCode.SetGlobal, _symbols[name], -1);
        else if (u.Scope.TryGetSlot(name, out var slot))
            u.Code.Emit(OpCode.SetLocal, slot, -1);
        else if (u.Scope.TryGetCapture(name, out var index))
            u.Code.Emit(OpCode.SetEnv, index, -1);
        else
            u.Code.Emit(OpCode.SetDyn, DynamicSymbol(name), -1);
    }

    private void CompileDel(Node x, FunctionUnit u)
    {
        var name = x.Children[1].Text;
        if (!u.Scope.IsTopLevel && u.Scope.TryGetSlot(name, out var slot))
            u.Code.Emit(OpCode.DelLocal, slot, 0);
        else
            u.Code.Emit(OpCode.DelDyn, DynamicSymbol(name), 0);
    }

    private void CompileImport(Node x, FunctionUnit u)
    {
        var parts = x.Children[1].Children.Select(p => p.Text);
        u.Code.Emit(OpCode.Plugin, _constants.Add(string.Join('/', parts)), 0);
    }

    private int DynamicSymbol(string name)
    {
        var id = _symbols[name];
        _dynamicSymbols.Add(id);
        return id;
    }

    private void EmitNil(FunctionUnit u) => u.Code.Emit(OpCode.LoadBuiltin, BuiltinTable.IndexOf("nil"), 1);

    private void EmitLoad(Node symbol, FunctionUnit u)
    {
        var name = symbol.Text;
        var builtin = BuiltinTable.IndexOf(name);
        if (builtin >= 0)
            u.Code.Emit(OpCode.LoadBuiltin, builtin, 1);
        else if (Array.IndexOf(Language.Operators, name) >= 0)
            throw CodeErrors.At(symbol, $"Found a free standing operator: `{name}`");
        else if (u.Scope.IsTopLevel)
            u.Code.Emit(OpCode.LoadGlobal, _symbols[name], 1);
        else if (u.Scope.TryGetSlot(name, out var slot))
            u.Code.Emit(OpCode.LoadLocal, slot, 1);
        else if (u.Scope.TryGetCapture(name, out var index))
            u.Code.Emit(OpCode.LoadEnv, index, 1);
        else
            u.Code.Emit(OpCode.LoadDyn, DynamicSymbol(name), 1);
    }

    private void EmitField(Node field, FunctionUnit u, bool forCall)
    {
        EmitLoad(field.Children[0], u);
        for (var i = 1; i < field.Children.Count; i++)
        {
            var op = forCall && i == field.Children.Count - 1 ? OpCode.GetFieldForCall : OpCode.GetField;
            u.Code.Emit(op, _symbols[field.Children[i].Text], 0);
            u.Code.EmitWord(_symbols[field.Children[0].Text]);
        }
    }

    private int VarRefOf(string name, FunctionUnit u)
    {
        if (u.Scope.IsTopLevel)
            return VarRef.Make(VarRefKind.Global, _symbols[name]);
        if (u.Scope.TryGetSlot(name, out var slot))
            return VarRef.Make(VarRefKind.Local, slot);
        if (u.Scope.TryGetCapture(name, out var index))
            return VarRef.Make(VarRefKind.Env, index);
        return VarRef.Make(VarRefKind.Dynamic, DynamicSymbol(name));
    }

    private static bool IsFunctionNode(Node x) =>
        x.Type == NodeType.List && x.Children.Count > 0 && x.Children[0].Type == NodeType.Keyword && x.Children[0].Keyword == Keyword.Fun;

    /// <summary>Whether a node leaves a value, as the reference decides which call arguments are valid.</summary>
    private static bool ProducesOutput(Node x)
    {
        if (x.Type == NodeType.List && x.Children.Count > 0 && x.Children[0].Type == NodeType.Keyword)
        {
            return x.Children[0].Keyword switch
            {
                Keyword.Begin => x.Children.Count > 1,
                Keyword.Fun or Keyword.If => true,
                _ => false,
            };
        }
        return true;
    }

    private static string TypeName(Node x) => x.Type.ToString();
}
